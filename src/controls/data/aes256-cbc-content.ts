/**
 * EXZT.DAT.9: the server can protect content with AES256-CBC (healthchecker-checks.md §13): a
 * build at or past Aug23SU and, where IRM licensing is on, NETWORK SERVICE holding full control
 * of HKLM\SOFTWARE\Microsoft\MSIPC\Server so the new mode can be used.
 */
import type { RegistryAccessRule } from '../../evidence/importers/msipc-server-acl.js';
import { isAtOrBeyondUpdate, parseExchangeVersion } from '../../knowledge/index.js';
import type { Control } from '../model.js';
import { fail, notApplicable, notAssessed, optional, pass, required } from '../outcomes.js';

const NETWORK_SERVICE_SID = 'S-1-5-20';

export const aes256CbcContent: Control = {
  id: 'EXZT.DAT.9',
  area: 'data',
  title: 'Protected content uses AES256-CBC',
  rationale:
    'Rights-protected mail and documents were encrypted with AES128-ECB, whose patterns leak ' +
    'content. From the August 2023 SU Exchange supports AES256-CBC, but only once the MSIPC key ' +
    'grants NETWORK SERVICE full control; until then protected content stays on the weak mode.',
  remediation: {
    text:
      'Install Aug23SU or later and run the ConfigureMsipcAppDataRegistryKey step Microsoft ' +
      'publishes (grant NETWORK SERVICE full control of the MSIPC Server key, inherited).',
    powershell:
      "$key = 'HKLM:\\SOFTWARE\\Microsoft\\MSIPC\\Server'; $acl = Get-Acl $key\n" +
      "$rule = New-Object Security.AccessControl.RegistryAccessRule('NT AUTHORITY\\NETWORK SERVICE', 'FullControl', 'ContainerInherit, ObjectInherit', 'None', 'Allow')\n" +
      '$acl.AddAccessRule($rule); Set-Acl $key $acl',
  },
  severity: 'medium',
  criticality: 'should',
  waivable: true,
  scope: 'server',
  requires: { subject: ['exchange.setup-version'], organization: ['exchange.irm-configuration'] },
  mappings: {
    cisV8: ['3.11'],
    nist800207: ['T2'],
    iso27001: ['A.8.24'],
    nist80053: ['SC-13', 'SC-28'],
    disaStig: [],
    ztmm: [{ pillar: 'data', function: 'Data Encryption' }],
  },
  policyKeys: [],
  evaluate(context) {
    const row = context.version();
    if (row?.isEdgeServer === true) return notApplicable('Edge servers hold no protected content');
    const version = row?.precision === 'build' ? parseExchangeVersion(row.build ?? '') : undefined;
    if (version === undefined)
      return notAssessed('the exact build is unknown', ['exchange.setup-version']);

    const buildEvidence = row?.evidence.build ?? [];
    if (!isAtOrBeyondUpdate(version, 'Aug23SU')) {
      const message = `${row?.build} predates Aug23SU, which brought AES256-CBC`;
      return fail('Not Supported Build', [
        { object: row?.name, message, value: row?.build, evidence: buildEvidence },
      ]);
    }
    const irmFact = context.organizationFact('exchange.irm-configuration');
    const irm = required(irmFact, 'exchange.irm-configuration');
    if (!irm.internalLicensingEnabled && !irm.externalLicensingEnabled) {
      return pass('the build supports AES256-CBC and IRM licensing is off', [
        ...buildEvidence,
        ...irmFact.provenance,
      ]);
    }

    const aclFact = context.fact('os.msipc-server-acl');
    const rules = optional(aclFact);
    if (rules === undefined)
      return notAssessed('IRM is on; the MSIPC key ACL decides', ['os.msipc-server-acl']);
    if (rules.some(grantsNetworkServiceFullControl)) {
      return pass(
        'NETWORK SERVICE controls the MSIPC key: AES256-CBC is in use',
        aclFact.provenance,
      );
    }

    const message = 'NETWORK SERVICE lacks inherited full control of MSIPC\\Server';
    return fail('protected content stays on AES128-ECB', [
      { object: 'HKLM\\SOFTWARE\\Microsoft\\MSIPC\\Server', message, evidence: aclFact.provenance },
    ]);
  },
};

function grantsNetworkServiceFullControl(rule: RegistryAccessRule): boolean {
  const inherits =
    rule.inheritanceFlags.includes('ContainerInherit') &&
    rule.inheritanceFlags.includes('ObjectInherit');
  return (
    rule.sid === NETWORK_SERVICE_SID &&
    rule.accessControlType === 'Allow' &&
    rule.registryRights.includes('FullControl') &&
    inherits
  );
}
