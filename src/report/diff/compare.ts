/**
 * What changed between two assessments, matched by control and stable subject key (never by
 * position or display name): new failures, fixes, regressions, results that can no longer be
 * assessed, waivers that expired since, servers added or removed, build and SU changes, and a
 * warning when the two were judged by different knowledge or catalogue versions (a change may
 * then be exzt's, not the estate's).
 */
import type { Assessment, WaiverReport } from '../../engine/assess/assessment.js';
import type { ControlResult, Verdict } from '../../engine/assess/result.js';
import type { SubjectRef } from '../../evidence/model.js';
import { resultKey } from '../assessment/result-key.js';

export const DIFF_SCHEMA_VERSION = 1;

export interface ResultChange {
  control: string;
  title: string;
  severity: ControlResult['severity'];
  subject: SubjectRef;
  /** Null when the result did not exist on that side. */
  before: Verdict | null;
  after: Verdict | null;
  message: string;
}

export interface VersionChange {
  server: string;
  key: string;
  before: { build: string | null; cu: string | null; su: string | null };
  after: { build: string | null; cu: string | null; su: string | null };
}

export interface RunSummary {
  asOf: string;
  exztVersion: string;
  kbAsOf: string;
  catalogueVersion: string;
  policyHash: string | null;
  summary: Record<Verdict, number>;
}

export interface AssessmentDiff {
  schemaVersion: number;
  old: RunSummary;
  new: RunSummary;
  warnings: string[];
  /** Fails now (a must-control), and did not pass or was not waived before. */
  newFailures: ResultChange[];
  /** Passed or was waived before, fails now. */
  regressed: ResultChange[];
  /** A should-control warns now and did not before: listed, never a regression. */
  newWarnings: ResultChange[];
  /** Failed or warned before, passes or is not applicable now. */
  fixed: ResultChange[];
  /** Was assessed before, is not assessed (or errored) now. */
  newlyNotAssessed: ResultChange[];
  waiversExpired: WaiverReport[];
  servers: { added: string[]; removed: string[] };
  versions: VersionChange[];
  /** True when anything newly failed or regressed: `exzt diff` then exits 1. */
  regression: boolean;
}

const FAILING: ReadonlySet<Verdict> = new Set(['fail', 'warn']);
const GOOD: ReadonlySet<Verdict> = new Set(['pass', 'waived']);
const UNKNOWN: ReadonlySet<Verdict> = new Set(['not-assessed', 'error']);

export function diffAssessments(before: Assessment, after: Assessment): AssessmentDiff {
  const changes = resultChanges(before, after);
  const failingNow = changes.filter((c) => c.after === 'fail');
  const newFailures = failingNow.filter((c) => c.before === null || !GOOD.has(c.before));
  const regressed = failingNow.filter((c) => c.before !== null && GOOD.has(c.before));

  return {
    schemaVersion: DIFF_SCHEMA_VERSION,
    old: runSummary(before),
    new: runSummary(after),
    warnings: comparabilityWarnings(before, after),
    newFailures,
    regressed,
    newWarnings: changes.filter((c) => c.after === 'warn'),
    fixed: changes.filter(
      (c) =>
        FAILING.has(c.before ?? 'pass') && (c.after === 'pass' || c.after === 'not-applicable'),
    ),
    newlyNotAssessed: changes.filter(
      (c) => c.before !== null && !UNKNOWN.has(c.before) && UNKNOWN.has(c.after ?? 'pass'),
    ),
    waiversExpired: newlyExpired(before, after),
    servers: serverChanges(before, after),
    versions: versionChanges(before, after),
    regression: newFailures.length > 0 || regressed.length > 0,
  };
}

/** Every result whose verdict differs, in the newer assessment's order, then removed ones. */
function resultChanges(before: Assessment, after: Assessment): ResultChange[] {
  const old = new Map(before.results.map((result) => [resultKey(result), result]));
  const changes: ResultChange[] = [];
  for (const result of after.results) {
    const previous = old.get(resultKey(result));
    old.delete(resultKey(result));
    if (previous?.verdict === result.verdict) continue;
    changes.push(change(result, previous?.verdict ?? null, result.verdict));
  }
  for (const removed of old.values()) changes.push(change(removed, removed.verdict, null));
  return changes;
}

function change(
  result: ControlResult,
  before: Verdict | null,
  after: Verdict | null,
): ResultChange {
  return {
    control: result.control,
    title: result.title,
    severity: result.severity,
    subject: result.subject,
    before,
    after,
    message: result.message,
  };
}

function runSummary(assessment: Assessment): RunSummary {
  const { metadata } = assessment;
  return {
    asOf: metadata.asOf,
    exztVersion: metadata.exztVersion,
    kbAsOf: metadata.kbAsOf,
    catalogueVersion: metadata.catalogueVersion,
    policyHash: metadata.policyHash,
    summary: assessment.summary,
  };
}

function comparabilityWarnings(before: Assessment, after: Assessment): string[] {
  const a = before.metadata;
  const b = after.metadata;
  const warnings: string[] = [];
  if (a.kbAsOf !== b.kbAsOf) {
    warnings.push(
      `knowledge base differs (${a.kbAsOf} → ${b.kbAsOf}): CVE and update changes may come from the knowledge base, not the estate`,
    );
  }
  if (a.catalogueVersion !== b.catalogueVersion) {
    warnings.push(
      `control catalogue differs (${a.catalogueVersion} → ${b.catalogueVersion}): results may change because the controls did`,
    );
  }
  if (a.policyHash !== b.policyHash) {
    warnings.push('the policy differs: results may change because the policy did');
  }
  return warnings;
}

function newlyExpired(before: Assessment, after: Assessment): WaiverReport[] {
  const key = (w: WaiverReport) => `${w.control}|${w.source}|${w.expires}`;
  const known = new Set(before.waivers.expired.map(key));
  return after.waivers.expired.filter((waiver) => !known.has(key(waiver)));
}

function serverNames(assessment: Assessment): Map<string, string> {
  const servers = new Map<string, string>();
  for (const row of assessment.versionReport.servers) servers.set(row.key, row.name);
  for (const result of assessment.results) {
    if (result.subject.type === 'server') servers.set(result.subject.key, result.subject.name);
  }
  return servers;
}

function serverChanges(before: Assessment, after: Assessment): AssessmentDiff['servers'] {
  const old = serverNames(before);
  const now = serverNames(after);
  const only = (a: Map<string, string>, b: Map<string, string>) =>
    [...a]
      .filter(([key]) => !b.has(key))
      .map(([, name]) => name)
      .sort();
  return { added: only(now, old), removed: only(old, now) };
}

function versionChanges(before: Assessment, after: Assessment): VersionChange[] {
  const old = new Map(before.versionReport.servers.map((row) => [row.key, row]));
  const pick = (row: { build: string | null; cu: string | null; su: string | null }) => ({
    build: row.build,
    cu: row.cu,
    su: row.su,
  });
  return after.versionReport.servers.flatMap((row) => {
    const previous = old.get(row.key);
    if (previous === undefined) return [];
    if (previous.build === row.build && previous.cu === row.cu && previous.su === row.su) return [];

    return [{ server: row.name, key: row.key, before: pick(previous), after: pick(row) }];
  });
}
