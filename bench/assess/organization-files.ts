/**
 * The organisation's small exports sized for the benchmark rather than taken from the Contoso
 * sample: mobile device policies, ActiveSync settings, mailbox databases (one per server), the
 * Organization Management members and the admin audit log configuration.
 */
import {
  bool,
  dateTime,
  duration,
  i32,
  list,
  nil,
  obj,
  str,
} from '../../src/evidence/clixml/writer-values.js';
import type { WritableNode, WritableObject } from '../../src/evidence/clixml/writer-values.js';
import {
  deserialized,
  remotingMembers,
  STRING_LIST_TYPES,
} from '../../scripts/contoso/remoting.js';
import { DOMAIN } from '../../scripts/contoso/servers.js';
import { MAILBOX_SERVER_COUNT, mailboxServerName } from './mailbox-exports.js';
import type { PlannedFile } from './server-files.js';

const SYSTEM_CONFIGURATION = 'Microsoft.Exchange.Data.Directory.SystemConfiguration';
const MANAGEMENT = 'Microsoft.Exchange.Data.Directory.Management';

function remoted(typeName: string, runspaceId: string, props: [string, WritableNode][]) {
  return obj(deserialized([typeName, 'System.Object']), {
    props,
    ms: remotingMembers(`ex001.${DOMAIN}`, runspaceId, false),
  });
}

function mobilePolicy(runspaceId: string): WritableObject {
  return remoted(`${SYSTEM_CONFIGURATION}.MobileMailboxPolicy`, runspaceId, [
    ['Name', str('Default')],
    ['IsDefault', bool(true)],
    ['PasswordEnabled', bool(true)],
    ['AllowSimplePassword', bool(false)],
    ['AlphanumericPasswordRequired', bool(false)],
    ['MinPasswordLength', i32(6)],
    ['MaxPasswordFailedAttempts', i32(10)],
    ['RequireDeviceEncryption', bool(true)],
    ['AllowNonProvisionableDevices', bool(false)],
  ]);
}

function activeSyncSettings(runspaceId: string): WritableObject {
  return remoted(`${SYSTEM_CONFIGURATION}.ActiveSyncOrganizationSettings`, runspaceId, [
    ['Name', str('Mobile Mailbox Settings')],
    ['DefaultAccessLevel', str('Allow')],
    ['AdminMailRecipients', list(STRING_LIST_TYPES, [])],
  ]);
}

function* mailboxDatabases(runspaceId: string): Generator<WritableObject> {
  for (let index = 0; index < MAILBOX_SERVER_COUNT; index += 1) {
    const server = mailboxServerName(index);
    // Every seventh database missed last night's backup.
    const lastFull = index % 7 === 3 ? '2026-10-01T01:00:00Z' : '2026-11-29T01:00:00Z';
    yield remoted(`${SYSTEM_CONFIGURATION}.MailboxDatabase`, runspaceId, [
      ['Name', str(`DB${String(index + 1).padStart(3, '0')}`)],
      ['Server', str(server)],
      ['LastFullBackup', dateTime(lastFull)],
      ['LastIncrementalBackup', nil()],
      ['LastDifferentialBackup', nil()],
      ['CircularLoggingEnabled', bool(false)],
    ]);
  }
}

function* organizationManagement(runspaceId: string): Generator<WritableObject> {
  for (const name of ['Administrator', 'ex-admin', 'svc-backup', 'Ann', 'Bob']) {
    yield remoted(`${MANAGEMENT}.ReducedRecipient`, runspaceId, [
      ['RoleGroup', str('Organization Management')],
      ['Name', str(name)],
      ['RecipientTypeDetails', str('UserMailbox')],
      ['SamAccountName', str(name)],
      ['PrimarySmtpAddress', str(`${name.toLowerCase()}@${DOMAIN}`)],
      ['DistinguishedName', str(`CN=${name},CN=Users,DC=contoso,DC=com`)],
    ]);
  }
}

function auditConfig(runspaceId: string): WritableObject {
  return remoted(`${SYSTEM_CONFIGURATION}.AdminAuditLogConfig`, runspaceId, [
    ['AdminAuditLogEnabled', bool(true)],
    ['AdminAuditLogAgeLimit', duration('P90D')],
    ['LogLevel', str('None')],
  ]);
}

/** Sized for the benchmark's 200 servers; the sample's builders give the rest (generate.ts). */
export function smallOrganizationFiles(runspaceId: string): PlannedFile[] {
  return [
    { kind: 'exchange.mobile-device-policies', objects: () => [mobilePolicy(runspaceId)] },
    {
      kind: 'exchange.activesync-organization-settings',
      objects: () => [activeSyncSettings(runspaceId)],
    },
    { kind: 'exchange.mailbox-databases', objects: () => mailboxDatabases(runspaceId) },
    { kind: 'exchange.role-group-members', objects: () => organizationManagement(runspaceId) },
    { kind: 'exchange.admin-audit-log-config', objects: () => [auditConfig(runspaceId)] },
  ];
}
