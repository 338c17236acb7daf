/**
 * The diff of two assessments as text (a terminal), JSON (pipelines; the AssessmentDiff as is)
 * and Markdown (tickets, CI job summaries). Evidence text is made safe for each medium.
 */
import { terminalSafe } from '../text-table.js';
import { markdownText } from '../version-report/markdown.js';
import { subjectLabel } from '../assessment/result-key.js';
import type { AssessmentDiff, ResultChange, VersionChange } from './compare.js';

export const DIFF_FORMATS = ['text', 'json', 'md'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** Each list in Markdown stops here; the JSON always holds everything. */
const MARKDOWN_LIST_LIMIT = 50;

export function renderDiff(diff: AssessmentDiff, format: DiffFormat): string {
  if (format === 'json') return `${JSON.stringify(diff, null, 2)}\n`;
  return format === 'md' ? diffMarkdown(diff) : diffText(diff);
}

function sections(diff: AssessmentDiff): Array<[string, ResultChange[]]> {
  return [
    ['New failures', diff.newFailures],
    ['Regressed (passed or waived before)', diff.regressed],
    ['New warnings (should-controls)', diff.newWarnings],
    ['Fixed', diff.fixed],
    ['Newly not assessed', diff.newlyNotAssessed],
  ];
}

function changeLine(change: ResultChange, safe: (text: string) => string): string {
  return (
    `${change.control} on ${safe(subjectLabel(change.subject))}: ${change.before ?? 'absent'} → ` +
    `${change.after ?? 'absent'} (${change.severity}) ${safe(change.message)}`
  );
}

function versionLine(change: VersionChange, safe: (text: string) => string): string {
  const describe = (side: VersionChange['before']) =>
    `${side.cu ?? '?'} ${side.su ?? 'no SU'} (${side.build ?? 'build unknown'})`;
  return `${safe(change.server)}: ${describe(change.before)} → ${describe(change.after)}`;
}

function diffText(diff: AssessmentDiff): string {
  const safe = terminalSafe;
  const head = [
    `Assessment diff: ${diff.old.asOf.slice(0, 10)} → ${diff.new.asOf.slice(0, 10)}\n`,
    `  fail ${diff.old.summary.fail} → ${diff.new.summary.fail}, warn ${diff.old.summary.warn} → ` +
      `${diff.new.summary.warn}, pass ${diff.old.summary.pass} → ${diff.new.summary.pass}\n`,
    ...diff.warnings.map((warning) => `warning: ${warning}\n`),
    '\n',
  ];
  const body: string[] = [];
  for (const [title, changes] of sections(diff)) {
    if (changes.length === 0) continue;
    body.push(`${title} (${changes.length}):\n`);
    body.push(...changes.map((c) => `  ${changeLine(c, safe)}\n`), '\n');
  }
  body.push(...otherText(diff, safe));
  if (body.length === 0) body.push('No change in results, servers, versions or waivers.\n');
  return [...head, ...body].join('');
}

function otherText(diff: AssessmentDiff, safe: (text: string) => string): string[] {
  const out: string[] = [];
  if (diff.waiversExpired.length > 0) {
    out.push(`Waivers expired since (${diff.waiversExpired.length}):\n`);
    out.push(...diff.waiversExpired.map((w) => `  ${safe(w.message)}\n`), '\n');
  }
  if (diff.servers.added.length > 0)
    out.push(`Servers added: ${diff.servers.added.map(safe).join(', ')}\n`);
  if (diff.servers.removed.length > 0) {
    out.push(`Servers removed: ${diff.servers.removed.map(safe).join(', ')}\n`);
  }
  if (diff.versions.length > 0) {
    out.push(`Build and SU changes (${diff.versions.length}):\n`);
    out.push(...diff.versions.map((v) => `  ${versionLine(v, safe)}\n`));
  }
  return out;
}

function diffMarkdown(diff: AssessmentDiff): string {
  const safe = markdownText;
  const out = [
    `# exzt assessment diff: ${diff.old.asOf.slice(0, 10)} → ${diff.new.asOf.slice(0, 10)}\n\n`,
    `Fail ${diff.old.summary.fail} → ${diff.new.summary.fail}, warn ${diff.old.summary.warn} → ` +
      `${diff.new.summary.warn}, pass ${diff.old.summary.pass} → ${diff.new.summary.pass}.\n\n`,
    ...diff.warnings.map((warning) => `> **Warning:** ${safe(warning)}\n\n`),
  ];
  for (const [title, changes] of sections(diff)) {
    out.push(`## ${title} (${changes.length})\n\n`);
    out.push(...changes.slice(0, MARKDOWN_LIST_LIMIT).map((c) => `- ${changeLine(c, safe)}\n`));
    if (changes.length > MARKDOWN_LIST_LIMIT) {
      out.push(`- …and ${changes.length - MARKDOWN_LIST_LIMIT} more (see --format json)\n`);
    }
    out.push('\n');
  }
  const other = otherText(diff, safe);
  if (other.length > 0)
    out.push('## Other changes\n\n', ...other.map((line) => line.replace(/^ {2}/, '- ')), '\n');
  return out.join('');
}
