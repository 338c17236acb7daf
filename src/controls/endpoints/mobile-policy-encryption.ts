/**
 * EXZT.END.5: every mobile device mailbox policy requires device encryption and refuses devices
 * that cannot apply the policy (CIS Exchange 2019 benchmark §3: device encryption, no
 * non-provisionable devices).
 */
import type { MobileDevicePolicy } from '../../evidence/importers/mobile-device-policies.js';
import type { Control, Finding } from '../model.js';
import { itemEvidence } from '../item-evidence.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';

export const mobilePolicyEncryption: Control = {
  id: 'EXZT.END.5',
  area: 'endpoints',
  title: 'Mobile device policies require encryption and provisionable devices',
  rationale:
    'Mail on an unencrypted device is readable from its storage without the password. A device ' +
    'that cannot apply the policy ignores every other setting in it, so letting such devices ' +
    'sync makes the policy optional.',
  remediation: {
    text: 'Require device encryption and refuse non-provisionable devices in every policy.',
    powershell:
      'Get-MobileDeviceMailboxPolicy | Set-MobileDeviceMailboxPolicy ' +
      '-RequireDeviceEncryption $true -AllowNonProvisionableDevices $false',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { subject: ['exchange.mobile-device-policies'] },
  mappings: {
    cisV8: ['3.11', '4.1'],
    nist800207: ['T5'],
    iso27001: ['A.8.1', 'A.8.24'],
    nist80053: ['AC-19', 'SC-28'],
    disaStig: [],
    ztmm: [
      { pillar: 'devices', function: 'Policy Enforcement & Compliance Monitoring' },
      { pillar: 'data', function: 'Data Encryption' },
    ],
  },
  policyKeys: ['endpoints.requireEncryption'],
  evaluate(context) {
    if (!context.policy.endpoints.requireEncryption) {
      return notApplicable('the policy does not require device encryption');
    }
    const fact = context.fact('exchange.mobile-device-policies');
    const policies = required(fact, 'exchange.mobile-device-policies');
    if (policies.length === 0) return notApplicable('no mobile device mailbox policies');

    const findings: Finding[] = policies.flatMap((policy, index) =>
      encryptionGaps(policy).map((message) => ({
        object: policy.name,
        message,
        evidence: itemEvidence(fact, index),
      })),
    );
    if (findings.length > 0) return fail('device encryption is not enforced everywhere', findings);
    return pass(
      `${policies.length} policies require encryption on provisionable devices`,
      fact.provenance,
    );
  },
};

function encryptionGaps(policy: MobileDevicePolicy): string[] {
  const gaps: string[] = [];
  if (policy.requireDeviceEncryption !== true) gaps.push('device encryption not required');
  if (policy.allowNonProvisionableDevices !== false) gaps.push('non-provisionable devices allowed');
  return gaps;
}
