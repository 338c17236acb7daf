/**
 * `exzt probe` and `exzt assess --probe/--probe-results` end to end, as an admin runs them:
 * probe from the internet vantage into a file, assess later; or probe and assess in one go. The
 * fake Exchange 2019 CU14 server answers straight from IIS, so the most urgent finding must come
 * out. Child processes run asynchronously: the fake servers live in this process.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Assessment } from '../../../src/engine/assess/assessment.js';
import type { ProbeReport } from '../../../src/probe/model.js';
import { REPO_ROOT } from '../../helpers/paths.js';
import { makeCertificates, startFakeExchange, type FakeServer } from '../../probe/fake-exchange.js';
import { startFakeSmtp } from '../../probe/fake-tcp.js';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function exzt(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(REPO_ROOT, 'bin', 'exzt.js'), ...args],
      { env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({
          status: error === null ? 0 : typeof error.code === 'number' ? error.code : null,
          stdout,
          stderr,
        });
      },
    );
  });
}

const LIMITS = ['--timeout', '5000', '--deadline', '60', '--concurrency', '4', '--rate', '200/s'];
const AS_OF = ['--as-of', '2026-11-30'];

describe('exzt probe and exzt assess --probe on loopback fakes', () => {
  let dir = '';
  let exchange: FakeServer;
  let smtp: FakeServer;
  let targets: string[] = [];

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'exzt-probe-cli-'));
    const { valid } = makeCertificates();
    exchange = await startFakeExchange({ pem: valid, owaVersion: '15.2.1544.4', basic: true });
    smtp = await startFakeSmtp({
      banner: 'ex01.contoso.local Microsoft ESMTP MAIL Service ready',
      authBeforeTls: ['LOGIN'],
    });
    targets = [`127.0.0.1:${exchange.port}`, `smtp://127.0.0.1:${smtp.port}`];
  });
  after(async () => {
    await Promise.all([exchange.close(), smtp.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes JSON to a .json --out file with the vantage, never overwriting; text by default', async () => {
    const file = path.join(dir, 'probe.json');
    const run = await exzt('probe', ...targets, '--from', 'internet', ...LIMITS, '--out', file);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(readFileSync(file, 'utf8')) as ProbeReport;
    assert.equal(report.vantage, 'internet');
    assert.deepEqual(
      report.targets.map((t) => t.status),
      ['assessed', 'assessed'],
    );

    const again = await exzt('probe', ...targets, ...LIMITS, '--format', 'json', '--out', file);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /--out .*probe\.json: cannot write/);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), report);

    const text = await exzt('probe', targets[0]!, ...LIMITS);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /build 15\.2\.1544\.4 \(build precision, X-OWA-Version/);
    assert.match(text.stdout, /intermediary: direct-to-iis/);
    assert.match(
      text.stdout,
      /Sent:\n {2}https:\/\/127\.0\.0\.1:\d+ \(127\.0\.0\.1\): 13 HTTP requests/,
    );
  });

  it('assesses a saved report later: the unpatched direct build first, Basic, SMTP AUTH in clear', async () => {
    const run = await exzt(
      'assess',
      path.join(dir, 'probe.json'),
      ...AS_OF,
      '--format',
      'json',
      '--fail-on',
      'critical',
    );
    assert.equal(run.status, 1, run.stderr);
    const assessment = JSON.parse(run.stdout) as Assessment;
    const outcome = (id: string) => assessment.results.find((r) => r.control === id)?.outcome;
    assert.equal(outcome('EXZT.NET.17'), 'fail');
    assert.equal(outcome('EXZT.NET.11'), 'fail');
    assert.equal(outcome('EXZT.NET.12'), 'fail');
    assert.equal(outcome('EXZT.NET.14'), 'fail');
    assert.equal(outcome('EXZT.NET.15'), 'fail');
    assert.equal(outcome('EXZT.NET.16'), 'fail');
    assert.equal(outcome('EXZT.NET.18'), 'fail');
    assert.equal(outcome('EXZT.NET.13'), 'pass');
    const urgent = assessment.results.find((r) => r.control === 'EXZT.NET.17');
    assert.equal(
      urgent?.evidence[0]?.member ?? urgent?.findings[0]?.evidence[0]?.member,
      'probe.json',
    );
  });

  it('probes and assesses in one run with --probe, and with --probe-results', async () => {
    const live = await exzt(
      'assess',
      '--probe',
      targets[0]!,
      '--from',
      'internet',
      ...LIMITS,
      ...AS_OF,
      '--format',
      'json',
    );
    assert.equal(live.status, 0, live.stderr);
    const assessment = JSON.parse(live.stdout) as Assessment;
    assert.equal(assessment.results.find((r) => r.control === 'EXZT.NET.17')?.outcome, 'fail');

    const saved = await exzt(
      'assess',
      '--probe-results',
      path.join(dir, 'probe.json'),
      ...AS_OF,
      '--format',
      'json',
    );
    assert.equal(saved.status, 0, saved.stderr);
  });

  it('refuses bad input with exit 2, naming the file or the target', async () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"tool": "other"}');
    const run = await exzt('assess', '--probe-results', bad);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /bad\.json: not a probe report: expected "tool": "exzt"/);

    const noTarget = await exzt('probe');
    assert.equal(noTarget.status, 2);
    assert.match(noTarget.stderr, /no target given/);

    const badTarget = await exzt('probe', 'http://x y');
    assert.equal(badTarget.status, 2);
    assert.match(badTarget.stderr, /expected host\[:port\]/);
  });
});
