/**
 * SARIF: one rule per control in catalogue order with help text, results pointing at their rule
 * by a stable index, fingerprints from control and subject key, levels from the one mapping,
 * waived results suppressed, and locations in the evidence files with line and column.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderSarif } from '../../../src/report/assessment/sarif.js';
import { sarifKind, sarifLevel } from '../../../src/report/assessment/sarif-level.js';
import { cloned, contosoAssessment, e19Assessment } from './fixture.js';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  kind: string;
  partialFingerprints: Record<string, string>;
  suppressions?: Array<{ status: string; justification: string }>;
  locations?: Array<{
    physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } };
  }>;
  properties: { verdict: string; subject: { key: string } };
}

interface SarifRun {
  tool: { driver: { rules: Array<{ id: string; help: { text: string; markdown: string } }> } };
  results: SarifResult[];
}

function run(text: string): SarifRun {
  return (JSON.parse(text) as { runs: SarifRun[] }).runs[0] as SarifRun;
}

describe('SARIF', () => {
  it('has one rule per control in catalogue order, with rationale, remediation and doc', async () => {
    const assessment = await contosoAssessment();
    const { rules } = run(renderSarif(assessment)).tool.driver;
    assert.deepEqual(
      rules.map((rule) => rule.id),
      assessment.controls.map((control) => control.id),
    );
    const first = assessment.controls[0];
    assert.ok(rules[0]?.help.text.includes(first?.rationale ?? '?'));
    assert.ok(rules[0]?.help.text.includes(first?.remediation.text ?? '?'));
    assert.ok(rules[0]?.help.markdown.includes(first?.doc ?? '?'));
  });

  it('points each result at its rule by index, and keeps indexes when results change', async () => {
    const assessment = await contosoAssessment();
    const sarif = run(renderSarif(assessment));
    for (const result of sarif.results) {
      assert.equal(sarif.tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
    }
    const fewer = cloned(assessment);
    fewer.results = fewer.results.filter((r) => r.verdict !== 'fail');
    const again = run(renderSarif(fewer));
    assert.deepEqual(again.tool.driver.rules, sarif.tool.driver.rules);
  });

  it('fingerprints results by control and stable subject key: unique, and the same next run', async () => {
    const assessment = await contosoAssessment();
    const sarif = run(renderSarif(assessment));
    const prints = sarif.results.map((r) => r.partialFingerprints['exztResult/v1']);
    assert.equal(new Set(prints).size, prints.length);
    assert.ok(prints.includes('EXZT.IDN.1|organization'));

    const renamed = cloned(assessment);
    for (const result of renamed.results) result.subject.name = `${result.subject.name}-renamed`;
    const again = run(renderSarif(renamed)).results.map(
      (r) => r.partialFingerprints['exztResult/v1'],
    );
    assert.deepEqual(again, prints);
  });

  it('reports what needs attention, suppresses waived results, and levels them in one place', async () => {
    const assessment = await contosoAssessment();
    const sarif = run(renderSarif(assessment));
    const attention = assessment.results.filter((r) =>
      ['fail', 'warn', 'waived', 'not-assessed', 'error'].includes(r.verdict),
    );
    assert.equal(sarif.results.length, attention.length);
    for (const [index, result] of sarif.results.entries()) {
      const source = attention[index];
      assert.ok(source !== undefined);
      assert.equal(result.level, sarifLevel(source.severity, source.verdict));
      assert.equal(result.kind, sarifKind(source.verdict));
    }
    const waived = sarif.results.filter((r) => r.properties.verdict === 'waived');
    assert.ok(waived.length > 0);
    for (const result of waived) {
      assert.equal(result.suppressions?.[0]?.status, 'accepted');
      assert.ok((result.suppressions?.[0]?.justification ?? '').includes('approved by'));
    }
  });

  it('maps severity and verdict to levels: errors only for failed critical and high musts', () => {
    assert.equal(sarifLevel('critical', 'fail'), 'error');
    assert.equal(sarifLevel('high', 'fail'), 'error');
    assert.equal(sarifLevel('medium', 'fail'), 'warning');
    assert.equal(sarifLevel('low', 'fail'), 'note');
    assert.equal(sarifLevel('critical', 'warn'), 'warning');
    assert.equal(sarifLevel('critical', 'not-assessed'), 'none');
    assert.equal(sarifKind('not-assessed'), 'open');
  });

  it('locates results in the evidence files, with the line where it is known', async () => {
    const sarif = run(renderSarif(await contosoAssessment()));
    const located = sarif.results.flatMap((r) => r.locations ?? []);
    assert.ok(located.length > 0);
    const withLine = located.filter((l) => l.physicalLocation.region !== undefined);
    assert.ok(withLine.length > 0, 'no location has a line');
    assert.ok(
      located.some((l) =>
        l.physicalLocation.artifactLocation.uri.startsWith('organization/exchange.role-group'),
      ),
    );
  });

  it('gives every result a location, as code scanning requires, even without evidence', async () => {
    for (const assessment of [await contosoAssessment(), await e19Assessment()]) {
      const sarif = run(renderSarif(assessment));
      const open = sarif.results.filter((r) => r.kind === 'open');
      assert.ok(open.length > 0, 'no not-assessed result to check');
      for (const result of sarif.results) {
        const uri = result.locations?.[0]?.physicalLocation.artifactLocation.uri ?? '';
        assert.ok(uri.length > 0, `${result.ruleId} has no location`);
      }
    }
  });
});
