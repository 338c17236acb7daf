/**
 * Which properties of which kinds hold names: the table redaction (src/redact/) collects the
 * organisation's user, host and domain names and certificate thumbprints from, before it
 * replaces them wherever they occur. Kept as data beside the kinds, so a new kind's names are
 * added here next to its registry entry. E-mail and IP addresses need no entry: they are found
 * by their shape in every string; DNS names of the organisation's domains too.
 */

/** user: account, display and alias names; host: server and device names or FQDNs; domain: DNS domains. */
export type SensitiveClass = 'user' | 'host' | 'domain' | 'thumbprint';

export interface SensitiveProperty {
  /** Kind id, or `*` for a member name that means the same in every kind. */
  kind: string;
  /** Member name, case-insensitive (Export-Clixml keeps .NET's names). */
  member: string;
  holds: SensitiveClass;
  /** Only when another member of the same object has this text (RoleAssigneeType = User). */
  when?: { member: string; equals: string };
}

const ANY = '*';

export const SENSITIVE_PROPERTIES: readonly SensitiveProperty[] = [
  // Any kind: members whose name says what they hold.
  { kind: ANY, member: 'Fqdn', holds: 'host' },
  { kind: ANY, member: 'Server', holds: 'host' },
  { kind: ANY, member: 'ServerName', holds: 'host' },
  { kind: ANY, member: 'PSComputerName', holds: 'host' },
  { kind: ANY, member: 'ComputerName', holds: 'host' },
  { kind: ANY, member: 'MachineName', holds: 'host' },
  { kind: ANY, member: 'DNSHostName', holds: 'host' },
  { kind: ANY, member: 'CSName', holds: 'host' },
  { kind: ANY, member: 'OriginatingServer', holds: 'host' },
  { kind: ANY, member: 'SourceTransportServers', holds: 'host' },
  { kind: ANY, member: 'SmartHosts', holds: 'host' },
  { kind: ANY, member: 'OnPremisesSmartHost', holds: 'host' },
  { kind: ANY, member: 'MasterServerOrAvailabilityGroup', holds: 'host' },
  { kind: ANY, member: 'DomainName', holds: 'domain' },
  { kind: ANY, member: 'DNSDomain', holds: 'domain' },
  { kind: ANY, member: 'Domains', holds: 'domain' },
  { kind: ANY, member: 'SamAccountName', holds: 'user' },
  { kind: ANY, member: 'UserPrincipalName', holds: 'user' },
  { kind: ANY, member: 'Alias', holds: 'user' },
  { kind: ANY, member: 'Thumbprint', holds: 'thumbprint' },
  { kind: ANY, member: 'CertificateThumbprint', holds: 'thumbprint' },
  { kind: ANY, member: 'CurrentCertificateThumbprint', holds: 'thumbprint' },
  { kind: ANY, member: 'PreviousCertificateThumbprint', holds: 'thumbprint' },
  { kind: ANY, member: 'NextCertificateThumbprint', holds: 'thumbprint' },
  // Kinds whose Name or DisplayName is a server, the organisation or a person.
  { kind: 'exchange.server', member: 'Name', holds: 'host' },
  { kind: 'exchange.organization-config', member: 'Name', holds: 'host' },
  { kind: 'hardware.computer-system', member: 'Name', holds: 'host' },
  { kind: 'hardware.computer-system', member: 'Domain', holds: 'domain' },
  { kind: 'exchange.role-group-members', member: 'Name', holds: 'user' },
  { kind: 'exchange.cas-mailboxes', member: 'Name', holds: 'user' },
  { kind: 'exchange.cas-mailboxes', member: 'DisplayName', holds: 'user' },
  { kind: 'exchange.cas-mailboxes', member: 'Identity', holds: 'user' },
  { kind: 'mobile.devices', member: 'UserDisplayName', holds: 'user' },
  {
    kind: 'exchange.role-assignments',
    member: 'RoleAssigneeName',
    holds: 'user',
    when: { member: 'RoleAssigneeType', equals: 'User' },
  },
  {
    kind: 'exchange.role-assignments',
    member: 'User',
    holds: 'user',
    when: { member: 'RoleAssigneeType', equals: 'User' },
  },
];

/** CSV kinds: the columns that hold names, by header. */
export const SENSITIVE_COLUMNS: readonly { kind: string; column: string; holds: SensitiveClass }[] =
  [
    { kind: 'inventory.mdm-devices', column: 'Device name', holds: 'host' },
    { kind: 'inventory.mdm-devices', column: 'Primary user display name', holds: 'user' },
    { kind: 'inventory.mdm-devices', column: 'Primary user UPN', holds: 'user' },
  ];

/** The entries for one kind: its own and the `*` ones, by lower-cased member name. */
export function sensitiveMembersOf(kind: string): Map<string, SensitiveProperty> {
  const members = new Map<string, SensitiveProperty>();
  for (const entry of SENSITIVE_PROPERTIES) {
    if (entry.kind === ANY) members.set(entry.member.toLowerCase(), entry);
  }
  for (const entry of SENSITIVE_PROPERTIES) {
    if (entry.kind === kind) members.set(entry.member.toLowerCase(), entry);
  }
  return members;
}
