/**
 * Runs one control for one subject: checks the evidence it declares first ("not assessed",
 * naming what is missing, before the rule runs), then the rule, catching what it throws so one
 * broken rule never stops the run.
 */
import type { RuleContext } from '../../controls/context.js';
import type { Control, RuleOutcome } from '../../controls/model.js';
import { USABLE_STATUSES, type Fact, type Provenance } from '../../evidence/model.js';
import type { ControlResult } from './result.js';

export function evaluateControl(control: Control, context: RuleContext): ControlResult {
  const missing = missingEvidence(control, context);
  if (missing.length > 0) {
    const outcome: RuleOutcome = {
      outcome: 'not-assessed',
      message: `evidence missing: ${missing.join(', ')}`,
      missing,
    };
    return toResult(control, context, outcome, requiredProvenance(control, context));
  }

  try {
    return toResult(
      control,
      context,
      control.evaluate(context),
      requiredProvenance(control, context),
    );
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return {
      ...base(control, context),
      outcome: 'error',
      verdict: 'error',
      message: `the rule failed: ${text}`,
      findings: [],
      findingCount: 0,
      error: text,
      evidence: [],
    };
  }
}

/** Kinds the control needs that are not collected, failed or conflicting, with their status. */
function missingEvidence(control: Control, context: RuleContext): string[] {
  const subjectKinds = (control.requires.subject ?? []).map(
    (kind) => [kind, context.fact(kind)] as const,
  );
  const orgKinds = (control.requires.organization ?? []).map(
    (kind) => [`organization:${kind}`, context.organizationFact(kind)] as const,
  );
  return [...subjectKinds, ...orgKinds]
    .filter(([, fact]) => !USABLE_STATUSES.has(fact.status))
    .map(([kind, fact]) => `${kind} (${fact.status.replace(/-/g, ' ')})`);
}

function requiredProvenance(control: Control, context: RuleContext): Provenance[] {
  return [
    ...(control.requires.subject ?? []).flatMap((kind) => resultProvenance(context.fact(kind))),
    ...(control.requires.organization ?? []).flatMap((kind) =>
      resultProvenance(context.organizationFact(kind)),
    ),
  ];
}

/**
 * A list fact (100,000 mailboxes) is anchored item by item; its findings carry their items'
 * anchors, so the result names the files it read, once each, not every object in them.
 */
function resultProvenance(fact: Fact<unknown>): Provenance[] {
  if (!Array.isArray(fact.value)) return fact.provenance;
  // Worked out once per fact: 200 server results reading the organisation's 100,000 mailboxes
  // would otherwise walk their provenance 200 times.
  const known = FILES_OF_LIST_FACT.get(fact);
  if (known !== undefined) return [...known];

  const files = new Map<string, Provenance>();
  for (const entry of fact.provenance) {
    const key = `${entry.source}\n${entry.member}`;
    if (!files.has(key)) files.set(key, fileProvenance(entry));
  }
  FILES_OF_LIST_FACT.set(fact, [...files.values()]);
  return [...files.values()];
}

const FILES_OF_LIST_FACT = new WeakMap<Fact<unknown>, readonly Provenance[]>();

/** The file an anchored provenance points into, without the place inside it. */
function fileProvenance(anchored: Provenance): Provenance {
  const { member, source, sha256, command, collectedAt } = anchored;
  const file: Provenance = { member, source, sha256 };
  if (command !== undefined) file.command = command;
  if (collectedAt !== undefined) file.collectedAt = collectedAt;
  return file;
}

function base(control: Control, context: RuleContext) {
  return {
    control: control.id,
    area: control.area,
    title: control.title,
    severity: control.severity,
    criticality: control.criticality,
    subject: context.subject.subject,
  };
}

function toResult(
  control: Control,
  context: RuleContext,
  outcome: RuleOutcome,
  evidence: Provenance[],
): ControlResult {
  const shared = { ...base(control, context), message: outcome.message };
  switch (outcome.outcome) {
    case 'pass':
      return {
        ...shared,
        outcome: 'pass',
        verdict: 'pass',
        basis: outcome.basis ?? 'observed',
        findings: [],
        findingCount: 0,
        evidence: outcome.evidence?.length ? outcome.evidence : evidence,
      };
    case 'fail':
      return {
        ...shared,
        outcome: 'fail',
        verdict: control.criticality === 'must' ? 'fail' : 'warn',
        findings: outcome.findings,
        findingCount: outcome.findings.length,
        evidence,
      };
    case 'not-applicable':
      return {
        ...shared,
        outcome: 'not-applicable',
        verdict: 'not-applicable',
        findings: [],
        findingCount: 0,
        evidence,
      };
    case 'not-assessed':
      return {
        ...shared,
        outcome: 'not-assessed',
        verdict: 'not-assessed',
        findings: [],
        findingCount: 0,
        missing: outcome.missing,
        evidence,
      };
  }
}
