/**
 * EXZT.IDN.10: EAC (/ecp) and remote PowerShell were used only from the admin networks and
 * within admin hours, as the logs show — the policy in practice, not on paper.
 */
import type { Control } from '../model.js';
import { fail, pass, required } from '../outcomes.js';
import { usageFindings } from '../log-usage-findings.js';

export const adminAccessInPractice: Control = {
  id: 'EXZT.IDN.10',
  area: 'identity',
  title: 'Admin endpoints are used only from the admin networks, within admin hours',
  rationale:
    'Verify explicitly: administration from an ordinary client network or at 3 a.m. is what a ' +
    'stolen admin session looks like. The logs show who used EAC and remote PowerShell, from ' +
    'where and when.',
  remediation: {
    text:
      'Ask each listed admin about the access; restrict /ecp and /powershell to the admin ' +
      'networks (client access rules, IIS IP restrictions, a firewall) and require a privileged ' +
      'access workstation.',
    powershell:
      "New-ClientAccessRule -Name 'EAC and PowerShell from admin network only' -Action DenyAccess " +
      '-AnyOfProtocols ExchangeAdminCenter,RemotePowerShell -ExceptAnyOfClientIPAddressesOrRanges 10.10.0.0/24',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { organization: ['logs.admin-access'] },
  policyKeys: ['apps.adminFrom', 'admin.hours'],
  mappings: {
    cisV8: ['5.4', '12.8', '6.5'],
    nist800207: ['T3', 'T6'],
    iso27001: ['A.8.2', 'A.8.16', 'A.8.18'],
    nist80053: ['AC-6(5)', 'AC-17', 'AU-6'],
    disaStig: [],
    ztmm: [
      { pillar: 'identity', function: 'Access Management' },
      { pillar: 'networks', function: 'Network Segmentation' },
    ],
  },
  evaluate(context) {
    const fact = context.fact('logs.admin-access');
    const uses = required(fact, 'logs.admin-access');
    if (uses.length === 0) {
      return pass(
        'no EAC or remote PowerShell use outside the admin networks or hours',
        fact.provenance,
      );
    }
    const requests = uses.reduce((sum, use) => sum + use.count, 0);
    return fail(
      `${requests} admin requests from outside the admin networks or hours`,
      usageFindings(fact, uses),
    );
  },
};
