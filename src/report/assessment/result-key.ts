/**
 * How a result is named across runs and formats: by control and stable subject key
 * (`server:ex01`, `organization`), never by position or display name, so SARIF fingerprints,
 * OSCAL UUIDs and `exzt diff` all match the same result in two assessments.
 */
import type { ControlResult } from '../../engine/assess/result.js';
import type { SubjectRef } from '../../evidence/model.js';

export function resultKey(result: Pick<ControlResult, 'control' | 'subject'>): string {
  return `${result.control}|${result.subject.key}`;
}

/** The subject as people read it: the server's name, or "organisation". */
export function subjectLabel(subject: SubjectRef): string {
  return subject.type === 'organization' ? `organisation ${subject.name}`.trim() : subject.name;
}
