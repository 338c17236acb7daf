/**
 * EXZT.INF.6: Windows is not waiting for a restart. Updates that wait for a restart are not in
 * force. Pending file renames alone are left out: many products leave them behind and they say
 * nothing about an update (HealthChecker counts them, healthchecker-checks.md §7).
 */
import type { Control } from '../model.js';
import { fail, pass, required } from '../outcomes.js';

/** The registry locations that mean an update waits for a restart, by flag. */
const UPDATE_LOCATIONS = {
  componentBasedServicing:
    'HKLM:\\Software\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending',
  autoUpdate:
    'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired',
  updateExeVolatile: 'HKLM:\\Software\\Microsoft\\Updates\\UpdateExeVolatile\\Flags',
  ccmRebootPending: 'SCCM client CCM_ClientUtilities.DetermineIfRebootPending',
} as const;

export const noPendingReboot: Control = {
  id: 'EXZT.INF.6',
  area: 'infrastructure',
  title: 'No update is waiting for a restart',
  rationale:
    'An installed Windows or Exchange update that waits for a restart leaves the old, vulnerable ' +
    'files loaded. Reports then show the server as patched while it is not.',
  remediation: {
    text: 'Restart the server in the next maintenance window, after moving its active databases.',
    powershell:
      'Set-ServerComponentState $env:COMPUTERNAME -Component ServerWideOffline -State Inactive ' +
      '-Requester Maintenance\nRestart-Computer -Confirm',
  },
  severity: 'medium',
  criticality: 'should',
  waivable: true,
  scope: 'server',
  requires: { subject: ['os.reboot-pending'] },
  mappings: {
    cisV8: ['7.3', '7.4'],
    nist800207: ['T5'],
    iso27001: ['A.8.8'],
    nist80053: ['SI-2'],
    disaStig: [],
    ztmm: [{ pillar: 'devices', function: 'Policy Enforcement & Compliance Monitoring' }],
  },
  policyKeys: [],
  evaluate(context) {
    const fact = context.fact('os.reboot-pending');
    const pending = required(fact, 'os.reboot-pending');
    const locations = (Object.keys(UPDATE_LOCATIONS) as (keyof typeof UPDATE_LOCATIONS)[])
      .filter((flag) => pending[flag])
      .map((flag) => UPDATE_LOCATIONS[flag]);
    if (locations.length === 0) {
      const renames = pending.pendingFileRenameOperations ? ' (only file renames pending)' : '';
      return pass(`no update waits for a restart${renames}`, fact.provenance);
    }

    return fail(
      `${context.subject.subject.name} waits for a restart`,
      locations.map((location) => ({
        object: location,
        message: 'restart pending',
        evidence: fact.provenance,
      })),
    );
  },
};
