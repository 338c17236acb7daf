/**
 * EXZT.INF.10: the server sends and accepts only NTLMv2 (LmCompatibilityLevel 5). HealthChecker
 * only displays the value (healthchecker-checks.md §7); exzt holds it to the level Microsoft's
 * security baselines set. The value lives in the registry: bundle kind os.lsa-settings.
 */
import type { Control } from '../model.js';
import { fail, pass, required } from '../outcomes.js';

/** Windows behaves as level 3 when the value is unset. */
const DEFAULT_LEVEL = 3;
const REQUIRED_LEVEL = 5;

const LEVELS: Readonly<Record<number, string>> = {
  0: 'sends LM and NTLM',
  1: 'sends LM and NTLM, NTLMv2 session security if negotiated',
  2: 'sends NTLM only',
  3: 'sends NTLMv2 only',
  4: 'sends NTLMv2 only, refuses LM',
  5: 'sends NTLMv2 only, refuses LM and NTLM',
};

export const ntlmV2Only: Control = {
  id: 'EXZT.INF.10',
  area: 'infrastructure',
  title: 'LAN Manager authentication accepts NTLMv2 only',
  rationale:
    'LM and NTLMv1 responses can be cracked or relayed in minutes, and an Exchange server that ' +
    'still accepts them lets a captured hash of any mailbox user or administrator be replayed ' +
    'against it.',
  remediation: {
    text: 'Set LmCompatibilityLevel to 5 (by Group Policy: "Network security: LAN Manager authentication level").',
    powershell:
      "Set-ItemProperty 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Lsa' -Name LmCompatibilityLevel -Value 5 -Type DWord",
  },
  severity: 'medium',
  criticality: 'should',
  waivable: true,
  scope: 'server',
  requires: { subject: ['os.lsa-settings'] },
  mappings: {
    cisV8: ['12.6', '4.1'],
    nist800207: ['T6'],
    iso27001: ['A.8.5'],
    nist80053: ['IA-2', 'SC-8'],
    disaStig: [],
    ztmm: [{ pillar: 'identity', function: 'Authentication' }],
  },
  policyKeys: [],
  evaluate(context) {
    const fact = context.fact('os.lsa-settings');
    const lsa = required(fact, 'os.lsa-settings');
    const level = lsa.lmCompatibilityLevel ?? DEFAULT_LEVEL;
    const meaning = LEVELS[level] ?? 'not a defined level';
    const source = lsa.lmCompatibilityLevel === undefined ? ' (unset, Windows default)' : '';
    if (level === REQUIRED_LEVEL)
      return pass(`LmCompatibilityLevel 5: ${meaning}`, fact.provenance);

    const message = `LmCompatibilityLevel ${level}${source}: ${meaning}`;
    return fail(`the server does not refuse LM and NTLMv1`, [
      { object: 'LmCompatibilityLevel', message, value: level, evidence: fact.provenance },
    ]);
  },
};
