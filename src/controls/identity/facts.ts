/** How the identity rules point at evidence: one list item, or a kind that is missing. */
import type { Fact, Provenance } from '../../evidence/model.js';

/** The provenance of item `index` of a list fact (importers anchor item i at i). */
export function itemEvidence<T>(fact: Fact<T[]>, index: number): Provenance[] {
  const own = fact.provenance[index] ?? fact.provenance[0];
  return own === undefined ? [] : [own];
}

/** A kind a rule could not read, worded as the engine words its own: "kind (not collected)". */
export function missingKind(kind: string, fact: Fact<unknown>): string {
  return `${kind} (${fact.status.replace(/-/g, ' ')})`;
}
