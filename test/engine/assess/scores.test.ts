import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { areaScore, computeScores } from '../../../src/engine/assess/scores.js';
import { CONTROLS } from '../../../src/controls/catalogue.js';
import { AREAS } from '../../../src/controls/model.js';
import type { Severity } from '../../../src/controls/model.js';
import type { ControlResult, Verdict } from '../../../src/engine/assess/result.js';
import {
  UNREACHABLE,
  handMadeControl,
  handMadeResult,
  identityCriteria,
} from '../../helpers/hand-made-results.js';

function results(...specs: Array<[Severity, Verdict, string?]>): ControlResult[] {
  return specs.map(([severity, verdict, server], i) =>
    handMadeResult(handMadeControl({ id: `EXZT.IDN.${i + 1}`, severity }), verdict, { server }),
  );
}

describe('area scores', () => {
  const cases: Array<[string, ControlResult[], number | null]> = [
    ['everything passes', results(['critical', 'pass'], ['low', 'pass']), 100],
    [
      'a critical pass and a high fail: 10 of 16',
      results(['critical', 'pass'], ['high', 'fail']),
      62,
    ],
    ['a warning counts like a failure', results(['critical', 'pass'], ['high', 'warn']), 62],
    ['a waived failure does not pass', results(['medium', 'pass'], ['medium', 'waived']), 50],
    [
      'not assessed, error and not applicable are left out of the score',
      results(
        ['medium', 'pass'],
        ['critical', 'not-assessed'],
        ['critical', 'error'],
        ['high', 'not-applicable'],
      ),
      100,
    ],
    ['an info failure weighs nothing', results(['low', 'pass'], ['info', 'fail']), 100],
    [
      'one low failure keeps the score below 100 (floored, never rounded up)',
      results(...Array.from({ length: 9 }, (): [Severity, Verdict] => ['critical', 'pass']), [
        'low',
        'fail',
      ]),
      98,
    ],
    ['nothing scored: no score rather than 0 or 100', results(['high', 'not-assessed']), null],
    ['only info results: no score', results(['info', 'pass']), null],
    ['no results at all: no score', [], null],
  ];
  for (const [name, given, expected] of cases) {
    it(name, () => {
      assert.equal(areaScore('identity', given).score, expected);
    });
  }

  it('weighs a control once, by the share of its subjects that pass', () => {
    const patching = handMadeControl({ id: 'EXZT.INF.1', severity: 'critical' });
    const audit = handMadeControl({ id: 'EXZT.INF.2', severity: 'critical' });
    const given = [
      handMadeResult(patching, 'pass', { server: 'EX01' }),
      handMadeResult(patching, 'pass', { server: 'EX02' }),
      handMadeResult(patching, 'pass', { server: 'EX03' }),
      handMadeResult(patching, 'fail', { server: 'EX04' }),
      handMadeResult(audit, 'fail'),
    ];
    // (10 × 3/4 + 10 × 0) / 20
    assert.equal(areaScore('infrastructure', given).score, 37);
  });

  it('counts results per verdict, attested passes, coverage, waived and unassessed controls', () => {
    const given = results(
      ['critical', 'pass'],
      ['high', 'fail'],
      ['medium', 'waived'],
      ['low', 'not-assessed'],
      ['low', 'error'],
      ['info', 'not-applicable'],
      ['medium', 'warn'],
    );
    given.push(handMadeResult(handMadeControl({ id: 'EXZT.IDN.8' }), 'pass', { attested: true }));
    const score = areaScore('identity', given);
    assert.deepEqual(score.counts, {
      pass: 2,
      fail: 1,
      warn: 1,
      waived: 1,
      'not-applicable': 1,
      'not-assessed': 1,
      error: 1,
    });
    assert.equal(score.results, 8);
    assert.equal(score.attested, 1);
    assert.equal(score.coveragePercent, 75);
    assert.deepEqual(score.waived, ['EXZT.IDN.3']);
    assert.deepEqual(score.notAssessed, ['EXZT.IDN.4', 'EXZT.IDN.5']);
    // (10 + 3) of (10 + 6 + 3 + 3 + 3)
    assert.equal(score.score, 52);
  });
});

describe('computeScores', () => {
  it('scores every area, every framework and every ZTMM pillar from one list of results', () => {
    const mfa = handMadeControl({
      id: 'EXZT.IDN.1',
      severity: 'high',
      mappings: { cisV8: ['6.3'], ztmm: [{ pillar: 'identity', function: 'Authentication' }] },
    });
    const patching = handMadeControl({ id: 'EXZT.INF.1', area: 'infrastructure' });
    const criteria = identityCriteria({
      initial: [{ id: 'mfa', title: 'MFA', select: { ztmmFunction: 'Authentication' } }],
      optimal: [UNREACHABLE],
    });
    const scores = computeScores(
      [
        handMadeResult(mfa, 'pass', { attested: true }),
        handMadeResult(patching, 'fail', { server: 'EX01' }),
      ],
      [mfa, patching],
      criteria,
    );

    assert.deepEqual(
      scores.areas.map((a) => [a.area, a.score]),
      AREAS.map((area) => [area, { identity: 100, infrastructure: 0 }[area as string] ?? null]),
    );
    assert.equal(
      scores.frameworks.find((f) => f.framework === 'cisV8')?.summary,
      'no failing mapped control, coverage 100%',
    );
    assert.deepEqual(
      scores.ztmm.map((p) => [p.pillar, p.stage]),
      [
        ['identity', 'initial'],
        ['devices', 'traditional'],
        ['networks', 'traditional'],
        ['applications', 'traditional'],
        ['data', 'traditional'],
      ],
    );
  });

  it('with the real catalogue and criteria: all passing reaches Advanced, never Optimal', () => {
    const allPass = CONTROLS.map((control) => handMadeResult(control, 'pass'));
    const scores = computeScores(allPass);
    for (const pillar of scores.ztmm) {
      assert.equal(pillar.stage, 'advanced', pillar.pillar);
      assert.equal(pillar.nextStage, 'optimal');
      assert.ok(pillar.reasons.length > 0, `${pillar.pillar}: Optimal says why it is out of reach`);
    }
    for (const framework of scores.frameworks) {
      assert.match(framework.summary, /^no failing mapped control, coverage 100%$/);
    }
  });

  it('with the real criteria: a virtual directory offering Basic keeps identity Traditional', () => {
    const results = CONTROLS.map((control) =>
      handMadeResult(control, control.id === 'EXZT.IDN.6' ? 'fail' : 'pass'),
    );
    const identity = computeScores(results).ztmm.find((p) => p.pillar === 'identity');
    assert.equal(identity?.stage, 'traditional');
    assert.match(identity?.reasons.join('\n') ?? '', /EXZT\.IDN\.6 fails on organization/);
  });
});
