/**
 * EXZT.END.3: ActiveSync partnerships that have not synced for longer than the policy allows are
 * removed. A forgotten partnership still authorises the device: lost or resold, it can resume
 * syncing the mailbox.
 */
import type { MobileDevice } from '../../evidence/importers/mobile-devices.js';
import type { Control, Finding } from '../model.js';
import { itemEvidence } from '../item-evidence.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';
import { daysBetween } from './device-os.js';
import { deviceLabel } from './mobile-device-owner.js';

export const staleMobileDevices: Control = {
  id: 'EXZT.END.3',
  area: 'endpoints',
  title: 'No stale mobile device partnerships',
  rationale:
    'A partnership stays valid after the device was lost, replaced or handed on. Removing ' +
    'partnerships that stopped syncing keeps the set of devices that can read mail equal to the ' +
    'devices people still use.',
  remediation: {
    text: 'Remove partnerships whose last successful sync is older than the policy allows.',
    powershell:
      '$cutoff = (Get-Date).AddDays(-30)\n' +
      'Get-MobileDevice -ResultSize Unlimited | Where-Object { ' +
      '(Get-MobileDeviceStatistics -Identity $_.Identity).LastSuccessSync -lt $cutoff } | ' +
      'Remove-MobileDevice -Confirm',
  },
  severity: 'low',
  criticality: 'should',
  waivable: true,
  scope: 'organization',
  requires: { subject: ['mobile.devices'] },
  mappings: {
    cisV8: ['1.1', '5.3'],
    nist800207: ['T1', 'T5'],
    iso27001: ['A.5.9', 'A.8.1'],
    nist80053: ['CM-8', 'AC-2'],
    disaStig: [],
    ztmm: [{ pillar: 'devices', function: 'Asset & Supply Chain Risk Management' }],
  },
  policyKeys: ['endpoints.maxDaysSinceSync'],
  evaluate(context) {
    const fact = context.fact('mobile.devices');
    const devices = required(fact, 'mobile.devices');
    if (devices.length === 0) return notApplicable('no ActiveSync partnerships');

    const maxDays = context.policy.endpoints.maxDaysSinceSync;
    const findings: Finding[] = [];
    devices.forEach((device, index) => {
      const lastSync = lastSyncOf(device);
      const days = daysBetween(lastSync, context.asOf);
      if (days !== undefined && days <= maxDays) return;

      const message =
        days === undefined
          ? 'no sync time recorded'
          : `last synced ${days} days ago (policy allows ${maxDays})`;
      findings.push({
        object: deviceLabel(device),
        message,
        value: lastSync,
        evidence: itemEvidence(fact, index),
      });
    });
    if (findings.length > 0) {
      return fail(`${findings.length} of ${devices.length} partnerships are stale`, findings);
    }
    return pass(`all ${devices.length} devices synced within ${maxDays} days`, fact.provenance);
  },
};

/** The last successful sync, else the first sync of a device that never succeeded since. */
function lastSyncOf(device: MobileDevice): string | undefined {
  return device.lastSuccessSync ?? device.firstSyncTime;
}
