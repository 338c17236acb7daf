/**
 * Evidence is attacker-controlled text: a server name, a certificate subject or a log line can
 * carry markup and script. The HTML report of such an Assessment, opened in real Chromium with
 * every result drawn and opened (as when printing), shows each payload as literal text, runs
 * none of it (window.__pwned stays undefined), creates none of its elements, and reports no CSP
 * violation (which an injected handler or script element would cause).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { renderAssessmentHtml } from '../../src/report/assessment/html/render-html.js';
import { launchChromium, openHtml, type OpenedPage } from '../helpers/browser.js';
import {
  HOSTILE_CERTIFICATE,
  HOSTILE_LOG_LINE,
  HOSTILE_SERVER,
  hostileAssessment,
} from '../helpers/hostile-assessment.js';

let browser: Browser;
let opened: OpenedPage;

before(async () => {
  const html = [...renderAssessmentHtml(await hostileAssessment())].join('');
  browser = await launchChromium();
  opened = await openHtml(browser, html);
});

after(async () => {
  await opened?.close();
  await browser?.close();
});

describe('HTML report with hostile evidence in Chromium', () => {
  it('shows every payload as text, in every view, with all results opened', async () => {
    const { page } = opened;
    await page.click('nav.tabs button[data-view="findings"]');
    await page.selectOption('select[name="subject"]', { label: HOSTILE_SERVER });
    assert.match((await page.textContent('#findings-count')) ?? '', /^\d+ results? of/);
    await page.selectOption('select[name="subject"]', '');
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
    const text = await page.evaluate(() => document.body.textContent ?? '');

    assert.ok(text.includes(HOSTILE_SERVER), 'the server name, literally');
    assert.ok(text.includes(HOSTILE_CERTIFICATE), 'the certificate subject, literally');
    assert.ok(text.includes(HOSTILE_LOG_LINE), 'the log line, literally');
    const overview = await page.locator('#overview').textContent();
    assert.ok(overview?.includes(HOSTILE_SERVER), 'the version table and top risks too');
    const option = await page.locator('select[name="subject"] option', { hasText: 'EX03<img' });
    assert.equal(await option.count(), 1);
  });

  it('runs none of it and creates none of its elements', async () => {
    const { page } = opened;
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      injected: document.querySelectorAll(
        '#exzt-pwn-img, #exzt-pwn-script, #exzt-pwn-frame, img, iframe',
      ).length,
      scripts: document.scripts.length,
      handlers: document.querySelectorAll('[onerror], [onload]').length,
    }));

    assert.equal(state.pwned, undefined);
    assert.equal(state.injected, 0);
    assert.equal(state.scripts, 2, 'the data element and the report script, nothing more');
    assert.equal(state.handlers, 0);
  });

  it('logged no error, violated no CSP directive and requested nothing', () => {
    assert.deepEqual(opened.consoleErrors, []);
    assert.deepEqual(opened.pageErrors, []);
    assert.deepEqual(opened.cspViolations, []);
    assert.deepEqual(opened.foreignRequests, []);
  });
});
