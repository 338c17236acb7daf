import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fipFsEngineHealthy } from '../../../src/controls/infrastructure/fipfs-engine.js';
import { factState, onlyResult, runControl } from '../../helpers/control-harness.js';
import { seServer } from './fixtures.js';

const HEALTHY = {
  fixedBuild: true,
  serverRoleAffected: true,
  highestVersionNumber: 2110140004,
  badVersionNumberDetected: false,
};
const run = (state: object) =>
  onlyResult(runControl(fipFsEngineHealthy, seServer({ 'exchange.fipfs-engine-state': state })));

describe('EXZT.INF.14 FIP-FS scan engine present and healthy', () => {
  it('passes with an engine and no bad pattern', () => {
    const result = run(HEALTHY);
    assert.equal(result.outcome, 'pass');
    assert.equal(result.message, 'scan engine 2110140004 present');
  });

  it('fails on the bad pattern on a build without the fix (HealthChecker: Red)', () => {
    const result = run({
      ...HEALTHY,
      fixedBuild: false,
      badVersionNumberDetected: true,
      highestVersionNumber: 2201010000,
    });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.message, 'FIP-FS will stop transport');
  });

  it('fails when no scan engine was found (HealthChecker: Red)', () => {
    const noEngine = {
      fixedBuild: true,
      serverRoleAffected: true,
      badVersionNumberDetected: false,
    };
    assert.equal(run(noEngine).message, 'no FIP-FS scan engine');
  });

  it('is not applicable on a role without the engine', () => {
    assert.equal(run({ ...HEALTHY, serverRoleAffected: false }).outcome, 'not-applicable');
  });

  it('is not assessed without the engine state', () => {
    const spec = seServer({ 'exchange.fipfs-engine-state': factState('not-collected') });
    assert.equal(onlyResult(runControl(fipFsEngineHealthy, spec)).outcome, 'not-assessed');
  });
});
