/**
 * The version report for a terminal: one table row per server, then what each server needs.
 * Server names and notes come from evidence, so they pass through terminalSafe.
 */
import type { CveRow, ServerVersionRow, VersionReport } from '../../engine/version-report/index.js';
import { renderTable, terminalSafe, type Cell, type Paint } from '../text-table.js';
import { cveSummary, statusText, summaryLine, suActivationText } from './wording.js';

const HEADER = [
  'Server',
  'Product',
  'CU',
  'SU',
  'Build',
  'Latest SU',
  'Behind',
  'Status',
  'SU active',
  'Open CVEs (KEV)',
];

export function renderVersionReportText(report: VersionReport, paint: Paint): string {
  const rows = report.servers.map((server) => tableRow(server));
  const details = report.servers.map((server) => serverDetails(server, paint)).join('');

  return [
    `Exchange version report as of ${report.asOf.slice(0, 10)} (${asOfWording(report)}), ` +
      `knowledge base as of ${report.kb.asOf}\n\n`,
    renderTable(HEADER, rows, paint),
    '\n',
    details,
    summaryLine(report.summary),
    '\n',
  ].join('');
}

function asOfWording(report: VersionReport): string {
  if (report.asOfSource === 'option') return 'from --as-of';
  if (report.asOfSource === 'collected-at') return 'when the evidence was collected';
  return 'the clock: the evidence carries no collection time';
}

function tableRow(server: ServerVersionRow): Cell[] {
  const open = server.cveCounts.exposed + server.cveCounts.mitigated + server.cveCounts.unknown;
  return [
    { text: terminalSafe(server.name), style: 'bold' },
    { text: server.productName ?? '?' },
    { text: server.cu ?? '?' },
    { text: server.su ?? (server.precision === 'cu' ? '?' : '-') },
    { text: server.build ?? (server.adminDisplayVersion === null ? '?' : 'CU only') },
    { text: server.latestSu.forCu?.name ?? '-' },
    {
      text: server.suBehind === null ? '?' : String(server.suBehind),
      style: server.suBehind ? 'warn' : 'plain',
    },
    { text: statusText(server.status), style: statusStyle(server.status) },
    {
      text: suActivationText(server.reboot.suActivation),
      style: server.reboot.suActivation === 'restart-needed' ? 'bad' : 'plain',
    },
    {
      text: `${open} (${server.cveCounts.knownExploitedOpen})`,
      style: server.cveCounts.knownExploitedOpen > 0 ? 'bad' : open > 0 ? 'warn' : 'good',
    },
  ];
}

function statusStyle(status: ServerVersionRow['status']): Cell['style'] {
  if (status === 'supported') return 'good';
  if (status === 'out-of-date') return 'warn';
  return status === 'end-of-life' ? 'bad' : 'dim';
}

function serverDetails(server: ServerVersionRow, paint: Paint): string {
  const lines = [`${paint('bold', terminalSafe(server.name))}: ${paint('plain', server.nextStep)}`];
  for (const reason of server.statusReasons)
    lines.push(`  ${statusText(server.status)}: ${reason}`);
  if (server.reboot.suActivation !== 'not-applicable') {
    lines.push(`  SU active: ${terminalSafe(server.reboot.suActivationReason)}`);
  }
  const open = server.cves.filter((cve) => cve.state !== 'fixed');
  if (open.length > 0) lines.push(`  ${cveSummary(server.cveCounts)}`, ...cveLines(open, paint));
  for (const note of server.notes) lines.push(`  ${paint('warn', 'note')}: ${terminalSafe(note)}`);
  return lines.join('\n') + '\n\n';
}

function cveLines(open: CveRow[], paint: Paint): string[] {
  return open.map((cve) => {
    const kev = cve.knownExploited ? paint('bad', ' known exploited') : '';
    const missing = cve.reason === `${cve.update} is not installed`;
    const why = missing ? `fixed by ${cve.update}` : cve.reason;
    return `    ${cve.id.padEnd(16)} ${cve.state.padEnd(10)}${kev} ${why}`.trimEnd();
  });
}
