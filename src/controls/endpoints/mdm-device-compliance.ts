/**
 * EXZT.END.7: the devices the MDM manages meet the policy: OS at or above the minimum, storage
 * encrypted, not jailbroken or rooted, compliant in the MDM, and checked in recently.
 */
import type { MdmDevice } from '../../evidence/importers/mdm-devices.js';
import type { EndpointsPolicy } from '../../policy/model.js';
import type { Control, Finding } from '../model.js';
import { itemEvidence } from '../item-evidence.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';
import { daysBetween, osShortfall, parseDeviceOs } from './device-os.js';

export const mdmDeviceCompliance: Control = {
  id: 'EXZT.END.7',
  area: 'endpoints',
  title: 'Managed devices meet the endpoint policy',
  rationale:
    'The MDM knows what Exchange cannot see: whether a laptop or phone is encrypted, rooted or ' +
    'out of compliance. Each such device that holds mail is a copy of the mailbox outside the ' +
    'policy.',
  remediation: {
    text:
      'Bring each listed device into compliance (update, encrypt, re-enrol) or retire it in the ' +
      'MDM; require a compliant device in conditional access for mail.',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { subject: ['inventory.mdm-devices'] },
  mappings: {
    cisV8: ['1.1', '3.11', '4.1'],
    nist800207: ['T5', 'T7'],
    iso27001: ['A.8.1', 'A.8.24'],
    nist80053: ['CM-8', 'AC-19', 'SC-28'],
    disaStig: [],
    ztmm: [
      { pillar: 'devices', function: 'Policy Enforcement & Compliance Monitoring' },
      { pillar: 'devices', function: 'Device Threat Protection' },
    ],
  },
  policyKeys: [
    'endpoints.minimumOs',
    'endpoints.requireEncryption',
    'endpoints.blockJailbroken',
    'endpoints.maxDaysSinceSync',
  ],
  evaluate(context) {
    const fact = context.fact('inventory.mdm-devices');
    const devices = required(fact, 'inventory.mdm-devices');
    if (devices.length === 0) return notApplicable('the MDM export lists no devices');

    const findings: Finding[] = [];
    devices.forEach((device, index) => {
      const gaps = complianceGaps(device, context.policy.endpoints, context.asOf);
      if (gaps.length === 0) return;

      const object = `${device.deviceName} (${device.primaryUser ?? device.primaryUserEmail ?? 'no user'})`;
      findings.push({ object, message: gaps.join('; '), evidence: itemEvidence(fact, index) });
    });
    if (findings.length > 0) {
      return fail(
        `${findings.length} of ${devices.length} managed devices fall short of the policy`,
        findings,
      );
    }
    return pass(`all ${devices.length} managed devices meet the policy`, fact.provenance);
  },
};

function complianceGaps(device: MdmDevice, policy: EndpointsPolicy, asOf: string): string[] {
  const gaps: string[] = [];
  const os = parseDeviceOs(device.os, device.osVersion);
  const osText = `${device.os} ${device.osVersion ?? ''}`.trim();
  const shortfall = osShortfall(os, policy.minimumOs, osText);
  if (shortfall !== undefined) gaps.push(shortfall);
  if (policy.requireEncryption && device.encrypted !== true) {
    gaps.push(device.encrypted === false ? 'not encrypted' : 'encryption not reported');
  }
  if (policy.blockJailbroken && device.jailbroken === true) gaps.push('jailbroken or rooted');
  if (device.compliance !== undefined && !/^compliant$/i.test(device.compliance)) {
    gaps.push(`MDM compliance: ${device.compliance}`);
  }

  const days = daysBetween(device.lastCheckIn, asOf);
  if (days !== undefined && days > policy.maxDaysSinceSync) {
    gaps.push(`last check-in ${days} days ago (policy allows ${policy.maxDaysSinceSync})`);
  }
  return gaps;
}
