/**
 * Findings from the usage tallies `exzt logs scan --policy` produces: one finding per user,
 * address and reason, counted, so a thousand requests of one user stay one readable line.
 */
import type { Fact } from '../evidence/model.js';
import type { UsageCount } from '../logs/model.js';
import type { Finding } from './model.js';

export function usageFindings(fact: Fact<unknown>, counts: readonly UsageCount[]): Finding[] {
  return counts.map((count) => ({
    object: count.user === '' ? count.clientIp : `${count.user} from ${count.clientIp || '-'}`,
    message:
      `${count.what}: ${count.reason}, ${count.count} requests ` +
      `(${count.first ?? '?'} to ${count.last ?? '?'}; first at ${count.sample})`,
    value: count.count,
    evidence: fact.provenance,
  }));
}
