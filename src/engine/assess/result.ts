/** One result per control and subject; objects inside it are counted findings. */
import type { Area, Criticality, Finding, Severity } from '../../controls/model.js';
import type { Provenance, SubjectRef } from '../../evidence/model.js';

export type Outcome = 'pass' | 'fail' | 'not-applicable' | 'not-assessed' | 'error';

/** What the result means for the run: a failed must fails, a failed should warns. */
export type Verdict =
  'pass' | 'fail' | 'warn' | 'waived' | 'not-applicable' | 'not-assessed' | 'error';

export interface AppliedWaiver {
  reason: string;
  approvedBy: string;
  ticket?: string;
  expires: string;
  source: string;
}

export interface ControlResult {
  control: string;
  area: Area;
  title: string;
  severity: Severity;
  criticality: Criticality;
  subject: SubjectRef;
  /** The rule's outcome; a waiver never changes it. */
  outcome: Outcome;
  verdict: Verdict;
  /** How a pass is known: from evidence, a derived value, or the organisation's attestation. */
  basis?: 'observed' | 'derived' | 'attested';
  message: string;
  findings: Finding[];
  findingCount: number;
  /** For not-assessed: the evidence kinds (or attestations) that were missing. */
  missing?: string[];
  /** For error: what the rule threw. */
  error?: string;
  waiver?: AppliedWaiver;
  evidence: Provenance[];
}
