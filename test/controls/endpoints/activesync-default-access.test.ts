import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { activeSyncDefaultAccess } from '../../../src/controls/endpoints/activesync-default-access.js';
import { onlyResult, runControl, type RunOptions } from '../../helpers/control-harness.js';

const run = (level: string, options?: RunOptions) =>
  onlyResult(
    runControl(
      activeSyncDefaultAccess,
      {
        organization: {
          'exchange.activesync-organization-settings': {
            name: 'Mobile Mailbox Settings',
            defaultAccessLevel: level,
            adminMailRecipients: [],
          },
        },
      },
      options,
    ),
  );

describe('EXZT.END.6 ActiveSync quarantines or blocks unknown devices', () => {
  it('passes Quarantine against the default policy, and Block as stricter', () => {
    assert.equal(run('Quarantine').outcome, 'pass');
    assert.equal(run('Block').outcome, 'pass');
  });

  it('fails Allow, the Exchange default', () => {
    const result = run('Allow');
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.message, 'DefaultAccessLevel Allow (policy: quarantine)');
  });

  it('fails Quarantine when the policy wants Block', () => {
    const options = { policy: { endpoints: { unknownDeviceAccess: 'block' as const } } };
    assert.equal(run('Quarantine', options).outcome, 'fail');
  });

  it('is not assessed without Get-ActiveSyncOrganizationSettings', () => {
    const result = onlyResult(runControl(activeSyncDefaultAccess, { organization: {} }));
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['exchange.activesync-organization-settings (not collected)']);
  });
});
