import type { VersionReport } from '../../engine/version-report/index.js';

/** The documented JSON contract (docs/version-report.md): the report as built, indented. */
export function renderVersionReportJson(report: VersionReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
