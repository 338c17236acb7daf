/**
 * Runs one control on evidence written in the test, the way the engine runs it: typed facts per
 * subject, the default policy unless the case changes it, an injected as-of time.
 */
import type { Control } from '../../src/controls/model.js';
import { runControls } from '../../src/engine/assess/run-controls.js';
import type { ControlResult } from '../../src/engine/assess/result.js';
import { buildVersionReport } from '../../src/engine/version-report/index.js';
import {
  organizationSubject,
  serverSubject,
  type EvidenceSet,
  type KindEvidence,
  type SubjectEvidence,
} from '../../src/evidence/evidence-set.js';
import type { KindValueMap, TypedKindId } from '../../src/evidence/kinds.js';
import type { FactStatus } from '../../src/evidence/model.js';
import { DEFAULT_POLICY } from '../../src/policy/defaults.js';
import type { Attestation, Policy } from '../../src/policy/model.js';

/** A kind that was not a plain observed value: failed, conflicting, absent with a default. */
export interface FactState<T = unknown> {
  status: FactStatus;
  value?: T;
  note?: string;
}

export type KindValues = { [K in TypedKindId]?: KindValueMap[K] | FactState<KindValueMap[K]> };

export interface EvidenceSpec {
  servers?: Record<string, KindValues>;
  organization?: KindValues;
}

export interface RunOptions {
  /** Changes to the default policy, merged one level deep per section. */
  policy?: { [S in keyof Policy]?: Partial<Policy[S]> };
  attestations?: Attestation[];
  asOf?: string;
}

export const TEST_AS_OF = '2026-11-30T09:00:00Z';

export function factState<T>(status: FactStatus, value?: T, note?: string): FactState<T> {
  return {
    status,
    ...(value === undefined ? {} : { value }),
    ...(note === undefined ? {} : { note }),
  };
}

export function syntheticEvidence(spec: EvidenceSpec): EvidenceSet {
  const servers = Object.entries(spec.servers ?? {}).map(([name, kinds]) =>
    subjectWith(serverSubject(name), kinds),
  );
  const organization =
    spec.organization === undefined ? [] : [subjectWith(organizationSubject(), spec.organization)];
  const subjects = [...organization, ...servers].sort((a, b) =>
    a.subject.key.localeCompare(b.subject.key),
  );
  return { sources: [], subjects, files: [], warnings: [] };
}

export function runControl(
  control: Control,
  spec: EvidenceSpec,
  options: RunOptions = {},
): ControlResult[] {
  const evidence = syntheticEvidence(spec);
  const asOf = options.asOf ?? TEST_AS_OF;
  const report = buildVersionReport(evidence, { asOf, asOfSource: 'option' });
  return runControls([control], {
    evidence,
    policy: withChanges(options.policy),
    attestations: options.attestations ?? [],
    asOf,
    versionRows: new Map(report.servers.map((row) => [row.key, row])),
  });
}

/** The single result of a control run on one subject. */
export function onlyResult(results: ControlResult[]): ControlResult {
  if (results.length !== 1) throw new Error(`expected one result, got ${results.length}`);
  return results[0] as ControlResult;
}

function subjectWith(subject: SubjectEvidence['subject'], kinds: KindValues): SubjectEvidence {
  const entries: KindEvidence[] = Object.entries(kinds).map(([kind, value]) => {
    const state: FactState = isFactState(value) ? value : { status: 'observed', value };
    const provenance = [
      { member: `${subject.name}/${kind}.xml`, source: 'test', sha256: '0'.repeat(64) },
    ];
    const fact = {
      status: state.status,
      provenance,
      ...(state.value === undefined ? {} : { value: state.value }),
      ...(state.note === undefined ? {} : { note: state.note }),
    };
    return { kind, status: state.status, files: [], fact };
  });
  return { subject, kinds: entries.sort((a, b) => a.kind.localeCompare(b.kind)) };
}

function isFactState(value: unknown): value is FactState {
  return (
    typeof value === 'object' &&
    value !== null &&
    'status' in value &&
    Object.keys(value).every((key) => ['status', 'value', 'note'].includes(key))
  );
}

function withChanges(changes: RunOptions['policy']): Policy {
  const policy = structuredClone(DEFAULT_POLICY);
  for (const [section, values] of Object.entries(changes ?? {})) {
    const key = section as keyof Policy;
    const current = policy[key];
    (policy as unknown as Record<string, unknown>)[key] =
      typeof current === 'object' && !Array.isArray(current)
        ? { ...(current as object), ...(values as object) }
        : values;
  }
  return policy;
}
