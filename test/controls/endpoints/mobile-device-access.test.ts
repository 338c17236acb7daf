import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mobileDeviceAccess } from '../../../src/controls/endpoints/mobile-device-access.js';
import type { MobileDevice } from '../../../src/evidence/importers/mobile-devices.js';
import { onlyResult, runControl, type RunOptions } from '../../helpers/control-harness.js';

const device = (state: string, reason: string): MobileDevice => ({
  identity: `contoso.com/Users/Ann/ExchangeActiveSyncDevices/${state}${reason}`,
  deviceAccessState: state,
  deviceAccessStateReason: reason,
  deviceType: 'Outlook',
  primarySmtpAddress: 'ann@contoso.com',
});
const run = (devices: MobileDevice[], options?: RunOptions) =>
  onlyResult(
    runControl(mobileDeviceAccess, { organization: { 'mobile.devices': devices } }, options),
  );

describe('EXZT.END.2 every mobile device has an explicit access decision', () => {
  it('passes devices allowed by a rule, quarantined or blocked', () => {
    const result = run([
      device('Allowed', 'DeviceRule'),
      device('Allowed', 'Individual'),
      device('Quarantined', 'Global'),
      device('Blocked', 'Individual'),
    ]);
    assert.equal(result.outcome, 'pass');
  });

  it('fails undecided devices and devices let in by the global Allow default', () => {
    const result = run([device('DeviceDiscovery', 'Global'), device('Allowed', 'Global')]);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((finding) => finding.message),
      [
        'access state DeviceDiscovery: no rule decided',
        'allowed only by the organisation-wide default',
      ],
    );
  });

  it('accepts the global default when the policy allows unknown devices', () => {
    const result = run([device('Allowed', 'Global')], {
      policy: { endpoints: { unknownDeviceAccess: 'allow' } },
    });
    assert.equal(result.outcome, 'pass');
  });

  it('is not applicable without partnerships and not assessed without the export', () => {
    assert.equal(run([]).outcome, 'not-applicable');
    const missing = onlyResult(runControl(mobileDeviceAccess, { organization: {} }));
    assert.equal(missing.outcome, 'not-assessed');
    assert.deepEqual(missing.missing, ['mobile.devices (not collected)']);
  });
});
