/**
 * One Get-Mailbox object as Export-Clixml writes it from a remote Exchange session: Deserialized
 * type names shared through TN/TNRef, about 60 properties (strings, booleans, 64-bit sizes,
 * GUIDs, dates with offsets, enums, EmailAddresses as an LST of S, Nil, `_x000D__x000A_` in
 * Notes) and the remoting note properties in MS. Values vary with the index, deterministically.
 */

export const POWERSHELL_NAMESPACE = 'http://schemas.microsoft.com/powershell/2004/04';
export const EXPORT_HEADER = `<Objs Version="1.1.0.1" xmlns="${POWERSHELL_NAMESPACE}">\r\n`;
export const EXPORT_FOOTER = '</Objs>';

const MAILBOX_TYPES = [
  'Deserialized.Microsoft.Exchange.Data.Directory.Management.Mailbox',
  'Deserialized.Microsoft.Exchange.Data.Directory.Management.MailEnabledOrgPerson',
  'Deserialized.Microsoft.Exchange.Data.Directory.Management.MailEnabledRecipient',
  'Deserialized.Microsoft.Exchange.Data.Directory.ADPresentationObject',
  'Deserialized.Microsoft.Exchange.Data.Directory.ADObject',
  'Deserialized.System.Object',
];
const ENUM_TYPES = (name: string): string[] => [
  name,
  'System.Enum',
  'System.ValueType',
  'System.Object',
];
const LIST_TYPES = [
  'Deserialized.Microsoft.Exchange.Data.ProxyAddressCollection',
  'Deserialized.Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.ProxyAddress]]',
  'Deserialized.System.Object',
];

/** Type-name list ids, in the order the first object defines them. */
const TN = { mailbox: 0, recipientType: 1, addresses: 2, retention: 3 } as const;

const GIVEN_NAMES = [
  'Anna',
  'Bram',
  'Chloë',
  'Daan',
  'Emma',
  'Finn',
  'Zoë',
  'Jürgen',
  'Li',
  'Sofía',
];
const SURNAMES = ['de Vries', 'Jansen', 'Müller', 'Smith', 'Øster', 'García', 'Nowak', 'Bakker'];
const DATABASES = ['DB01', 'DB02', 'DB03', 'DB04', 'DB05', 'DB06'];
const RECIPIENT_TYPES: Array<[string, number]> = [
  ['UserMailbox', 1],
  ['SharedMailbox', 4],
  ['RoomMailbox', 16],
  ['EquipmentMailbox', 32],
];

/** The text of mailbox `index`; `refId` is the first object RefId it may use (it uses 4). */
export function mailboxXml(index: number, refId: number): string {
  const given = GIVEN_NAMES[index % GIVEN_NAMES.length]!;
  const surname = SURNAMES[(index >> 3) % SURNAMES.length]!;
  const alias = `${given}.${surname}`.toLowerCase().replace(/[^a-z.]/g, '') + index;
  const displayName = `${given} ${surname} (${index})`;
  const [typeName, typeValue] =
    RECIPIENT_TYPES[index % 4 === 3 ? index % RECIPIENT_TYPES.length : 0]!;
  const first = index === 0;

  return (
    `  <Obj RefId="${refId}">\r\n` +
    typeNamesXml('    ', TN.mailbox, MAILBOX_TYPES, first) +
    `    <ToString>${displayName}</ToString>\r\n` +
    '    <Props>\r\n' +
    identityProps(index, alias, displayName) +
    enumXml(
      'RecipientTypeDetails',
      refId + 1,
      TN.recipientType,
      typeName,
      `<I64>${typeValue}</I64>`,
      first,
    ) +
    addressesXml(alias, index, refId + 2, first) +
    quotaProps(index) +
    flagProps(index) +
    enumXml('RetentionPolicyState', refId + 3, TN.retention, 'Enabled', '<I32>1</I32>', first) +
    dateProps(index) +
    '    </Props>\r\n' +
    '    <MS>\r\n' +
    '      <S N="PSComputerName">ex01.contoso.com</S>\r\n' +
    `      <G N="RunspaceId">6f1c2a3e-6a4b-4c1d-9e0f-${hex12(7)}</G>\r\n` +
    '      <B N="PSShowComputerName">false</B>\r\n' +
    '    </MS>\r\n' +
    '  </Obj>\r\n'
  );
}

/** Object RefIds one mailbox takes. */
export const REF_IDS_PER_MAILBOX = 4;

function typeNamesXml(indent: string, id: number, names: string[], define: boolean): string {
  if (!define) return `${indent}<TNRef RefId="${id}" />\r\n`;

  const items = names.map((name) => `${indent}  <T>${name}</T>\r\n`).join('');
  return `${indent}<TN RefId="${id}">\r\n${items}${indent}</TN>\r\n`;
}

function enumXml(
  name: string,
  refId: number,
  tn: number,
  text: string,
  value: string,
  first: boolean,
): string {
  const typeName = `Deserialized.Microsoft.Exchange.Data.Directory.Recipient.${name}`;
  return (
    `      <Obj N="${name}" RefId="${refId}">\r\n` +
    typeNamesXml('        ', tn, ENUM_TYPES(typeName), first) +
    `        <ToString>${text}</ToString>\r\n        ${value}\r\n      </Obj>\r\n`
  );
}

function addressesXml(alias: string, index: number, refId: number, first: boolean): string {
  const addresses = [
    `SMTP:${alias}@contoso.com`,
    `smtp:${alias}@contoso.mail.onmicrosoft.com`,
    `X500:/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=${hex12(index)}-${alias}`,
  ];
  if (index % 3 === 0) addresses.push(`smtp:${alias}@fabrikam.com`);
  const items = addresses.map((address) => `          <S>${address}</S>\r\n`).join('');
  return (
    `      <Obj N="EmailAddresses" RefId="${refId}">\r\n` +
    typeNamesXml('        ', TN.addresses, LIST_TYPES, first) +
    `        <LST>\r\n${items}        </LST>\r\n      </Obj>\r\n`
  );
}

function identityProps(index: number, alias: string, displayName: string): string {
  const database = DATABASES[index % DATABASES.length]!;
  return props([
    ['S', 'Name', alias],
    ['S', 'Alias', alias],
    ['S', 'DisplayName', displayName],
    ['S', 'SamAccountName', alias.slice(0, 20)],
    ['S', 'UserPrincipalName', `${alias}@contoso.com`],
    ['S', 'PrimarySmtpAddress', `${alias}@contoso.com`],
    ['S', 'Identity', `contoso.com/Users/${displayName}`],
    ['S', 'DistinguishedName', `CN=${displayName},OU=Users,DC=contoso,DC=com`],
    ['S', 'Database', database],
    ['S', 'ServerName', `ex0${(index % 4) + 1}`],
    ['S', 'OrganizationalUnit', 'contoso.com/Users'],
    ['G', 'ExchangeGuid', `${hex8(index)}-0000-4000-8000-${hex12(index)}`],
    ['G', 'Guid', `${hex8(index ^ 0x5a5a)}-1111-4111-8111-${hex12(index * 7)}`],
    [
      'S',
      'LegacyExchangeDN',
      `/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=${alias}`,
    ],
    ['S', 'Notes', index % 5 === 0 ? `Moved from ${database}_x000D__x000A_ticket CHG${index}` : ''],
    ['Nil', 'ArchiveDatabase', ''],
    ['Nil', 'ArchiveGuid', ''],
    ['Nil', 'ForwardingAddress', ''],
    ['Nil', 'ForwardingSmtpAddress', ''],
    ['S', 'CustomAttribute1', index % 2 === 0 ? 'Staff' : ''],
    ['S', 'Office', `Building ${index % 9}`],
  ]);
}

function quotaProps(index: number): string {
  const used = 1_073_741_824n + BigInt(index) * 7_919n;
  return props([
    ['S', 'ProhibitSendQuota', '49 GB (52,613,349,376 bytes)'],
    ['S', 'ProhibitSendReceiveQuota', '50 GB (53,687,091,200 bytes)'],
    ['S', 'IssueWarningQuota', '48 GB (51,539,607,552 bytes)'],
    ['S', 'RecoverableItemsQuota', '30 GB (32,212,254,720 bytes)'],
    ['I64', 'TotalItemSizeBytes', String(used)],
    ['I64', 'TotalDeletedItemSizeBytes', String(used / 9n)],
    ['I32', 'ItemCount', String(index % 50_000)],
    ['I32', 'RetainDeletedItemsForDays', '14'],
    ['I32', 'MaxSendSizeKB', '35840'],
    ['I32', 'MaxReceiveSizeKB', '36864'],
    ['S', 'RetentionPolicy', 'Default MRM Policy'],
    ['Nil', 'AddressBookPolicy', ''],
  ]);
}

function flagProps(index: number): string {
  const flag = (bit: number): string => ((index >> bit) & 1 ? 'true' : 'false');
  return props([
    ['B', 'LitigationHoldEnabled', flag(4)],
    ['B', 'SingleItemRecoveryEnabled', 'true'],
    ['B', 'RetainDeletedItemsUntilBackup', 'false'],
    ['B', 'HiddenFromAddressListsEnabled', flag(5)],
    ['B', 'AuditEnabled', 'true'],
    ['B', 'MessageCopyForSentAsEnabled', 'false'],
    ['B', 'DeliverToMailboxAndForward', 'false'],
    ['B', 'IsShared', index % 4 === 3 ? 'true' : 'false'],
    ['B', 'IsResource', 'false'],
    ['B', 'EmailAddressPolicyEnabled', 'true'],
    ['B', 'UseDatabaseQuotaDefaults', flag(2)],
    ['B', 'UseDatabaseRetentionDefaults', 'true'],
    ['B', 'RequireSenderAuthenticationEnabled', 'false'],
    ['B', 'ModerationEnabled', 'false'],
    ['B', 'IsMailboxEnabled', 'true'],
  ]);
}

function dateProps(index: number): string {
  const created = Date.UTC(2015, 0, 1) + index * 3_600_000;
  return props([
    ['DT', 'WhenCreated', isoWithOffset(created, 60)],
    ['DT', 'WhenChanged', isoWithOffset(created + 86_400_000 * (index % 300), 120)],
    ['DT', 'WhenCreatedUTC', new Date(created).toISOString().replace('Z', '0000Z')],
    ['DT', 'WhenMailboxCreated', isoWithOffset(created + 60_000, 60)],
    ['S', 'ExchangeVersion', '0.20 (15.0.0.0)'],
    ['S', 'RecipientLimits', 'Unlimited'],
  ]);
}

function props(members: Array<[string, string, string]>): string {
  let text = '';
  for (const [tag, name, value] of members) {
    text +=
      tag === 'Nil'
        ? `      <Nil N="${name}" />\r\n`
        : `      <${tag} N="${name}">${value}</${tag}>\r\n`;
  }
  return text;
}

/** `o` format with a local offset, as PowerShell writes a Local-kind DateTime. */
function isoWithOffset(epochMs: number, offsetMinutes: number): string {
  const local = new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 23);
  const hours = String(Math.floor(offsetMinutes / 60)).padStart(2, '0');
  const minutes = String(offsetMinutes % 60).padStart(2, '0');
  return `${local}0000+${hours}:${minutes}`;
}

function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0').slice(-8);
}

function hex12(value: number): string {
  return Math.abs(value * 2_654_435_761)
    .toString(16)
    .padStart(12, '0')
    .slice(-12);
}
