import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { staleMobileDevices } from '../../../src/controls/endpoints/mobile-device-stale.js';
import type { MobileDevice } from '../../../src/evidence/importers/mobile-devices.js';
import { onlyResult, runControl } from '../../helpers/control-harness.js';

const AS_OF = '2026-11-30T09:00:00Z';
const device = (sync: Partial<MobileDevice>): MobileDevice => ({
  identity: 'contoso.com/Users/Ann/ExchangeActiveSyncDevices/iPhone§1',
  userPrincipalName: 'ann@contoso.com',
  deviceModel: 'iPhone15,2',
  ...sync,
});
const run = (devices: MobileDevice[]) =>
  onlyResult(
    runControl(
      staleMobileDevices,
      { organization: { 'mobile.devices': devices } },
      { asOf: AS_OF },
    ),
  );

describe('EXZT.END.3 no stale mobile device partnerships', () => {
  it('passes a device that synced 30 days before the as-of time (the limit)', () => {
    assert.equal(run([device({ lastSuccessSync: '2026-10-31T09:00:00Z' })]).outcome, 'pass');
  });

  it('fails a device last synced 31 days ago, counted against the as-of time', () => {
    const result = run([device({ lastSuccessSync: '2026-10-30T08:00:00Z' })]);
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.message, 'last synced 31 days ago (policy allows 30)');
  });

  it('falls back to the first sync of a device that never synced successfully since', () => {
    const result = run([device({ firstSyncTime: '2026-01-05T10:00:00Z' }), device({})]);
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]?.message ?? '', /last synced 328 days ago/);
    assert.equal(result.findings[1]?.message, 'no sync time recorded');
  });

  it('is not applicable without partnerships', () => {
    assert.equal(run([]).outcome, 'not-applicable');
  });

  it('is not assessed without Get-MobileDevice', () => {
    const result = onlyResult(runControl(staleMobileDevices, { organization: {} }));
    assert.equal(result.outcome, 'not-assessed');
  });
});
