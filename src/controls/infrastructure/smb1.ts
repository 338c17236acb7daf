/**
 * EXZT.INF.9: SMB1 is neither installed nor accepted. Same two checks as HealthChecker's
 * "SMB1 Installed" and "SMB1 Blocked" (healthchecker-checks.md §7).
 */
import { findFeature } from '../../evidence/importers/windows-features.js';
import type { Control, Finding } from '../model.js';
import { fail, pass, required } from '../outcomes.js';

export const smb1Disabled: Control = {
  id: 'EXZT.INF.9',
  area: 'infrastructure',
  title: 'SMB1 is removed and refused',
  rationale:
    'SMB1 has no protection against downgrade and relay attacks and carried the EternalBlue ' +
    'worms. Exchange has not needed it since 2013; an installed or accepted SMB1 is an open ' +
    'door for lateral movement to the mail server.',
  remediation: {
    text: 'Refuse SMB1 on the server and remove the Windows feature, then restart.',
    powershell:
      'Set-SmbServerConfiguration -EnableSMB1Protocol $false -Force\n' +
      'Uninstall-WindowsFeature FS-SMB1',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'server',
  requires: { subject: ['os.smb-server-configuration', 'os.windows-features'] },
  mappings: {
    cisV8: ['4.8', '12.6'],
    nist800207: ['T2'],
    iso27001: ['A.8.9', 'A.8.20'],
    nist80053: ['CM-7', 'CM-6'],
    disaStig: [],
    ztmm: [{ pillar: 'networks', function: 'Traffic Encryption' }],
  },
  policyKeys: [],
  evaluate(context) {
    const smbFact = context.fact('os.smb-server-configuration');
    const featuresFact = context.fact('os.windows-features');
    const smb = required(smbFact, 'os.smb-server-configuration');
    const features = required(featuresFact, 'os.windows-features');
    const feature = findFeature(features, 'FS-SMB1');

    const findings: Finding[] = [];
    if (feature?.installed === true) {
      const evidence = featuresFact.provenance.slice(
        features.indexOf(feature),
        features.indexOf(feature) + 1,
      );
      findings.push({
        object: 'FS-SMB1',
        message: 'SMB1 feature installed',
        value: true,
        evidence,
      });
    }
    if (smb.enableSmb1Protocol) {
      findings.push({
        object: 'EnableSMB1Protocol',
        message: 'SMB server accepts SMB1',
        value: true,
        evidence: smbFact.provenance,
      });
    }
    if (findings.length > 0) return fail('SMB1 is available on the server', findings);

    return pass('SMB1 is not installed and the SMB server refuses it', smbFact.provenance);
  },
};
