/**
 * The version report as Markdown for tickets and CI job summaries. Evidence text is escaped so
 * a server name cannot inject markup or links.
 */
import type { ServerVersionRow, VersionReport } from '../../engine/version-report/index.js';
import { cveSummary, statusText, summaryLine, suActivationText } from './wording.js';

export function renderVersionReportMarkdown(report: VersionReport): string {
  const header =
    '| Server | Product | CU | SU | Build | Latest SU | Behind | Status | SU active | Open CVEs | Known exploited |\n' +
    '|---|---|---|---|---|---|---|---|---|---|---|\n';
  const rows = report.servers.map(tableRow).join('');
  const details = report.servers.map(serverSection).join('');

  return [
    '# Exchange version report\n\n',
    `As of ${report.asOf.slice(0, 10)}; knowledge base as of ${report.kb.asOf}.\n\n`,
    `${summaryLine(report.summary)}\n\n`,
    header,
    rows,
    '\n',
    details,
  ].join('');
}

function tableRow(server: ServerVersionRow): string {
  const open = server.cveCounts.exposed + server.cveCounts.mitigated + server.cveCounts.unknown;
  const cells = [
    markdownText(server.name),
    server.productName ?? '?',
    server.cu ?? '?',
    server.su ?? '-',
    server.build ?? '?',
    server.latestSu.forCu?.name ?? '-',
    server.suBehind === null ? '?' : String(server.suBehind),
    statusText(server.status),
    suActivationText(server.reboot.suActivation),
    String(open),
    String(server.cveCounts.knownExploitedOpen),
  ];
  return `| ${cells.join(' | ')} |\n`;
}

function serverSection(server: ServerVersionRow): string {
  const open = server.cves.filter((cve) => cve.state !== 'fixed');
  const lines = [
    `## ${markdownText(server.name)}\n`,
    `- Next step: ${markdownText(server.nextStep)}`,
    ...server.statusReasons.map(
      (reason) => `- ${statusText(server.status)}: ${markdownText(reason)}`,
    ),
    ...(open.length > 0 ? [`- ${cveSummary(server.cveCounts)}`] : []),
    ...open.map(
      (cve) =>
        `  - ${cve.id}${cve.knownExploited ? ' **known exploited**' : ''}: ${cve.state}, ` +
        `fixed by ${cve.update}${cve.fixedBy.length > 0 ? ` (${cve.fixedBy.join(', ')})` : ''}`,
    ),
    ...server.notes.map((note) => `- Note: ${markdownText(note)}`),
  ];
  return `${lines.join('\n')}\n\n`;
}

/** Escapes Markdown and HTML metacharacters in text that came from evidence. */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>&]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}
