/**
 * Applies waivers to control results. A waived failing result keeps its outcome and gains the
 * verdict "waived" and the waiver; a waiver past its expiry stops applying and is reported; one
 * that matched no failing result is reported as unused; one for a control that may not be waived
 * is refused. Pure: the as-of date is given, never read from the clock.
 */
import type { Control } from '../controls/model.js';
import type { AppliedWaiver, ControlResult } from '../engine/assess/result.js';
import type { SubjectRef } from '../evidence/model.js';
import type { Waiver } from './model.js';

/** A waiver that did not apply as written, and why, for the report. */
export interface WaiverNotice {
  waiver: Waiver;
  message: string;
}

export interface WaiversApplied {
  results: ControlResult[];
  expired: WaiverNotice[];
  unused: WaiverNotice[];
  refused: WaiverNotice[];
}

export interface ApplyWaiversOptions {
  /** ISO 8601 date or instant the assessment is made for; a waiver applies through its expiry day. */
  asOf: string;
  controls: readonly Control[];
}

export function applyWaivers(
  results: readonly ControlResult[],
  waivers: readonly Waiver[],
  options: ApplyWaiversOptions,
): WaiversApplied {
  const day = options.asOf.slice(0, 10);
  const refused: WaiverNotice[] = [];
  const expired: WaiverNotice[] = [];
  const active: Waiver[] = [];
  for (const waiver of waivers) {
    const control = options.controls.find((c) => c.id === waiver.control);
    if (control === undefined || !control.waivable) {
      refused.push({ waiver, message: refusal(waiver, control) });
    } else if (waiver.expires < day) {
      expired.push({ waiver, message: expiry(waiver, matching(results, waiver).length) });
    } else active.push(waiver);
  }

  const used = new Set<Waiver>();
  const waived = results.map((result) => {
    const waiver = result.outcome === 'fail' ? active.find((w) => matches(w, result)) : undefined;
    if (waiver === undefined) return result;

    used.add(waiver);
    return { ...result, verdict: 'waived' as const, waiver: applied(waiver) };
  });
  const unused = active
    .filter((waiver) => !used.has(waiver))
    .map((waiver) => ({ waiver, message: unusedMessage(waiver) }));
  return { results: waived, expired, unused, refused };
}

// TODO(#3): a waiver covers whole results (a server or the organisation); waiving one finding
// (one mailbox, one connector) needs an object scope in the Waiver model and finding keys.
/** The failing results a waiver's control and subjects cover. */
function matching(results: readonly ControlResult[], waiver: Waiver): ControlResult[] {
  return results.filter((result) => result.outcome === 'fail' && matches(waiver, result));
}

function matches(waiver: Waiver, result: ControlResult): boolean {
  return waiver.control === result.control && covers(waiver.subjects, result.subject);
}

/** No servers and no organization: every subject; otherwise the ones named (server names as Windows compares them, case-insensitively). */
function covers(subjects: Waiver['subjects'], subject: SubjectRef): boolean {
  const servers = subjects.servers ?? [];
  if (servers.length === 0 && subjects.organization !== true) return true;
  if (subject.type === 'organization') return subjects.organization === true;

  return servers.some((name) => name.toLowerCase() === subject.name.toLowerCase());
}

function applied(waiver: Waiver): AppliedWaiver {
  return {
    reason: waiver.reason,
    approvedBy: waiver.approvedBy,
    ...(waiver.ticket === undefined ? {} : { ticket: waiver.ticket }),
    expires: waiver.expires,
    source: `${waiver.source.file}:${waiver.source.line}`,
  };
}

function where(waiver: Waiver): string {
  const ticket = waiver.ticket === undefined ? '' : ` (${waiver.ticket})`;
  return `${waiver.source.file}:${waiver.source.line}: waiver for ${waiver.control}${ticket}`;
}

function refusal(waiver: Waiver, control: Control | undefined): string {
  if (control === undefined) return `${where(waiver)} names no control in this catalogue`;

  return (
    `${where(waiver)} refused: ${control.id} (${control.title}) may not be waived, because it ` +
    'guards against exposure to a known-exploited vulnerability; fix it instead'
  );
}

function expiry(waiver: Waiver, failing: number): string {
  const count = failing === 1 ? '1 failing result counts' : `${failing} failing results count`;
  return `${where(waiver)} expired on ${waiver.expires}; ${count} again`;
}

function unusedMessage(waiver: Waiver): string {
  return `${where(waiver)} matched no failing result; remove it, or check its control and subjects`;
}
