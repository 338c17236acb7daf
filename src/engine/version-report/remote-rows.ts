/**
 * Version report rows from the probe, for when no server evidence exists: each HTTPS target that
 * leaked a build becomes a row, built the same way as a server's, with the probe's source and
 * precision (X-OWA-Version and the export tool manifest are exact; the OWA asset path shows the
 * CU only). With server evidence the probe adds no rows; EXZT.NET.14 compares the two instead.
 */
import type { EvidenceSet, KindEvidence, SubjectEvidence } from '../../evidence/evidence-set.js';
import { findSubject, ORGANIZATION_KEY, factOf } from '../../evidence/evidence-set.js';
import type { ProbeObservation } from '../../evidence/kinds/probe-kinds.js';
import { USABLE_STATUSES } from '../../evidence/model.js';
import { productEntry, productOf } from '../../knowledge/index.js';
import { parseExchangeVersion } from '../../knowledge/version.js';
import { bestBuild } from '../../probe/build-leak.js';
import type { BuildObservation } from '../../probe/model.js';

export interface RemoteSubject {
  subject: SubjectEvidence;
  build: BuildObservation;
  note: string;
}

export function remoteSubjects(evidence: EvidenceSet): RemoteSubject[] {
  const fact = factOf(findSubject(evidence, ORGANIZATION_KEY), 'probe.https');
  if (!USABLE_STATUSES.has(fact.status)) return [];

  return (fact.value ?? []).flatMap((observation) => {
    const build = bestBuild(observation.https?.builds ?? []);
    const kind = build === undefined ? undefined : buildFact(build, fact.provenance);
    if (build === undefined || kind === undefined) return [];
    const { host, port } = observation.target;
    return [
      {
        subject: {
          subject: {
            key: `remote:${host.toLowerCase()}:${port}`,
            type: 'server',
            name: `${host}:${port}`,
          },
          kinds: [kind],
        },
        build,
        note: remoteNote(observation, build),
      },
    ];
  });
}

/** The build as the fact a server's row is built from: ExSetup-like when exact, else the CU. */
function buildFact(
  build: BuildObservation,
  provenance: KindEvidence['fact']['provenance'],
): KindEvidence | undefined {
  if (build.precision === 'build') {
    return {
      kind: 'exchange.setup-version',
      status: 'observed',
      files: [],
      fact: { status: 'observed', value: { fileVersion: build.version }, provenance },
    };
  }
  const cuBuild = cuBaseBuild(build.version);
  if (cuBuild === undefined) return undefined;
  const [major, minor, number, revision] = cuBuild.split('.');
  const value = {
    name: build.version,
    adminDisplayVersion: `Version ${major}.${minor} (Build ${number}.${revision})`,
    serverRoles: [],
    isEdgeServer: false,
    mitigationsApplied: [],
  };
  return {
    kind: 'exchange.server',
    status: 'observed',
    files: [],
    fact: { status: 'observed', value, provenance },
  };
}

/** The released build of the CU a 3-part version names (15.2.1544 → 15.2.1544.4). */
function cuBaseBuild(threePart: string): string | undefined {
  const version = parseExchangeVersion(`${threePart}.0`);
  const product = version === undefined ? undefined : productOf(version);
  const entry = product === undefined ? undefined : productEntry(product);
  return entry?.cus.find(
    (cu) => cu.version.build === version?.build && cu.version.minor === version.minor,
  )?.build;
}

function remoteNote(observation: ProbeObservation, build: BuildObservation): string {
  const precision = build.precision === 'build' ? 'exact build' : 'CU only, SU unknown';
  return (
    `remote evidence: ${build.source} at ${build.path} (${precision}), seen by exzt probe from ` +
    `${observation.vantage} at ${observation.probedAt}; no server evidence was given, so restart ` +
    'and SU activation are unknown'
  );
}
