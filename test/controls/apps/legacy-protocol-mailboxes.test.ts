import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { legacyProtocolMailboxes } from '../../../src/controls/apps/legacy-protocol-mailboxes.js';
import type { CasMailbox } from '../../../src/evidence/importers/cas-mailboxes.js';
import { onlyResult, runControl } from '../../helpers/control-harness.js';

const mailbox = (address: string, popEnabled: boolean, imapEnabled: boolean): CasMailbox => ({
  identity: `contoso.com/Users/${address}`,
  primarySmtpAddress: address,
  popEnabled,
  imapEnabled,
});
const run = (mailboxes: CasMailbox[]) =>
  onlyResult(
    runControl(legacyProtocolMailboxes, { organization: { 'exchange.cas-mailboxes': mailboxes } }),
  );

describe('EXZT.APP.2 no mailbox allows POP3 or IMAP4', () => {
  it('passes when every mailbox has both off', () => {
    assert.equal(run([mailbox('ann@contoso.com', false, false)]).outcome, 'pass');
  });

  it('fails with one counted finding per mailbox, however many mailboxes there are', () => {
    const mailboxes = Array.from({ length: 100_000 }, (_, i) =>
      mailbox(`u${i}@contoso.com`, i % 2 === 0, false),
    );
    const result = run(mailboxes);
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings.length, 50_000);
    assert.equal(result.message, '50000 of 100000 mailboxes allow POP3 or IMAP4');
    assert.equal(result.findings[0]?.message, 'POP3 enabled');
  });

  it('counts a mailbox without the properties as enabled, the Exchange default', () => {
    const result = run([{ identity: 'contoso.com/Users/Bob' }]);
    assert.equal(result.findings[0]?.message, 'POP3 and IMAP4 enabled');
  });

  it('is not applicable without mailboxes and not assessed without Get-CASMailbox', () => {
    assert.equal(run([]).outcome, 'not-applicable');
    assert.equal(
      onlyResult(runControl(legacyProtocolMailboxes, { organization: {} })).outcome,
      'not-assessed',
    );
  });
});
