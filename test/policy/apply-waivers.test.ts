/**
 * Waivers applied to results against an injected as-of date: a waived failure keeps its outcome,
 * the expiry day itself still applies and the day after does not, unused and refused waivers are
 * reported, and a non-waivable control is never waived.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ControlResult } from '../../src/engine/assess/result.js';
import { organizationSubject, serverSubject } from '../../src/evidence/evidence-set.js';
import { applyWaivers } from '../../src/policy/apply-waivers.js';
import type { Waiver } from '../../src/policy/model.js';
import { FAKE_CONTROLS } from './fake-controls.js';

function result(
  control: string,
  server: string | undefined,
  outcome: 'pass' | 'fail',
): ControlResult {
  return {
    control,
    area: 'apps',
    title: `fake control ${control}`,
    severity: 'high',
    criticality: 'must',
    subject: server === undefined ? organizationSubject() : serverSubject(server),
    outcome,
    verdict: outcome,
    message: outcome === 'fail' ? 'IMAP is enabled' : 'IMAP is off',
    findings: [],
    findingCount: 0,
    evidence: [],
  };
}

function waiver(change: Partial<Waiver> = {}): Waiver {
  return {
    control: 'EXZT.APP.4',
    subjects: { servers: ['ex02'] },
    reason: 'Line-of-business app still needs IMAP until its migration',
    approvedBy: 'ciso@contoso.com',
    ticket: 'RISK-112',
    expires: '2027-03-31',
    source: { file: 'waivers.yaml', line: 2 },
    ...change,
  };
}

const RESULTS = [
  result('EXZT.APP.4', 'EX01', 'fail'),
  result('EXZT.APP.4', 'EX02', 'fail'),
  result('EXZT.APP.4', 'EX03', 'pass'),
];
const apply = (waivers: Waiver[], asOf: string, results = RESULTS) =>
  applyWaivers(results, waivers, { asOf, controls: FAKE_CONTROLS });

describe('applyWaivers', () => {
  it('waives the failing result of a named server (names compared case-insensitively)', () => {
    const applied = apply([waiver()], '2027-01-10T09:00:00Z');

    const [ex01, ex02, ex03] = applied.results;
    assert.equal(ex01?.verdict, 'fail');
    assert.equal(ex02?.outcome, 'fail');
    assert.equal(ex02?.verdict, 'waived');
    assert.deepEqual(ex02?.waiver, {
      reason: 'Line-of-business app still needs IMAP until its migration',
      approvedBy: 'ciso@contoso.com',
      ticket: 'RISK-112',
      expires: '2027-03-31',
      source: 'waivers.yaml:2',
    });
    assert.equal(ex03?.verdict, 'pass');
    assert.deepEqual([applied.expired, applied.unused, applied.refused], [[], [], []]);
  });

  it('still applies on its expiry day', () => {
    const applied = apply([waiver()], '2027-03-31T23:59:59Z');
    assert.equal(applied.results[1]?.verdict, 'waived');
    assert.equal(applied.expired.length, 0);
  });

  it('stops applying the day after its expiry, and is reported as expired', () => {
    const applied = apply([waiver()], '2027-04-01T00:00:00Z');

    assert.equal(applied.results[1]?.outcome, 'fail');
    assert.equal(applied.results[1]?.verdict, 'fail');
    assert.equal(applied.results[1]?.waiver, undefined);
    assert.deepEqual(
      applied.expired.map((notice) => notice.message),
      [
        'waivers.yaml:2: waiver for EXZT.APP.4 (RISK-112) expired on 2027-03-31; 1 failing result counts again',
      ],
    );
  });

  it('without subjects covers every failing result of the control', () => {
    const applied = apply([waiver({ subjects: {} })], '2027-01-10');
    assert.deepEqual(
      applied.results.map((r) => r.verdict),
      ['waived', 'waived', 'pass'],
    );
  });

  it('reports a waiver that matched no failing result as unused', () => {
    const applied = apply([waiver({ subjects: { servers: ['EX03'] } })], '2027-01-10');

    assert.deepEqual(
      applied.results.map((r) => r.verdict),
      ['fail', 'fail', 'pass'],
    );
    assert.deepEqual(
      applied.unused.map((notice) => notice.message),
      [
        'waivers.yaml:2: waiver for EXZT.APP.4 (RISK-112) matched no failing result; remove it, or check its control and subjects',
      ],
    );
  });

  it('refuses a waiver for a control that may not be waived, naming it and why', () => {
    const results = [result('EXZT.INF.2', 'EX01', 'fail')];
    const refused = waiver({ control: 'EXZT.INF.2', subjects: {}, ticket: undefined });
    const applied = apply([refused], '2027-01-10', results);

    assert.equal(applied.results[0]?.verdict, 'fail');
    assert.deepEqual(
      applied.refused.map((notice) => notice.message),
      [
        'waivers.yaml:2: waiver for EXZT.INF.2 refused: EXZT.INF.2 (No exposure to known-exploited ' +
          'CVEs) may not be waived, because it guards against exposure to a known-exploited ' +
          'vulnerability; fix it instead',
      ],
    );
    assert.deepEqual([applied.unused, applied.expired], [[], []]);
  });

  it('waives an organisation result only when the waiver names the organisation', () => {
    const results = [result('EXZT.IDN.1', undefined, 'fail')];
    const onlyServers = waiver({ control: 'EXZT.IDN.1', subjects: { servers: ['EX01'] } });
    const organization = waiver({ control: 'EXZT.IDN.1', subjects: { organization: true } });

    assert.equal(apply([onlyServers], '2027-01-10', results).results[0]?.verdict, 'fail');
    assert.equal(apply([organization], '2027-01-10', results).results[0]?.verdict, 'waived');
  });

  it('leaves results it does not waive as they were, and the input untouched', () => {
    const before = structuredClone(RESULTS);
    const applied = apply([waiver()], '2027-01-10');

    assert.equal(applied.results[0], RESULTS[0]);
    assert.deepEqual(RESULTS, before);
  });
});
