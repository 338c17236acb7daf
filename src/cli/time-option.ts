/**
 * Options that take a point in time (--as-of, --since, --until). Kept apart from the evidence
 * options so a command that only needs a date does not load the evidence importers.
 */
import { ExztError } from '../errors.js';

/** Parses `--<option> <text>`: a date (midnight UTC) or an ISO 8601 instant, as ISO 8601. */
export function parseTimeOption(option: string, text: string): string {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  const time = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(time)) {
    throw new ExztError(
      'USAGE',
      `--${option} ${text}: expected a date (2026-11-30) or an ISO 8601 time (2026-11-30T09:00:00Z)`,
    );
  }
  return new Date(time).toISOString();
}
