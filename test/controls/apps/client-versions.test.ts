import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { browserVersions } from '../../../src/controls/apps/browser-versions.js';
import { outlookVersions } from '../../../src/controls/apps/outlook-versions.js';
import type { Control } from '../../../src/controls/model.js';
import type { ClientVersionUse } from '../../../src/evidence/kinds/client-kinds.js';
import { onlyResult, runControl } from '../../helpers/control-harness.js';

const use = (client: string, version: string, user = 'ann@contoso.com'): ClientVersionUse => ({
  client,
  version,
  user,
  count: 12,
});
const run = (control: Control, uses: ClientVersionUse[]) =>
  onlyResult(runControl(control, { organization: { 'logs.client-versions': uses } }));

describe('EXZT.APP.6 Outlook clients at or above the minimum version', () => {
  it('passes builds at or above 16.0.17928 on Windows and 4.2400 on iOS', () => {
    const result = run(outlookVersions, [
      use('outlook-windows', '16.0.17928.20114'),
      use('outlook-ios', '4.2450.0'),
    ]);
    assert.equal(result.outcome, 'pass');
  });

  it('fails an older Windows build, one counted finding per user and version', () => {
    const result = run(outlookVersions, [
      use('outlook-windows', '16.0.16130.20332', 'bob@contoso.com'),
    ]);
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.object, 'bob@contoso.com');
    assert.equal(
      result.findings[0]?.message,
      'outlook-windows 16.0.16130.20332 is below 16.0.17928 (12 requests)',
    );
  });

  it('is not applicable when no Outlook the policy names was seen', () => {
    assert.equal(run(outlookVersions, [use('chrome', '131.0')]).outcome, 'not-applicable');
  });

  it('is not assessed until `exzt logs scan` produced logs.client-versions', () => {
    const result = onlyResult(runControl(outlookVersions, { organization: {} }));
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['logs.client-versions (not collected)']);
  });
});

describe('EXZT.APP.8 browsers at or above the minimum version', () => {
  it('passes Edge 131 and fails Chrome 109 against the defaults (130)', () => {
    assert.equal(run(browserVersions, [use('edge', '131.0.2903.70')]).outcome, 'pass');
    const result = run(browserVersions, [use('chrome', '109.0.5414.120')]);
    assert.equal(result.outcome, 'fail');
  });

  it('fails a version that is not a dotted number rather than guessing', () => {
    assert.equal(run(browserVersions, [use('firefox', 'unknown')]).outcome, 'fail');
  });

  it('is not applicable without browsers and not assessed without the log scan', () => {
    assert.equal(run(browserVersions, [use('outlook-mac', '16.90')]).outcome, 'not-applicable');
    assert.equal(
      onlyResult(runControl(browserVersions, { organization: {} })).outcome,
      'not-assessed',
    );
  });
});
