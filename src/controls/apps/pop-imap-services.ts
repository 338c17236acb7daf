/**
 * EXZT.APP.1: the POP3 and IMAP4 services (front end and back end) are neither running nor set to
 * start on the server when the policy denies legacy protocols (DISA STIG V-259667, V-259668;
 * CIS Exchange 2019 benchmark 2.4.1, 2.4.2).
 */
import type { Control, Finding } from '../model.js';
import { itemEvidence } from '../item-evidence.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';

/** Service names as Exchange 2013 and later install them (Get-Service). */
const LEGACY_SERVICES = new Set([
  'msexchangepop3',
  'msexchangepop3be',
  'msexchangeimap4',
  'msexchangeimap4be',
]);

export const popImapServices: Control = {
  id: 'EXZT.APP.1',
  area: 'apps',
  title: 'POP3 and IMAP4 services are stopped and disabled',
  rationale:
    'POP3 and IMAP4 accept passwords without modern authentication or MFA, so they are the ' +
    'usual target of password spraying. A service that is not running cannot be attacked, and a ' +
    'disabled one does not come back after a restart.',
  remediation: {
    text: 'Stop the four services and set them to Disabled on every Exchange server.',
    powershell:
      "'MSExchangePop3','MSExchangePOP3BE','MSExchangeImap4','MSExchangeIMAP4BE' | ForEach-Object " +
      '{ Stop-Service $_; Set-Service $_ -StartupType Disabled }',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'server',
  requires: { subject: ['os.services'] },
  mappings: {
    cisV8: ['4.8'],
    nist800207: ['T2', 'T6'],
    iso27001: ['A.8.9', 'A.8.5'],
    nist80053: ['CM-7'],
    disaStig: ['V-259667', 'V-259668'],
    ztmm: [{ pillar: 'applications', function: 'Application Access' }],
  },
  policyKeys: ['apps.legacyProtocols'],
  evaluate(context) {
    if (context.policy.apps.legacyProtocols === 'allow') {
      return notApplicable('the policy allows legacy protocols');
    }
    const fact = context.fact('os.services');
    const services = required(fact, 'os.services');

    const findings: Finding[] = [];
    services.forEach((service, index) => {
      if (!LEGACY_SERVICES.has(service.name.toLowerCase())) return;
      if (service.status !== 'Running' && service.startType === 'Disabled') return;

      const message = `${service.status ?? 'state unknown'}, start type ${service.startType ?? 'unknown'}`;
      findings.push({
        object: service.name,
        message,
        value: service.status,
        evidence: itemEvidence(fact, index),
      });
    });
    if (findings.length > 0) {
      return fail(`${findings.length} POP3/IMAP4 services can serve clients`, findings);
    }
    return pass('POP3 and IMAP4 services are absent or stopped and disabled', fact.provenance);
  },
};
