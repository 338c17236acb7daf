/** Words shared by the text and Markdown forms of the version report. */
import type {
  CveCounts,
  ServerVersionRow,
  SuActivation,
  VersionReportSummary,
} from '../../engine/version-report/index.js';

export function statusText(status: ServerVersionRow['status']): string {
  return status.replace(/-/g, ' ');
}

export function suActivationText(activation: SuActivation): string {
  if (activation === 'restart-needed') return 'restart needed';
  if (activation === 'not-applicable') return '-';
  return activation;
}

export function cveSummary(counts: CveCounts): string {
  const parts = [
    `${counts.exposed} exposed`,
    `${counts.mitigated} mitigated`,
    `${counts.unknown} unknown`,
  ];
  return `open CVEs: ${parts.join(', ')}; ${counts.knownExploitedOpen} known exploited`;
}

export function summaryLine(summary: VersionReportSummary): string {
  const states = [
    `${summary.supported} supported`,
    `${summary.outOfDate} out of date`,
    `${summary.endOfLife} end of life`,
    ...(summary.unknown > 0 ? [`${summary.unknown} unknown`] : []),
  ];
  const restart = summary.restartNeeded > 0 ? `; ${summary.restartNeeded} need a restart` : '';
  return (
    `Organisation: ${summary.servers} server(s): ${states.join(', ')}${restart}; ` +
    `${summary.openCves} open CVE(s) on ${summary.serversWithOpenCves} server(s), ` +
    `${summary.knownExploitedOpen} known exploited.`
  );
}
