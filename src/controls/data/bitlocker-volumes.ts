/**
 * EXZT.DAT.10: every fixed volume of the server (system, databases, logs, transport queue) is
 * fully encrypted with BitLocker and protection is on, when the policy requires encryption at
 * rest. A stolen disk or snapshot then yields no mailbox data.
 */
import type { BitLockerVolume } from '../../evidence/importers/bitlocker-volumes.js';
import type { Control, Finding } from '../model.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';

// TODO(#3): every listed volume must be encrypted; mapping volumes to database, log and queue
// paths (Get-MailboxDatabase EdbFilePath) would let removable or unrelated volumes pass.

export const bitLockerVolumes: Control = {
  id: 'EXZT.DAT.10',
  area: 'data',
  title: 'Exchange volumes are encrypted at rest with BitLocker',
  rationale:
    'Mailbox databases, transaction logs and the transport queue hold every message in the clear ' +
    'on disk. Backups, decommissioned disks and virtual machine snapshots leave the building; ' +
    'without volume encryption whoever holds them reads the mail.',
  remediation: {
    text:
      'Enable BitLocker with XTS-AES 256 on every fixed volume, with a TPM protector for the system ' +
      'volume and auto-unlock for data volumes; escrow the recovery passwords.',
    powershell:
      "Enable-BitLocker -MountPoint 'D:' -EncryptionMethod XtsAes256 -RecoveryPasswordProtector\n" +
      "Enable-BitLockerAutoUnlock -MountPoint 'D:'",
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'server',
  requires: { subject: ['os.bitlocker-volumes'] },
  mappings: {
    cisV8: ['3.11'],
    nist800207: ['T1'],
    iso27001: ['A.8.24'],
    nist80053: ['SC-28', 'SC-28(1)'],
    disaStig: [],
    ztmm: [{ pillar: 'data', function: 'Data Encryption' }],
  },
  policyKeys: ['data.encryptionAtRest'],
  evaluate(context) {
    if (context.policy.data.encryptionAtRest !== 'required') {
      return notApplicable('the policy does not require encryption at rest');
    }
    const fact = context.fact('os.bitlocker-volumes');
    const volumes = required(fact, 'os.bitlocker-volumes');
    if (volumes.length === 0) return notApplicable('Get-BitLockerVolume listed no volume');

    const findings = volumes.flatMap((volume, index): Finding[] => {
      const problem = problemOf(volume);
      const entry = fact.provenance[index];
      return problem === undefined
        ? []
        : [
            {
              object: volume.mountPoint,
              message: problem,
              value: volume.volumeStatus,
              evidence: entry === undefined ? [] : [entry],
            },
          ];
    });
    if (findings.length > 0)
      return fail(`${findings.length} volume(s) not protected by BitLocker`, findings);

    return pass(`${volumes.length} volume(s) fully encrypted with protection on`, fact.provenance);
  },
};

function problemOf(volume: BitLockerVolume): string | undefined {
  if (volume.volumeStatus !== 'FullyEncrypted') return `volume is ${volume.volumeStatus}`;
  if (volume.protectionStatus !== 'On')
    return `protection is ${volume.protectionStatus} (suspended or no protector)`;
  if (volume.encryptionMethod === 'None') return 'no encryption method';
  return undefined;
}
