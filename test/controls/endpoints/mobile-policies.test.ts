import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mobilePolicyEncryption } from '../../../src/controls/endpoints/mobile-policy-encryption.js';
import { mobilePolicyPassword } from '../../../src/controls/endpoints/mobile-policy-password.js';
import type { MobileDevicePolicy } from '../../../src/evidence/importers/mobile-device-policies.js';
import type { Control } from '../../../src/controls/model.js';
import {
  factState,
  onlyResult,
  runControl,
  type RunOptions,
} from '../../helpers/control-harness.js';

const STRONG: MobileDevicePolicy = {
  name: 'Default',
  isDefault: true,
  passwordEnabled: true,
  minPasswordLength: 6,
  allowSimplePassword: false,
  requireDeviceEncryption: true,
  allowNonProvisionableDevices: false,
};
const run = (control: Control, policies: MobileDevicePolicy[], options?: RunOptions) =>
  onlyResult(
    runControl(control, { organization: { 'exchange.mobile-device-policies': policies } }, options),
  );

describe('EXZT.END.4 mobile device policies require a strong device password', () => {
  it('passes a policy with a 6-character, non-simple password', () => {
    assert.equal(run(mobilePolicyPassword, [STRONG]).outcome, 'pass');
  });

  it('fails the Exchange default policy (no password) and a short simple one', () => {
    const weak = { ...STRONG, name: 'Sales', minPasswordLength: 4, allowSimplePassword: true };
    const result = run(mobilePolicyPassword, [{ ...STRONG, passwordEnabled: false }, weak]);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => `${f.object}: ${f.message}`),
      [
        'Default: device password not required',
        'Sales: minimum length 4 (policy requires 6)',
        'Sales: simple passwords allowed',
      ],
    );
  });

  it('is not applicable when the policy does not require device passwords', () => {
    const options = { policy: { endpoints: { requireDevicePassword: false } } };
    assert.equal(run(mobilePolicyPassword, [STRONG], options).outcome, 'not-applicable');
  });

  it('is not assessed without Get-MobileDeviceMailboxPolicy', () => {
    const result = onlyResult(
      runControl(mobilePolicyPassword, {
        organization: { 'exchange.mobile-device-policies': factState('conflicting') },
      }),
    );
    assert.equal(result.outcome, 'not-assessed');
  });
});

describe('EXZT.END.5 mobile device policies require encryption and provisionable devices', () => {
  it('passes a policy that requires encryption and refuses non-provisionable devices', () => {
    assert.equal(run(mobilePolicyEncryption, [STRONG]).outcome, 'pass');
  });

  it('fails a policy that allows unencrypted and non-provisionable devices', () => {
    const open = { ...STRONG, requireDeviceEncryption: false, allowNonProvisionableDevices: true };
    const result = run(mobilePolicyEncryption, [open]);
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings.length, 2);
  });

  it('is not applicable when the policy does not require encryption, or without policies', () => {
    const options = { policy: { endpoints: { requireEncryption: false } } };
    assert.equal(run(mobilePolicyEncryption, [STRONG], options).outcome, 'not-applicable');
    assert.equal(run(mobilePolicyEncryption, []).outcome, 'not-applicable');
  });

  it('is not assessed without the policies export', () => {
    const result = onlyResult(runControl(mobilePolicyEncryption, { organization: {} }));
    assert.equal(result.outcome, 'not-assessed');
  });
});
