export { renderVersionReportCsv } from './csv.js';
export { renderVersionReportJson } from './json.js';
export { renderVersionReportMarkdown } from './markdown.js';
export { renderVersionReportText } from './text.js';
