/**
 * The HTML report: one self-contained file that loads nothing (DESIGN.md "Pipeline", issue #4).
 * The Assessment travels as JSON in a `<script type="application/json">` element, which the
 * browser never runs; one inline script builds the page from it with createElement and
 * textContent only, so an attacker's text in the evidence (a server name, a certificate
 * subject, a log line) can only ever be shown, never parsed as markup. The CSP allows that
 * script and the one stylesheet by hash and nothing else.
 */
import type { Assessment } from '../../../engine/assess/assessment.js';
import { contentSecurityPolicy } from './csp.js';
import { escapeForScript, scriptSafeJson } from './embed-json.js';
import { htmlReportData, type HtmlReportData } from './report-data.js';
import { REPORT_STYLE } from './report-style.js';
import { REPORT_SCRIPT } from './report-script.js';

/** The id of the data element the report script reads. */
export const DATA_ELEMENT_ID = 'exzt-data';

export function* renderAssessmentHtml(assessment: Assessment): Generator<string> {
  const data = htmlReportData(assessment);
  const csp = contentSecurityPolicy(REPORT_SCRIPT, REPORT_STYLE);

  yield [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(reportTitle(data))}</title>`,
    `<style>${REPORT_STYLE}</style>`,
    '</head>',
    '<body>',
    '<noscript>This report is drawn by its inline script; the assessment itself is the JSON in ' +
      `the element #${DATA_ELEMENT_ID}.</noscript>`,
    '<div id="app"></div>',
    `<script type="application/json" id="${DATA_ELEMENT_ID}">`,
  ].join('\n');
  yield* dataChunks(data);
  yield `</script>\n<script>${REPORT_SCRIPT}</script>\n</body>\n</html>\n`;
}

/** The data a result at a time, so the document is never one string of many megabytes. */
function* dataChunks(data: HtmlReportData): Generator<string> {
  const { results, ...rest } = data;
  yield `${scriptSafeJson(rest).slice(0, -1)},"results":[`;
  for (const [index, result] of results.entries()) {
    yield `${index === 0 ? '' : ','}${escapeForScript(JSON.stringify(result))}`;
  }
  yield ']}';
}

export function reportTitle(data: Pick<HtmlReportData, 'subjects' | 'metadata'>): string {
  const organization = data.subjects.find((subject) => subject.type === 'organization');
  const day = data.metadata.asOf.slice(0, 10);
  return `exzt assessment${organization === undefined ? '' : ` of ${organization.name}`}, ${day}`;
}

/** For the few values written into markup on the server side: the title and the CSP. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
