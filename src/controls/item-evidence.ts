/**
 * The provenance of one item of a list fact. List importers anchor item i at provenance[i], so a
 * finding about one mailbox or device points at its own object, not at the whole file.
 */
import type { Fact, Provenance } from '../evidence/model.js';

export function itemEvidence(fact: Fact<readonly unknown[]>, index: number): Provenance[] {
  const own =
    fact.provenance.length === (fact.value?.length ?? -1) ? fact.provenance[index] : undefined;
  return own === undefined ? fact.provenance.slice(0, 1) : [own];
}
