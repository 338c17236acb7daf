/**
 * `exzt render` and `exzt diff` end to end, as a pipeline runs them on assessments saved by
 * `exzt assess --format json`: every format re-rendered byte for byte as assess wrote it, --out
 * writes every file, bad input exits 2 with the file named, and diff exits 1 on a regression.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Assessment } from '../../../src/engine/assess/assessment.js';
import { ASSESSMENT_FORMATS } from '../../../src/report/assessment/formats.js';
import { CORPUS_DIR, REPO_ROOT } from '../../helpers/paths.js';

const E19 = path.join(CORPUS_DIR, 'E19');

function exzt(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'exzt.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('exzt render and exzt diff on saved assessments of corpus E19', () => {
  let dir = '';
  let saved = '';
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'exzt-render-'));
    saved = path.join(dir, 'old.json');
    const run = exzt('assess', E19, '--as-of', '2026-11-30', '--format', 'json');
    assert.equal(run.status, 0, run.stderr);
    writeFileSync(saved, run.stdout);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const format of ASSESSMENT_FORMATS.filter((f) => f.name !== 'html')) {
    it(`renders ${format.name} exactly as assess wrote it`, () => {
      const direct = exzt('assess', E19, '--as-of', '2026-11-30', '--format', format.name);
      const rendered = exzt('render', saved, '--format', format.name);
      assert.equal(rendered.status, 0, rendered.stderr);
      assert.equal(rendered.stdout, direct.stdout);
    });
  }

  it('writes every format with --out', () => {
    const out = path.join(dir, 'reports');
    const run = exzt('render', saved, '--out', out, '--format', 'md');
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(
      readdirSync(out).sort(),
      ASSESSMENT_FORMATS.map((format) => format.fileName).sort(),
    );
    assert.match(run.stdout, /^# exzt Zero Trust assessment/);
  });

  it('refuses a file that is not an assessment, or of another schemaVersion, with exit 2', () => {
    const csv = path.join(dir, 'not.csv');
    writeFileSync(csv, 'control,verdict\r\n');
    const notJson = exzt('render', csv);
    assert.equal(notJson.status, 2);
    assert.match(notJson.stderr, /not\.csv.*not JSON/);

    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "schemaVersion": 1,\n  "results": [1, 2,, 3]\n}\n');
    const syntax = exzt('render', broken);
    assert.equal(syntax.status, 2);
    assert.match(syntax.stderr, /broken\.json:3:\d+: not JSON \(Unexpected token ','\);/);

    const other = path.join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ schemaVersion: 2, results: [] }));
    const version = exzt('render', other);
    assert.equal(version.status, 2);
    assert.match(
      version.stderr,
      /other\.json: assessment schemaVersion 2, but this exzt reads schemaVersion 1/,
    );

    const sarif = path.join(dir, 'report.sarif');
    writeFileSync(sarif, exzt('render', saved, '--format', 'sarif').stdout);
    assert.match(exzt('render', sarif).stderr, /not an exzt assessment/);
    assert.equal(exzt('render', path.join(dir, 'missing.json')).status, 2);
    assert.equal(exzt('render', saved, '--format', 'pdf').status, 2);
  });

  it('diff exits 0 without change, 1 when a must-control regressed, and says what changed', () => {
    assert.equal(exzt('diff', saved, saved).status, 0);

    const assessment = JSON.parse(readFileSync(saved, 'utf8')) as Assessment;
    const passing = assessment.results.find(
      (r) => r.verdict === 'pass' && r.criticality === 'must',
    );
    assert.ok(passing !== undefined);
    passing.verdict = 'fail';
    const newer = path.join(dir, 'new.json');
    writeFileSync(newer, JSON.stringify(assessment));

    const text = exzt('diff', saved, newer);
    assert.equal(text.status, 1, text.stderr);
    assert.match(
      text.stdout,
      new RegExp(`Regressed.*\\n  ${passing.control.replace(/\./g, '\\.')} on `),
    );
    const json = exzt('diff', saved, newer, '--format', 'json');
    assert.equal((JSON.parse(json.stdout) as { regressed: unknown[] }).regressed.length, 1);
    assert.match(exzt('diff', saved, newer, '--format', 'md').stdout, /## Regressed/);
    assert.equal(exzt('diff', saved).status, 2);
    assert.equal(exzt('diff', saved, newer, '--format', 'html').status, 2);
  });
});
