import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { noPendingReboot } from '../../../src/controls/infrastructure/pending-reboot.js';
import { factState, onlyResult, runControl } from '../../helpers/control-harness.js';
import { seServer } from './fixtures.js';

const NOTHING_PENDING = {
  pendingFileRenameOperations: false,
  componentBasedServicing: false,
  autoUpdate: false,
  updateExeVolatile: false,
  ccmRebootPending: false,
  pendingReboot: false,
  locations: [],
};

describe('EXZT.INF.6 no update waiting for a restart', () => {
  it('passes when nothing is pending', () => {
    const result = onlyResult(
      runControl(noPendingReboot, seServer({ 'os.reboot-pending': NOTHING_PENDING })),
    );
    assert.equal(result.outcome, 'pass');
    assert.equal(result.message, 'no update waits for a restart');
  });

  it('fails when Windows Update waits for a restart, naming the registry key', () => {
    const pending = { ...NOTHING_PENDING, autoUpdate: true, pendingReboot: true };
    const result = onlyResult(
      runControl(noPendingReboot, seServer({ 'os.reboot-pending': pending })),
    );
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]?.object ?? '', /WindowsUpdate\\Auto Update\\RebootRequired$/);
  });

  it('passes when only file renames are pending, which are noise', () => {
    const pending = { ...NOTHING_PENDING, pendingFileRenameOperations: true, pendingReboot: true };
    const result = onlyResult(
      runControl(noPendingReboot, seServer({ 'os.reboot-pending': pending })),
    );
    assert.equal(result.outcome, 'pass');
    assert.match(result.message, /only file renames pending/);
  });

  it('is not assessed when the reboot probe failed', () => {
    const spec = seServer({ 'os.reboot-pending': factState('collection-failed') });
    const result = onlyResult(runControl(noPendingReboot, spec));
    assert.equal(result.outcome, 'not-assessed');
  });
});
