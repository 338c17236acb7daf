/**
 * EXZT.END.2: no mobile device reaches mail without a decision. A device in the Unknown or
 * DeviceDiscovery state, or one let in only by the organisation-wide "Allow" default while the
 * policy wants unknown devices quarantined or blocked, was never explicitly trusted.
 */
import type { Control, Finding } from '../model.js';
import { itemEvidence } from '../item-evidence.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';
import { deviceLabel } from './mobile-device-owner.js';

/** DeviceAccessState values that mean Exchange has not decided (Get-MobileDevice). */
const UNDECIDED_STATES = new Set(['unknown', 'devicediscovery']);

export const mobileDeviceAccess: Control = {
  id: 'EXZT.END.2',
  area: 'endpoints',
  title: 'Every mobile device has an explicit access decision',
  rationale:
    'Zero Trust admits a device because a rule or an administrator approved it, not because ' +
    'nobody objected. Devices in an undecided state, or allowed only by the global default, hold ' +
    'mail without anyone having checked them.',
  remediation: {
    text:
      'Approve or block each undecided device (or create device access rules for its model), ' +
      'and set the ActiveSync default access level to Quarantine or Block (EXZT.END.6).',
    powershell:
      'Set-CASMailbox -Identity <user> -ActiveSyncAllowedDeviceIDs @{Add="<DeviceId>"}\n' +
      'Set-CASMailbox -Identity <user> -ActiveSyncBlockedDeviceIDs @{Add="<DeviceId>"}',
  },
  severity: 'medium',
  criticality: 'should',
  waivable: true,
  scope: 'organization',
  requires: { subject: ['mobile.devices'] },
  mappings: {
    cisV8: ['1.1', '4.1'],
    nist800207: ['T4', 'T6'],
    iso27001: ['A.8.1', 'A.5.15'],
    nist80053: ['AC-19', 'CM-8'],
    disaStig: [],
    ztmm: [{ pillar: 'devices', function: 'Resource Access' }],
  },
  policyKeys: ['endpoints.unknownDeviceAccess'],
  evaluate(context) {
    const fact = context.fact('mobile.devices');
    const devices = required(fact, 'mobile.devices');
    if (devices.length === 0) return notApplicable('no ActiveSync partnerships');

    const globalAllowIsPolicy = context.policy.endpoints.unknownDeviceAccess === 'allow';
    const findings: Finding[] = [];
    devices.forEach((device, index) => {
      const state = device.deviceAccessState ?? 'Unknown';
      const reason = device.deviceAccessStateReason ?? '';
      const undecided = UNDECIDED_STATES.has(state.toLowerCase());
      const byDefault = state === 'Allowed' && reason === 'Global' && !globalAllowIsPolicy;
      if (!undecided && !byDefault) return;

      const message = undecided
        ? `access state ${state}: no rule decided`
        : 'allowed only by the organisation-wide default';
      findings.push({
        object: deviceLabel(device),
        message,
        value: `${state}/${reason}`,
        evidence: itemEvidence(fact, index),
      });
    });
    if (findings.length > 0) {
      return fail(
        `${findings.length} of ${devices.length} devices have no explicit access decision`,
        findings,
      );
    }
    return pass(
      `all ${devices.length} devices were allowed, quarantined or blocked explicitly`,
      fact.provenance,
    );
  },
};
