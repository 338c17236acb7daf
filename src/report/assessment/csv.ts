/**
 * The assessment as CSV, one row per control and subject, for spreadsheets and ticket imports.
 * Cells go through csvCell, which neutralises formula starts (= + - @, tab, CR): a server or
 * mailbox name from the estate must never run as a formula.
 */
import type { Assessment } from '../../engine/assess/assessment.js';
import type { ControlResult } from '../../engine/assess/result.js';
import { csvLine } from '../csv.js';
import { describeProvenance, evidenceOf } from './evidence-locations.js';

export const ASSESSMENT_CSV_COLUMNS = [
  'control',
  'area',
  'title',
  'severity',
  'criticality',
  'subject_type',
  'subject',
  'subject_key',
  'outcome',
  'verdict',
  'basis',
  'message',
  'finding_count',
  'findings',
  'missing',
  'waiver_reason',
  'waiver_approved_by',
  'waiver_ticket',
  'waiver_expires',
  'evidence',
] as const;

export function* assessmentCsvChunks(assessment: Assessment): Generator<string> {
  yield csvLine([...ASSESSMENT_CSV_COLUMNS]);
  for (const result of assessment.results) yield csvLine(row(result));
}

function row(result: ControlResult): Array<string | number> {
  const findings = result.findings.map((finding) =>
    finding.object === undefined ? finding.message : `${finding.object}: ${finding.message}`,
  );
  return [
    result.control,
    result.area,
    result.title,
    result.severity,
    result.criticality,
    result.subject.type,
    result.subject.name,
    result.subject.key,
    result.outcome,
    result.verdict,
    result.basis ?? '',
    result.message,
    result.findingCount,
    findings.join('\n'),
    (result.missing ?? []).join(' '),
    result.waiver?.reason ?? '',
    result.waiver?.approvedBy ?? '',
    result.waiver?.ticket ?? '',
    result.waiver?.expires ?? '',
    evidenceOf(result)
      .map((provenance) => `${provenance.source}/${describeProvenance(provenance)}`)
      .join('\n'),
  ];
}
