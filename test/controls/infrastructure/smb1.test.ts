import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { smb1Disabled } from '../../../src/controls/infrastructure/smb1.js';
import { factState, onlyResult, runControl } from '../../helpers/control-harness.js';
import { seServer } from './fixtures.js';

function run(smb1Installed: boolean, smb1Accepted: boolean) {
  const features = [
    { name: 'FS-SMB1', installed: smb1Installed },
    { name: 'Web-Server', installed: true },
  ];
  const spec = seServer({
    'os.windows-features': features,
    'os.smb-server-configuration': { enableSmb1Protocol: smb1Accepted },
  });
  return onlyResult(runControl(smb1Disabled, spec));
}

describe('EXZT.INF.9 SMB1 removed and refused', () => {
  it('passes when the feature is absent and the server refuses SMB1', () => {
    assert.equal(run(false, false).outcome, 'pass');
  });

  it('fails when the feature is installed, though the server refuses it', () => {
    const result = run(true, false);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.object),
      ['FS-SMB1'],
    );
  });

  it('fails twice when SMB1 is installed and accepted', () => {
    const result = run(true, true);
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findingCount, 2);
  });

  it('is not assessed without Get-WindowsFeature', () => {
    const spec = seServer({
      'os.smb-server-configuration': { enableSmb1Protocol: false },
      'os.windows-features': factState('not-collected'),
    });
    const result = onlyResult(runControl(smb1Disabled, spec));
    assert.deepEqual(result.missing, ['os.windows-features (not collected)']);
  });
});
