/** One CSV row per server, for spreadsheets; open CVEs as space-separated ids. */
import type { ServerVersionRow, VersionReport } from '../../engine/version-report/index.js';
import { csvLine } from '../csv.js';

const COLUMNS = [
  'server',
  'product',
  'cu',
  'su',
  'build',
  'adminDisplayVersion',
  'source',
  'precision',
  'latestSuForCu',
  'latestSuForProduct',
  'suBehind',
  'daysSinceMissingSu',
  'status',
  'endOfSupport',
  'rebootPending',
  'suActivation',
  'exposed',
  'mitigated',
  'unknown',
  'knownExploitedOpen',
  'openCves',
  'nextStep',
];

export function renderVersionReportCsv(report: VersionReport): string {
  return csvLine(COLUMNS) + report.servers.map((server) => csvLine(cells(server))).join('');
}

function cells(server: ServerVersionRow): Array<string | number | boolean | null> {
  const open = server.cves.filter((cve) => cve.state !== 'fixed').map((cve) => cve.id);
  return [
    server.name,
    server.productName,
    server.cu,
    server.su,
    server.build,
    server.adminDisplayVersion,
    server.source,
    server.precision,
    server.latestSu.forCu?.name ?? null,
    server.latestSu.forProduct === null
      ? null
      : `${server.latestSu.forProduct.cu} ${server.latestSu.forProduct.name}`,
    server.suBehind,
    server.daysSinceMissingSu,
    server.status,
    server.endOfSupport,
    server.rebootPending,
    server.reboot.suActivation,
    server.cveCounts.exposed,
    server.cveCounts.mitigated,
    server.cveCounts.unknown,
    server.cveCounts.knownExploitedOpen,
    open.join(' '),
    server.nextStep,
  ];
}
