import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mapiOverHttp } from '../../../src/controls/apps/mapi-over-http.js';
import type { CasMailbox } from '../../../src/evidence/importers/cas-mailboxes.js';
import { onlyResult, runControl } from '../../helpers/control-harness.js';

const run = (mapiHttpEnabled: boolean, mailboxes?: CasMailbox[]) =>
  onlyResult(
    runControl(mapiOverHttp, {
      organization: {
        'exchange.organization-config': { name: 'Contoso', mapiHttpEnabled },
        ...(mailboxes === undefined ? {} : { 'exchange.cas-mailboxes': mailboxes }),
      },
    }),
  );

describe('EXZT.APP.3 Outlook uses MAPI over HTTP, not RPC over HTTP', () => {
  it('passes with MapiHttpEnabled on (E19 GetOrganizationConfig.xml has it on)', () => {
    const result = run(true);
    assert.equal(result.outcome, 'pass');
    assert.match(result.message, /mailbox opt-outs not collected/);
  });

  it('fails with MapiHttpEnabled off, and for a mailbox that opts out', () => {
    const result = run(false, [{ identity: 'contoso.com/Users/Ann', mapiHttpEnabled: false }]);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.message),
      [
        'MapiHttpEnabled is off: Outlook connects with RPC over HTTP',
        'mailbox opts out of MAPI over HTTP',
      ],
    );
  });

  it('is not applicable when the policy allows legacy protocols', () => {
    const result = onlyResult(
      runControl(
        mapiOverHttp,
        { organization: { 'exchange.organization-config': { name: 'Contoso' } } },
        { policy: { apps: { legacyProtocols: 'allow' } } },
      ),
    );
    assert.equal(result.outcome, 'not-applicable');
  });

  it('is not assessed without Get-OrganizationConfig', () => {
    const result = onlyResult(runControl(mapiOverHttp, { organization: {} }));
    assert.equal(result.outcome, 'not-assessed');
  });
});
