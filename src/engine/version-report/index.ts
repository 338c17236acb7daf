export { buildVersionReport, type VersionReportOptions } from './build-report.js';
export { compareCveIds } from './cves.js';
export * from './model.js';
