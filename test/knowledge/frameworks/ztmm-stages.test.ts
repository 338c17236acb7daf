import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ExztError } from '../../../src/errors.js';
import {
  ZTMM_STAGE_CRITERIA,
  resolveStageCriteria,
  type PillarStageCriteria,
  type StageCriteriaSet,
  type StageCriterion,
} from '../../../src/knowledge/frameworks/ztmm-stages.js';
import { UNREACHABLE, handMadeControl, identityCriteria } from '../../helpers/hand-made-results.js';

const mfa = handMadeControl({
  id: 'EXZT.IDN.1',
  mappings: { ztmm: [{ pillar: 'identity', function: 'Authentication' }] },
});
const admins = handMadeControl({
  id: 'EXZT.IDN.2',
  mappings: { ztmm: [{ pillar: 'identity', function: 'Access Management' }] },
});
const CONTROLS = [mfa, admins];

function problemsOf(set: StageCriteriaSet): string {
  try {
    resolveStageCriteria(set, CONTROLS);
  } catch (error) {
    assert.ok(error instanceof ExztError);
    assert.equal(error.code, 'KNOWLEDGE');
    return error.message;
  }
  assert.fail('expected the criteria to be refused');
}

describe('ZTMM stage criteria', () => {
  it('resolve ids as given and selections by ZTMM function of the pillar', () => {
    const resolved = resolveStageCriteria(
      identityCriteria({
        initial: [{ id: 'a', title: 'A', controls: ['EXZT.IDN.2'] }],
        advanced: [{ id: 'b', title: 'B', select: { ztmmFunction: 'Authentication' } }],
        optimal: [UNREACHABLE],
      }),
      CONTROLS,
    );
    assert.deepEqual(
      resolved.filter((c) => c.pillar === 'identity').map((c) => [c.stage, c.id, c.controlIds]),
      [
        ['initial', 'a', ['EXZT.IDN.2']],
        ['advanced', 'b', ['EXZT.IDN.1']],
        ['optimal', 'x.optimal', []],
      ],
    );
  });

  const refusals: Array<[string, Partial<PillarStageCriteria['stages']>, RegExp]> = [
    [
      'a control that does not exist',
      { initial: [{ id: 'a', title: 'A', controls: ['EXZT.IDN.9'] }] },
      /identity a: names EXZT\.IDN\.9, which is not in the control catalogue/,
    ],
    [
      'a selection that finds no control',
      {
        initial: [
          { id: 'a', title: 'A', select: { area: 'data', ztmmFunction: 'Authentication' } },
        ],
      },
      /identity a: selects no control/,
    ],
    [
      'a function the pillar does not have',
      { initial: [{ id: 'a', title: 'A', select: { ztmmFunction: 'Data Encryption' } }] },
      /'Data Encryption' is not a ZTMM function of identity/,
    ],
    [
      'both controls and unreachable',
      { initial: [{ ...UNREACHABLE, controls: ['EXZT.IDN.1'] }] },
      /exactly one of controls, select or unreachable \(found 2\)/,
    ],
    [
      'an empty control list',
      { initial: [{ id: 'a', title: 'A', controls: [] }] },
      /identity a: selects no control/,
    ],
    [
      'one criterion id twice',
      { initial: [UNREACHABLE] },
      /criterion id x\.optimal is used more than once/,
    ],
  ];
  for (const [name, identity, expected] of refusals) {
    it(`refuse ${name}`, () => {
      assert.match(problemsOf(identityCriteria(identity)), expected);
    });
  }

  it('refuse a stage without criteria, a stage name outside the model, a missing pillar', () => {
    const set = identityCriteria({ advanced: [] });
    const identity = set.pillars[0]!;
    (identity.stages as Record<string, StageCriterion[]>)['Initial'] = [];
    set.pillars.pop();
    const message = problemsOf(set);
    assert.match(message, /identity: stage 'Initial' is not one of initial, advanced, optimal/);
    assert.match(message, /pillar data appears 0 times, expected once/);
    assert.match(message, /identity: stage advanced has no criterion/);
  });

  it('keep Optimal out of reach of on-premises evidence in every pillar, saying why', () => {
    for (const pillar of ZTMM_STAGE_CRITERIA.pillars) {
      assert.ok(pillar.stages.optimal.length > 0, pillar.pillar);
      for (const criterion of pillar.stages.optimal) {
        assert.ok((criterion.unreachable ?? '').length > 40, `${pillar.pillar} ${criterion.id}`);
      }
    }
  });
});
