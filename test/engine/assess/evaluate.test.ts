/**
 * The engine's promises around every rule: missing evidence answers "not assessed" before the
 * rule runs, a rule that throws gives an "error" result and the run goes on, a failed must fails
 * and a failed should warns.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Control } from '../../../src/controls/model.js';
import { fail, pass } from '../../../src/controls/outcomes.js';
import { runControls } from '../../../src/engine/assess/run-controls.js';
import { DEFAULT_POLICY } from '../../../src/policy/defaults.js';
import { syntheticEvidence, TEST_AS_OF } from '../../helpers/control-harness.js';

const SERVER = {
  name: 'EX01',
  serverRoles: ['Mailbox'],
  isEdgeServer: false,
  mitigationsApplied: [],
};

function control(overrides: Partial<Control>): Control {
  return {
    id: 'EXZT.INF.99',
    area: 'infrastructure',
    title: 'test control',
    rationale: 'a control written for the engine tests only',
    remediation: { text: 'nothing to remediate here' },
    severity: 'high',
    criticality: 'must',
    waivable: true,
    scope: 'server',
    requires: { subject: ['exchange.server'] },
    mappings: { cisV8: [], nist800207: [], iso27001: [], nist80053: [], disaStig: [], ztmm: [] },
    evaluate: () => pass('fine'),
    ...overrides,
  };
}

function run(controls: Control[], servers: Record<string, object>) {
  return runControls(controls, {
    evidence: syntheticEvidence({ servers }),
    policy: DEFAULT_POLICY,
    attestations: [],
    asOf: TEST_AS_OF,
    versionRows: new Map(),
  });
}

describe('engine: evaluating one control per subject', () => {
  it('answers not assessed, naming the kind and its status, without running the rule', () => {
    let called = false;
    const results = run([control({ evaluate: () => ((called = true), pass('ran')) })], {
      EX01: {},
    });
    assert.equal(called, false);
    assert.equal(results[0]?.outcome, 'not-assessed');
    assert.deepEqual(results[0]?.missing, ['exchange.server (not collected)']);
  });

  it('turns a throwing rule into an error result and evaluates the next control', () => {
    const broken = control({
      id: 'EXZT.INF.98',
      evaluate: () => {
        throw new Error('boom');
      },
    });
    const results = run([broken, control({})], { EX01: { 'exchange.server': SERVER } });
    assert.equal(results[0]?.outcome, 'error');
    assert.equal(results[0]?.verdict, 'error');
    assert.match(results[0]?.message ?? '', /boom/);
    assert.equal(results[1]?.outcome, 'pass');
  });

  it('fails a must and warns a should, keeping the findings counted', () => {
    const finding = { object: 'EX01', message: 'bad', evidence: [] };
    const must = control({ evaluate: () => fail('no', [finding, finding]) });
    const should = control({
      id: 'EXZT.INF.97',
      criticality: 'should',
      evaluate: () => fail('no', [finding]),
    });
    const [mustResult, shouldResult] = run([must, should], { EX01: { 'exchange.server': SERVER } });
    assert.equal(mustResult?.outcome, 'fail');
    assert.equal(mustResult?.verdict, 'fail');
    assert.equal(mustResult?.findingCount, 2);
    assert.equal(shouldResult?.outcome, 'fail');
    assert.equal(shouldResult?.verdict, 'warn');
  });

  it('runs a server control once per server and an organisation control once', () => {
    const organizationControl = control({ id: 'EXZT.INF.96', scope: 'organization', requires: {} });
    const results = run([control({}), organizationControl], {
      EX01: { 'exchange.server': SERVER },
      EX02: { 'exchange.server': { ...SERVER, name: 'EX02' } },
    });
    assert.deepEqual(
      results.map((r) => `${r.control} ${r.subject.key}`),
      ['EXZT.INF.99 server:ex01', 'EXZT.INF.99 server:ex02', 'EXZT.INF.96 organization'],
    );
  });
});
