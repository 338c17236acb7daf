/**
 * What the probe controls share: the observations a probe fact holds, which of them answered,
 * where each was probed from relative to the policy's networks, and how current a build seen
 * from the network is. Pure functions of the Evidence model and the knowledge base.
 */
import type { ProbeObservation } from '../../evidence/kinds/probe-kinds.js';
import type { Fact } from '../../evidence/model.js';
import {
  evaluateCves,
  evaluateLifecycle,
  identifyBuild,
  openFindings,
  securityUpdateLag,
} from '../../knowledge/index.js';
import type { Policy } from '../../policy/model.js';
import { bestBuild } from '../../probe/build-leak.js';
import type { BuildObservation } from '../../probe/model.js';
import type { Finding, RuleOutcome } from '../model.js';
import { notAssessed } from '../outcomes.js';

/** admin: one of apps.adminFrom; outside: the internet or any other network of the policy. */
export type VantagePlace = 'admin' | 'outside' | 'unspecified' | 'unknown-network';

export function placeOf(vantage: string, policy: Policy): VantagePlace {
  if (vantage === 'unspecified') return 'unspecified';
  if (policy.apps.adminFrom.includes(vantage)) return 'admin';
  if (vantage === 'internet' || vantage in policy.networks) return 'outside';
  return 'unknown-network';
}

export function targetName(observation: ProbeObservation): string {
  const { service, host, port } = observation.target;
  return `${service}://${host}:${port}`;
}

/**
 * The observations that answered (and, with `part`, that hold that part of the answer: a
 * legacy-only TLS server answers the TLS checks but not HTTP); or the outcome when none did.
 */
export function answered(
  fact: Fact<ProbeObservation[]>,
  kind: string,
  part?: 'https' | 'tls' | 'certificate',
): ProbeObservation[] | RuleOutcome {
  const observations = fact.value ?? [];
  const assessed = observations.filter(
    (o) => o.status === 'assessed' && (part === undefined || o[part] !== undefined),
  );
  if (assessed.length > 0) return assessed;

  const reasons = observations.map(
    (o) => `${targetName(o)}: ${o.reason ?? o.httpsReason ?? `no ${part ?? 'answer'}`}`,
  );
  return notAssessed(`no probed target answered (${reasons.join('; ') || 'none probed'})`, [
    `organization:${kind}`,
  ]);
}

export function findingAt(
  observation: ProbeObservation,
  fact: Fact<ProbeObservation[]>,
  message: string,
  value?: unknown,
): Finding {
  return {
    object: targetName(observation),
    message,
    ...(value === undefined ? {} : { value }),
    evidence: fact.provenance,
  };
}

export interface RemoteBuildVerdict {
  build: BuildObservation;
  /** undefined when the build alone cannot say (CU precision on a supported CU). */
  behind: boolean | undefined;
  friendlyName: string;
  reasons: string[];
  knownExploitedOpen: number;
}

/** How current the most precise build a target leaked is, judged at `asOf`. */
export function remoteBuildVerdict(
  observation: ProbeObservation,
  asOf: string,
): RemoteBuildVerdict | undefined {
  const build = bestBuild(observation.https?.builds ?? []);
  // A CU-precision build (15.2.1544) names the CU; the highest revision stands for "some build of
  // that CU" so identification lands on the CU itself and never on the one before it.
  const text = build?.precision === 'cu' ? `${build.version}.65535` : build?.version;
  const identity = text === undefined ? undefined : identifyBuild(text);
  if (build === undefined || identity === undefined) return undefined;

  const lag = securityUpdateLag(identity.cu, identity.version);
  const lifecycle = evaluateLifecycle(identity, lag, asOf);
  const endOfLife = lifecycle?.status === 'end-of-life';
  const exact = build.precision === 'build';
  const behind =
    endOfLife || !identity.cuSupported
      ? true
      : exact
        ? lifecycle?.status === 'out-of-date'
        : undefined;
  const knownExploitedOpen = exact
    ? openFindings(evaluateCves(build.version)).filter((cve) => cve.knownExploited).length
    : 0;
  return {
    build,
    behind,
    friendlyName: exact ? identity.friendlyName : `${identity.friendlyName} (SU unknown)`,
    reasons: lifecycle?.reasons ?? [],
    knownExploitedOpen,
  };
}
