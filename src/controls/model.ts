/**
 * What a control is (DESIGN.md "Controls and outcomes"): a stable id, why it matters, how to fix
 * it, how much it matters, which evidence it needs, where it maps in the frameworks, and a rule
 * that reads the Evidence model, never files.
 */
import type { TypedKindId } from '../evidence/kinds.js';
import type { Provenance } from '../evidence/model.js';
import type { RuleContext } from './context.js';

export type Area = 'identity' | 'endpoints' | 'apps' | 'data' | 'infrastructure' | 'network';

export const AREAS: readonly Area[] = [
  'identity',
  'endpoints',
  'apps',
  'data',
  'infrastructure',
  'network',
];

/** The AREA part of a control id: EXZT.<AREA>.<n>. */
export const AREA_CODES: Readonly<Record<Area, string>> = {
  identity: 'IDN',
  endpoints: 'END',
  apps: 'APP',
  data: 'DAT',
  infrastructure: 'INF',
  network: 'NET',
};

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** must: a failure fails the assessment; should: a failure warns. */
export type Criticality = 'must' | 'should';

export type ZtmmPillar = 'identity' | 'devices' | 'networks' | 'applications' | 'data';

/** Framework references, kept as data; every id must exist in src/knowledge/frameworks. */
export interface FrameworkMappings {
  /** CIS Controls v8 safeguards, e.g. "4.1", "7.3". */
  cisV8: string[];
  /** NIST SP 800-207 §2.1 tenets, "T1" … "T7". */
  nist800207: string[];
  /** ISO/IEC 27001:2022 Annex A controls, e.g. "A.8.8". */
  iso27001: string[];
  /** NIST SP 800-53 r5 controls, e.g. "SI-2", "AC-6(5)". */
  nist80053: string[];
  /** DISA STIG Microsoft Exchange 2019 rule ids (Mailbox or Edge), where one matches. */
  disaStig: string[];
  /** CISA Zero Trust Maturity Model v2.0 pillar and function (or cross-cutting capability). */
  ztmm: Array<{ pillar: ZtmmPillar; function: string }>;
}

/** Evidence kinds a rule needs; missing, failed or conflicting ones make it "not assessed". */
export interface EvidenceRequirements {
  /** Kinds read from the subject itself (the server, for server-scoped controls). */
  subject?: TypedKindId[];
  /** Kinds read from the organisation subject. */
  organization?: TypedKindId[];
}

export interface Finding {
  /** The object the finding is about: a virtual directory, a connector, a role holder, … */
  object?: string;
  message: string;
  /** The value that failed, as evidence shows it. */
  value?: unknown;
  evidence: Provenance[];
}

/** What a rule says about one subject. The engine adds waivers, verdicts and scores. */
export type RuleOutcome =
  | {
      outcome: 'pass';
      message: string;
      basis?: 'observed' | 'derived' | 'attested';
      evidence?: Provenance[];
    }
  | { outcome: 'fail'; message: string; findings: Finding[] }
  | { outcome: 'not-applicable'; message: string }
  | { outcome: 'not-assessed'; message: string; missing: string[] };

export interface Control {
  /** EXZT.<AREA>.<n>, stable forever: reports, waivers and diffs refer to it. */
  id: string;
  area: Area;
  title: string;
  /** Why this matters, in two or three sentences. */
  rationale: string;
  remediation: {
    text: string;
    /** The Exchange Management Shell or PowerShell that fixes it, where one exists. */
    powershell?: string;
  };
  severity: Severity;
  criticality: Criticality;
  /** False for controls no waiver may cover (exposure to a known-exploited CVE). */
  waivable: boolean;
  /** One result per server, or one for the organisation. */
  scope: 'server' | 'organization';
  requires: EvidenceRequirements;
  /** Attestation facts that can stand in for what on-premises evidence cannot show. */
  attestations?: string[];
  mappings: FrameworkMappings;
  /** Policy keys the rule reads (`data.minimumTls`), shown by `exzt policy explain`. */
  policyKeys?: string[];
  evaluate(context: RuleContext): RuleOutcome;
}
