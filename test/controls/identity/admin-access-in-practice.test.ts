import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { adminAccessInPractice } from '../../../src/controls/identity/admin-access-in-practice.js';
import type { UsageCount } from '../../../src/logs/model.js';
import { onlyResult, runControl } from '../../helpers/control-harness.js';
import { usage } from '../log-usage-cases.js';

const run = (uses: UsageCount[]) =>
  onlyResult(runControl(adminAccessInPractice, { organization: { 'logs.admin-access': uses } }));

describe('EXZT.IDN.10 admin endpoints used only from the admin networks, in hours', () => {
  it('passes when the logs show no admin use outside the networks or hours', () => {
    assert.equal(run([]).outcome, 'pass');
  });

  it('fails on EAC use at night from a client network, one finding per user and reason', () => {
    const result = run([usage('ecp', 'CONTOSO\\bob', '10.20.1.5', 'outside admin hours')]);
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.object, 'CONTOSO\\bob from 10.20.1.5');
    assert.match(result.findings[0]?.message ?? '', /^ecp: outside admin hours, 7 requests/);
  });

  it('is not assessed without a log scan', () => {
    const result = onlyResult(runControl(adminAccessInPractice, { organization: {} }));
    assert.equal(result.outcome, 'not-assessed');
  });
});
