/**
 * EXZT.INF.1: the newest Security Update for the server's CU is installed, active, and was not
 * left waiting longer than the policy allows. Unpatched Exchange servers are how ProxyLogon,
 * ProxyShell and ProxyNotShell got in.
 */
import type { Control } from '../model.js';
import { fail, notApplicable, notAssessed, pass } from '../outcomes.js';

export const latestSecurityUpdate: Control = {
  id: 'EXZT.INF.1',
  area: 'infrastructure',
  title: 'The latest Security Update is installed and active',
  rationale:
    'Every Exchange remote-code-execution wave since 2021 hit servers that were one or more ' +
    'Security Updates behind. An SU installed but not yet activated by a restart leaves the old, ' +
    'vulnerable code running.',
  remediation: {
    text:
      "Install the latest SU for the server's CU (or move to a supported CU first), then restart " +
      'the server so the updated files are loaded.',
    powershell:
      '# On the server, after installing the SU package from the Microsoft Update Catalog:\n' +
      'Restart-Computer -ComputerName $env:COMPUTERNAME -Confirm',
  },
  severity: 'critical',
  criticality: 'must',
  waivable: true,
  scope: 'server',
  requires: { subject: ['exchange.setup-version'] },
  policyKeys: ['infrastructure.exchange.maxSuAgeDays'],
  mappings: {
    cisV8: ['7.3', '7.4'],
    nist800207: ['T5'],
    iso27001: ['A.8.8'],
    nist80053: ['SI-2', 'RA-5'],
    disaStig: [],
    ztmm: [{ pillar: 'devices', function: 'Asset & Supply Chain Risk Management' }],
  },
  evaluate(context) {
    const row = context.version();
    if (row === undefined || row.precision !== 'build') {
      return notAssessed('the exact build is unknown', ['exchange.setup-version']);
    }
    if (row.endOfLife === true) {
      return notApplicable(`${row.productName ?? 'the product'} gets no more SUs; see EXZT.INF.3`);
    }

    const findings = [];
    const evidence = row.evidence.build;
    const allowedDays = context.policy.infrastructure.exchange.maxSuAgeDays;
    if ((row.suBehind ?? 0) > 0 && (row.daysSinceMissingSu ?? 0) > allowedDays) {
      const latest = row.latestSu.forCu;
      const message = `${row.suBehind} SU(s) behind; ${latest?.name ?? 'the latest SU'} released ${row.daysSinceMissingSu} days ago (policy allows ${allowedDays})`;
      findings.push({ object: row.name, message, value: row.build, evidence });
    }
    if (row.reboot.suActivation === 'restart-needed') {
      findings.push({
        object: row.name,
        message: row.reboot.suActivationReason,
        value: row.su,
        evidence: row.evidence.installedUpdates,
      });
    }
    if (findings.length > 0) return fail(`${row.name} is not on an active latest SU`, findings);

    const within =
      (row.suBehind ?? 0) > 0
        ? ` (the newest is ${row.daysSinceMissingSu} days old, within ${allowedDays})`
        : '';
    return pass(`${row.cu} ${row.su ?? 'without SU'} is current${within}`, evidence);
  },
};
