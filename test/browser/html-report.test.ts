/**
 * The HTML report of the sample organisation in real headless Chromium, used as a reader would:
 * every filter, a result opened to its evidence, remediation and waiver, the framework views,
 * dark mode (toggle and prefers-color-scheme) and printing to PDF. Throughout, the page logs no
 * error, violates no Content-Security-Policy directive and requests nothing. A screenshot and
 * the PDF are kept under test-artifacts/ (git-ignored).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Assessment } from '../../src/engine/assess/assessment.js';
import type { ControlResult } from '../../src/engine/assess/result.js';
import { renderAssessmentHtml } from '../../src/report/assessment/html/render-html.js';
import { launchChromium, openHtml, type OpenedPage } from '../helpers/browser.js';
import { contosoAssessment } from '../helpers/contoso-assessment.js';
import { REPO_ROOT } from '../helpers/paths.js';

export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts');
const DARK_BACKGROUND = 'rgb(13, 17, 23)';
const LIGHT_BACKGROUND = 'rgb(255, 255, 255)';

let browser: Browser;
let assessment: Assessment;
let html = '';
let opened: OpenedPage;
let page: Page;

before(async () => {
  assessment = await contosoAssessment();
  html = [...renderAssessmentHtml(assessment)].join('');
  browser = await launchChromium();
  opened = await openHtml(browser, html);
  page = opened.page;
  await mkdir(ARTIFACTS_DIR, { recursive: true });
});

after(async () => {
  await opened?.close();
  await browser?.close();
});

async function countText(): Promise<string> {
  return (await page.textContent('#findings-count')) ?? '';
}

async function expectCount(expected: ControlResult[], what: string): Promise<void> {
  const total = assessment.results.length;
  const text = await countText();
  if (expected.length === 0) {
    assert.equal(text, `No result matches (of ${total}).`, what);
  } else {
    assert.match(text, new RegExp(`^${expected.length} results? of ${total};`), what);
  }
  const rows = await page.locator('#findings details.result').count();
  assert.equal(rows, Math.min(expected.length, 100), what);
}

async function resetFilters(): Promise<void> {
  for (const name of ['area', 'severity', 'verdict', 'outcome', 'framework', 'subject']) {
    await page.selectOption(`select[name="${name}"]`, '');
  }
  await page.fill('input[name="text"]', '');
}

function controlOf(result: ControlResult) {
  return assessment.controls.find((control) => control.id === result.control);
}

describe('HTML report of the sample organisation in Chromium', () => {
  it('draws the overview: area chart, top risks, ZTMM stages, versions, run metadata', async () => {
    assert.equal(await page.locator('svg.posture rect.track').count(), 6);
    assert.ok((await page.locator('svg.posture rect.v-fail').count()) > 0);
    const firstRisk = await page.locator('ol.risks li').first().textContent();
    assert.match(firstRisk ?? '', /^known-exploited CVE-/);
    const overview = await page.locator('#overview').innerText();
    assert.match(overview, /Identity\s+traditional|Identity\s+initial|Identity\s+advanced/);
    for (const server of assessment.versionReport.servers)
      assert.ok(overview.includes(server.name));
    assert.ok(overview.includes(assessment.metadata.policyHash ?? 'no policy hash'));
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'html-report-overview.png') });
  });

  it('filters by area, severity, verdict, outcome, framework, server and text', async () => {
    await page.click('nav.tabs button[data-view="findings"]');
    await expectCount(assessment.results, 'no filter');

    const byControl = (test: (r: ControlResult) => boolean) => assessment.results.filter(test);
    await page.selectOption('select[name="area"]', 'network');
    await expectCount(
      byControl((r) => r.area === 'network'),
      'area',
    );
    await resetFilters();

    await page.selectOption('select[name="severity"]', 'critical');
    await expectCount(
      byControl((r) => r.severity === 'critical'),
      'severity',
    );
    await resetFilters();

    await page.selectOption('select[name="verdict"]', 'fail');
    await expectCount(
      byControl((r) => r.verdict === 'fail'),
      'verdict',
    );
    const badges = await page.locator('#findings details.result summary .badge').allTextContents();
    assert.ok(badges.every((badge) => badge === 'fail'));
    await resetFilters();

    await page.selectOption('select[name="outcome"]', 'not-assessed');
    await expectCount(
      byControl((r) => r.outcome === 'not-assessed'),
      'outcome',
    );
    await resetFilters();

    const cis41 = assessment.scores.frameworks
      .find((view) => view.framework === 'cisV8')
      ?.ids.find((id) => id.id === '4.1');
    assert.ok(cis41 !== undefined);
    await page.selectOption('select[name="framework"]', 'cisV8|4.1');
    await expectCount(
      byControl((r) => cis41.controls.includes(r.control)),
      'framework id',
    );
    const stig = new Set(
      assessment.controls.filter((c) => c.mappings.disaStig.length > 0).map((c) => c.id),
    );
    await page.selectOption('select[name="framework"]', 'disaStig');
    await expectCount(
      byControl((r) => stig.has(r.control)),
      'framework',
    );
    await resetFilters();

    await page.selectOption('select[name="subject"]', { label: 'EX03' });
    await expectCount(
      byControl((r) => r.subject.name === 'EX03'),
      'server',
    );
    await page.selectOption('select[name="verdict"]', 'fail');
    await expectCount(
      byControl((r) => r.subject.name === 'EX03' && r.verdict === 'fail'),
      'both',
    );
    await resetFilters();

    await page.fill('input[name="text"]', 'relay.contoso');
    await expectCount(
      byControl((r) => r.findings.some((f) => f.object?.includes('relay.contoso'))),
      'text',
    );
    await page.fill('input[name="text"]', 'no such thing anywhere');
    await expectCount([], 'text without a match');
    await resetFilters();
  });

  it('opens a waived result to its evidence, remediation, references and waiver', async () => {
    const waived = assessment.results.find((r) => r.verdict === 'waived');
    assert.ok(waived?.waiver !== undefined);
    await page.fill('input[name="text"]', waived.control);
    await page.selectOption('select[name="verdict"]', 'waived');
    await page.click('#findings details.result summary');
    const body = await page.locator('#findings details.result .result-body').innerText();
    const fact = waived.findings[0]?.evidence[0];
    const control = controlOf(waived);

    assert.ok(body.includes(waived.waiver.reason));
    assert.ok(body.includes(waived.waiver.ticket ?? 'no ticket'));
    assert.ok(body.includes(`${fact?.source}/${fact?.member}:${fact?.line}:${fact?.column}`));
    assert.ok(body.includes(fact?.sha256 ?? 'no hash'));
    assert.ok(body.includes(fact?.objectPath ?? 'no object path'));
    assert.ok(body.includes(control?.remediation.text ?? 'no remediation'));
    if (control?.remediation.powershell !== undefined) {
      assert.equal(
        await page.locator('.result-body pre.powershell').innerText(),
        control.remediation.powershell,
      );
    }
    assert.match(body, /CIS Controls v8\s+\S/);
    assert.match(body, /NIST SP 800-53 r5\s+\S/);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'html-report-result.png') });
    await resetFilters();
  });

  it('opens an attested pass and says what it rests on', async () => {
    const attested = assessment.results.find((r) => r.basis === 'attested');
    assert.ok(attested !== undefined, 'the sample has an attested pass');
    await page.fill('input[name="text"]', attested.control);
    await page.selectOption('select[name="subject"]', {
      label:
        attested.subject.name + (attested.subject.type === 'organization' ? ' (organisation)' : ''),
    });
    await page.click('#findings details.result summary');
    const body = await page.locator('#findings details.result .result-body').innerText();
    assert.match(body, /rests on the organisation's attestation/);
    await resetFilters();
  });

  it('shows a view per framework and links its controls to their findings', async () => {
    await page.click('nav.tabs button[data-view="frameworks"]');
    const names = await page
      .locator('#frameworks section.framework')
      .evaluateAll((sections) =>
        sections.map((section) => (section as HTMLElement).dataset.framework),
      );
    assert.deepEqual(
      names,
      assessment.scores.frameworks.map((view) => view.framework),
    );
    for (const framework of ['cisV8', 'nist800207', 'iso27001', 'nist80053', 'disaStig']) {
      const view = assessment.scores.frameworks.find((v) => v.framework === framework);
      const rows = await page.locator(`section[data-framework="${framework}"] tbody tr`).count();
      assert.equal(rows, view?.ids.length, framework);
      const text = await page.locator(`section[data-framework="${framework}"]`).innerText();
      assert.ok(text.includes(view?.summary ?? 'no summary'), framework);
    }

    await page.locator('section[data-framework="cisV8"] button.link').first().click();
    assert.equal(await page.locator('#findings').isVisible(), true);
    const control = await page.inputValue('input[name="text"]');
    assert.match(control, /^EXZT\.[A-Z]+\.\d+$/);
    await expectCount(
      assessment.results.filter((r) => r.control === control),
      'linked control',
    );
    await resetFilters();
  });

  it('switches to dark mode and back, and follows prefers-color-scheme', async () => {
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(await background(), LIGHT_BACKGROUND);
    await page.click('#theme-toggle');
    assert.equal(await background(), DARK_BACKGROUND);
    await page.click('nav.tabs button[data-view="overview"]');
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'html-report-dark.png') });
    await page.click('#theme-toggle');
    assert.equal(await background(), LIGHT_BACKGROUND);

    const dark = await openHtml(browser, html, { colorScheme: 'dark' });
    try {
      const darkBackground = await dark.page.evaluate(
        () => getComputedStyle(document.body).backgroundColor,
      );
      assert.equal(darkBackground, DARK_BACKGROUND);
      assert.equal(await dark.page.textContent('#theme-toggle'), 'Light mode');
    } finally {
      await dark.close();
    }
  });

  it('prints to PDF with every section shown, results opened, no controls, light colours', async () => {
    await page.click('#theme-toggle');
    await page.click('nav.tabs button[data-view="findings"]');
    await page.selectOption('select[name="verdict"]', 'fail');
    await page.emulateMedia({ media: 'print' });
    // matchMedia's change event reaches the page's listener with the next frame.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
    const state = await page.evaluate(() => ({
      views: Array.from(document.querySelectorAll('section.view')).map(
        (v) => getComputedStyle(v).display,
      ),
      hidden: ['nav.tabs', 'form.filters', '.pager', '#theme-toggle'].map(
        (selector) => getComputedStyle(document.querySelector(selector) as Element).display,
      ),
      results: document.querySelectorAll('#findings details.result').length,
      open: document.querySelectorAll('#findings details.result[open] .result-body').length,
      background: getComputedStyle(document.body).backgroundColor,
    }));
    const failing = assessment.results.filter((r) => r.verdict === 'fail').length;

    assert.deepEqual(state.views, ['block', 'block', 'block']);
    assert.deepEqual(state.hidden, ['none', 'none', 'none', 'none']);
    assert.equal(state.results, failing);
    assert.equal(state.open, failing);
    assert.equal(state.background, LIGHT_BACKGROUND, 'dark mode never reaches paper');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    await writeFile(path.join(ARTIFACTS_DIR, 'html-report-contoso.pdf'), pdf);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'html-report-print.png') });

    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
    assert.equal(await page.locator('#findings details.result').count(), Math.min(failing, 100));
    await resetFilters();
  });

  it('logged no error, violated no CSP directive and requested nothing', () => {
    assert.deepEqual(opened.consoleErrors, []);
    assert.deepEqual(opened.pageErrors, []);
    assert.deepEqual(opened.cspViolations, []);
    assert.deepEqual(opened.foreignRequests, []);
  });
});
