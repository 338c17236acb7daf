/**
 * The evidence files a result rests on: its own provenance and its findings', one entry per file
 * and position, in a stable order. SARIF locations and OSCAL relevant-evidence both list these.
 */
import type { ControlResult } from '../../engine/assess/result.js';
import type { Provenance } from '../../evidence/model.js';

/** A result about 10,000 mailboxes should not list 10,000 locations; the JSON keeps them all. */
export const MAX_LOCATIONS = 10;

export function evidenceOf(result: ControlResult, limit = MAX_LOCATIONS): Provenance[] {
  const seen = new Map<string, Provenance>();
  const all = [...result.evidence, ...result.findings.flatMap((finding) => finding.evidence)];
  for (const provenance of all) {
    const key = `${provenance.source}\u0000${provenance.member}\u0000${provenance.line ?? 0}`;
    if (!seen.has(key)) seen.set(key, provenance);
  }
  return [...seen.values()].slice(0, limit);
}

/** "EX01/exchange.server.xml:12:3", as an editor or CI log links to it. */
export function describeProvenance(provenance: Provenance): string {
  const line = provenance.line === undefined ? '' : `:${provenance.line}`;
  const column =
    provenance.line !== undefined && provenance.column !== undefined ? `:${provenance.column}` : '';
  return `${provenance.member}${line}${column}`;
}
