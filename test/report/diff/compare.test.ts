/**
 * `exzt diff`'s comparison on the sample organisation changed by hand: each kind of change lands
 * in its list, results are matched by subject key (not name or position), and only a must-level
 * failure makes a regression.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Assessment } from '../../../src/engine/assess/assessment.js';
import type { ControlResult } from '../../../src/engine/assess/result.js';
import { diffAssessments } from '../../../src/report/diff/compare.js';
import { renderDiff } from '../../../src/report/diff/render-diff.js';
import { cloned, contosoAssessment } from '../assessment/fixture.js';

function find(
  assessment: Assessment,
  verdict: ControlResult['verdict'],
  criticality = 'must',
): ControlResult {
  const result = assessment.results.find(
    (r) => r.verdict === verdict && r.criticality === criticality,
  );
  assert.ok(result !== undefined, `no ${criticality} ${verdict} result in the sample`);
  return result;
}

describe('diffAssessments', () => {
  it('finds no change between an assessment and itself', async () => {
    const assessment = await contosoAssessment();
    const diff = diffAssessments(assessment, cloned(assessment));
    assert.equal(diff.regression, false);
    assert.deepEqual(
      [diff.newFailures, diff.regressed, diff.fixed, diff.newlyNotAssessed],
      [[], [], [], []],
    );
    assert.deepEqual(diff.servers, { added: [], removed: [] });
    assert.deepEqual(diff.warnings, []);
    assert.match(renderDiff(diff, 'text'), /No change in results/);
  });

  it('sorts a pass turned fail into regressed, a fail turned pass into fixed', async () => {
    const before = await contosoAssessment();
    const after = cloned(before);
    const passing = find(after, 'pass');
    passing.verdict = 'fail';
    const failing = find(after, 'fail');
    failing.verdict = 'pass';
    const notAssessed = find(after, 'not-applicable', 'must');
    notAssessed.verdict = 'not-assessed';

    const diff = diffAssessments(before, after);
    assert.deepEqual(
      diff.regressed.map((c) => [c.control, c.subject.key, c.before, c.after]),
      [[passing.control, passing.subject.key, 'pass', 'fail']],
    );
    assert.deepEqual(
      diff.fixed.map((c) => c.control),
      [failing.control],
    );
    assert.deepEqual(
      diff.newlyNotAssessed.map((c) => c.control),
      [notAssessed.control],
    );
    assert.equal(diff.regression, true);
  });

  it('counts a waived result that fails again as regressed', async () => {
    const before = await contosoAssessment();
    const after = cloned(before);
    const waived = find(after, 'waived');
    waived.verdict = 'fail';
    delete waived.waiver;
    const diff = diffAssessments(before, after);
    assert.deepEqual(
      diff.regressed.map((c) => c.before),
      ['waived'],
    );
    assert.equal(diff.regression, true);
  });

  it('lists a new should-level warning without calling it a regression', async () => {
    const before = await contosoAssessment();
    const after = cloned(before);
    find(after, 'pass', 'should').verdict = 'warn';
    const diff = diffAssessments(before, after);
    assert.equal(diff.newWarnings.length, 1);
    assert.deepEqual(diff.regressed, []);
    assert.equal(diff.regression, false);
    assert.match(renderDiff(diff, 'text'), /New warnings \(should-controls\) \(1\)/);
  });

  it('matches by subject key: a renamed display name is no change, a new key is a new server', async () => {
    const before = await contosoAssessment();
    const renamed = cloned(before);
    for (const result of renamed.results) result.subject.name = result.subject.name.toLowerCase();
    assert.equal(diffAssessments(before, renamed).regression, false);
    assert.deepEqual(diffAssessments(before, renamed).fixed, []);

    const grown = cloned(before);
    const failing = find(grown, 'fail');
    const server = grown.results.find((r) => r.subject.type === 'server') as ControlResult;
    grown.results.push({
      ...failing,
      subject: { key: 'server:ex99', type: 'server', name: 'EX99' },
    });
    grown.results = grown.results.filter((r) => r.subject.key !== server.subject.key);
    grown.versionReport.servers = grown.versionReport.servers.filter(
      (row) => row.key !== server.subject.key,
    );
    const diff = diffAssessments(before, grown);
    assert.deepEqual(diff.servers, { added: ['EX99'], removed: [server.subject.name] });
    assert.ok(diff.newFailures.some((c) => c.subject.key === 'server:ex99' && c.before === null));
    assert.equal(diff.regression, true);
  });

  it('reports build and SU changes, newly expired waivers, and different knowledge', async () => {
    const before = cloned(await contosoAssessment());
    const after = cloned(before);
    const row = after.versionReport.servers[0];
    assert.ok(row !== undefined);
    before.versionReport.servers[0] = { ...row, su: 'Feb26SU', build: '15.2.1748.40' };
    const expired = before.waivers.expired.pop();
    after.metadata.kbAsOf = '2027-01-15';
    after.metadata.catalogueVersion = '2027.1.0';

    const diff = diffAssessments(before, after);
    assert.deepEqual(
      diff.versions.map((v) => [v.server, v.before.su, v.after.su]),
      [[row.name, 'Feb26SU', row.su]],
    );
    assert.deepEqual(diff.waiversExpired, expired === undefined ? [] : [expired]);
    assert.equal(diff.warnings.length, 2);
    assert.match(diff.warnings.join('\n'), /knowledge base differs .*\ncontrol catalogue differs/);
    const markdown = renderDiff(diff, 'md');
    assert.match(markdown, /> \*\*Warning:\*\* knowledge base differs/);
    assert.match(markdown, /## Other changes/);
    assert.deepEqual(JSON.parse(renderDiff(diff, 'json')), JSON.parse(JSON.stringify(diff)));
  });
});
