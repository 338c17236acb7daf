import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LogScanResult } from '../../src/logs/model.js';
import { renderLogScanText } from '../../src/logs/render-text.js';

const RESULT: LogScanResult = {
  sources: [
    {
      file: 'u_ex261101.log',
      format: 'iis',
      lines: 3,
      bytes: 300,
      oldest: '2026-11-01T00:00:00.000Z',
      newest: '2026-11-01T23:00:00.000Z',
    },
  ],
  hunts: [
    {
      hunt: 'unshipped-aspx',
      count: 1,
      findings: [
        {
          hunt: 'unshipped-aspx',
          file: 'u_ex261101.log',
          line: 2,
          time: '2026-11-01T01:00:00.000Z',
          clientIp: '198.51.100.1',
          user: null,
          status: '200',
          text: 'GET /owa/auth/x.aspx \u001b]0;pwned\u0007<script>alert(1)</script>',
        },
      ],
    },
  ],
  badLines: { count: 0, samples: [] },
  usage: null,
  window: { since: null, until: null },
};

describe('log scan text output', () => {
  it('escapes control characters of a logged line so it cannot drive the terminal', () => {
    const text = renderLogScanText(RESULT);
    assert.ok(!text.includes('\u001b'), 'no raw escape');
    assert.match(text, /\\x1b\]0;pwned\\x07<script>alert\(1\)<\/script>/);
  });

  it('puts the covered period beside every hunt that found nothing', () => {
    const text = renderLogScanText(RESULT);
    assert.match(
      text,
      /proxyshell: nothing found \(CVE-2021-34473, CVE-2021-34523, CVE-2021-31207\) — logs cover 2026-11-01T00:00:00.000Z to 2026-11-01T23:00:00.000Z \(1 sources\)/,
    );
    assert.match(
      text,
      /proxylogon-ssrf: nothing found \(CVE-2021-26855\) — no log of the kind this hunt reads was scanned/,
    );
  });
});
