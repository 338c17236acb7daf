/**
 * EXZT.APP.3: Outlook connects with MAPI over HTTP, not RPC over HTTP (Outlook Anywhere): the
 * organisation has MapiHttpEnabled on and no mailbox opts out of it. RPC over HTTP cannot use
 * hybrid modern authentication and is the protocol the policy's legacyProtocols retires.
 */
import type { Control, Finding } from '../model.js';
import { itemEvidence } from '../item-evidence.js';
import { fail, notApplicable, optional, pass, required } from '../outcomes.js';

export const mapiOverHttp: Control = {
  id: 'EXZT.APP.3',
  area: 'apps',
  title: 'Outlook uses MAPI over HTTP, not RPC over HTTP',
  rationale:
    'RPC over HTTP (Outlook Anywhere) authenticates with Basic or NTLM only and cannot use ' +
    'OAuth, so it stays outside modern authentication and MFA. MAPI over HTTP is the protocol ' +
    'Outlook uses when the organisation, and each mailbox, allows it.',
  remediation: {
    text:
      'Turn MAPI over HTTP on for the organisation and clear per-mailbox opt-outs; then block ' +
      'legacy authentication for RPC (EXZT.APP.7).',
    powershell:
      'Set-OrganizationConfig -MapiHttpEnabled $true\n' +
      'Get-CASMailbox -ResultSize Unlimited -Filter "MapiHttpEnabled -eq $false" | ' +
      'Set-CASMailbox -MapiHttpEnabled $null',
  },
  severity: 'medium',
  criticality: 'should',
  waivable: true,
  scope: 'organization',
  requires: { subject: ['exchange.organization-config'] },
  mappings: {
    cisV8: ['4.8', '12.6'],
    nist800207: ['T2', 'T6'],
    iso27001: ['A.8.5', 'A.8.9'],
    nist80053: ['CM-7', 'IA-2'],
    disaStig: [],
    ztmm: [{ pillar: 'applications', function: 'Application Access' }],
  },
  policyKeys: ['apps.legacyProtocols'],
  evaluate(context) {
    if (context.policy.apps.legacyProtocols === 'allow') {
      return notApplicable('the policy allows legacy protocols');
    }
    const configFact = context.fact('exchange.organization-config');
    const config = required(configFact, 'exchange.organization-config');
    const mailboxesFact = context.fact('exchange.cas-mailboxes');

    const findings: Finding[] = [];
    if (config.mapiHttpEnabled !== true) {
      const message = 'MapiHttpEnabled is off: Outlook connects with RPC over HTTP';
      findings.push({
        object: config.name,
        message,
        value: config.mapiHttpEnabled,
        evidence: configFact.provenance,
      });
    }
    (optional(mailboxesFact) ?? []).forEach((mailbox, index) => {
      if (mailbox.mapiHttpEnabled !== false) return;

      const object = mailbox.primarySmtpAddress ?? mailbox.identity;
      findings.push({
        object,
        message: 'mailbox opts out of MAPI over HTTP',
        evidence: itemEvidence(mailboxesFact, index),
      });
    });
    if (findings.length > 0) return fail('some Outlook clients still use RPC over HTTP', findings);

    const scope = optional(mailboxesFact) === undefined ? ' (mailbox opt-outs not collected)' : '';
    return pass(`MAPI over HTTP is on for the organisation${scope}`, configFact.provenance);
  },
};
