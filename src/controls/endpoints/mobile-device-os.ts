/**
 * EXZT.END.1: every device holding a mailbox through ActiveSync runs an OS at or above the
 * policy's minimum for its platform. Old mobile OS releases stop getting security fixes while
 * the mail on them stays readable.
 */
import type { Control, Finding } from '../model.js';
import { itemEvidence } from '../item-evidence.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';
import { osShortfall, parseDeviceOs } from './device-os.js';
import { deviceLabel } from './mobile-device-owner.js';

export const mobileDeviceOs: Control = {
  id: 'EXZT.END.1',
  area: 'endpoints',
  title: 'Mobile devices run a supported OS version',
  rationale:
    'A phone that syncs mail keeps a copy of the mailbox. Once its OS falls behind, known ' +
    'exploits against the device expose that copy, and Exchange cannot tell the difference.',
  remediation: {
    text:
      'Have the owners update their devices, or block the ones that cannot be updated with a ' +
      'device access rule; enforce minimum versions in the MDM or through conditional access.',
    powershell:
      'New-ActiveSyncDeviceAccessRule -QueryString "iOS 16.7.10 20H350" ' +
      '-Characteristic DeviceOS -AccessLevel Block',
  },
  severity: 'medium',
  criticality: 'should',
  waivable: true,
  scope: 'organization',
  requires: { subject: ['mobile.devices'] },
  mappings: {
    cisV8: ['2.2', '7.3'],
    nist800207: ['T5'],
    iso27001: ['A.8.1', 'A.8.8'],
    nist80053: ['AC-19', 'SI-2'],
    disaStig: [],
    ztmm: [{ pillar: 'devices', function: 'Policy Enforcement & Compliance Monitoring' }],
  },
  policyKeys: ['endpoints.minimumOs'],
  evaluate(context) {
    const fact = context.fact('mobile.devices');
    const devices = required(fact, 'mobile.devices');
    if (devices.length === 0) return notApplicable('no ActiveSync partnerships');

    const minimumOs = context.policy.endpoints.minimumOs;
    const findings: Finding[] = [];
    devices.forEach((device, index) => {
      const osText = device.deviceOs ?? '';
      const shortfall = osShortfall(parseDeviceOs(osText), minimumOs, osText);
      if (shortfall === undefined) return;

      findings.push({
        object: deviceLabel(device),
        message: shortfall,
        value: device.deviceOs,
        evidence: itemEvidence(fact, index),
      });
    });
    if (findings.length > 0) {
      return fail(
        `${findings.length} of ${devices.length} devices run an OS below the policy`,
        findings,
      );
    }
    return pass(`${devices.length} devices meet the minimum OS versions`, fact.provenance);
  },
};
