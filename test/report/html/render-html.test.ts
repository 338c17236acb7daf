/**
 * The HTML writer on the sample organisation and on one whose evidence carries an attacker's
 * text: the CSP lists the hashes of exactly the bytes inlined, nothing is loaded from anywhere,
 * and no value in the data can end the data element, open a comment or become markup.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Assessment } from '../../../src/engine/assess/assessment.js';
import { findFormat } from '../../../src/report/assessment/formats.js';
import { scriptSafeJson } from '../../../src/report/assessment/html/embed-json.js';
import { htmlReportData } from '../../../src/report/assessment/html/report-data.js';
import {
  renderAssessmentHtml,
  reportTitle,
} from '../../../src/report/assessment/html/render-html.js';
import { contosoAssessment } from '../../helpers/contoso-assessment.js';
import {
  HOSTILE_CERTIFICATE,
  HOSTILE_LOG_LINE,
  HOSTILE_SERVER,
  hostileAssessment,
} from '../../helpers/hostile-assessment.js';
import { htmlParts } from './html-parts.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');
const render = (assessment: Assessment) => [...renderAssessmentHtml(assessment)].join('');

let contoso: Assessment;
let hostile: Assessment;
before(async () => {
  contoso = await contosoAssessment();
  hostile = await hostileAssessment();
});

describe('HTML report: Content-Security-Policy', () => {
  it('allows nothing by default, and the inline script and style only by their hashes', () => {
    const parts = htmlParts(render(contoso));
    const directives = parts.csp.split('; ');

    assert.equal(directives[0], "default-src 'none'");
    assert.ok(directives.includes(`script-src 'sha256-${sha256(parts.script)}'`), parts.csp);
    assert.ok(directives.includes(`style-src 'sha256-${sha256(parts.style)}'`), parts.csp);
    assert.ok(!parts.csp.includes('unsafe'), parts.csp);
  });

  it('hashes whatever bytes are inlined: a different data set keeps both hashes valid', () => {
    for (const assessment of [contoso, hostile]) {
      const parts = htmlParts(render(assessment));
      assert.ok(parts.csp.includes(sha256(parts.script)));
      assert.ok(parts.csp.includes(sha256(parts.style)));
    }
  });

  it('loads nothing: no src, href, link, img, iframe, object or base in its markup', () => {
    const { markup } = htmlParts(render(contoso));

    assert.doesNotMatch(markup, /\s(src|href|action|srcset|poster)\s*=/i);
    assert.doesNotMatch(markup, /<(link|img|iframe|object|embed|base|frame)\b/i);
    assert.doesNotMatch(markup, /url\(|@import/i);
    assert.doesNotMatch(
      markup,
      /\b(fetch|XMLHttpRequest|WebSocket|EventSource|innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval)\b/,
    );
  });
});

describe('HTML report: embedded data', () => {
  it('cannot be broken out of: one data element, one script, no comment opened', () => {
    const html = render(hostile);
    const parts = htmlParts(html);

    assert.equal(html.match(/<\/script/gi)?.length, 2, 'only the data and the UI script close');
    assert.equal(html.match(/<script/gi)?.length, 2);
    assert.ok(!parts.dataText.includes('<'), 'every < in the data is written \\u003c');
    assert.ok(!parts.dataText.includes('\u2028') && !parts.dataText.includes('\u2029'));
    assert.ok(parts.dataText.includes('\\u003c/script>\\u003cscript id=\\"exzt-pwn-script\\"'));
  });

  it('gives back every hostile string exactly when parsed', () => {
    const data = JSON.parse(htmlParts(render(hostile)).dataText) as ReturnType<
      typeof htmlReportData
    >;
    const texts = JSON.stringify(data);

    assert.ok(data.subjects.some((subject) => subject.name === HOSTILE_SERVER));
    assert.ok(data.versions.servers.some((row) => row.name === HOSTILE_SERVER));
    assert.ok(texts.includes(JSON.stringify(HOSTILE_CERTIFICATE)));
    assert.ok(texts.includes(JSON.stringify(HOSTILE_LOG_LINE)));
  });

  it('is htmlReportData of the Assessment, streamed result by result', () => {
    const parsed: unknown = JSON.parse(htmlParts(render(contoso)).dataText);
    assert.deepEqual(parsed, JSON.parse(JSON.stringify(htmlReportData(contoso))));
  });

  it('escapes <, U+2028 and U+2029 and nothing else', () => {
    const value = { text: '</script><!-- a\u2028b\u2029c > & "q"' };
    const safe = scriptSafeJson(value);

    assert.equal(safe, '{"text":"\\u003c/script>\\u003c!-- a\\u2028b\\u2029c > & \\"q\\""}');
    assert.deepEqual(JSON.parse(safe), value);
  });
});

describe('HTML report: document structure', () => {
  it('is one document: doctype, charset, CSP before anything runs, then app, data, script', () => {
    const html = render(contoso);
    const order = [
      '<!doctype html>',
      '<meta charset="utf-8">',
      '<meta http-equiv="Content-Security-Policy"',
      '<style>',
      '<div id="app"></div>',
      '<script type="application/json" id="exzt-data">',
      '<script>(function () {',
      '</html>',
    ].map((marker) => html.indexOf(marker));

    assert.ok(
      order.every((position) => position >= 0),
      String(order),
    );
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
    );
  });

  it('names the organisation and the as-of day in its title, escaped', () => {
    const html = render(hostile);
    assert.ok(html.includes('<title>exzt assessment of Contoso, 2026-11-30</title>'));
    assert.equal(
      reportTitle({
        subjects: [{ key: 'organization', type: 'organization', name: 'A<b>' }],
        metadata: contoso.metadata,
      }),
      'exzt assessment of A<b>, 2026-11-30',
    );
  });

  it('is registered as --format html, written to assessment.html', () => {
    const format = findFormat('html');
    assert.equal(format?.fileName, 'assessment.html');
    assert.equal([...(format?.render(contoso, { colour: true }) ?? [])].join(''), render(contoso));
  });
});
