/**
 * `exzt version-report` as a user and a CI pipeline run it: the README's sample, each format,
 * --fail-on, and malformed input, which must end in a clear error and exit code 2.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXAMPLES_DIR, REPO_ROOT } from '../../helpers/paths.js';
import { buildZip } from '../../helpers/zip-writer.js';

const CONTOSO = path.join(EXAMPLES_DIR, 'contoso', 'bundle');
const OBJS_OPEN =
  '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">';

function exzt(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'exzt.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('exzt version-report on the sample organisation', () => {
  it('prints the table and the organisation summary, exit 0 (npm start)', () => {
    const run = exzt('version-report', CONTOSO);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^EX04 +Exchange Server SE +RTM +Nov26SU .* restart needed/m);
    assert.match(
      run.stdout,
      /^Organisation: 6 server\(s\): 1 supported, 2 out of date, 3 end of life/m,
    );
    assert.ok(!run.stdout.includes('\u001b['), 'no colour when not on a terminal');
  });

  it('writes the documented JSON contract', () => {
    const report = JSON.parse(exzt('version-report', CONTOSO, '--format', 'json').stdout);
    assert.equal(report.schemaVersion, 1);
    assert.match(report.kb.asOf, /^\d{4}-\d{2}-\d{2}$/);
    const server = report.servers[0];
    for (const field of [
      'key',
      'name',
      'product',
      'cu',
      'su',
      'build',
      'adminDisplayVersion',
      'source',
      'precision',
      'latestSu',
      'suBehind',
      'supported',
      'endOfLife',
      'rebootPending',
      'cves',
    ]) {
      assert.ok(field in server, `servers[].${field}`);
    }
    for (const field of ['id', 'state', 'knownExploited', 'fixedBy']) {
      assert.ok(field in server.cves[0], `cves[].${field}`);
    }
  });

  it('writes CSV with a header row and one row per server, and Markdown', () => {
    const csv = exzt('version-report', CONTOSO, '--format', 'csv').stdout.trimEnd().split('\r\n');
    assert.equal(csv.length, 7);
    assert.match(csv[0] ?? '', /^server,product,cu,su,build,/);
    const md = exzt('version-report', CONTOSO, '--format', 'md').stdout;
    assert.match(md, /^\| EX02 \| Exchange Server SE \| RTM \| Oct26SU \|/m);
  });

  it('exits 1 under --fail-on when a server is at that level, 0 when none is', () => {
    assert.equal(exzt('version-report', CONTOSO, '--fail-on', 'known-exploited').status, 1);
    const current = path.join(CONTOSO, 'servers', 'EX01', 'exchange.setup-version.xml');
    const server = path.join(CONTOSO, 'servers', 'EX01', 'exchange.server.xml');
    // Extended Protection decides CVE-2024-21410 (known exploited): without it, it stays open.
    const iis = path.join(CONTOSO, 'servers', 'EX01', 'iis.application-host.config');
    assert.equal(exzt('version-report', server, current, '--fail-on', 'known-exploited').status, 1);
    assert.equal(
      exzt(
        'version-report',
        server,
        current,
        iis,
        '--fail-on',
        'known-exploited',
        '--as-of',
        '2026-11-30',
      ).status,
      0,
    );
  });

  it('judges ages against --as-of', () => {
    const report = JSON.parse(
      exzt('version-report', CONTOSO, '--format', 'json', '--as-of', '2026-12-30').stdout,
    );
    const ex02 = report.servers.find((server: { name: string }) => server.name === 'EX02');
    assert.equal(report.asOfSource, 'option');
    assert.equal(ex02.daysSinceMissingSu, 50);
  });

  it('rejects bad options with exit 2', () => {
    for (const args of [
      ['--format', 'xml'],
      ['--fail-on', 'sometimes'],
      ['--as-of', 'yesterday'],
    ]) {
      const run = exzt('version-report', CONTOSO, ...args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /^error: --/);
    }
  });
});

describe('exzt version-report on malformed input', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'exzt-malformed-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cases: Array<[string, () => Buffer, RegExp]> = [
    [
      'a truncated file',
      () => Buffer.from(`${OBJS_OPEN}\n  <Obj RefId="0">\n    <MS>\n      <S N="Name">EX`),
      /unexpected end of file/,
    ],
    [
      'the wrong encoding',
      () =>
        Buffer.concat([
          Buffer.from(`\ufeff${OBJS_OPEN}<S>`),
          Buffer.from([0xff, 0xc3]),
          Buffer.from('</S></Objs>'),
        ]),
      /wrong encoding/,
    ],
    [
      'an entity declaration',
      () =>
        Buffer.from(`<?xml version="1.0"?><!DOCTYPE Objs [<!ENTITY x "y">]>${OBJS_OPEN}</Objs>`),
      /DOCTYPE/,
    ],
    [
      '200-deep nesting',
      () =>
        Buffer.from(`${OBJS_OPEN}${'<Obj><LST>'.repeat(200)}${'</LST></Obj>'.repeat(200)}</Objs>`),
      /deep|depth|nesting/i,
    ],
    [
      'a 50 MB string',
      () => Buffer.from(`${OBJS_OPEN}<S>${'A'.repeat(50 * 1024 * 1024)}</S></Objs>`),
      /long|limit|characters/i,
    ],
  ];
  for (const [name, bytes, message] of cases) {
    it(`${name}: a clear error naming file and line, exit 2`, () => {
      const file = path.join(dir, `${name.replace(/\W+/g, '-')}.xml`);
      writeFileSync(file, bytes());
      const run = exzt('version-report', file);
      assert.equal(run.status, 2, run.stderr);
      assert.match(
        run.stderr,
        new RegExp(`^error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `),
      );
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    });
  }

  it('a .zip with ../ entries: exit 2, nothing written outside', () => {
    // The zip sits two folders down in this test's own folder, so '../../evil.xml' would land
    // in that folder, which no other test touches.
    const folder = path.join(dir, 'a', 'b');
    mkdirSync(folder, { recursive: true });
    const zip = path.join(folder, 'escape.zip');
    writeFileSync(
      zip,
      buildZip([{ name: '../../evil.xml', data: Buffer.from(`${OBJS_OPEN}</Objs>`) }]),
    );
    const listing = () => readdirSync(dir, { recursive: true }).map(String).sort();
    const before = listing();
    const run = exzt('version-report', zip);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /escape\.zip.*\.\.\/\.\.\/evil\.xml/);
    assert.deepEqual(listing(), before);
  });
});
