/**
 * `exzt assess --format html` end to end on the sample organisation: stdout is the whole
 * self-contained report, whose embedded data holds every result of the run.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { HtmlReportData } from '../../../src/report/assessment/html/report-data.js';
import { htmlParts } from '../../report/html/html-parts.js';
import { CONTOSO_DIR } from '../../helpers/contoso-assessment.js';
import { REPO_ROOT } from '../../helpers/paths.js';

describe('exzt assess --format html', () => {
  it('writes one self-contained report of the run to stdout', () => {
    const run = spawnSync(
      process.execPath,
      [
        path.join(REPO_ROOT, 'bin', 'exzt.js'),
        'assess',
        path.join(CONTOSO_DIR, 'bundle'),
        '--policy',
        path.join(CONTOSO_DIR, 'policy.yaml'),
        '--waivers',
        path.join(CONTOSO_DIR, 'waivers.yaml'),
        '--as-of',
        '2026-11-30',
        '--format',
        'html',
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^<!doctype html>\n/);
    assert.match(run.stdout, /<\/html>\n$/);

    const data = JSON.parse(htmlParts(run.stdout).dataText) as HtmlReportData;
    assert.equal(
      data.results.length,
      Object.values(data.summary).reduce((a, b) => a + b, 0),
    );
    assert.equal(data.metadata.asOf.slice(0, 10), '2026-11-30');
    assert.ok(data.subjects.some((subject) => subject.name === 'EX2013'));
  });
});
