/**
 * Issue #7's browser test: a log line is attacker text end to end. A request for a web shell
 * whose query carries markup and script goes through `exzt assess --logs --format html`, and the
 * report opened in Chromium shows the line as text, runs none of it and creates none of its
 * elements.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { CORPUS_DIR, REPO_ROOT } from '../helpers/paths.js';
import { launchChromium, openHtml, type OpenedPage } from '../helpers/browser.js';

const PAYLOAD =
  '&x=<script>window.__pwned=1</script><img+id=exzt-log-img+src=x+onerror=window.__pwned=2>';
const LOG = [
  '#Software: Microsoft Internet Information Services 10.0',
  '#Version: 1.0',
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
  `2026-11-20 03:06:27 10.40.0.11 GET /owa/auth/shell.aspx ${PAYLOAD} 443 - 203.0.113.9 Mozilla/5.0 - 200 0 0 133`,
  '',
].join('\r\n');

let dir = '';
let html = '';
let browser: Browser;
let opened: OpenedPage;

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'exzt-log-xss-'));
  const log = path.join(dir, 'u_ex261120.log');
  writeFileSync(log, LOG);
  const run = spawnSync(
    process.execPath,
    [
      path.join(REPO_ROOT, 'bin', 'exzt.js'),
      'assess',
      path.join(CORPUS_DIR, 'E19'),
      '--logs',
      log,
      '--as-of',
      '2026-11-30',
      '--format',
      'html',
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
  );
  assert.equal(run.status, 0, run.stderr);
  html = run.stdout;
  browser = await launchChromium();
  opened = await openHtml(browser, html);
});

after(async () => {
  await opened?.close();
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a log line with markup and script in the HTML report', () => {
  it('reaches the report only as escaped data', () => {
    assert.ok(!html.includes('<script>window.__pwned'), 'never as markup in the file');
  });

  it('shows the line as text when its result is opened, and runs none of it', async () => {
    const { page } = opened;
    await page.click('nav.tabs button[data-view="findings"]');
    await page.fill('input[name="text"]', 'EXZT.INF.19');
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
    const text = await page.evaluate(() => document.body.textContent ?? '');

    assert.ok(text.includes('<script>window.__pwned=1</script>'), 'the script, literally');
    assert.ok(text.includes('onerror=window.__pwned=2'), 'the handler, literally');
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      injected: document.querySelectorAll('#exzt-log-img').length,
    }));
    assert.deepEqual(state, { pwned: undefined, injected: 0 });
    assert.deepEqual(opened.cspViolations, []);
    assert.deepEqual(opened.pageErrors, []);
    assert.deepEqual(opened.foreignRequests, []);
  });
});
