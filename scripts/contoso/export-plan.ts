/**
 * Which evidence files the Contoso bundle holds, per server and for the organisation, and the
 * commands that failed. The kinds' commands and file names come from the evidence registry, so
 * the sample and the registry cannot drift.
 */
import type { WritableObject } from '../../src/evidence/clixml/writer-values.js';
import { applicationHostConfig } from './application-host.js';
import { authConfigExport, certificatesExport } from './certificate-exports.js';
import {
  activeSyncSettingsExport,
  authenticationPoliciesExport,
  casMailboxesExport,
  clientAccessRulesExport,
  mobileDevicePoliciesExport,
  mobileDevicesExport,
} from './client-exports.js';
import { mdmDevicesCsv } from './mdm-export.js';
import {
  acceptedDomainsExport,
  receiveConnectorPermissionsExport,
  receiveConnectorsExport,
  sendConnectorsExport,
} from './connector-exports.js';
import {
  bitLockerVolumesExport,
  computerSystemExport,
  fipFsEngineStateExport,
  iisModulesExport,
  logFoldersExport,
  performanceCountersExport,
  processorExport,
} from './host-exports.js';
import {
  authServersExport,
  domainAclsExport,
  hybridConfigurationExport,
  partnerApplicationsExport,
  roleAssignmentsExport,
  roleGroupMembersExport,
  wellKnownGroupsExport,
} from './identity-exports.js';
import { organizationConfigExport } from './organization-export.js';
import {
  adminAuditLogConfigExport,
  dagNetworksExport,
  irmConfigurationExport,
  mailboxDatabasesExport,
} from './organization-data-exports.js';
import type { ContosoServer } from './servers.js';
import { settingOverridesExport } from './setting-overrides-export.js';
import { VIRTUAL_DIRECTORY_KINDS, virtualDirectoryExport } from './virtual-directory-exports.js';
import {
  deviceGuardExport,
  dotNetReleaseExport,
  firewallProfilesExport,
  lsaSettingsExport,
  mitigationServiceExport,
  netIpConfigurationExport,
  servicesExport,
  smbServerConfigurationExport,
  tlsSettingsExport,
  windowsFeaturesExport,
} from './windows-exports.js';

/** CliXml objects, or the raw bytes of a text file (CSV, applicationHost.config). */
export type ExportContent =
  { format: 'clixml'; objects: () => WritableObject[] } | { format: 'raw'; bytes: () => Buffer };

export interface PlannedExport {
  kind: string;
  content: ExportContent;
}

type ObjectsOf = (server: ContosoServer) => WritableObject[];

function clixml(kind: string, objects: () => WritableObject[]): PlannedExport {
  return { kind, content: { format: 'clixml', objects } };
}

/** Organisation-wide cmdlets, run through the Exchange session on `session` (EX01). */
const ORGANIZATION_EXPORTS: [string, ObjectsOf][] = [
  ['exchange.organization-config', organizationConfigExport],
  ['exchange.setting-overrides', settingOverridesExport],
  ['exchange.role-group-members', roleGroupMembersExport],
  ['exchange.role-assignments', roleAssignmentsExport],
  ['ad.domain-acls', domainAclsExport],
  ['ad.exchange-well-known-groups', wellKnownGroupsExport],
  ['exchange.hybrid-configuration', hybridConfigurationExport],
  ['exchange.partner-applications', partnerApplicationsExport],
  ['exchange.auth-servers', authServersExport],
  ['exchange.auth-config', authConfigExport],
  ['exchange.irm-configuration', irmConfigurationExport],
  ['exchange.admin-audit-log-config', adminAuditLogConfigExport],
  ['exchange.accepted-domains', acceptedDomainsExport],
  ['exchange.send-connectors', sendConnectorsExport],
  ['exchange.mailbox-databases', mailboxDatabasesExport],
  ['exchange.dag-networks', dagNetworksExport],
  ['exchange.cas-mailboxes', casMailboxesExport],
  ['exchange.client-access-rules', clientAccessRulesExport],
  ['exchange.authentication-policies', authenticationPoliciesExport],
  ['exchange.mobile-device-policies', mobileDevicePoliciesExport],
  ['exchange.activesync-organization-settings', activeSyncSettingsExport],
  ['mobile.devices', mobileDevicesExport],
];

export function organizationExports(session: ContosoServer): PlannedExport[] {
  return [
    ...ORGANIZATION_EXPORTS.map(([kind, objects]) => clixml(kind, () => objects(session))),
    { kind: 'inventory.mdm-devices', content: { format: 'raw', bytes: mdmDevicesCsv } },
  ];
}

/** Server exports beyond the version report's, in collection order. */
const SERVER_EXPORTS: [string, ObjectsOf][] = [
  ...VIRTUAL_DIRECTORY_KINDS.map((kind): [string, ObjectsOf] => [
    kind,
    (server) => virtualDirectoryExport(kind, server),
  ]),
  ['exchange.certificates', certificatesExport],
  ['exchange.receive-connectors', receiveConnectorsExport],
  ['exchange.receive-connector-permissions', receiveConnectorPermissionsExport],
  ['exchange.mitigation-service', mitigationServiceExport],
  ['exchange.iis-modules', iisModulesExport],
  ['exchange.fipfs-engine-state', fipFsEngineStateExport],
  ['exchange.log-folders', logFoldersExport],
  ['os.tls-settings', tlsSettingsExport],
  ['os.services', servicesExport],
  ['os.smb-server-configuration', smbServerConfigurationExport],
  ['os.windows-features', windowsFeaturesExport],
  ['os.lsa-settings', lsaSettingsExport],
  ['os.device-guard', deviceGuardExport],
  ['os.dotnet-release', dotNetReleaseExport],
  ['os.bitlocker-volumes', bitLockerVolumesExport],
  ['os.firewall-profiles', firewallProfilesExport],
  ['os.net-ip-configuration', netIpConfigurationExport],
  ['os.performance-counters', performanceCountersExport],
  ['hardware.computer-system', computerSystemExport],
  ['hardware.processor', processorExport],
];

export interface PlannedFailure {
  subject: string;
  kind: string;
  error: string;
}

/** Commands that fail on a server, and why, as the collector records them. */
export const FAILURES: PlannedFailure[] = [
  {
    subject: 'EDGE01',
    kind: 'os.hotfixes',
    error:
      'Get-HotFix : The RPC server is unavailable. (Exception from HRESULT: 0x800706BA)\r\n' +
      '    + CategoryInfo          : NotSpecified: (:) [Get-HotFix], COMException\r\n' +
      '    + FullyQualifiedErrorId : System.Runtime.InteropServices.COMException,' +
      'Microsoft.PowerShell.Commands.GetHotFixCommand',
  },
  {
    // Edge Transport servers run no IIS.
    subject: 'EDGE01',
    kind: 'iis.application-host',
    error:
      "Get-Content : Cannot find path 'C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config' " +
      'because it does not exist.',
  },
  {
    // Win32_DeviceGuard arrived with Windows Server 2016.
    subject: 'EX2013',
    kind: 'os.device-guard',
    error:
      'Get-CimInstance : Invalid namespace \r\n' +
      '    + CategoryInfo          : MetadataError: (root\\Microsoft\\Windows\\DeviceGuard:String) ' +
      '[Get-CimInstance], CimException',
  },
];

function failed(server: ContosoServer, kind: string): boolean {
  return FAILURES.some((failure) => failure.subject === server.name && failure.kind === kind);
}

export function serverExports(server: ContosoServer): PlannedExport[] {
  const planned = SERVER_EXPORTS.filter(([kind]) => !failed(server, kind)).map(([kind, objects]) =>
    clixml(kind, () => objects(server)),
  );
  if (!failed(server, 'iis.application-host')) {
    const bytes = () => Buffer.from(`\uFEFF${applicationHostConfig(server)}`, 'utf8');
    planned.push({ kind: 'iis.application-host', content: { format: 'raw', bytes } });
  }
  return planned;
}
