/**
 * EXZT.APP.7: authentication policies block legacy (Basic) authentication for every protocol:
 * the organisation's DefaultAuthenticationPolicy names a policy with all eight on-premises
 * BlockLegacyAuth* switches on, and no other policy turns one back off for its users.
 */
import {
  LEGACY_AUTH_PROTOCOLS,
  type AuthenticationPolicy,
} from '../../evidence/importers/authentication-policies.js';
import type { Provenance } from '../../evidence/model.js';
import type { Control, Finding } from '../model.js';
import { itemEvidence } from '../item-evidence.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';

// TODO(#3): per-user assignments (Get-User AuthenticationPolicy) are not collected, so a weaker
// policy counts as a finding whether or not anyone holds it; Exchange 2016, which has no
// authentication policies, fails here instead of being pointed at per-vdir Basic settings.
export const legacyAuthBlocked: Control = {
  id: 'EXZT.APP.7',
  area: 'apps',
  title: 'Authentication policies block legacy authentication',
  rationale:
    'Basic authentication sends the password with every request and cannot ask for a second ' +
    'factor, so one phished or sprayed password opens the mailbox. Authentication policies ' +
    'refuse it before the request reaches the protocol.',
  remediation: {
    text:
      'Create a policy that blocks legacy authentication for every protocol, make it the ' +
      'organisation default, and turn the switches on in any other policy (Exchange 2019 CU2+).',
    powershell:
      'New-AuthenticationPolicy -Name "Block legacy auth" -BlockLegacyAuthActiveSync ' +
      '-BlockLegacyAuthAutodiscover -BlockLegacyAuthImap -BlockLegacyAuthMapi ' +
      '-BlockLegacyAuthOfflineAddressBook -BlockLegacyAuthPop -BlockLegacyAuthRpc ' +
      '-BlockLegacyAuthWebServices\n' +
      'Set-OrganizationConfig -DefaultAuthenticationPolicy "Block legacy auth"',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { subject: ['exchange.organization-config', 'exchange.authentication-policies'] },
  mappings: {
    cisV8: ['6.3', '6.7'],
    nist800207: ['T6'],
    iso27001: ['A.8.5', 'A.5.17'],
    nist80053: ['IA-2', 'IA-5'],
    disaStig: [],
    ztmm: [{ pillar: 'identity', function: 'Authentication' }],
  },
  policyKeys: ['apps.basicAuth'],
  evaluate(context) {
    if (context.policy.apps.basicAuth === 'allow')
      return notApplicable('the policy allows Basic authentication');
    const configFact = context.fact('exchange.organization-config');
    const config = required(configFact, 'exchange.organization-config');
    const policiesFact = context.fact('exchange.authentication-policies');
    const policies = required(policiesFact, 'exchange.authentication-policies');

    const findings = defaultPolicyFindings(
      config.defaultAuthenticationPolicy,
      policies,
      configFact.provenance,
    );
    policies.forEach((policy, index) => {
      const open = openProtocols(policy);
      if (open.length === 0 || policy.name === config.defaultAuthenticationPolicy) return;
      findings.push({
        object: policy.name,
        message: `allows legacy auth for ${open.join(', ')}`,
        evidence: itemEvidence(policiesFact, index),
      });
    });
    if (findings.length > 0)
      return fail('legacy authentication is not blocked everywhere', findings);
    return pass(
      `"${config.defaultAuthenticationPolicy}" and every other policy block legacy authentication`,
      [...configFact.provenance, ...policiesFact.provenance],
    );
  },
};

function defaultPolicyFindings(
  name: string | undefined,
  policies: readonly AuthenticationPolicy[],
  evidence: Provenance[],
): Finding[] {
  if (name === undefined) {
    return [
      {
        object: 'DefaultAuthenticationPolicy',
        message: 'not set: users without a policy may use legacy auth',
        evidence,
      },
    ];
  }
  const policy = policies.find((p) => p.name.toLowerCase() === name.toLowerCase());
  if (policy === undefined) {
    return [{ object: name, message: 'the default policy is not in the export', evidence }];
  }

  const open = openProtocols(policy);
  return open.length === 0
    ? []
    : [
        {
          object: name,
          message: `default policy allows legacy auth for ${open.join(', ')}`,
          evidence,
        },
      ];
}

function openProtocols(policy: AuthenticationPolicy): string[] {
  return LEGACY_AUTH_PROTOCOLS.filter((protocol) => !policy.blockLegacyAuth[protocol]);
}
