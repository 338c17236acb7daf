/**
 * What a rule sees: the subject's evidence, the organisation's, the policy, the attestations in
 * force and the as-of time. Rules never read files or the clock.
 */
import type { ServerVersionRow } from '../engine/version-report/model.js';
import { factOf, type EvidenceSet, type SubjectEvidence } from '../evidence/evidence-set.js';
import type { KindValueMap, TypedKindId } from '../evidence/kinds.js';
import type { Fact } from '../evidence/model.js';
import type { Attestation, Policy } from '../policy/model.js';

export interface RuleContext {
  /** The server or the organisation the result is about. */
  subject: SubjectEvidence;
  organization: SubjectEvidence | undefined;
  evidence: EvidenceSet;
  policy: Policy;
  /** ISO 8601 instant the assessment is made for. */
  asOf: string;
  /** A typed fact of the subject; `not-collected` when absent. */
  fact<K extends TypedKindId>(kind: K): Fact<KindValueMap[K]>;
  /** A typed fact of the organisation subject. */
  organizationFact<K extends TypedKindId>(kind: K): Fact<KindValueMap[K]>;
  /** The attestation of `fact` in force at `asOf`, if any. */
  attestation(fact: string): Attestation | undefined;
  /** The version report row of the subject, when it is a server. */
  version(): ServerVersionRow | undefined;
  /** Every server subject, sorted by key. */
  servers(): SubjectEvidence[];
}

export interface RuleContextInputs {
  evidence: EvidenceSet;
  subject: SubjectEvidence;
  policy: Policy;
  attestations: Attestation[];
  asOf: string;
  versionRows: ReadonlyMap<string, ServerVersionRow>;
}

export function createRuleContext(inputs: RuleContextInputs): RuleContext {
  const organization = inputs.evidence.subjects.find((s) => s.subject.type === 'organization');
  const day = inputs.asOf.slice(0, 10);

  return {
    subject: inputs.subject,
    organization,
    evidence: inputs.evidence,
    policy: inputs.policy,
    asOf: inputs.asOf,
    fact: (kind) => factOf(inputs.subject, kind),
    organizationFact: (kind) => factOf(organization, kind),
    attestation: (fact) =>
      inputs.attestations.find((a) => a.fact === fact && a.date <= day && day <= a.expires),
    version: () => inputs.versionRows.get(inputs.subject.subject.key),
    servers: () => inputs.evidence.subjects.filter((s) => s.subject.type === 'server'),
  };
}
