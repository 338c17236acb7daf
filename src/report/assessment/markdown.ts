/**
 * A Markdown summary for tickets and CI job summaries: the run, a table per area, the worst
 * failures, what could not be assessed, waivers, and the version report's server table. Its
 * length is bounded whatever the estate's size (ticket systems and CI summaries cut or refuse
 * long bodies): each list stops at its limit and says how many more the other formats hold.
 * Evidence text goes through markdownText, so a server name cannot inject markup or links.
 */
import type { Assessment } from '../../engine/assess/assessment.js';
import { SEVERITY_ORDER } from '../../engine/assess/assessment.js';
import type { ControlResult } from '../../engine/assess/result.js';
import type { ServerVersionRow } from '../../engine/version-report/index.js';
import { markdownText } from '../version-report/markdown.js';
import { statusText, summaryLine } from '../version-report/wording.js';
import { subjectLabel } from './result-key.js';

export const MARKDOWN_LIMITS = { failures: 25, notAssessed: 15, servers: 30, waivers: 15 };

export function renderAssessmentMarkdown(assessment: Assessment): string {
  return [
    heading(assessment),
    areaTable(assessment),
    failures(assessment),
    notAssessed(assessment),
    waivers(assessment),
    versions(assessment),
    frameworks(assessment),
  ].join('');
}

function heading(assessment: Assessment): string {
  const { metadata, summary } = assessment;
  const policy =
    metadata.policyFile === null
      ? 'the default policy'
      : `policy ${markdownText(metadata.policyFile)}`;
  return (
    '# exzt Zero Trust assessment\n\n' +
    `As of ${metadata.asOf.slice(0, 10)} against ${policy}; catalogue ` +
    `${metadata.catalogueVersion}, knowledge base as of ${metadata.kbAsOf}, exzt ` +
    `${metadata.exztVersion}.\n\n` +
    `**${summary.fail} fail**, ${summary.warn} warn, ${summary.waived} waived, ${summary.pass} pass, ` +
    `${summary['not-applicable']} not applicable, ${summary['not-assessed']} not assessed, ` +
    `${summary.error} error.\n\n`
  );
}

function areaTable(assessment: Assessment): string {
  const rows = assessment.scores.areas.map((area) => {
    const c = area.counts;
    const score = area.score === null ? '–' : `${area.score}%`;
    const cells = [area.area, score, c.pass, c.fail, c.warn, c.waived, c['not-applicable']];
    return `| ${[...cells, c['not-assessed'] + c.error].join(' | ')} |\n`;
  });
  return (
    '## Areas\n\n| Area | Score | Pass | Fail | Warn | Waived | N/A | Not assessed |\n' +
    '|---|---:|---:|---:|---:|---:|---:|---:|\n' +
    rows.join('') +
    '\n'
  );
}

function failures(assessment: Assessment): string {
  const failing = assessment.results
    .filter((result) => result.verdict === 'fail' || result.verdict === 'warn')
    .sort(
      (a, b) =>
        Number(a.verdict === 'warn') - Number(b.verdict === 'warn') ||
        SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity),
    );
  if (failing.length === 0) return '## Failures\n\nNone.\n\n';

  const shown = failing.slice(0, MARKDOWN_LIMITS.failures).map(failureRow);
  return (
    `## Failures (${failing.length}), worst first\n\n` +
    '| Severity | Verdict | Control | Subject | Message |\n|---|---|---|---|---|\n' +
    shown.join('') +
    more(failing.length, MARKDOWN_LIMITS.failures) +
    '\n'
  );
}

function failureRow(result: ControlResult): string {
  const cells = [
    result.severity,
    result.verdict,
    `${result.control} ${markdownText(result.title)}`,
    markdownText(subjectLabel(result.subject)),
    markdownText(clip(result.message, 200)),
  ];
  return `| ${cells.join(' | ')} |\n`;
}

function notAssessed(assessment: Assessment): string {
  const unknown = assessment.results.filter(
    (result) => result.verdict === 'not-assessed' || result.verdict === 'error',
  );
  if (unknown.length === 0) return '';

  const lines = unknown
    .slice(0, MARKDOWN_LIMITS.notAssessed)
    .map(
      (result) =>
        `- ${result.control} on ${markdownText(subjectLabel(result.subject))}: ` +
        `${markdownText(clip(result.message, 160))}\n`,
    );
  return (
    `## Not assessed (${unknown.length})\n\n${lines.join('')}` +
    more(unknown.length, MARKDOWN_LIMITS.notAssessed) +
    '\n'
  );
}

function waivers(assessment: Assessment): string {
  const { waivers } = assessment;
  const notices = [...waivers.expired, ...waivers.refused, ...waivers.unused];
  const lines = notices
    .slice(0, MARKDOWN_LIMITS.waivers)
    .map((notice) => `- ${markdownText(notice.message)}\n`);
  return (
    `## Waivers\n\n${waivers.applied} applied, ${waivers.expired.length} expired, ` +
    `${waivers.unused.length} unused, ${waivers.refused.length} refused.\n\n` +
    lines.join('') +
    more(notices.length, MARKDOWN_LIMITS.waivers) +
    (lines.length > 0 ? '\n' : '')
  );
}

function versions(assessment: Assessment): string {
  const report = assessment.versionReport;
  const rows = report.servers.slice(0, MARKDOWN_LIMITS.servers).map(serverRow);
  return (
    `## Versions\n\n${markdownText(summaryLine(report.summary))}\n\n` +
    '| Server | Product | CU | SU | Latest SU | Status | Open CVEs | Known exploited |\n' +
    '|---|---|---|---|---|---|---:|---:|\n' +
    rows.join('') +
    more(report.servers.length, MARKDOWN_LIMITS.servers) +
    '\n'
  );
}

function serverRow(server: ServerVersionRow): string {
  const counts = server.cveCounts;
  const cells = [
    markdownText(server.name),
    server.productName ?? '?',
    server.cu ?? '?',
    server.su ?? '–',
    server.latestSu.forCu?.name ?? '–',
    statusText(server.status),
    counts.exposed + counts.mitigated + counts.unknown,
    counts.knownExploitedOpen,
  ];
  return `| ${cells.join(' | ')} |\n`;
}

function frameworks(assessment: Assessment): string {
  const lines = assessment.scores.frameworks.map(
    (view) => `- ${view.name}: ${markdownText(view.summary)}\n`,
  );
  return `## Frameworks (views, not certification)\n\n${lines.join('')}\n`;
}

function more(total: number, limit: number): string {
  return total > limit
    ? `\n…and ${total - limit} more; the JSON, CSV and HTML reports list them all.\n`
    : '';
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
