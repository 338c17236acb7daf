/**
 * Merges the results of every task into one LogScanResult: line numbers made absolute (ranges
 * of one file add up), sources per file, hunt counts summed with the first findings kept in file
 * and line order, usage tables summed by key. Everything sorted, so runs compare byte for byte.
 */
import type { ScanTask } from './inputs.js';
import {
  MAX_BAD_LINE_SAMPLES,
  MAX_FINDINGS_PER_HUNT,
  type BadLineSample,
  type HuntTally,
  type LogScanResult,
  type PolicyUsage,
  type SourceCoverage,
  type UsageCount,
  type ClientUse,
} from './model.js';
import type { RangeResult } from './range-scanner.js';

export function mergeResults(
  tasks: readonly ScanTask[],
  results: readonly RangeResult[][],
  window: { since: string | null; until: string | null; policy: unknown },
): LogScanResult {
  const sources = new Map<string, SourceCoverage>();
  const hunts = new Map<string, HuntTally>();
  const bad: BadLineSample[] = [];
  let badCount = 0;
  const usages: PolicyUsage[] = [];
  const linesBefore = new Map<string, number>();

  results.forEach((list, index) => {
    const task = tasks[index];
    for (const result of list) {
      const offset = task?.kind === 'range' ? (linesBefore.get(result.file) ?? 0) : 0;
      linesBefore.set(result.file, offset + result.lines);
      addSource(sources, result);
      addHunts(hunts, result, offset);
      badCount += result.badCount;
      bad.push(...result.badSamples.map((sample) => ({ ...sample, line: sample.line + offset })));
      if (result.usage !== null) usages.push(shiftSamples(result.usage, offset));
    }
  });

  return {
    sources: [...sources.values()].sort((a, b) => compare(a.file, b.file)),
    hunts: [...hunts.values()].sort((a, b) => compare(a.hunt, b.hunt)),
    badLines: { count: badCount, samples: bad.sort(byPlace).slice(0, MAX_BAD_LINE_SAMPLES) },
    usage: window.policy === null ? null : mergeUsage(usages),
    window: { since: window.since, until: window.until },
  };
}

function addSource(sources: Map<string, SourceCoverage>, result: RangeResult): void {
  const source = sources.get(result.file);
  if (source === undefined) {
    sources.set(result.file, {
      file: result.file,
      format: result.format,
      lines: result.lines,
      bytes: result.bytes,
      oldest: result.oldest,
      newest: result.newest,
      ...(result.missingFields.length > 0 ? { missingFields: result.missingFields } : {}),
    });
    return;
  }
  if (result.missingFields.length > 0) {
    source.missingFields = [
      ...new Set([...(source.missingFields ?? []), ...result.missingFields]),
    ].sort();
  }
  source.lines += result.lines;
  source.bytes += result.bytes;
  if (source.format === 'text') source.format = result.format;
  source.oldest = earliest(source.oldest, result.oldest);
  source.newest = latest(source.newest, result.newest);
}

function addHunts(hunts: Map<string, HuntTally>, result: RangeResult, offset: number): void {
  for (const tally of result.hunts) {
    const merged = hunts.get(tally.hunt) ?? { hunt: tally.hunt, count: 0, findings: [] };
    merged.count += tally.count;
    merged.findings = [
      ...merged.findings,
      ...tally.findings.map((finding) => ({ ...finding, line: finding.line + offset })),
    ]
      .sort(byPlace)
      .slice(0, MAX_FINDINGS_PER_HUNT);
    hunts.set(tally.hunt, merged);
  }
}

/** Usage samples name `file:line` with range-relative lines; make them absolute. */
function shiftSamples(usage: PolicyUsage, offset: number): PolicyUsage {
  if (offset === 0) return usage;
  const shift = (counts: UsageCount[]): UsageCount[] =>
    counts.map((count) => {
      const colon = count.sample.lastIndexOf(':');
      const line = Number(count.sample.slice(colon + 1)) + offset;
      return { ...count, sample: `${count.sample.slice(0, colon)}:${line}` };
    });
  return {
    ...usage,
    adminAccess: shift(usage.adminAccess),
    basicAuth: shift(usage.basicAuth),
    legacyProtocols: shift(usage.legacyProtocols),
    clientAddresses: shift(usage.clientAddresses),
  };
}

function mergeUsage(usages: PolicyUsage[]): PolicyUsage {
  return {
    adminAccess: mergeCounts(usages.flatMap((usage) => usage.adminAccess)),
    basicAuth: mergeCounts(usages.flatMap((usage) => usage.basicAuth)),
    legacyProtocols: mergeCounts(usages.flatMap((usage) => usage.legacyProtocols)),
    clientAddresses: mergeCounts(usages.flatMap((usage) => usage.clientAddresses)),
    clientVersions: mergeClients(usages.flatMap((usage) => usage.clientVersions)),
    dropped: usages.reduce((sum, usage) => sum + usage.dropped, 0),
  };
}

function mergeCounts(counts: UsageCount[]): UsageCount[] {
  const merged = new Map<string, UsageCount>();
  for (const count of counts) {
    const key = `${count.what}|${count.user}|${count.clientIp}|${count.reason}`;
    const entry = merged.get(key);
    if (entry === undefined) {
      merged.set(key, { ...count });
      continue;
    }
    entry.count += count.count;
    if (count.first !== null && (entry.first === null || count.first < entry.first)) {
      entry.first = count.first;
      entry.sample = count.sample;
    }
    entry.last = latest(entry.last, count.last);
  }
  return [...merged.values()].sort(
    (a, b) =>
      compare(a.what, b.what) ||
      compare(a.user, b.user) ||
      compare(a.clientIp, b.clientIp) ||
      compare(a.reason, b.reason),
  );
}

function mergeClients(uses: ClientUse[]): ClientUse[] {
  const merged = new Map<string, ClientUse>();
  for (const use of uses) {
    const key = `${use.client}|${use.version}|${use.user}`;
    const entry = merged.get(key);
    if (entry === undefined) merged.set(key, { ...use });
    else entry.count += use.count;
  }
  return [...merged.values()].sort(
    (a, b) =>
      compare(a.client, b.client) || compare(a.version, b.version) || compare(a.user, b.user),
  );
}

function byPlace(a: { file: string; line: number }, b: { file: string; line: number }): number {
  return compare(a.file, b.file) || a.line - b.line;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function earliest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  return b === null || a <= b ? a : b;
}

function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  return b === null || a >= b ? a : b;
}
