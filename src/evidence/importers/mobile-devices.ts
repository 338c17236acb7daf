/**
 * mobile.devices: Get-MobileDevice, one ActiveSync partnership per object, with the collector's
 * note properties LastSuccessSync (Get-MobileDeviceStatistics) and the owner's UserPrincipalName
 * and PrimarySmtpAddress (Get-Mailbox), which Get-MobileDevice itself does not carry.
 */
import type { CliDocument } from '../clixml/model.js';
import { member } from '../clixml/index.js';
import type { ImportedValue } from '../kinds/kind.js';
import { assignDefined } from './read.js';
import { identityText, importObjectList, isoDateOf, textOf } from './object-list.js';

export interface MobileDevice {
  /** "contoso.com/Users/Ann/ExchangeActiveSyncDevices/iPhone§F1E2…" */
  identity: string;
  deviceId?: string;
  /** As the device reports it: "iOS 17.5 21F79", "Android 14". */
  deviceOs?: string;
  deviceType?: string;
  deviceModel?: string;
  /** Allowed, Blocked, Quarantined, DeviceDiscovery or Unknown. */
  deviceAccessState?: string;
  /** Global, Individual, Policy, DeviceRule, Upgrade, Compliance, … */
  deviceAccessStateReason?: string;
  firstSyncTime?: string;
  lastSyncAttemptTime?: string;
  lastSuccessSync?: string;
  userDisplayName?: string;
  userPrincipalName?: string;
  primarySmtpAddress?: string;
}

const TEXT_MEMBERS = [
  ['deviceId', 'DeviceId'],
  ['deviceOs', 'DeviceOS'],
  ['deviceType', 'DeviceType'],
  ['deviceModel', 'DeviceModel'],
  ['deviceAccessState', 'DeviceAccessState'],
  ['deviceAccessStateReason', 'DeviceAccessStateReason'],
  ['userDisplayName', 'UserDisplayName'],
  ['userPrincipalName', 'UserPrincipalName'],
  ['primarySmtpAddress', 'PrimarySmtpAddress'],
] as const;

const DATE_MEMBERS = [
  ['firstSyncTime', 'FirstSyncTime'],
  ['lastSyncAttemptTime', 'LastSyncAttemptTime'],
  ['lastSuccessSync', 'LastSuccessSync'],
] as const;

export function importMobileDevices(document: CliDocument): ImportedValue<MobileDevice[]> {
  return importObjectList(
    document,
    {
      typeSuffix: 'MobileDevice',
      expected: 'a MobileDevice object with an Identity (Get-MobileDevice)',
    },
    (object) => {
      const identity = identityText(member(object, 'Identity'));
      if (identity === undefined) return undefined;

      const device: MobileDevice = { identity };
      for (const [key, name] of TEXT_MEMBERS) {
        assignDefined(device, key, textOf(member(object, name)));
      }
      for (const [key, name] of DATE_MEMBERS) {
        assignDefined(device, key, isoDateOf(member(object, name)));
      }
      return device;
    },
  );
}
