/**
 * EXZT.INF.11: Credential Guard is off. Microsoft does not support Exchange with Credential
 * Guard, which breaks its NTLM and Kerberos use; HealthChecker reports it in red
 * (healthchecker-checks.md §7). Evidence: LsaCfgFlags and Win32_DeviceGuard.
 */
import type { Control, Finding } from '../model.js';
import { fail, pass, required } from '../outcomes.js';

/** Win32_DeviceGuard.SecurityServicesRunning value for Credential Guard. */
const CREDENTIAL_GUARD_SERVICE = 1;

export const credentialGuardOff: Control = {
  id: 'EXZT.INF.11',
  area: 'infrastructure',
  title: 'Credential Guard is not enabled on the Exchange server',
  rationale:
    'Exchange is not supported with Credential Guard: it blocks the NTLM and Kerberos ' +
    'delegation Exchange relies on, which leads to authentication failures and unsupported ' +
    'workarounds. Keep the protection for admin workstations, not the mail server.',
  remediation: {
    text: 'Turn Credential Guard off by Group Policy (Device Guard) and clear LsaCfgFlags, then restart.',
    powershell:
      "Set-ItemProperty 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Lsa' -Name LsaCfgFlags -Value 0 -Type DWord",
  },
  severity: 'medium',
  criticality: 'should',
  waivable: true,
  scope: 'server',
  requires: { subject: ['os.lsa-settings', 'os.device-guard'] },
  mappings: {
    cisV8: ['4.1', '16.7'],
    nist800207: ['T5'],
    iso27001: ['A.8.9'],
    nist80053: ['CM-6'],
    disaStig: [],
    ztmm: [{ pillar: 'devices', function: 'Policy Enforcement & Compliance Monitoring' }],
  },
  policyKeys: [],
  evaluate(context) {
    const lsaFact = context.fact('os.lsa-settings');
    const guardFact = context.fact('os.device-guard');
    const lsa = required(lsaFact, 'os.lsa-settings');
    const guard = required(guardFact, 'os.device-guard');

    const findings: Finding[] = [];
    if ((lsa.lsaCfgFlags ?? 0) !== 0) {
      const message = 'LsaCfgFlags turns Credential Guard on';
      findings.push({
        object: 'LsaCfgFlags',
        message,
        value: lsa.lsaCfgFlags,
        evidence: lsaFact.provenance,
      });
    }
    if (guard.securityServicesRunning.includes(CREDENTIAL_GUARD_SERVICE)) {
      const message = 'Credential Guard is running';
      const value = guard.securityServicesRunning;
      findings.push({
        object: 'SecurityServicesRunning',
        message,
        value,
        evidence: guardFact.provenance,
      });
    }
    if (findings.length > 0) return fail('Credential Guard is enabled', findings);

    return pass('Credential Guard is neither configured nor running', guardFact.provenance);
  },
};
