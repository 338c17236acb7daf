/**
 * EXZT.IDN.8: hybrid modern authentication is on when the policy requires it
 * (identity.requireModernAuth): OAuth2ClientProfileEnabled and an enabled Entra ID (evoSTS,
 * type AzureAD) auth server, so Outlook signs in with Entra ID tokens that Conditional Access
 * and MFA stand behind. HealthChecker does not check this (healthchecker-checks.md §2.6).
 */
import type { Control, Finding } from '../model.js';
import { fail, notApplicable, notAssessed, optional, pass, required } from '../outcomes.js';
import { missingKind } from './facts.js';

export const hybridModernAuth: Control = {
  id: 'EXZT.IDN.8',
  area: 'identity',
  title: 'Hybrid modern authentication is enabled',
  rationale:
    'Without OAuth from Entra ID, Outlook and mobile clients sign in to Exchange with a ' +
    'password (NTLM, Negotiate or Basic) that no Conditional Access policy or MFA prompt ever ' +
    'sees. Hybrid modern authentication moves every client sign-in to the identity provider ' +
    'that can verify it explicitly.',
  remediation: {
    text:
      'Run the Hybrid Configuration Wizard to create the evoSTS auth server, turn on OAuth ' +
      'for clients, and enable OAuth on the client virtual directories.',
    powershell:
      'Set-OrganizationConfig -OAuth2ClientProfileEnabled $true\n' +
      'Get-AuthServer | Where-Object Type -eq AzureAD | Set-AuthServer -Enabled $true',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { subject: ['exchange.organization-config'] },
  mappings: {
    cisV8: ['6.3', '6.7'],
    nist800207: ['T4', 'T6'],
    iso27001: ['A.8.5', 'A.5.23'],
    nist80053: ['IA-2(1)', 'IA-8'],
    disaStig: [],
    ztmm: [{ pillar: 'identity', function: 'Authentication' }],
  },
  policyKeys: ['identity.requireModernAuth'],
  evaluate(context) {
    if (!context.policy.identity.requireModernAuth) {
      return notApplicable('the policy does not require modern authentication');
    }

    const configFact = context.fact('exchange.organization-config');
    const config = required(configFact, 'exchange.organization-config');
    const findings: Finding[] = [];
    if (config.oauth2ClientProfileEnabled !== true) {
      findings.push({
        object: config.name,
        message: 'OAuth2ClientProfileEnabled is off: clients cannot use modern authentication',
        value: config.oauth2ClientProfileEnabled ?? null,
        evidence: configFact.provenance,
      });
    }

    const serversFact = context.fact('exchange.auth-servers');
    const servers = optional(serversFact);
    if (servers !== undefined && !servers.some((s) => s.enabled && s.type === 'AzureAD')) {
      findings.push({
        message: 'no enabled Entra ID (evoSTS, type AzureAD) auth server',
        value: servers.map(
          (s) => `${s.name} (${s.type ?? 'unknown'}, ${s.enabled ? 'enabled' : 'disabled'})`,
        ),
        evidence: serversFact.provenance,
      });
    }

    if (findings.length > 0) return fail('hybrid modern authentication is not in force', findings);
    if (servers === undefined) {
      return notAssessed('OAuth for clients is on; the auth servers could not be read', [
        missingKind('exchange.auth-servers', serversFact),
      ]);
    }
    return pass(
      'OAuth for clients is on with an enabled Entra ID auth server',
      configFact.provenance,
    );
  },
};
