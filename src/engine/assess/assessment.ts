/**
 * The Assessment: everything one run concluded, as plain data. Writers and `exzt diff` see only
 * this, never rules or sources (DESIGN.md "Pipeline").
 */
import { CONTROLS } from '../../controls/catalogue.js';
import type { Area, Control, FrameworkMappings, Severity } from '../../controls/model.js';
import type { EvidenceSet } from '../../evidence/evidence-set.js';
import { applyWaivers, type WaiverNotice } from '../../policy/apply-waivers.js';
import { unreadFacts } from '../../policy/attestations.js';
import type { Attestation, Policy, Waiver } from '../../policy/model.js';
import { buildVersionReport, type VersionReport } from '../version-report/index.js';
import { assessmentMetadata, type AssessmentMetadata, type MetadataInputs } from './metadata.js';
import type { ControlResult, Verdict } from './result.js';
import { runControls } from './run-controls.js';
import { computeScores, countVerdicts, type Scores } from './scores.js';

export const ASSESSMENT_SCHEMA_VERSION = 1;

export interface WaiverReport {
  control: string;
  subjects: Waiver['subjects'];
  expires: string;
  approvedBy: string;
  source: string;
  message: string;
}

/** What a report needs to say about a control, so writers never read the rules themselves. */
export interface ControlEntry {
  id: string;
  area: Area;
  title: string;
  rationale: string;
  remediation: Control['remediation'];
  severity: Severity;
  criticality: Control['criticality'];
  waivable: boolean;
  scope: Control['scope'];
  /** Evidence kinds the rule reads, subject and organisation together. */
  requires: string[];
  attestations: string[];
  policyKeys: string[];
  mappings: FrameworkMappings;
  /** The rule's page, relative to the repository: docs/rules/<id>.md. */
  doc: string;
}

export interface Assessment {
  schemaVersion: number;
  metadata: AssessmentMetadata;
  /** The controls this run evaluated, in catalogue order. */
  controls: ControlEntry[];
  versionReport: VersionReport;
  /** One per control and subject, in catalogue order, then by subject key. */
  results: ControlResult[];
  waivers: {
    applied: number;
    expired: WaiverReport[];
    unused: WaiverReport[];
    refused: WaiverReport[];
  };
  attestations: { inForce: number; unread: string[] };
  scores: Scores;
  summary: Record<Verdict, number>;
}

export interface AssessInputs {
  evidence: EvidenceSet;
  policy: Policy;
  policySource: MetadataInputs['policy'];
  waivers: Waiver[];
  attestations: Attestation[];
  asOf: string;
  asOfSource: AssessmentMetadata['asOfSource'];
  exztVersion: string;
  controls?: readonly Control[];
}

export function assess(inputs: AssessInputs): Assessment {
  const controls = inputs.controls ?? CONTROLS;
  const versionReport = buildVersionReport(inputs.evidence, inputs);
  const raw = runControls(controls, {
    ...inputs,
    versionRows: new Map(versionReport.servers.map((row) => [row.key, row])),
  });
  const waived = applyWaivers(raw, inputs.waivers, { asOf: inputs.asOf, controls });
  const results = inCatalogueOrder(waived.results, controls);
  const day = inputs.asOf.slice(0, 10);

  return {
    schemaVersion: ASSESSMENT_SCHEMA_VERSION,
    metadata: assessmentMetadata({ ...inputs, policy: inputs.policySource }),
    controls: controls.map(controlEntry),
    versionReport,
    results,
    waivers: {
      applied: results.filter((result) => result.verdict === 'waived').length,
      expired: waived.expired.map(waiverReport),
      unused: waived.unused.map(waiverReport),
      refused: waived.refused.map(waiverReport),
    },
    attestations: {
      inForce: inputs.attestations.filter((a) => a.date <= day && day <= a.expires).length,
      unread: unreadFacts(inputs.attestations, controls).sort(),
    },
    scores: computeScores(results, controls),
    summary: countVerdicts(results),
  };
}

/** Does any result fail at or above this severity (waived and should-level warnings excluded)? */
export function failsAt(assessment: Assessment, threshold: Severity | 'none'): boolean {
  if (threshold === 'none') return false;

  const rank = SEVERITY_ORDER.indexOf(threshold);
  return assessment.results.some(
    (result) => result.verdict === 'fail' && SEVERITY_ORDER.indexOf(result.severity) <= rank,
  );
}

export const SEVERITY_ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

function inCatalogueOrder(results: ControlResult[], controls: readonly Control[]): ControlResult[] {
  const position = new Map(controls.map((control, index) => [control.id, index]));
  return [...results].sort(
    (a, b) =>
      (position.get(a.control) ?? 0) - (position.get(b.control) ?? 0) ||
      a.subject.key.localeCompare(b.subject.key),
  );
}

function controlEntry(control: Control): ControlEntry {
  return {
    id: control.id,
    area: control.area,
    title: control.title,
    rationale: control.rationale,
    remediation: control.remediation,
    severity: control.severity,
    criticality: control.criticality,
    waivable: control.waivable,
    scope: control.scope,
    requires: [...(control.requires.subject ?? []), ...(control.requires.organization ?? [])],
    attestations: control.attestations ?? [],
    policyKeys: control.policyKeys ?? [],
    mappings: control.mappings,
    doc: `docs/rules/${control.id}.md`,
  };
}

function waiverReport(notice: WaiverNotice): WaiverReport {
  const { waiver } = notice;
  return {
    control: waiver.control,
    subjects: waiver.subjects,
    expires: waiver.expires,
    approvedBy: waiver.approvedBy,
    source: `${waiver.source.file}:${waiver.source.line}`,
    message: notice.message,
  };
}
