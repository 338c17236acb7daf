/**
 * Get-CASMailbox and Get-MobileDevice objects as a remote Exchange session writes them, with the
 * member set of Exchange 2019 (about 80 members each), so the benchmark reads files of a real
 * organisation's size. A mailbox's settings follow from its number, so the data is the same on
 * every run and the controls find some POP/IMAP mailboxes, blocked and stale devices.
 */
import {
  bool,
  dateTime,
  enumValue,
  guid,
  list,
  nil,
  obj,
  str,
} from '../../src/evidence/clixml/writer-values.js';
import type { WritableNode, WritableObject } from '../../src/evidence/clixml/writer-values.js';
import {
  deserialized,
  enumTypes,
  remotingMembers,
  STRING_LIST_TYPES,
} from '../../scripts/contoso/remoting.js';
import { DOMAIN, stableGuid } from '../../scripts/contoso/servers.js';

type Members = [string, WritableNode][];

const AD_TYPES = [
  'Microsoft.Exchange.Data.Directory.ADObject',
  'Microsoft.Exchange.Data.Directory.ADRawEntry',
  'Microsoft.Exchange.Data.ConfigurableObject',
  'System.Object',
];
const CAS_MAILBOX_TYPES = deserialized([
  'Microsoft.Exchange.Data.Directory.Management.CASMailbox',
  'Microsoft.Exchange.Data.Directory.Management.ADPresentationObject',
  ...AD_TYPES,
]);
const MOBILE_DEVICE_TYPES = deserialized([
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.MobileDevice',
  ...AD_TYPES,
]);
const PROXY_LIST_TYPES = deserialized([
  'Microsoft.Exchange.Data.ProxyAddressCollection',
  'Microsoft.Exchange.Data.ProxyAddressBaseCollection`1[[Microsoft.Exchange.Data.ProxyAddress, Microsoft.Exchange.Data, Version=15.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35]]',
  'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.ProxyAddress, Microsoft.Exchange.Data, Version=15.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35]]',
  'Microsoft.Exchange.Data.MultiValuedPropertyBase',
  'System.Object',
]);
const MIME_FORMAT = enumTypes('Microsoft.Exchange.Data.Directory.Management.MimeTextFormat');
const USERS_OU = `${DOMAIN}/Users`;
const USERS_DN = 'CN=Users,DC=contoso,DC=com';
export const MAILBOX_SERVER_COUNT = 200;

export function mailboxServerName(index: number): string {
  return `EX${String(index + 1).padStart(3, '0')}`;
}

function userName(index: number): string {
  return `User${String(index).padStart(6, '0')}`;
}

function objectMembers(name: string, dn: string, category: string, classes: string[]): Members {
  return [
    ['IsValid', bool(true)],
    ['ExchangeVersion', str('0.20 (15.0.0.0)')],
    ['Name', str(name)],
    ['DistinguishedName', str(dn)],
    ['Guid', guid(stableGuid(`bench/${dn}`))],
    ['ObjectCategory', str(`${DOMAIN}/Configuration/Schema/${category}`)],
    ['ObjectClass', list(STRING_LIST_TYPES, classes.map(str))],
    ['WhenChanged', dateTime('2026-10-02T08:15:31+00:00')],
    ['WhenCreated', dateTime('2021-03-15T10:02:11+00:00')],
    ['WhenChangedUTC', dateTime('2026-10-02T08:15:31Z')],
    ['WhenCreatedUTC', dateTime('2021-03-15T10:02:11Z')],
    ['OrganizationId', str('')],
    ['OriginatingServer', str(`dc01.${DOMAIN}`)],
    ['ObjectState', str('Unchanged')],
  ];
}

function protocolMembers(index: number): Members {
  // One mailbox in 250 still has POP3 and one in 400 IMAP4 (a line-of-business reader).
  const pop = index % 250 === 7;
  const imap = index % 400 === 11;
  const mime = (flag: boolean): Members => [
    ['MessagesRetrievalMimeFormat', enumValue(MIME_FORMAT, 'BestBodyFormat', 4)],
    ['EnableExactRFC822Size', bool(false)],
    ['ProtocolLoggingEnabled', bool(false)],
    ['SuppressReadReceipt', bool(false)],
    ['ForceICalForCalendarRetrievalOption', bool(flag)],
  ];
  return [
    ['PopEnabled', bool(pop)],
    ['PopUseProtocolDefaults', bool(true)],
    ...mime(false).map(([name, value]): [string, WritableNode] => [`Pop${name}`, value]),
    ['ImapEnabled', bool(imap)],
    ['ImapUseProtocolDefaults', bool(true)],
    ...mime(false).map(([name, value]): [string, WritableNode] => [`Imap${name}`, value]),
    ['MAPIEnabled', bool(true)],
    ['MapiHttpEnabled', index % 1000 === 3 ? bool(false) : nil()],
    ['MAPIBlockOutlookNonCachedMode', bool(false)],
    ['MAPIBlockOutlookVersions', str('')],
    ['MAPIBlockOutlookRpcHttp', bool(false)],
    ['MAPIBlockOutlookExternalConnectivity', bool(false)],
    ['EwsEnabled', nil()],
    ['EwsAllowOutlook', nil()],
    ['EwsAllowMacOutlook', nil()],
    ['EwsAllowEntourage', nil()],
    ['EwsApplicationAccessPolicy', nil()],
    ['EwsAllowList', nil()],
    ['EwsBlockList', nil()],
  ];
}

/** One Get-CASMailbox object: mailbox `index` of the organisation (0-based). */
export function casMailbox(index: number, runspaceId: string): WritableObject {
  const name = userName(index);
  const smtp = `${name.toLowerCase()}@${DOMAIN}`;
  const dn = `CN=${name},${USERS_DN}`;
  const server = mailboxServerName(index % MAILBOX_SERVER_COUNT);
  return obj(CAS_MAILBOX_TYPES, {
    toStringText: name,
    props: [
      [
        'EmailAddresses',
        list(PROXY_LIST_TYPES, [str(`SMTP:${smtp}`), str(`smtp:${name}@corp.${DOMAIN}`)]),
      ],
      [
        'LegacyExchangeDN',
        str(
          `/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=${name.toLowerCase()}`,
        ),
      ],
      ['LinkedMasterAccount', str('')],
      ['PrimarySmtpAddress', str(smtp)],
      ['SamAccountName', str(name)],
      [
        'ServerLegacyDN',
        str(
          `/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn=${server}`,
        ),
      ],
      ['ServerName', str(server.toLowerCase())],
      ['DisplayName', str(`User ${index}`)],
      ['ActiveSyncAllowedDeviceIDs', list(STRING_LIST_TYPES, [])],
      ['ActiveSyncBlockedDeviceIDs', list(STRING_LIST_TYPES, [])],
      ['ActiveSyncMailboxPolicy', str('Default')],
      ['ActiveSyncMailboxPolicyIsDefaulted', bool(true)],
      ['ActiveSyncDebugLogging', bool(false)],
      ['ActiveSyncEnabled', bool(true)],
      ['HasActiveSyncDevicePartnership', bool(index % 2 === 0)],
      ['ActiveSyncSuppressReadReceipt', bool(false)],
      ['OwaMailboxPolicy', nil()],
      ['OWAforDevicesEnabled', bool(true)],
      ['ECPEnabled', bool(true)],
      ...protocolMembers(index),
      ['ShowGalAsDefaultView', bool(true)],
      ['SmtpClientAuthenticationDisabled', nil()],
      ['UniversalOutlookEnabled', bool(true)],
      ['OutlookMobileEnabled', bool(true)],
      ['MacOutlookEnabled', bool(true)],
      ['PublicFolderClientAccess', bool(false)],
      ['ResetAutoBlockedDevices', bool(false)],
      ['IsOptimizedForAccessibility', bool(false)],
      ['OWAEnabled', bool(true)],
      ['Identity', str(`${USERS_OU}/${name}`)],
      ['Id', str(`${USERS_OU}/${name}`)],
      ...objectMembers(name, dn, 'Person', ['top', 'person', 'organizationalPerson', 'user']),
    ],
    ms: remotingMembers(`${mailboxServerName(0).toLowerCase()}.${DOMAIN}`, runspaceId, false),
  });
}

const DEVICE_MODELS = [
  ['iPhone', 'iPhone15C2', 'iOS 17.5.1 21F90', 'Apple-iPhone15C2/2105.90'],
  ['iPhone', 'iPhone12C1', 'iOS 15.8 19H370', 'Apple-iPhone12C1/1908.370'],
  ['Android', 'SM-S918B', 'Android 14.0.0', 'Android-SAMSUNG-SM-S918B/101.140'],
  ['Android', 'Pixel 6', 'Android 12.0.0', 'Android-Google-Pixel6/101.120'],
  [
    'Outlook',
    'Outlook for iOS and Android',
    'Outlook for iOS and Android 4.2438.0',
    'Outlook-iOS-Android/1.0',
  ],
] as const;

/** One device in 10 has not synchronised since spring: a stale partnership. */
function lastSync(index: number): string {
  return index % 10 === 4 ? '2026-04-02T06:40:00Z' : '2026-11-29T07:12:45Z';
}

function deviceAccess(index: number): Members {
  const blocked = index % 50 === 9;
  return [
    ['DeviceAccessState', str(blocked ? 'Blocked' : 'Allowed')],
    ['DeviceAccessStateReason', str(blocked ? 'Individual' : 'Global')],
    ['DeviceAccessControlRule', nil()],
  ];
}

/** One Get-MobileDevice object with the collector's notes; device `index` belongs to mailbox 2×index. */
export function mobileDevice(index: number, runspaceId: string): WritableObject {
  const owner = userName(index * 2);
  const [deviceType, model, os, userAgent] =
    DEVICE_MODELS[index % DEVICE_MODELS.length] ?? DEVICE_MODELS[0];
  const deviceId = stableGuid(`bench/device/${index}`).replaceAll('-', '').toUpperCase();
  const name = `${deviceType}§${deviceId}`;
  const identity = `${USERS_OU}/${owner}/ExchangeActiveSyncDevices/${name}`;
  const dn = `CN=${name},CN=ExchangeActiveSyncDevices,CN=${owner},${USERS_DN}`;
  return obj(MOBILE_DEVICE_TYPES, {
    toStringText: identity,
    props: [
      ['FriendlyName', str(`${owner}'s ${deviceType}`)],
      ['DeviceId', str(deviceId)],
      ['DeviceImei', str('')],
      ['DeviceMobileOperator', str('')],
      ['DeviceOS', str(os)],
      ['DeviceOSLanguage', str('en-GB')],
      ['DeviceTelephoneNumber', str('')],
      ['DeviceType', str(deviceType)],
      ['DeviceUserAgent', str(userAgent)],
      ['DeviceModel', str(model)],
      ['FirstSyncTime', dateTime('2025-06-11T09:30:12Z')],
      ['LastSyncAttemptTime', dateTime(lastSync(index))],
      ['UserDisplayName', str(`${USERS_OU}/${owner}`)],
      ...deviceAccess(index),
      ['ClientVersion', str('16.1')],
      ['ClientType', str('EAS')],
      ['IsManaged', bool(false)],
      ['IsCompliant', bool(false)],
      ['IsDisabled', bool(false)],
      ['Identity', str(identity)],
      ['Id', str(identity)],
      ...objectMembers(name, dn, 'ms-Exch-Active-Sync-Device', ['top', 'msExchActiveSyncDevice']),
    ],
    ms: [
      ...remotingMembers(`${mailboxServerName(0).toLowerCase()}.${DOMAIN}`, runspaceId, false),
      ['LastSuccessSync', dateTime(lastSync(index))],
      ['UserPrincipalName', str(`${owner.toLowerCase()}@${DOMAIN}`)],
      ['PrimarySmtpAddress', str(`${owner.toLowerCase()}@${DOMAIN}`)],
    ],
  });
}
