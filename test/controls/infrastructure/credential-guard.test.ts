import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { credentialGuardOff } from '../../../src/controls/infrastructure/credential-guard.js';
import { onlyResult, runControl } from '../../helpers/control-harness.js';
import { seServer } from './fixtures.js';

const NOTHING_RUNNING = { securityServicesRunning: [], securityServicesConfigured: [] };

function run(lsa: object, deviceGuard: object) {
  const spec = seServer({ 'os.lsa-settings': lsa, 'os.device-guard': deviceGuard });
  return onlyResult(runControl(credentialGuardOff, spec));
}

describe('EXZT.INF.11 Credential Guard off', () => {
  it('passes when neither LsaCfgFlags nor Device Guard turn it on', () => {
    assert.equal(run({ lsaCfgFlags: 0 }, NOTHING_RUNNING).outcome, 'pass');
  });

  it('fails when LsaCfgFlags is 1 (HealthChecker: Red "Credential Guard Enabled")', () => {
    const result = run({ lsaCfgFlags: 1 }, NOTHING_RUNNING);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.object),
      ['LsaCfgFlags'],
    );
  });

  it('fails when Win32_DeviceGuard reports Credential Guard running', () => {
    const result = run({}, { securityServicesRunning: [1, 2], securityServicesConfigured: [1, 2] });
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(result.findings[0]?.value, [1, 2]);
  });

  it('passes with only HVCI (service 2) running', () => {
    const result = run({}, { securityServicesRunning: [2], securityServicesConfigured: [2] });
    assert.equal(result.outcome, 'pass');
  });

  it('is not assessed without the Device Guard export, naming it', () => {
    const result = onlyResult(runControl(credentialGuardOff, seServer({ 'os.lsa-settings': {} })));
    assert.deepEqual(result.missing, ['os.device-guard (not collected)']);
  });
});
