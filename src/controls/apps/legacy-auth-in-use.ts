/**
 * EXZT.APP.9: nobody authenticates with Basic or uses a legacy protocol (POP3, IMAP4, RPC over
 * HTTP), as the logs show — configuration may allow it for a reason, but use is what matters.
 */
import type { Control } from '../model.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';
import { usageFindings } from '../log-usage-findings.js';

export const legacyAuthInUse: Control = {
  id: 'EXZT.APP.9',
  area: 'apps',
  title: 'No Basic authentication or legacy protocol is in use',
  rationale:
    'Basic authentication sends a reusable password with every request and cannot carry MFA; ' +
    'POP3, IMAP4 and RPC over HTTP bypass modern authentication. The logs show which users ' +
    'still depend on them, which is the list to migrate before they are switched off.',
  remediation: {
    text:
      'Move the listed users to modern authentication clients (Outlook with OAuth, ActiveSync ' +
      'with OAuth), then block Basic authentication with authentication policies and disable ' +
      'POP3, IMAP4 and Outlook Anywhere where no waiver covers them.',
    powershell:
      "New-AuthenticationPolicy -Name 'Block Basic' ; Set-OrganizationConfig -DefaultAuthenticationPolicy 'Block Basic'",
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { organization: ['logs.legacy-auth'] },
  policyKeys: ['apps.basicAuth', 'apps.legacyProtocols'],
  mappings: {
    cisV8: ['6.3', '4.8'],
    nist800207: ['T6'],
    iso27001: ['A.8.5', 'A.5.17'],
    nist80053: ['IA-2', 'IA-5', 'CM-7'],
    disaStig: [],
    ztmm: [{ pillar: 'identity', function: 'Authentication' }],
  },
  evaluate(context) {
    const { basicAuth, legacyProtocols } = context.policy.apps;
    if (basicAuth === 'allow' && legacyProtocols === 'allow') {
      return notApplicable('the policy allows Basic authentication and legacy protocols');
    }
    const fact = context.fact('logs.legacy-auth');
    const use = required(fact, 'logs.legacy-auth');
    const counted = [
      ...(basicAuth === 'deny' ? use.basicAuth : []),
      ...(legacyProtocols === 'deny' ? use.legacyProtocols : []),
    ];
    if (counted.length === 0) {
      return pass(
        'the logs show no Basic authentication or legacy protocol in use',
        fact.provenance,
      );
    }
    const users = new Set(counted.map((count) => count.user)).size;
    return fail(
      `${users} users still use Basic authentication or legacy protocols`,
      usageFindings(fact, counted),
    );
  },
};
