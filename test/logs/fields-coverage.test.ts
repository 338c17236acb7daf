/**
 * IIS logs only the fields the administrator chose. A hunt that needs a field a log did not record
 * (the method, the status, the user) cannot see its indicator there, so its "nothing found" must
 * say which logs it could not read instead of speaking for them.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { renderLogScanText } from '../../src/logs/render-text.js';
import { IIS_FIELDS, iisLine, placesOf, scan, withFiles } from './scan-helpers.js';

/** Stem, query, client address and agent only: no method, status or user. */
const LEAN_FIELDS =
  '#Fields: date time s-ip cs-uri-stem cs-uri-query c-ip cs(User-Agent) time-taken';
const LEAN = [
  LEAN_FIELDS,
  // ProxyShell needs only the stem and query: found here.
  '2026-11-03 15:20:53 10.40.0.11 /autodiscover/autodiscover.json @evil.corp/mapi/nspi/?&Email=autodiscover/autodiscover.json%3F@evil.corp 203.0.113.7 python 64',
  // A ProxyLogon static POST, but the method and status were not logged.
  '2026-11-03 15:21:00 10.40.0.11 /ecp/y.js &CorrelationID=<empty>; 203.0.113.8 python 12',
  '',
].join('\r\n');
const FULL = [
  IIS_FIELDS,
  iisLine('2026-11-04T10:00:00', 'GET', '/owa/', '-', 'ann', '10.20.1.5', 'Mozilla/5.0', '200'),
  '',
].join('\r\n');
/** Default fields, then IIS restarted with a field set that leaves out cs-method. */
const CHANGED = [
  IIS_FIELDS,
  iisLine('2026-11-05T10:00:00', 'GET', '/owa/', '-', 'ann', '10.20.1.5', 'Mozilla/5.0', '200'),
  '#Fields: date time s-ip cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status',
  '2026-11-05 11:00:00 10.40.0.11 /owa/ - 443 ann 10.20.1.5 Mozilla/5.0 200',
  '',
].join('\r\n');

describe('hunts and the IIS fields a log recorded', () => {
  it('names the logs a hunt could not read, and still finds what the others show', async () => {
    const files = { 'u_lean.log': LEAN, 'u_full.log': FULL, 'u_changed.log': CHANGED };
    const result = await withFiles(files, (folder) =>
      scan(['u_lean.log', 'u_full.log', 'u_changed.log'], { cwd: folder }),
    );

    const missing = new Map(
      result.sources.map((source) => [path.basename(source.file), source.missingFields]),
    );
    assert.deepEqual(missing.get('u_lean.log'), ['cs-method', 'cs-username', 'sc-status']);
    assert.equal(missing.get('u_full.log'), undefined);
    assert.deepEqual(missing.get('u_changed.log'), ['cs-method']);
    assert.deepEqual(placesOf(result, 'proxyshell'), ['u_lean.log:2']);
    assert.deepEqual(placesOf(result, 'proxylogon-static-post'), []);

    const text = renderLogScanText(result);
    const lineOf = (hunt: string): string =>
      text.split('\n').find((line) => line.startsWith(`  ${hunt}:`)) ?? '';
    assert.match(
      lineOf('proxylogon-static-post'),
      /nothing found .* \(1 sources\); not covered: 2 log\(s\) without the field\(s\) cs-method, sc-status \(.*u_changed\.log, .*u_lean\.log\)$/,
    );
    assert.match(
      lineOf('proxynotshell'),
      /; not covered: 1 log\(s\) without the field\(s\) cs-username \(.*u_lean\.log\)$/,
    );
    // The stem is in every IIS field set, so the web-shell hunt reads all three.
    assert.match(lineOf('unshipped-aspx'), /nothing found — logs cover .* \(3 sources\)$/);
    // ProxyShell found its indicator; the text still says which log it could not fully read.
    assert.doesNotMatch(text, /proxyshell[^\n]*\n {4}not covered/);
    assert.match(
      text,
      /u_lean\.log {2}iis {2}3 lines .* {2}\(no cs-method, cs-username, sc-status\)/,
    );
  });

  it('says "cannot tell" when no log of its kind recorded the fields', async () => {
    const lean = LEAN.replace(/\r\n[^\r]*autodiscover[^\r]*/, '');
    const result = await withFiles({ 'u_lean.log': lean }, (folder) =>
      scan(['u_lean.log'], { cwd: folder }),
    );
    assert.match(
      renderLogScanText(result),
      /proxylogon-static-post: cannot tell \(CVE-2021-26855\) — 1 log\(s\) without the field\(s\) cs-method, sc-status/,
    );
  });

  it('gives the same fields and findings with worker threads and tiny ranges', async () => {
    const files = { 'u_lean.log': LEAN, 'u_full.log': FULL, 'u_changed.log': CHANGED };
    const [single, parallel] = await withFiles(files, (folder) =>
      Promise.all([
        scan(['.'], { cwd: folder }),
        scan(['.'], { cwd: folder, threads: 3, rangeBytes: 120 }),
      ]),
    );
    assert.deepEqual(parallel.sources, single.sources);
    assert.deepEqual(parallel.hunts, single.hunts);
  });
});
