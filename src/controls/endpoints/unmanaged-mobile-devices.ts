/**
 * EXZT.END.8: every device that syncs mail belongs to someone the MDM manages a device for.
 * A partnership whose owner has no device in the MDM export is a mailbox copy on an unmanaged
 * device, outside every endpoint check.
 */
import type { MdmDevice } from '../../evidence/importers/mdm-devices.js';
import type { Control, Finding } from '../model.js';
import { itemEvidence } from '../item-evidence.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';
import { deviceLabel, ownerKeys } from './mobile-device-owner.js';

// TODO(#3): matched by owner, not by device: a managed laptop makes its owner's unmanaged phone
// look covered. Correlating the EAS DeviceId with the MDM's Exchange ActiveSync ID column would
// close that, once an export carrying it is at hand.

/** States in which a device does not receive mail, so it holds nothing to manage. */
const DENIED_STATES = new Set(['blocked', 'quarantined']);

export const unmanagedMobileDevices: Control = {
  id: 'EXZT.END.8',
  area: 'endpoints',
  title: 'Devices that sync mail are known to the MDM',
  rationale:
    'Endpoint policy only reaches the devices the MDM manages. A phone that syncs mail while its ' +
    'owner has no managed device escapes encryption, OS and jailbreak checks entirely.',
  remediation: {
    text:
      'Enrol the listed devices in the MDM or block them; require managed, compliant devices ' +
      'for ActiveSync (device access rules, or conditional access with hybrid modern auth).',
    powershell: 'Set-CASMailbox -Identity <user> -ActiveSyncBlockedDeviceIDs @{Add="<DeviceId>"}',
  },
  severity: 'medium',
  criticality: 'should',
  waivable: true,
  scope: 'organization',
  requires: { subject: ['mobile.devices', 'inventory.mdm-devices'] },
  mappings: {
    cisV8: ['1.1', '2.1'],
    nist800207: ['T1', 'T5'],
    iso27001: ['A.5.9', 'A.8.1'],
    nist80053: ['CM-8', 'AC-19'],
    disaStig: [],
    ztmm: [{ pillar: 'devices', function: 'Asset & Supply Chain Risk Management' }],
  },
  policyKeys: [],
  evaluate(context) {
    const fact = context.fact('mobile.devices');
    const devices = required(fact, 'mobile.devices');
    const managedUsers = usersOf(
      required(context.fact('inventory.mdm-devices'), 'inventory.mdm-devices'),
    );
    const syncing = devices.filter(
      (d) => !DENIED_STATES.has((d.deviceAccessState ?? '').toLowerCase()),
    );
    if (syncing.length === 0) return notApplicable('no device is allowed to sync mail');

    const findings: Finding[] = [];
    devices.forEach((device, index) => {
      if (DENIED_STATES.has((device.deviceAccessState ?? '').toLowerCase())) return;
      const keys = ownerKeys(device);
      if (keys.some((key) => managedUsers.has(key))) return;

      const message =
        keys.length === 0
          ? 'owner has no UPN or address in the export'
          : 'owner has no device in the MDM';
      findings.push({ object: deviceLabel(device), message, evidence: itemEvidence(fact, index) });
    });
    if (findings.length > 0) {
      return fail(
        `${findings.length} of ${syncing.length} syncing devices are not managed`,
        findings,
      );
    }
    return pass(
      `the owners of all ${syncing.length} syncing devices have managed devices`,
      fact.provenance,
    );
  },
};

function usersOf(devices: readonly MdmDevice[]): Set<string> {
  return new Set(
    devices
      .flatMap((device) => [device.primaryUser, device.primaryUserEmail])
      .filter((user): user is string => user !== undefined)
      .map((user) => user.toLowerCase()),
  );
}
