import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Verdict } from '../../../src/engine/assess/result.js';
import { ztmmMaturity } from '../../../src/engine/assess/ztmm-maturity.js';
import {
  UNREACHABLE,
  handMadeControl,
  handMadeResult,
  identityCriteria,
} from '../../helpers/hand-made-results.js';

const basicAuth = handMadeControl({ id: 'EXZT.IDN.1' });
const mfa = handMadeControl({ id: 'EXZT.IDN.2' });
const standingAdmins = handMadeControl({ id: 'EXZT.IDN.3' });
const CONTROLS = [basicAuth, mfa, standingAdmins];

const CRITERIA = identityCriteria({
  initial: [{ id: 'no-basic', title: 'No Basic auth', controls: ['EXZT.IDN.1'] }],
  advanced: [
    { id: 'mfa', title: 'MFA everywhere', controls: ['EXZT.IDN.2'] },
    { id: 'jit', title: 'No standing admins', controls: ['EXZT.IDN.3'] },
  ],
  optimal: [UNREACHABLE],
});

type Verdicts = [Verdict | undefined, Verdict | undefined, Verdict | undefined];

function identityWith(verdicts: Verdicts, attested = false) {
  const results = CONTROLS.flatMap((control, i) => {
    const verdict = verdicts[i];
    if (verdict === undefined) return [];
    return [handMadeResult(control, verdict, { server: 'EX01', attested })];
  });
  const identity = ztmmMaturity(results, CONTROLS, CRITERIA).find((p) => p.pillar === 'identity');
  assert.ok(identity);
  return identity;
}

describe('CISA ZTMM stage per pillar', () => {
  const cases: Array<[string, Verdicts, string, RegExp | undefined]> = [
    [
      'every criterion up to Advanced passes: Optimal stays out of reach, with why',
      ['pass', 'pass', 'pass'],
      'advanced',
      /Continuous: needs live signals/,
    ],
    [
      'Basic auth fails: Traditional, naming the control and server',
      ['fail', 'pass', 'pass'],
      'traditional',
      /No Basic auth: EXZT\.IDN\.1 fails on EX01/,
    ],
    [
      'a should-control that warns counts as failing',
      ['warn', 'pass', 'pass'],
      'traditional',
      /EXZT\.IDN\.1 fails on EX01/,
    ],
    [
      'MFA waived: a waiver accepts the risk but does not reach the stage',
      ['pass', 'waived', 'pass'],
      'initial',
      /MFA everywhere: EXZT\.IDN\.2 is waived/,
    ],
    [
      'MFA not assessed: the stage is not shown',
      ['pass', 'not-assessed', 'pass'],
      'initial',
      /EXZT\.IDN\.2 is not assessed on EX01/,
    ],
    [
      'MFA rule errored: the stage is not shown',
      ['pass', 'error', 'pass'],
      'initial',
      /EXZT\.IDN\.2 could not be evaluated/,
    ],
    [
      'standing-admin control never ran',
      ['pass', 'pass', undefined],
      'initial',
      /No standing admins: EXZT\.IDN\.3 was not run/,
    ],
    [
      'not applicable everywhere meets the criterion',
      ['not-applicable', 'pass', 'pass'],
      'advanced',
      undefined,
    ],
    [
      'a failing Advanced control does not lift a pillar stuck at Traditional',
      ['not-assessed', 'fail', 'pass'],
      'traditional',
      /No Basic auth: EXZT\.IDN\.1 is not assessed/,
    ],
  ];
  for (const [name, verdicts, stage, reason] of cases) {
    it(name, () => {
      const identity = identityWith(verdicts);
      assert.equal(identity.stage, stage);
      if (reason !== undefined) assert.match(identity.reasons.join('\n'), reason);
    });
  }

  it('counts an attested pass as a pass (MFA shown by the organisation’s word)', () => {
    assert.equal(identityWith(['pass', 'pass', 'pass'], true).stage, 'advanced');
  });

  it('judges every criterion, also above the stage reached, with its status', () => {
    const identity = identityWith(['fail', 'waived', 'not-assessed']);
    assert.deepEqual(
      identity.criteria.map((c) => [c.id, c.stage, c.status]),
      [
        ['no-basic', 'initial', 'not-met'],
        ['mfa', 'advanced', 'not-met'],
        ['jit', 'advanced', 'not-shown'],
        ['x.optimal', 'optimal', 'unreachable'],
      ],
    );
    assert.equal(identity.nextStage, 'initial');
  });

  it('leaves a pillar whose every criterion is unreachable at Traditional', () => {
    const devices = ztmmMaturity([], CONTROLS, CRITERIA).find((p) => p.pillar === 'devices');
    assert.equal(devices?.stage, 'traditional');
    assert.equal(devices?.name, 'Devices');
  });

  it('refuses criteria that name a control the catalogue lacks', () => {
    assert.throws(
      () => ztmmMaturity([], [basicAuth], CRITERIA),
      /EXZT\.IDN\.2, which is not in the control catalogue/,
    );
  });
});
