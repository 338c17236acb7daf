/**
 * EXZT.NET.17: an Exchange build that is behind on Security Updates (or past support) answering
 * the probe from outside the admin networks with nothing visible in between: IIS itself answers
 * (X-FEServer, Microsoft-IIS, OWA's forms login served anonymously). This is the most urgent
 * finding exzt can make (issue #6): it is how ProxyLogon and ProxyShell were mass-exploited,
 * so the control is critical, cannot be waived, and is ordered first.
 */
import type { Control } from '../model.js';
import { fail, notApplicable, notAssessed, pass, required } from '../outcomes.js';
import { answered, findingAt, placeOf, remoteBuildVerdict, targetName } from './probe-view.js';

export const probeUnpatchedDirect: Control = {
  id: 'EXZT.NET.17',
  area: 'network',
  title: 'No unpatched Exchange build answers from outside without an intermediary',
  rationale:
    'An Exchange server behind on Security Updates that IIS exposes directly is exactly what ' +
    'mass exploitation (ProxyLogon, ProxyShell, ProxyNotShell) scans the internet for; nothing ' +
    'stands between the attacker and the flaw. It is the first thing to fix.',
  remediation: {
    text:
      'Today: take the endpoint off the network it was probed from (firewall) or put a ' +
      'pre-authenticating reverse proxy in front. Then install the latest Security Update for the ' +
      'CU, or move to a supported CU and product, and probe again.',
  },
  severity: 'critical',
  criticality: 'must',
  waivable: false,
  scope: 'organization',
  requires: { organization: ['probe.https'] },
  mappings: {
    cisV8: ['7.3', '7.4', '12.3'],
    nist800207: ['T5', 'T6'],
    iso27001: ['A.8.8', 'A.8.20'],
    nist80053: ['SI-2', 'SC-7'],
    disaStig: [],
    ztmm: [
      { pillar: 'applications', function: 'Application Threat Protections' },
      { pillar: 'networks', function: 'Network Segmentation' },
    ],
  },
  policyKeys: ['apps.adminFrom', 'networks'],
  evaluate(context) {
    const fact = context.organizationFact('probe.https');
    required(fact, 'probe.https');
    const seen = answered(fact, 'probe.https', 'https');
    if (!Array.isArray(seen)) return seen;
    const outside = seen.filter((o) => placeOf(o.vantage, context.policy) !== 'admin');
    if (outside.length === 0) return notApplicable('probed only from the admin networks');

    const judged = outside.map((o) => ({ o, verdict: remoteBuildVerdict(o, context.asOf) }));
    const urgent = judged.filter(
      ({ o, verdict }) =>
        verdict?.behind === true && o.https?.intermediary.verdict === 'direct-to-iis',
    );
    if (urgent.length > 0) {
      const findings = urgent.map(({ o, verdict }) =>
        findingAt(
          o,
          fact,
          `${verdict?.friendlyName} (${verdict?.build.version}) answers ${o.vantage} directly from IIS (${o.https?.intermediary.signs.join('; ')})${verdict?.knownExploitedOpen ? `; ${verdict.knownExploitedOpen} known-exploited CVE(s) open` : ''}`,
          verdict?.build.version,
        ),
      );
      return fail(
        'an unpatched Exchange build answers from outside with nothing in front',
        findings,
      );
    }
    const unclear = judged.filter(({ verdict }) => verdict?.behind === undefined);
    if (unclear.length === judged.length) {
      return notAssessed(
        `the build is not visible precisely enough at ${unclear.map(({ o }) => targetName(o)).join(', ')} to say whether it is patched`,
        ['organization:probe.https'],
      );
    }
    return pass(
      `no target probed from outside is both behind and reached directly (${outside.map(targetName).join(', ')})`,
      fact.provenance,
    );
  },
};
