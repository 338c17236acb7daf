/**
 * Contoso's client evidence: CAS mailboxes (240, three with IMAP4 for a scanner application),
 * ActiveSync partnerships (an outdated Android, a stale iPhone), the device policy and default
 * access level, client access rules for EAC and remote PowerShell, and the policy that blocks
 * legacy authentication.
 */
import { bool, dateTime, i32, str } from '../../src/evidence/clixml/writer-values.js';
import type { WritableObject } from '../../src/evidence/clixml/writer-values.js';
import { mailboxUser, mailboxUsers } from './mailbox-users.js';
import { enumOf, exchangeObject, exchangeTypes, stringList } from './shapes.js';
import { DOMAIN, stableGuid, type ContosoServer } from './servers.js';

/** Mailboxes a multifunction scanner's mail-in uses over IMAP4. */
const IMAP_MAILBOXES = [17, 58, 203];

const CAS_TYPES = exchangeTypes(
  'Microsoft.Exchange.Data.Directory.Management.CASMailbox',
  'Microsoft.Exchange.Data.Directory.Management.ADPresentationObject',
);

/** Get-CASMailbox -ResultSize Unlimited. */
export function casMailboxesExport(session: ContosoServer): WritableObject[] {
  return mailboxUsers().map((user, index) =>
    exchangeObject(CAS_TYPES, session, user.displayName, [
      ['Name', str(user.displayName)],
      ['PrimarySmtpAddress', str(user.address)],
      ['ActiveSyncEnabled', bool(true)],
      ['OWAEnabled', bool(true)],
      ['EwsEnabled', bool(true)],
      ['MAPIEnabled', bool(true)],
      ['MapiHttpEnabled', bool(true)],
      ['PopEnabled', bool(false)],
      ['ImapEnabled', bool(IMAP_MAILBOXES.includes(index))],
      ['Identity', str(`${DOMAIN}/Users/${user.displayName}`)],
    ]),
  );
}

interface Partnership {
  owner: number;
  type: string;
  model: string;
  os: string;
  state: 'Allowed' | 'Quarantined' | 'Blocked';
  reason: 'DeviceRule' | 'Individual' | 'Global' | 'Policy';
  firstSync: string;
  lastSuccessSync: string;
}

/** Owners are mailbox user indexes; the MDM export lists devices for the same people. */
const PARTNERSHIPS: Partnership[] = [
  {
    owner: 0,
    type: 'Outlook',
    model: 'iPhone 15 Pro',
    os: 'iOS 18.1 22B83',
    state: 'Allowed',
    reason: 'DeviceRule',
    firstSync: '2025-10-02T08:11:40Z',
    lastSuccessSync: '2026-11-30T07:58:12Z',
  },
  {
    owner: 21,
    type: 'Outlook',
    model: 'Galaxy S23',
    os: 'Android 14',
    state: 'Allowed',
    reason: 'DeviceRule',
    firstSync: '2025-06-17T12:40:03Z',
    lastSuccessSync: '2026-11-30T06:31:55Z',
  },
  {
    owner: 44,
    type: 'Outlook',
    model: 'Pixel 8',
    os: 'Android 15',
    state: 'Allowed',
    reason: 'DeviceRule',
    firstSync: '2026-01-09T09:02:17Z',
    lastSuccessSync: '2026-11-29T21:14:09Z',
  },
  {
    owner: 63,
    type: 'iPad',
    model: 'iPad Air',
    os: 'iPadOS 17.7 21H16',
    state: 'Allowed',
    reason: 'Individual',
    firstSync: '2025-11-23T15:20:48Z',
    lastSuccessSync: '2026-11-28T17:45:30Z',
  },
  {
    owner: 90,
    type: 'Outlook',
    model: 'iPhone 11',
    os: 'iOS 17.5 21F79',
    state: 'Allowed',
    reason: 'DeviceRule',
    firstSync: '2024-03-04T10:05:51Z',
    lastSuccessSync: '2026-06-14T16:22:03Z',
  },
  {
    owner: 131,
    type: 'SAMSUNGSMG973F',
    model: 'SM-G973F',
    os: 'Android 11',
    state: 'Quarantined',
    reason: 'Global',
    firstSync: '2026-11-27T19:48:26Z',
    lastSuccessSync: '2026-11-27T19:48:26Z',
  },
];

const DEVICE_TYPES = exchangeTypes(
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.MobileDevice',
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.ADConfigurationObject',
);
const ACCESS_STATES = { Allowed: 1, Blocked: 2, Quarantined: 3 } as const;
const ACCESS_REASONS = { Global: 1, Individual: 2, DeviceRule: 3, Policy: 4 } as const;

function partnership(session: ContosoServer, device: Partnership): WritableObject {
  const user = mailboxUser(device.owner);
  const deviceId = stableGuid(`device/${device.owner}/${device.model}`)
    .replace(/-/g, '')
    .slice(0, 32)
    .toUpperCase();
  const identity = `${DOMAIN}/Users/${user.displayName}/ExchangeActiveSyncDevices/${device.type}§${deviceId}`;
  const object = exchangeObject(DEVICE_TYPES, session, identity, [
    ['DeviceId', str(deviceId)],
    ['DeviceOS', str(device.os)],
    ['DeviceType', str(device.type)],
    ['DeviceModel', str(device.model)],
    [
      'DeviceAccessState',
      enumOf(
        'Microsoft.Exchange.Data.Directory.SystemConfiguration.DeviceAccessState',
        device.state,
        ACCESS_STATES[device.state],
      ),
    ],
    [
      'DeviceAccessStateReason',
      enumOf(
        'Microsoft.Exchange.Data.Directory.SystemConfiguration.DeviceAccessStateReason',
        device.reason,
        ACCESS_REASONS[device.reason],
      ),
    ],
    ['FirstSyncTime', dateTime(device.firstSync)],
    ['UserDisplayName', str(`${DOMAIN}/Users/${user.displayName}`)],
    ['Identity', str(identity)],
  ]);
  // The collector adds what Get-MobileDeviceStatistics and Get-Mailbox know.
  const notes = [
    { name: 'LastSuccessSync', value: dateTime(device.lastSuccessSync) },
    { name: 'UserPrincipalName', value: str(user.address) },
    { name: 'PrimarySmtpAddress', value: str(user.address) },
  ];
  return { ...object, extended: [...notes, ...object.extended] };
}

/** The collector's Get-MobileDevice with statistics and owner addresses. */
export function mobileDevicesExport(session: ContosoServer): WritableObject[] {
  return PARTNERSHIPS.map((device) => partnership(session, device));
}

const POLICY_TYPES = exchangeTypes(
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.MobileMailboxPolicy',
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.MailboxPolicy',
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.ADConfigurationObject',
);

/** Get-MobileDeviceMailboxPolicy: one default policy with a 6-digit, non-simple PIN and encryption. */
export function mobileDevicePoliciesExport(session: ContosoServer): WritableObject[] {
  return [
    exchangeObject(POLICY_TYPES, session, 'Default', [
      ['Name', str('Default')],
      ['IsDefault', bool(true)],
      ['PasswordEnabled', bool(true)],
      ['MinPasswordLength', i32(6)],
      ['AllowSimplePassword', bool(false)],
      ['AlphanumericPasswordRequired', bool(false)],
      ['RequireDeviceEncryption', bool(true)],
      ['AllowNonProvisionableDevices', bool(false)],
      ['MaxPasswordFailedAttempts', str('10')],
      ['Identity', str('Default')],
    ]),
  ];
}

/** Get-ActiveSyncOrganizationSettings: unknown devices are quarantined. */
export function activeSyncSettingsExport(session: ContosoServer): WritableObject[] {
  const types = exchangeTypes(
    'Microsoft.Exchange.Data.Directory.SystemConfiguration.ActiveSyncOrganizationSettings',
    'Microsoft.Exchange.Data.Directory.SystemConfiguration.ADConfigurationObject',
  );
  return [
    exchangeObject(types, session, 'Mobile Mailbox Settings', [
      ['Name', str('Mobile Mailbox Settings')],
      [
        'DefaultAccessLevel',
        enumOf(
          'Microsoft.Exchange.Data.Directory.SystemConfiguration.DeviceAccessLevel',
          'Quarantine',
          2,
        ),
      ],
      ['AdminMailRecipients', stringList([`mobile-admins@${DOMAIN}`])],
      ['Identity', str('Mobile Mailbox Settings')],
    ]),
  ];
}

const RULE_TYPES = exchangeTypes(
  'Microsoft.Exchange.MessagingPolicies.Rules.Tasks.ClientAccessRule',
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.ADConfigurationObject',
);

/** Get-ClientAccessRule: EAC and remote PowerShell from the admin network only. */
export function clientAccessRulesExport(session: ContosoServer): WritableObject[] {
  const protocols = stringList(['ExchangeAdminCenter', 'RemotePowerShell']);
  const rules: [string, number, string, string[]][] = [
    ['Allow admin network to EAC and PowerShell', 1, 'AllowAccess', ['10.10.0.0/24']],
    ['Block EAC and PowerShell elsewhere', 2, 'DenyAccess', []],
  ];
  return rules.map(([name, priority, action, ranges]) =>
    exchangeObject(RULE_TYPES, session, name, [
      ['Name', str(name)],
      ['Priority', i32(priority)],
      ['Enabled', bool(true)],
      [
        'Action',
        enumOf(
          'Microsoft.Exchange.Data.ClientAccessRules.ClientAccessRulesAction',
          action,
          action === 'AllowAccess' ? 0 : 1,
        ),
      ],
      ['AnyOfProtocols', protocols],
      ['AnyOfClientIPAddressesOrRanges', stringList(ranges)],
      ['ExceptAnyOfClientIPAddressesOrRanges', stringList([])],
      ['UsernameMatchesAnyOfPatterns', stringList([])],
      ['AnyOfAuthenticationTypes', stringList([])],
      ['Identity', str(name)],
    ]),
  );
}

const LEGACY_PROTOCOLS = [
  'ActiveSync',
  'Autodiscover',
  'Imap',
  'Mapi',
  'OfflineAddressBook',
  'Pop',
  'Rpc',
  'WebServices',
];

/** Get-AuthenticationPolicy: the organisation default blocks Basic on every protocol. */
export function authenticationPoliciesExport(session: ContosoServer): WritableObject[] {
  const types = exchangeTypes(
    'Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthPolicy',
    'Microsoft.Exchange.Data.Directory.SystemConfiguration.ADConfigurationObject',
  );
  return [
    exchangeObject(types, session, 'Block Legacy Auth', [
      ['Name', str('Block Legacy Auth')],
      ...LEGACY_PROTOCOLS.map((protocol): [string, ReturnType<typeof bool>] => [
        `BlockLegacyAuth${protocol}`,
        bool(true),
      ]),
      ['Identity', str('Block Legacy Auth')],
    ]),
  ];
}
