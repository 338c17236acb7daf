/**
 * The terminal form of a log scan: counts per hunt, every finding (file:line, time, client,
 * matched line), coverage per source beside "nothing found", bad lines, and with a policy the
 * Zero Trust checks. Pure: a function of the LogScanResult.
 */
import { HUNTS, sourcesNotCovered, type Hunt } from './hunts.js';
import type { LogScanResult, SourceCoverage, UsageCount } from './model.js';

const SHOWN_PER_HUNT = 20;
const SHOWN_USAGE = 15;

export function renderLogScanText(result: LogScanResult): string {
  return (
    [
      ...huntSection(result),
      ...coverageSection(result),
      ...badLineSection(result),
      ...usageSection(result),
    ].join('\n') + '\n'
  );
}

function huntSection(result: LogScanResult): string[] {
  const lines = ['Compromise indicators'];
  for (const hunt of HUNTS) {
    const tally = result.hunts.find((entry) => entry.hunt === hunt.id);
    const cves = hunt.cves.length > 0 ? ` (${hunt.cves.join(', ')})` : '';
    if (tally === undefined || tally.count === 0) {
      lines.push(`  ${hunt.id}: ${nothingFound(hunt, cves, result.sources, result.window)}`);
      continue;
    }
    lines.push(`  ${hunt.id}: ${tally.count} found${cves} — ${hunt.title}`);
    const blind = notCoveredText(hunt, result.sources);
    if (blind !== '') lines.push(`    ${blind}`);
    for (const finding of tally.findings.slice(0, SHOWN_PER_HUNT)) {
      lines.push(
        `    ${finding.file}:${finding.line}  ${finding.time ?? '-'}  ${finding.clientIp ?? '-'}` +
          `  status ${finding.status ?? '-'}`,
        `      ${printable(finding.text)}`,
      );
    }
    if (tally.count > SHOWN_PER_HUNT)
      lines.push(`    … ${tally.count - SHOWN_PER_HUNT} more (--format json)`);
  }
  return lines;
}

/**
 * What a hunt that found nothing says: the period of the logs it could read, and the logs of its
 * kind it could not, because they do not record a field it needs (an IIS field set chosen without
 * cs-method, say). Those say nothing either way, so when no log was readable it cannot tell.
 */
function nothingFound(
  hunt: Hunt,
  cves: string,
  sources: readonly SourceCoverage[],
  window: LogScanResult['window'],
): string {
  const ofKind = sources.filter((source) => hunt.formats.includes(source.format));
  const blind = sourcesNotCovered(hunt, ofKind);
  if (blind.length > 0 && blind.length === ofKind.length) {
    return `cannot tell${cves} — ${blindLogs(hunt, blind)}`;
  }
  const span = coverageSpan(
    ofKind.filter((source) => !blind.includes(source)),
    window,
  );
  const unread = blind.length === 0 ? '' : `; not covered: ${blindLogs(hunt, blind)}`;
  return `nothing found${cves} — ${span}${unread}`;
}

/** "not covered: N log(s) without <fields> (file, …)", or '' when the hunt could read every log. */
export function notCoveredText(hunt: Hunt, sources: readonly SourceCoverage[]): string {
  const blind = sourcesNotCovered(hunt, sources);
  return blind.length === 0 ? '' : `not covered: ${blindLogs(hunt, blind)}`;
}

/** "N log(s) without the field(s) <fields> (file, …)" for logs a hunt could not read. */
function blindLogs(hunt: Hunt, blind: readonly SourceCoverage[]): string {
  const fields = [
    ...new Set(
      blind.flatMap((source) =>
        (source.missingFields ?? []).filter((field) => hunt.iisFields?.includes(field)),
      ),
    ),
  ].sort();
  const files = blind.slice(0, 3).map((source) => source.file);
  const more = blind.length > 3 ? `, … ${blind.length - 3} more` : '';
  return `${blind.length} log(s) without the field(s) ${fields.join(', ')} (${files.join(', ')}${more})`;
}

/**
 * Oldest to newest over the sources a hunt reads, inside --since/--until: the period a "nothing
 * found" speaks for, since logs roll over (HttpProxy keeps about 30 days).
 */
export function coverageSpan(
  sources: readonly SourceCoverage[],
  window: LogScanResult['window'],
): string {
  if (sources.length === 0) return 'no log of the kind this hunt reads was scanned';
  const times = (pick: (s: SourceCoverage) => string | null): string[] =>
    sources
      .map(pick)
      .filter((t): t is string => t !== null)
      .sort();
  let oldest = times((s) => s.oldest)[0];
  let newest = times((s) => s.newest).at(-1);
  if (oldest === undefined || newest === undefined)
    return `${sources.length} sources, no timestamps`;
  if (window.since !== null && window.since > oldest) oldest = window.since;
  if (window.until !== null && window.until < newest) newest = window.until;
  if (oldest > newest) return 'no line of these logs lies inside --since/--until';
  return `logs cover ${oldest} to ${newest} (${sources.length} sources)`;
}

function coverageSection(result: LogScanResult): string[] {
  const lines = ['', `Coverage (${result.sources.length} sources)`];
  for (const source of result.sources) {
    lines.push(
      `  ${source.file}  ${source.format}  ${source.lines} lines  ` +
        `${source.oldest ?? '-'} to ${source.newest ?? '-'}` +
        (source.missingFields === undefined ? '' : `  (no ${source.missingFields.join(', ')})`),
    );
  }
  const { since, until } = result.window;
  if (since !== null || until !== null)
    lines.push(`  window: ${since ?? 'start'} to ${until ?? 'end'}`);
  return lines;
}

function badLineSection(result: LogScanResult): string[] {
  if (result.badLines.count === 0) return [];
  const lines = ['', `Bad lines: ${result.badLines.count} (skipped, not fatal)`];
  for (const sample of result.badLines.samples) {
    lines.push(
      `  ${sample.file}:${sample.line}  ${sample.reason}  ${printable(sample.text.slice(0, 120))}`,
    );
  }
  return lines;
}

function usageSection(result: LogScanResult): string[] {
  const usage = result.usage;
  if (usage === null) return [];
  const lines = ['', 'Zero Trust in practice'];
  const table = (title: string, counts: UsageCount[]): void => {
    lines.push(`  ${title}: ${counts.length === 0 ? 'none seen' : `${counts.length}`}`);
    for (const count of [...counts].sort((a, b) => b.count - a.count).slice(0, SHOWN_USAGE)) {
      lines.push(
        `    ${count.what}  ${count.user || '-'}  ${count.clientIp || '-'}  ${count.reason}  ` +
          `${count.count}×  ${count.first ?? '-'} to ${count.last ?? '-'}  (${count.sample})`,
      );
    }
  };
  table('Admin endpoints outside the admin networks or hours', usage.adminAccess);
  table('Basic authentication', usage.basicAuth);
  table('Legacy protocols', usage.legacyProtocols);
  table(
    'Client addresses outside the policy networks or from server networks',
    usage.clientAddresses,
  );
  lines.push(`  Client builds seen: ${usage.clientVersions.length} (client, version, user)`);
  if (usage.dropped > 0)
    lines.push(`  ${usage.dropped} uses not tallied: a table reached its size limit`);
  return lines;
}

/** Control characters escaped: a log line must not drive the terminal that shows it. */
function printable(text: string): string {
  return [...text]
    .map((c) => {
      const code = c.charCodeAt(0);
      return code < 32 || code === 127 ? `\\x${code.toString(16).padStart(2, '0')}` : c;
    })
    .join('');
}

/** Indicators found: what makes `exzt logs scan` exit 1. */
export function indicatorCount(result: LogScanResult): number {
  return result.hunts.reduce((sum, tally) => sum + tally.count, 0);
}
