/**
 * `exzt assess` end to end on Microsoft's HealthChecker export of an Exchange 2019 server, as an
 * admin, an auditor and a CI pipeline run it: every control has a result for its subject, what
 * the export cannot show is "not assessed", waivers and --fail-on behave, bad input exits 2.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CONTROLS } from '../../../src/controls/catalogue.js';
import type { Assessment } from '../../../src/engine/assess/assessment.js';
import { ASSESSMENT_FORMATS } from '../../../src/report/assessment/formats.js';
import { CORPUS_DIR, REPO_ROOT } from '../../helpers/paths.js';

const E19 = path.join(CORPUS_DIR, 'E19');
const AS_OF = ['--as-of', '2026-11-30'];

function exzt(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'exzt.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('exzt assess on HealthChecker corpus E19', () => {
  let dir = '';
  let assessment: Assessment;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'exzt-assess-'));
    const run = exzt('assess', E19, ...AS_OF, '--format', 'json');
    assert.equal(run.status, 0, run.stderr);
    assessment = JSON.parse(run.stdout) as Assessment;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives every control one result for its subject: the server or the organisation', () => {
    const expected = CONTROLS.length;
    assert.equal(assessment.results.length, expected);
    for (const result of assessment.results) {
      const control = CONTROLS.find((c) => c.id === result.control);
      assert.equal(result.subject.type, control?.scope === 'server' ? 'server' : 'organization');
    }
  });

  it('answers "not assessed" where the export holds no evidence (LmCompatibilityLevel, Credential Guard)', () => {
    for (const id of ['EXZT.INF.10', 'EXZT.INF.11']) {
      const result = assessment.results.find((r) => r.control === id);
      assert.equal(result?.outcome, 'not-assessed', id);
      assert.ok((result?.missing ?? []).length > 0, id);
    }
  });

  it('records what it was made from', () => {
    assert.equal(assessment.schemaVersion, 1);
    assert.equal(assessment.metadata.asOf, '2026-11-30T00:00:00.000Z');
    assert.equal(assessment.metadata.policyHash, null);
    assert.match(assessment.metadata.catalogueVersion, /^\d{4}\.\d+\.\d+$/);
    assert.equal(assessment.versionReport.servers[0]?.build, '15.2.986.5');
  });

  it('exits 1 under --fail-on critical (Exchange 2019 is past end of life), 0 under none', () => {
    assert.equal(exzt('assess', E19, ...AS_OF, '--fail-on', 'critical').status, 1);
    assert.equal(exzt('assess', E19, ...AS_OF, '--fail-on', 'none').status, 0);
  });

  it('applies a waiver, refuses one for a known-exploited exposure, and reports both', () => {
    const waivers = path.join(dir, 'waivers.yaml');
    writeFileSync(
      waivers,
      [
        '- control: EXZT.INF.2',
        '  subjects: { servers: [SOLO-E19A] }',
        '  reason: "CU upgrade scheduled with the migration to Exchange SE"',
        '  approvedBy: ciso@contoso.com',
        '  expires: 2027-01-31',
        '- control: EXZT.INF.4',
        '  subjects: { servers: [SOLO-E19A] }',
        '  reason: "We accept the known-exploited exposure for now"',
        '  approvedBy: ciso@contoso.com',
        '  expires: 2027-01-31',
        '',
      ].join('\n'),
    );
    const run = exzt('assess', E19, ...AS_OF, '--waivers', waivers, '--format', 'json');
    assert.equal(run.status, 0, run.stderr);
    const waived = JSON.parse(run.stdout) as Assessment;
    const cu = waived.results.find((r) => r.control === 'EXZT.INF.2');
    assert.equal(cu?.outcome, 'fail');
    assert.equal(cu?.verdict, 'waived');
    assert.equal(waived.waivers.refused.length, 1);
    assert.match(waived.waivers.refused[0]?.message ?? '', /EXZT\.INF\.4/);
    assert.match(run.stderr, /EXZT\.INF\.4/);
  });

  it('prints an area-by-area summary as text', () => {
    const run = exzt('assess', E19, ...AS_OF);
    assert.equal(run.status, 0, run.stderr);
    for (const area of ['Identity', 'Endpoints', 'Apps', 'Data', 'Infrastructure', 'Network']) {
      assert.match(run.stdout, new RegExp(`^${area} +`, 'm'), area);
    }
    assert.match(run.stdout, /^Frameworks \(exzt cannot certify/m);
  });

  it('rejects a broken policy with every error and exit 2', () => {
    const policy = path.join(dir, 'policy.yaml');
    writeFileSync(
      policy,
      'apiVersion: exzt/v1\nkind: ZeroTrustPolicy\norganization: Contoso\nnetwork:\n  zones: { admin: [nowhere] }\n',
    );
    const run = exzt('assess', E19, ...AS_OF, '--policy', policy);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /policy\.yaml:5:\d+: /);
    assert.equal(run.stdout, '');
  });
});

describe('exzt assess --out', () => {
  it('writes every format into the folder, the JSON equal to --format json, and leaves no partial file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'exzt-out-'));
    try {
      const out = path.join(dir, 'reports');
      const run = exzt('assess', E19, ...AS_OF, '--out', out);
      assert.equal(run.status, 0, run.stderr);
      const files = readdirSync(out).sort();
      assert.deepEqual(files, ASSESSMENT_FORMATS.map((format) => format.fileName).sort());
      const json = exzt('assess', E19, ...AS_OF, '--format', 'json');
      assert.equal(readFileSync(path.join(out, 'assessment.json'), 'utf8'), json.stdout);
      assert.match(run.stdout, /EXZT|identity/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an --out that is a file, and overwrites nothing of it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'exzt-out-'));
    try {
      const file = path.join(dir, 'notes.txt');
      writeFileSync(file, 'mine');
      const run = exzt('assess', E19, ...AS_OF, '--out', file);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /not a folder/);
      assert.equal(readFileSync(file, 'utf8'), 'mine');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('exzt assess --redact with results it cannot redact', () => {
  it('refuses log-scan results rather than show their real addresses, exit 2', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'exzt-redact-'));
    try {
      const key = path.join(dir, 'key');
      writeFileSync(key, `${'ab'.repeat(32)}\n`);
      const log = path.join(REPO_ROOT, 'test', 'fixtures', 'logs', 'iis-webshell.log');
      const run = exzt('assess', E19, ...AS_OF, '--logs', log, '--redact', '--key-file', key);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /--redact cannot yet redact probe or log-scan results \(logs\./);
      assert.equal(run.stdout, '');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
