/**
 * EXZT.APP.2: no mailbox may use POP3 or IMAP4 when the policy denies legacy protocols. Exchange
 * enables both for every new mailbox, so a stopped service is the only thing in the way until
 * someone starts it; switching them off per mailbox closes the second door.
 */
import type { CasMailbox } from '../../evidence/importers/cas-mailboxes.js';
import type { Control, Finding } from '../model.js';
import { itemEvidence } from '../item-evidence.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';

export const legacyProtocolMailboxes: Control = {
  id: 'EXZT.APP.2',
  area: 'apps',
  title: 'No mailbox allows POP3 or IMAP4',
  rationale:
    'POP3 and IMAP4 clients authenticate with a password alone and download the whole mailbox. ' +
    'Exchange turns both on for every new mailbox, so they stay open wherever nobody switched ' +
    'them off.',
  remediation: {
    text:
      'Disable POP3 and IMAP4 on every mailbox, and for new mailboxes through the CAS mailbox ' +
      'plans or a provisioning script.',
    powershell:
      'Get-CASMailbox -ResultSize Unlimited -Filter "PopEnabled -eq $true -or ImapEnabled -eq $true" | ' +
      'Set-CASMailbox -PopEnabled $false -ImapEnabled $false',
  },
  severity: 'medium',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { subject: ['exchange.cas-mailboxes'] },
  mappings: {
    cisV8: ['4.8', '6.3'],
    nist800207: ['T2', 'T6'],
    iso27001: ['A.8.5', 'A.5.15'],
    nist80053: ['CM-7', 'IA-2'],
    disaStig: [],
    ztmm: [{ pillar: 'applications', function: 'Application Access' }],
  },
  policyKeys: ['apps.legacyProtocols'],
  evaluate(context) {
    if (context.policy.apps.legacyProtocols === 'allow') {
      return notApplicable('the policy allows legacy protocols');
    }
    const fact = context.fact('exchange.cas-mailboxes');
    const mailboxes = required(fact, 'exchange.cas-mailboxes');
    if (mailboxes.length === 0) return notApplicable('no mailboxes in the export');

    const findings: Finding[] = [];
    mailboxes.forEach((mailbox, index) => {
      const protocols = legacyProtocolsOf(mailbox);
      if (protocols.length === 0) return;

      const object = mailbox.primarySmtpAddress ?? mailbox.identity;
      findings.push({
        object,
        message: `${protocols.join(' and ')} enabled`,
        evidence: itemEvidence(fact, index),
      });
    });
    if (findings.length > 0) {
      return fail(
        `${findings.length} of ${mailboxes.length} mailboxes allow POP3 or IMAP4`,
        findings,
      );
    }
    return pass(`none of ${mailboxes.length} mailboxes allows POP3 or IMAP4`, fact.provenance);
  },
};

/** Exchange's default for both is enabled, so an absent value counts as enabled. */
function legacyProtocolsOf(mailbox: CasMailbox): string[] {
  const protocols: string[] = [];
  if (mailbox.popEnabled !== false) protocols.push('POP3');
  if (mailbox.imapEnabled !== false) protocols.push('IMAP4');
  return protocols;
}
