/**
 * `exzt logs scan` and `exzt assess --logs` through the real binary: exit 1 on indicators, 0 on
 * none, 2 on bad input; JSON output; a log finding reaching the Assessment with its matched line.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { EXAMPLES_DIR, REPO_ROOT } from '../../helpers/paths.js';

const BIN = path.join(REPO_ROOT, 'bin', 'exzt.js');
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'logs');

function exzt(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('exzt logs scan', () => {
  it('exits 1 and lists file:line when an indicator is found', () => {
    const run = exzt('logs', 'scan', path.join(FIXTURES, 'iis-webshell.log'));
    assert.equal(run.code, 1);
    assert.match(run.stdout, /unshipped-aspx: 4 found/);
    assert.match(
      run.stdout,
      /iis-webshell\.log:5 {2}2021-03-05T03:06:27\.000Z {2}139\.162\.202\.236/,
    );
  });

  it('exits 0 on benign logs and shows the covered period beside "nothing found"', () => {
    const run = exzt(
      'logs',
      'scan',
      path.join(FIXTURES, 'httpproxy-benign.log'),
      '--format',
      'json',
    );
    assert.equal(run.code, 0);
    const result = JSON.parse(run.stdout) as {
      hunts: unknown[];
      sources: Array<{ oldest: string }>;
    };
    assert.deepEqual(result.hunts, []);
    assert.equal(result.sources[0]?.oldest, '2021-03-04T10:00:01.000Z');
    const text = exzt('logs', 'scan', path.join(FIXTURES, 'httpproxy-benign.log'));
    assert.match(
      text.stdout,
      /proxylogon-ssrf: nothing found \(CVE-2021-26855\) — logs cover 2021-03-04T10:00:01\.000Z to/,
    );
  });

  it('exits 2 on a missing path or a bad option', () => {
    assert.equal(exzt('logs', 'scan', path.join(FIXTURES, 'missing.log')).code, 2);
    assert.equal(exzt('logs', 'scan', FIXTURES, '--threads', 'many').code, 2);
    const since = exzt('logs', 'scan', FIXTURES, '--since', 'yesterday');
    assert.equal(since.code, 2);
    assert.match(since.stderr, /--since yesterday: expected a date \(2026-11-30\) or an ISO 8601/);
    const policy = exzt('logs', 'scan', FIXTURES, '--policy', path.join(FIXTURES, 'none.yaml'));
    assert.equal(policy.code, 2);
    assert.match(policy.stderr, /none\.yaml/);
  });

  it('assess --logs puts the matched line into the result finding', () => {
    const run = exzt(
      'assess',
      path.join(EXAMPLES_DIR, 'contoso', 'bundle'),
      '--logs',
      path.join(FIXTURES, 'iis-webshell.log'),
      '--format',
      'json',
      '--fail-on',
      'none',
    );
    assert.equal(run.code, 0, run.stderr);
    const assessment = JSON.parse(run.stdout) as {
      results: Array<{
        control: string;
        outcome: string;
        findings: Array<{ object: string; value: unknown }>;
      }>;
    };
    const indicators = assessment.results.find((result) => result.control === 'EXZT.INF.19');
    assert.equal(indicators?.outcome, 'fail');
    assert.match(indicators?.findings[0]?.object ?? '', /iis-webshell\.log:5$/);
    assert.match(
      String(indicators?.findings[0]?.value),
      /RedirSuiteServerProxy\.aspx &CorrelationID=<empty>;/,
    );
  });
});
