/**
 * EXZT.NET.14: the build Exchange shows the network (X-OWA-Version, the ECP export tool
 * manifest, the OWA asset path) carries the latest Security Update for its CU and a supported
 * product, and agrees with the servers' own evidence. A disagreement means a server behind the
 * load balancer was missed, or a stale front end answers.
 */
import { factOf } from '../../evidence/evidence-set.js';
import type { ProbeObservation } from '../../evidence/kinds/probe-kinds.js';
import type { Fact } from '../../evidence/model.js';
import type { RuleContext } from '../context.js';
import type { Control, Finding } from '../model.js';
import { fail, notAssessed, optional, pass, required } from '../outcomes.js';
import { answered, findingAt, remoteBuildVerdict, targetName } from './probe-view.js';

export const probeRemoteBuild: Control = {
  id: 'EXZT.NET.14',
  area: 'network',
  title: 'The build the network sees is current and agrees with the servers',
  rationale:
    'Attackers read the same headers the probe reads and pick exploits by build. A front end on ' +
    'an old build, or one that disagrees with what the servers report, is a server nobody is ' +
    'patching, whatever the inventory says.',
  remediation: {
    text:
      'Install the latest Security Update for the CU (or move to a supported CU and product) on ' +
      'every server the probed name reaches, including those behind the load balancer, then ' +
      'probe again; where the build disagrees with the server evidence, find the server that ' +
      'answered (X-FEServer) and bring it in.',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { organization: ['probe.https'] },
  mappings: {
    cisV8: ['7.3', '7.4'],
    nist800207: ['T5'],
    iso27001: ['A.8.8'],
    nist80053: ['SI-2'],
    disaStig: [],
    ztmm: [{ pillar: 'applications', function: 'Application Threat Protections' }],
  },
  policyKeys: [],
  evaluate(context) {
    const fact = context.organizationFact('probe.https');
    required(fact, 'probe.https');
    const seen = answered(fact, 'probe.https', 'https');
    if (!Array.isArray(seen)) return seen;

    const leaking = seen.filter((o) => (o.https?.builds.length ?? 0) > 0);
    if (leaking.length === 0) {
      return notAssessed(
        'no probed target gave its build away (headers stripped, or not Exchange)',
        ['organization:probe.https'],
      );
    }
    const serverBuilds = serverBuildsOf(context);
    const findings = leaking.flatMap((o) => buildFindings(o, fact, context.asOf, serverBuilds));
    if (findings.length > 0)
      return fail(
        'the build seen from the network is behind or disagrees with the servers',
        findings,
      );

    const unknown = leaking.filter(
      (o) => remoteBuildVerdict(o, context.asOf)?.behind === undefined,
    );
    if (unknown.length === leaking.length) {
      return notAssessed(
        `only the CU is visible (${unknown.map(targetName).join(', ')}): whether the latest SU is installed cannot be seen`,
        ['organization:probe.https'],
      );
    }
    return pass(`${leaking.map(targetName).join(', ')} show a current build`, fact.provenance);
  },
};

/** Exact builds the servers' own evidence gives (ExSetup), by server name. */
function serverBuildsOf(context: RuleContext): Map<string, string> {
  const builds = new Map<string, string>();
  for (const server of context.servers()) {
    const version = optional(factOf(server, 'exchange.setup-version'));
    if (version !== undefined) builds.set(server.subject.name, version.fileVersion);
  }
  return builds;
}

function buildFindings(
  o: ProbeObservation,
  fact: Fact<ProbeObservation[]>,
  asOf: string,
  serverBuilds: Map<string, string>,
): Finding[] {
  const verdict = remoteBuildVerdict(o, asOf);
  if (verdict === undefined) return [];
  const { build } = verdict;
  const findings: Finding[] = [];
  if (verdict.behind === true) {
    const why = verdict.reasons.join('; ') || 'not the latest SU of a supported CU';
    findings.push(
      findingAt(
        o,
        fact,
        `${build.source} shows ${build.version} (${verdict.friendlyName}): ${why}`,
        build.version,
      ),
    );
  }
  const matches = (server: string) =>
    build.precision === 'build' ? server === build.version : server.startsWith(`${build.version}.`);
  if (serverBuilds.size > 0 && ![...serverBuilds.values()].some(matches)) {
    const servers = [...serverBuilds].map(([name, version]) => `${name} ${version}`).join(', ');
    findings.push(
      findingAt(
        o,
        fact,
        `${build.source} shows ${build.version} but the server evidence says ${servers}`,
        build.version,
      ),
    );
  }
  return findings;
}
