/**
 * os.bitlocker-volumes: Get-BitLockerVolume on the server (bundle-only: HealthChecker does not
 * collect it). VolumeStatus, ProtectionStatus and EncryptionMethod are enums, read by name.
 */
import type { CliDocument, CliObject } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import { asString, member } from '../clixml/index.js';
import { objectAnchor, objectsOf, shapeError } from './read.js';

export interface BitLockerVolume {
  /** "C:", or a volume GUID path for volumes mounted in a folder. */
  mountPoint: string;
  /** FullyEncrypted, FullyDecrypted, EncryptionInProgress, DecryptionInProgress, … */
  volumeStatus: string;
  /** On, Off, Unknown. */
  protectionStatus: string;
  /** XtsAes256, XtsAes128, Aes256, Aes128, None, … */
  encryptionMethod: string;
  /** OperatingSystem, FixedData, Data. */
  volumeType?: string;
}

const EXPECTED =
  'a BitLockerVolume object with MountPoint, VolumeStatus and ProtectionStatus (Get-BitLockerVolume)';

export function importBitLockerVolumes(document: CliDocument): ImportedValue<BitLockerVolume[]> {
  const volumes: BitLockerVolume[] = [];
  const anchors: FactAnchor[] = [];
  for (const { object, index } of objectsOf(document)) {
    volumes.push(readVolume(document, object));
    anchors.push(objectAnchor(object, index));
  }

  return { value: volumes, anchors };
}

function readVolume(document: CliDocument, object: CliObject): BitLockerVolume {
  const mountPoint = asString(member(object, 'MountPoint'));
  const volumeStatus = asString(member(object, 'VolumeStatus'));
  const protectionStatus = asString(member(object, 'ProtectionStatus'));
  if (!mountPoint || volumeStatus === undefined || protectionStatus === undefined) {
    throw shapeError(document, object, EXPECTED);
  }

  const volume: BitLockerVolume = {
    mountPoint,
    volumeStatus,
    protectionStatus,
    encryptionMethod: asString(member(object, 'EncryptionMethod')) ?? 'None',
  };
  const volumeType = asString(member(object, 'VolumeType'));
  if (volumeType !== undefined) volume.volumeType = volumeType;
  return volume;
}
