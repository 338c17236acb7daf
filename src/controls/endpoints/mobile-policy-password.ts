/**
 * EXZT.END.4: every mobile device mailbox policy requires a device password of at least the
 * policy's length and refuses simple ones (CIS Exchange 2019 benchmark §3: password required,
 * minimum length, no simple passwords).
 */
import type { MobileDevicePolicy } from '../../evidence/importers/mobile-device-policies.js';
import type { EndpointsPolicy } from '../../policy/model.js';
import type { Control, Finding } from '../model.js';
import { itemEvidence } from '../item-evidence.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';

export const mobilePolicyPassword: Control = {
  id: 'EXZT.END.4',
  area: 'endpoints',
  title: 'Mobile device policies require a strong device password',
  rationale:
    'Without a device password anyone holding the phone reads the mailbox on it. ' +
    'Short or simple passwords (1111, 1234) are guessed within the allowed attempts.',
  remediation: {
    text: 'Require a password of the policy length and forbid simple passwords in every policy.',
    powershell:
      'Get-MobileDeviceMailboxPolicy | Set-MobileDeviceMailboxPolicy -PasswordEnabled $true ' +
      '-MinPasswordLength 6 -AllowSimplePassword $false',
  },
  severity: 'medium',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { subject: ['exchange.mobile-device-policies'] },
  mappings: {
    cisV8: ['4.1'],
    nist800207: ['T6'],
    iso27001: ['A.8.1', 'A.5.17'],
    nist80053: ['AC-19', 'IA-5'],
    disaStig: [],
    ztmm: [{ pillar: 'devices', function: 'Policy Enforcement & Compliance Monitoring' }],
  },
  policyKeys: ['endpoints.requireDevicePassword', 'endpoints.minimumPasswordLength'],
  evaluate(context) {
    const endpoints = context.policy.endpoints;
    if (!endpoints.requireDevicePassword)
      return notApplicable('the policy does not require device passwords');
    const fact = context.fact('exchange.mobile-device-policies');
    const policies = required(fact, 'exchange.mobile-device-policies');
    if (policies.length === 0) return notApplicable('no mobile device mailbox policies');

    const findings: Finding[] = policies.flatMap((policy, index) =>
      passwordGaps(policy, endpoints).map((message) => ({
        object: policy.name,
        message,
        evidence: itemEvidence(fact, index),
      })),
    );
    if (findings.length > 0) return fail('device passwords are not enforced everywhere', findings);
    return pass(
      `${policies.length} policies require a password of ${endpoints.minimumPasswordLength}+ characters`,
      fact.provenance,
    );
  },
};

function passwordGaps(policy: MobileDevicePolicy, endpoints: EndpointsPolicy): string[] {
  if (policy.passwordEnabled !== true) return ['device password not required'];

  const gaps: string[] = [];
  const length = policy.minPasswordLength ?? 0;
  if (length < endpoints.minimumPasswordLength) {
    gaps.push(
      `minimum length ${length || 'not set'} (policy requires ${endpoints.minimumPasswordLength})`,
    );
  }
  if (policy.allowSimplePassword !== false) gaps.push('simple passwords allowed');
  return gaps;
}
