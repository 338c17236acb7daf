/** Small constructors rules use to say what they found. */
import { USABLE_STATUSES, type Fact, type Provenance } from '../evidence/model.js';
import type { Finding, RuleOutcome } from './model.js';

export function pass(message: string, evidence: Provenance[] = []): RuleOutcome {
  return { outcome: 'pass', message, basis: 'observed', evidence };
}

/** A pass that rests on the organisation's word, not on evidence: reports say "attested". */
export function passAttested(message: string): RuleOutcome {
  return { outcome: 'pass', message, basis: 'attested' };
}

export function fail(message: string, findings: Finding[]): RuleOutcome {
  return { outcome: 'fail', message, findings };
}

export function notApplicable(message: string): RuleOutcome {
  return { outcome: 'not-applicable', message };
}

export function notAssessed(message: string, missing: string[]): RuleOutcome {
  return { outcome: 'not-assessed', message, missing };
}

/**
 * The value of a fact the control declared in `requires`: the engine has checked it is usable
 * before the rule runs, so a missing value here is a bug in the rule's declaration.
 */
export function required<T>(fact: Fact<T>, kind: string): T {
  if (!USABLE_STATUSES.has(fact.status) || fact.value === undefined) {
    throw new Error(`rule read ${kind} without declaring it in requires (status ${fact.status})`);
  }
  return fact.value;
}

/** The value of an optional fact, or undefined when it was not usable. */
export function optional<T>(fact: Fact<T>): T | undefined {
  return USABLE_STATUSES.has(fact.status) ? fact.value : undefined;
}
