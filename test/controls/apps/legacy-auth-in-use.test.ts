import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { legacyAuthInUse } from '../../../src/controls/apps/legacy-auth-in-use.js';
import type { LegacyAuthUse } from '../../../src/evidence/kinds/log-kinds.js';
import { onlyResult, runControl } from '../../helpers/control-harness.js';
import { usage } from '../log-usage-cases.js';

const basic = usage('basic:eas', 'ann@contoso.com', '', 'Basic authentication');
const imap = usage('imap4', 'scanner@contoso.com', '', 'legacy protocol');
const run = (value: LegacyAuthUse, apps = {}) =>
  onlyResult(
    runControl(
      legacyAuthInUse,
      { organization: { 'logs.legacy-auth': value } },
      { policy: { apps } },
    ),
  );

describe('EXZT.APP.9 no Basic authentication or legacy protocol in use', () => {
  it('passes when the logs show neither', () => {
    assert.equal(run({ basicAuth: [], legacyProtocols: [] }).outcome, 'pass');
  });

  it('fails on Basic ActiveSync and IMAP4 users, counting users', () => {
    const result = run({ basicAuth: [basic], legacyProtocols: [imap] });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.message, '2 users still use Basic authentication or legacy protocols');
  });

  it('ignores what the policy allows, and is not applicable when it allows both', () => {
    const onlyLegacyAllowed = run(
      { basicAuth: [], legacyProtocols: [imap] },
      { legacyProtocols: 'allow' },
    );
    assert.equal(onlyLegacyAllowed.outcome, 'pass');
    const both = run(
      { basicAuth: [basic], legacyProtocols: [imap] },
      { legacyProtocols: 'allow', basicAuth: 'allow' },
    );
    assert.equal(both.outcome, 'not-applicable');
  });
});
