import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mdmDeviceCompliance } from '../../../src/controls/endpoints/mdm-device-compliance.js';
import { unmanagedMobileDevices } from '../../../src/controls/endpoints/unmanaged-mobile-devices.js';
import type { MdmDevice } from '../../../src/evidence/importers/mdm-devices.js';
import type { MobileDevice } from '../../../src/evidence/importers/mobile-devices.js';
import { onlyResult, runControl } from '../../helpers/control-harness.js';

const AS_OF = '2026-11-30T09:00:00Z';
const laptop: MdmDevice = {
  deviceName: 'LT-ANN',
  os: 'Windows',
  osVersion: '10.0.22631.4460',
  encrypted: true,
  jailbroken: false,
  compliance: 'Compliant',
  lastCheckIn: '2026-11-29T08:00:00.000Z',
  primaryUser: 'Ann@contoso.com',
};
const phone = (owner: string, state = 'Allowed'): MobileDevice => ({
  identity: `contoso.com/Users/${owner}/ExchangeActiveSyncDevices/iPhone`,
  userPrincipalName: owner,
  deviceModel: 'iPhone15,2',
  deviceAccessState: state,
});
const compliance = (devices: MdmDevice[]) =>
  onlyResult(
    runControl(
      mdmDeviceCompliance,
      { organization: { 'inventory.mdm-devices': devices } },
      { asOf: AS_OF },
    ),
  );
const coverage = (phones: MobileDevice[]) =>
  onlyResult(
    runControl(unmanagedMobileDevices, {
      organization: { 'mobile.devices': phones, 'inventory.mdm-devices': [laptop] },
    }),
  );

describe('EXZT.END.7 managed devices meet the endpoint policy', () => {
  it('passes an encrypted, compliant Windows 11 laptop that checked in yesterday', () => {
    assert.equal(compliance([laptop]).outcome, 'pass');
  });

  it('fails an old, unencrypted, rooted, non-compliant phone that stopped checking in', () => {
    const rooted: MdmDevice = {
      deviceName: 'PH-BOB',
      os: 'Android',
      osVersion: '12',
      encrypted: false,
      jailbroken: true,
      compliance: 'Noncompliant',
      lastCheckIn: '2026-09-01T00:00:00.000Z',
      primaryUser: 'bob@contoso.com',
    };
    const result = compliance([laptop, rooted]);
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings.length, 1);
    assert.equal(result.findings[0]?.object, 'PH-BOB (bob@contoso.com)');
    assert.equal(
      result.findings[0]?.message,
      'android 12 is below 13; not encrypted; jailbroken or rooted; MDM compliance: Noncompliant; ' +
        'last check-in 90 days ago (policy allows 30)',
    );
  });

  it('fails a device whose encryption state the MDM does not report', () => {
    const unknown: MdmDevice = { ...laptop };
    delete unknown.encrypted;
    assert.equal(compliance([unknown]).findings[0]?.message, 'encryption not reported');
  });

  it('is not applicable for an empty export and not assessed without one', () => {
    assert.equal(compliance([]).outcome, 'not-applicable');
    const missing = onlyResult(runControl(mdmDeviceCompliance, { organization: {} }));
    assert.equal(missing.outcome, 'not-assessed');
  });
});

describe('EXZT.END.8 devices that sync mail are known to the MDM', () => {
  it('passes when the owner of each syncing phone has a managed device (case-insensitive)', () => {
    assert.equal(coverage([phone('ann@contoso.com')]).outcome, 'pass');
  });

  it('fails a syncing phone whose owner the MDM does not know; blocked ones do not count', () => {
    const result = coverage([
      phone('ann@contoso.com'),
      phone('eve@contoso.com'),
      phone('mal@contoso.com', 'Blocked'),
    ]);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => `${f.object}: ${f.message}`),
      ['eve@contoso.com iPhone15,2: owner has no device in the MDM'],
    );
  });

  it('is not applicable when no device may sync, not assessed without the MDM export', () => {
    assert.equal(coverage([phone('mal@contoso.com', 'Quarantined')]).outcome, 'not-applicable');
    const missing = onlyResult(
      runControl(unmanagedMobileDevices, { organization: { 'mobile.devices': [phone('a@b.c')] } }),
    );
    assert.equal(missing.outcome, 'not-assessed');
    assert.deepEqual(missing.missing, ['inventory.mdm-devices (not collected)']);
  });
});
