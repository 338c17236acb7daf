import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mobileDeviceOs } from '../../../src/controls/endpoints/mobile-device-os.js';
import type { MobileDevice } from '../../../src/evidence/importers/mobile-devices.js';
import {
  factState,
  onlyResult,
  runControl,
  type FactState,
} from '../../helpers/control-harness.js';

const device = (deviceOs: string, owner = 'ann@contoso.com'): MobileDevice => ({
  identity: `contoso.com/Users/Ann/ExchangeActiveSyncDevices/${deviceOs}`,
  deviceOs,
  deviceModel: 'iPhone15,2',
  userPrincipalName: owner,
});
const run = (devices: MobileDevice[] | FactState<MobileDevice[]>) =>
  onlyResult(runControl(mobileDeviceOs, { organization: { 'mobile.devices': devices } }));

describe('EXZT.END.1 mobile devices run a supported OS', () => {
  it('passes when iOS and Android are at or above the policy minimum', () => {
    const result = run([device('iOS 17.5 21F79'), device('Android 14'), device('Android 13.0.0')]);
    assert.equal(result.outcome, 'pass');
    assert.match(result.message, /3 devices/);
  });

  it('fails an iOS 16.7 device against the default minimum 17.0', () => {
    const result = run([
      device('iOS 16.7.10 20H350', 'bob@contoso.com'),
      device('iOS 17.0 21A329'),
    ]);
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings.length, 1);
    assert.equal(result.findings[0]?.object, 'bob@contoso.com iPhone15,2');
    assert.equal(result.findings[0]?.message, 'ios 16.7.10 is below 17.0');
  });

  it('fails a device whose OS names a platform but no version', () => {
    const result = run([device('Android')]);
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]?.message ?? '', /unreadable/);
  });

  it('ignores platforms the policy sets no minimum for', () => {
    assert.equal(run([device('BlackBerry 10.3')]).outcome, 'pass');
  });

  it('is not applicable without ActiveSync partnerships', () => {
    assert.equal(run([]).outcome, 'not-applicable');
  });

  it('is not assessed when Get-MobileDevice failed, naming the kind', () => {
    const result = run(factState<MobileDevice[]>('collection-failed', undefined, 'access denied'));
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['mobile.devices (collection failed)']);
  });
});
