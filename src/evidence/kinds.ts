/**
 * The registry of evidence kinds: one entry per kind, saying what produces it, where it sits in
 * a bundle and in a HealthChecker-layout folder, and how it is imported (DESIGN.md "Evidence").
 */
import type { ExchangeServerInfo } from './importers/exchange-server.js';
import type { HotFix } from './importers/hotfixes.js';
import type { InstalledUpdate } from './importers/installed-updates.js';
import type { OperatingSystemInfo } from './importers/operating-system.js';
import type { RebootPending } from './importers/reboot-pending.js';
import type { SettingOverride } from './importers/setting-overrides.js';
import type { SetupVersion } from './importers/setup-version.js';
import type { ActiveSyncOrganizationSettings } from './importers/activesync-organization-settings.js';
import type { AuthenticationPolicy } from './importers/authentication-policies.js';
import type { CasMailbox } from './importers/cas-mailboxes.js';
import type { ClientAccessRule } from './importers/client-access-rules.js';
import type { MdmDevice } from './importers/mdm-devices.js';
import type { MobileDevicePolicy } from './importers/mobile-device-policies.js';
import type { MobileDevice } from './importers/mobile-devices.js';
import type { WindowsServiceEntry } from './importers/windows-services.js';
import { CLIENT_KINDS, type ClientVersionUse } from './kinds/client-kinds.js';
import type { DomainAcls, WellKnownGroup } from './importers/ad-permissions.js';
import type { HybridConfiguration } from './importers/hybrid-configuration.js';
import type { AuthServer, PartnerApplication } from './importers/oauth-applications.js';
import type { OrganizationConfig } from './importers/organization-config.js';
import type { RoleAssignment } from './importers/role-assignments.js';
import type { RoleGroupMember } from './importers/role-group-members.js';
import type { VirtualDirectory } from './importers/virtual-directories.js';
import type { ComputerSystem } from './importers/computer-system.js';
import type { DotNetFileVersion } from './importers/dotnet-file-versions.js';
import type { FipFsEngineState } from './importers/fipfs-engine-state.js';
import type { IisModules } from './importers/iis-modules.js';
import type { MailboxDatabase } from './importers/mailbox-databases.js';
import type { CounterSample } from './importers/performance-counters.js';
import type { Processor } from './importers/processors.js';
import type { DeviceGuard, DotNetRelease, LsaSettings } from './importers/registry-values.js';
import type { SmbServerConfiguration } from './importers/smb-server-configuration.js';
import type { WebResponse } from './importers/web-response.js';
import type { WindowsFeature } from './importers/windows-features.js';
import type { AdminAuditLogConfig } from './importers/admin-audit-log-config.js';
import type { ApplicationHostConfig } from './importers/application-host.js';
import type { AuthConfig } from './importers/auth-config.js';
import type { BitLockerVolume } from './importers/bitlocker-volumes.js';
import type { ExchangeCertificate } from './importers/exchange-certificates.js';
import type { IrmConfiguration } from './importers/irm-configuration.js';
import type { LogFolder } from './importers/log-folders.js';
import type { RegistryAccessRule } from './importers/msipc-server-acl.js';
import type { ReceiveConnector } from './importers/receive-connectors.js';
import type { SendConnector } from './importers/send-connectors.js';
import type { TlsSettings } from './importers/tls-settings.js';
import type { AcceptedDomain } from './importers/accepted-domains.js';
import type { DagNetwork } from './importers/dag-networks.js';
import type { FirewallProfile } from './importers/firewall-profiles.js';
import type { NetworkInterface } from './importers/network-interfaces.js';
import type { ReceiveConnectorPermission } from './importers/receive-connector-permissions.js';
import { EXCHANGE_KINDS } from './kinds/exchange-kinds.js';
import { HARDWARE_KINDS } from './kinds/hardware-kinds.js';
import { IIS_KINDS } from './kinds/iis-kinds.js';
import { LOG_KINDS, type LegacyAuthUse, type LogIndicators } from './kinds/log-kinds.js';
import type { UsageCount } from '../logs/model.js';
import type { EvidenceKind } from './kinds/kind.js';
import { ORGANIZATION_KINDS } from './kinds/organization-kinds.js';
import { OS_KINDS } from './kinds/os-kinds.js';
import { PROBE_KINDS, type ProbeObservation } from './kinds/probe-kinds.js';

export type { EvidenceKind, KindFormat, KindScope, LooseFileRule } from './kinds/kind.js';

/** The value type of each kind that has a typed importer. */
export interface KindValueMap {
  'exchange.server': ExchangeServerInfo;
  'exchange.setup-version': SetupVersion;
  'exchange.installed-updates': InstalledUpdate[];
  'os.operating-system': OperatingSystemInfo;
  'os.reboot-pending': RebootPending;
  'os.hotfixes': HotFix[];
  'exchange.setting-overrides': SettingOverride[];
  'os.smb-server-configuration': SmbServerConfiguration;
  'os.windows-features': WindowsFeature[];
  'os.performance-counters': CounterSample[];
  'os.dotnet-file-versions': DotNetFileVersion[];
  'os.dotnet-release': DotNetRelease;
  'os.lsa-settings': LsaSettings;
  'os.device-guard': DeviceGuard;
  'exchange.iis-modules': IisModules;
  'exchange.fipfs-engine-state': FipFsEngineState;
  'exchange.mitigation-service': WindowsServiceEntry[];
  'exchange.mitigation-endpoint': WebResponse;
  'exchange.mailbox-databases': MailboxDatabase[];
  'hardware.computer-system': ComputerSystem;
  'hardware.processor': Processor[];
  'os.services': WindowsServiceEntry[];
  'mobile.devices': MobileDevice[];
  'exchange.mobile-device-policies': MobileDevicePolicy[];
  'exchange.activesync-organization-settings': ActiveSyncOrganizationSettings;
  'exchange.cas-mailboxes': CasMailbox[];
  'exchange.client-access-rules': ClientAccessRule[];
  'exchange.authentication-policies': AuthenticationPolicy[];
  'inventory.mdm-devices': MdmDevice[];
  /** Produced by `exzt logs scan` (a later issue); no bundle file carries it yet. */
  'logs.client-versions': ClientVersionUse[];
  'logs.indicators': LogIndicators;
  'logs.admin-access': UsageCount[];
  'logs.legacy-auth': LegacyAuthUse;
  'logs.client-addresses': UsageCount[];
  'exchange.role-group-members': RoleGroupMember[];
  'exchange.role-assignments': RoleAssignment[];
  'exchange.organization-config': OrganizationConfig;
  'exchange.partner-applications': PartnerApplication[];
  'exchange.auth-servers': AuthServer[];
  'exchange.hybrid-configuration': HybridConfiguration;
  'ad.domain-acls': DomainAcls[];
  'ad.exchange-well-known-groups': WellKnownGroup[];
  'exchange.owa-virtual-directory': VirtualDirectory[];
  'exchange.ecp-virtual-directory': VirtualDirectory[];
  'exchange.web-services-virtual-directory': VirtualDirectory[];
  'exchange.activesync-virtual-directory': VirtualDirectory[];
  'exchange.mapi-virtual-directory': VirtualDirectory[];
  'exchange.oab-virtual-directory': VirtualDirectory[];
  'exchange.autodiscover-virtual-directory': VirtualDirectory[];
  'exchange.powershell-virtual-directory': VirtualDirectory[];
  'exchange.outlook-anywhere': VirtualDirectory[];
  'os.tls-settings': TlsSettings;
  'os.bitlocker-volumes': BitLockerVolume[];
  'os.msipc-server-acl': RegistryAccessRule[];
  'exchange.certificates': ExchangeCertificate[];
  'exchange.receive-connectors': ReceiveConnector[];
  'exchange.send-connectors': SendConnector[];
  'exchange.auth-config': AuthConfig;
  'exchange.irm-configuration': IrmConfiguration;
  'exchange.admin-audit-log-config': AdminAuditLogConfig;
  'exchange.log-folders': LogFolder[];
  'iis.application-host': ApplicationHostConfig;
  'exchange.accepted-domains': AcceptedDomain[];
  'exchange.receive-connector-permissions': ReceiveConnectorPermission[];
  'exchange.dag-networks': DagNetwork[];
  'os.net-ip-configuration': NetworkInterface[];
  'os.network-adapter-configuration': NetworkInterface[];
  'os.firewall-profiles': FirewallProfile[];
  'probe.https': ProbeObservation[];
  'probe.smtp': ProbeObservation[];
}

export type TypedKindId = keyof KindValueMap;

/** Every kind, sorted by id. */
export const EVIDENCE_KINDS: readonly EvidenceKind[] = [
  ...EXCHANGE_KINDS,
  ...ORGANIZATION_KINDS,
  ...OS_KINDS,
  ...IIS_KINDS,
  ...HARDWARE_KINDS,
  ...CLIENT_KINDS,
  ...LOG_KINDS,
  ...PROBE_KINDS,
].sort((a, b) => a.id.localeCompare(b.id));

const BY_ID = new Map(EVIDENCE_KINDS.map((kind) => [kind.id, kind]));
const BY_BUNDLE_FILE = new Map(EVIDENCE_KINDS.map((kind) => [kind.bundleFile.toLowerCase(), kind]));
const BY_HEALTHCHECKER_FILE = new Map(
  EVIDENCE_KINDS.flatMap((kind) =>
    kind.healthCheckerFiles.map((file) => [file.toLowerCase(), kind] as const),
  ),
);

export function findKind(id: string): EvidenceKind | undefined {
  return BY_ID.get(id);
}

/** The kind a bundle member is named after (`exchange.server.xml`), case-insensitively. */
export function kindOfBundleFile(fileName: string): EvidenceKind | undefined {
  return BY_BUNDLE_FILE.get(fileName.toLowerCase());
}

/** The kind whose canonical HealthChecker-layout path this is, case-insensitively. */
export function kindOfHealthCheckerFile(relativePath: string): EvidenceKind | undefined {
  return BY_HEALTHCHECKER_FILE.get(relativePath.toLowerCase());
}

/** Every canonical HealthChecker-layout path, as the registry spells it. */
export function healthCheckerCanonicalFiles(): string[] {
  return EVIDENCE_KINDS.flatMap((kind) => kind.healthCheckerFiles);
}
