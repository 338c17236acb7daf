/**
 * EXZT.END.6: what ActiveSync does with a device no rule knows is at least as strict as the
 * policy's unknownDeviceAccess (Get-ActiveSyncOrganizationSettings DefaultAccessLevel).
 */
import type { Control } from '../model.js';
import { fail, pass, required } from '../outcomes.js';

/** Allow < Quarantine < Block. */
const STRICTNESS: Readonly<Record<string, number>> = { allow: 0, quarantine: 1, block: 2 };

export const activeSyncDefaultAccess: Control = {
  id: 'EXZT.END.6',
  area: 'endpoints',
  title: 'ActiveSync quarantines or blocks unknown devices',
  rationale:
    "With the default access level at Allow, any device with a user's password starts syncing " +
    'that mailbox. Quarantine makes an administrator approve each new device before it gets mail.',
  remediation: {
    text: 'Set the organisation default access level to the policy value (Quarantine or Block).',
    powershell: 'Set-ActiveSyncOrganizationSettings -DefaultAccessLevel Quarantine',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { subject: ['exchange.activesync-organization-settings'] },
  mappings: {
    cisV8: ['4.1', '6.7'],
    nist800207: ['T4', 'T6'],
    iso27001: ['A.8.1', 'A.5.15'],
    nist80053: ['AC-19', 'AC-3'],
    disaStig: [],
    ztmm: [{ pillar: 'devices', function: 'Resource Access' }],
  },
  policyKeys: ['endpoints.unknownDeviceAccess'],
  evaluate(context) {
    const fact = context.fact('exchange.activesync-organization-settings');
    const settings = required(fact, 'exchange.activesync-organization-settings');
    const wanted = context.policy.endpoints.unknownDeviceAccess;
    const actual = settings.defaultAccessLevel;

    const strictness = STRICTNESS[actual.toLowerCase()];
    if (strictness === undefined || strictness < (STRICTNESS[wanted] ?? 0)) {
      return fail(`unknown devices get ${actual}; the policy wants ${wanted}`, [
        {
          object: settings.name,
          message: `DefaultAccessLevel ${actual} (policy: ${wanted})`,
          value: actual,
          evidence: fact.provenance,
        },
      ]);
    }
    return pass(`unknown devices get ${actual} (policy: ${wanted})`, fact.provenance);
  },
};
