/**
 * Operating-system evidence (reference/healthchecker-checks.md §14.4). HealthChecker-layout files
 * live under OS/; the local Administrators export sits under Exchange/ there.
 */
import { importFirewallProfiles } from '../importers/firewall-profiles.js';
import {
  importNetIpConfiguration,
  importNetworkAdapterConfiguration,
} from '../importers/network-interfaces.js';
import { importHotFixes } from '../importers/hotfixes.js';
import { importOperatingSystem } from '../importers/operating-system.js';
import { importRebootPending } from '../importers/reboot-pending.js';
import { importTlsSettings } from '../importers/tls-settings.js';
import { importBitLockerVolumes } from '../importers/bitlocker-volumes.js';
import { importMsipcServerAcl } from '../importers/msipc-server-acl.js';
import { importDotNetFileVersions } from '../importers/dotnet-file-versions.js';
import { importPerformanceCounters } from '../importers/performance-counters.js';
import {
  importDeviceGuard,
  importDotNetRelease,
  importLsaSettings,
} from '../importers/registry-values.js';
import { importSmbServerConfiguration } from '../importers/smb-server-configuration.js';
import { importWindowsFeatures } from '../importers/windows-features.js';
import { importWindowsServices } from '../importers/windows-services.js';
import { defineKind, type EvidenceKind, type KindSpec } from './kind.js';

const WMI = 'System.Management.ManagementObject#root\\cimv2';
const CUSTOM = 'System.Management.Automation.PSCustomObject';
const CIM = 'Microsoft.Management.Infrastructure.CimInstance#root/StandardCimv2';

/** An OS kind whose HealthChecker-layout file is `OS/<file>`. */
function osKind(file: string, spec: Omit<KindSpec, 'scope' | 'healthChecker'>): EvidenceKind {
  return defineKind({ ...spec, scope: 'server', healthChecker: `OS/${file}` });
}

export const OS_KINDS: readonly EvidenceKind[] = [
  osKind('Win32_OperatingSystem.xml', {
    id: 'os.operating-system',
    title: 'Windows version and last boot (Win32_OperatingSystem)',
    command: 'Get-CimInstance Win32_OperatingSystem',
    looseFileRules: [{ typeName: `${WMI}\\Win32_OperatingSystem` }],
    importer: importOperatingSystem,
  }),
  osKind('GetServerRebootPending.xml', {
    id: 'os.reboot-pending',
    title: 'Pending reboot (registry keys)',
    command:
      'exzt reboot-pending probe: Session Manager PendingFileRenameOperations, CBS RebootPending, ' +
      'WindowsUpdate RebootRequired, UpdateExeVolatile, SCCM DetermineIfRebootPending',
    looseFileRules: [{ typeName: CUSTOM, member: 'PendingRebootLocations' }],
    importer: importRebootPending,
  }),
  osKind('GetHotFix.xml', {
    id: 'os.hotfixes',
    title: 'Installed Windows updates (Get-HotFix)',
    command: 'Get-HotFix',
    looseFileRules: [{ typeName: `${WMI}\\Win32_QuickFixEngineering` }],
    importer: importHotFixes,
  }),
  osKind('GetAllTlsSettings.xml', {
    id: 'os.tls-settings',
    title: 'TLS, Schannel and .NET strong-crypto registry values',
    command: 'HealthChecker Get-AllTlsSettings (SCHANNEL and .NET Framework registry values)',
    looseFileRules: [{ typeName: CUSTOM, member: 'Registry' }],
    importer: importTlsSettings,
  }),
  osKind('GetCounterSamples.xml', {
    id: 'os.performance-counters',
    title: 'Performance counter samples',
    command: 'Get-Counter (Hyper-V dynamic memory, processor time, discarded packets)',
    looseFileRules: [
      { typeName: 'Microsoft.PowerShell.Commands.GetCounter.PerformanceCounterSample' },
    ],
    importer: importPerformanceCounters,
  }),
  osKind('GetDnsClient.xml', {
    id: 'os.dns-client',
    title: 'DNS client settings per interface',
    command: 'Get-DnsClient',
    looseFileRules: [{ typeName: `${CIM}/MSFT_DNSClient` }],
  }),
  osKind('GetDotNetDllFileVersions.xml', {
    id: 'os.dotnet-file-versions',
    title: '.NET Framework file versions (System.Data.dll, System.Configuration.dll)',
    command:
      'Get-Item "$netPath\\System.Data.dll","$netPath\\System.Configuration.dll" | ForEach-Object VersionInfo',
    importer: importDotNetFileVersions,
  }),
  osKind('GetHttpProxySetting.xml', {
    id: 'os.http-proxy',
    title: 'WinHTTP proxy settings (64- and 32-bit)',
    command: 'HealthChecker Get-HttpProxySetting (Internet Settings\\Connections\\WinHttpSettings)',
    looseFileRules: [{ typeName: CUSTOM, member: 'HttpProxyDifference' }],
  }),
  osKind('GetNetAdapterRss.xml', {
    id: 'os.net-adapter-rss',
    title: 'Receive-side scaling per network adapter',
    command: 'Get-NetAdapterRss',
    looseFileRules: [{ typeName: `${CIM}/MSFT_NetAdapterRssSettingData` }],
  }),
  osKind('GetNetIPConfiguration.xml', {
    id: 'os.net-ip-configuration',
    title: 'IP configuration per interface',
    command: 'Get-NetIPConfiguration',
    looseFileRules: [{ typeName: 'NetIPConfiguration' }],
    importer: importNetIpConfiguration,
  }),
  osKind('GetService.xml', {
    id: 'os.services',
    title: 'Windows services',
    command: 'Get-Service',
    importer: importWindowsServices,
  }),
  osKind('GetSmbServerConfiguration.xml', {
    id: 'os.smb-server-configuration',
    title: 'SMB server configuration',
    command: 'Get-SmbServerConfiguration',
    looseFileRules: [
      {
        typeName:
          'Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/SMB/MSFT_SmbServerConfiguration',
      },
    ],
    importer: importSmbServerConfiguration,
  }),
  osKind('GetTimeZoneInformationRegistrySettings.xml', {
    id: 'os.time-zone',
    title: 'Time zone registry settings',
    command: 'Get-ItemProperty HKLM:\\SYSTEM\\CurrentControlSet\\Control\\TimeZoneInformation',
    looseFileRules: [{ typeName: CUSTOM, member: 'DynamicDaylightTimeDisabled' }],
  }),
  osKind('GetVisualCRedistributableInstalledVersion.xml', {
    id: 'os.visual-c-redistributables',
    title: 'Installed Visual C++ redistributables',
    command:
      "Get-ItemProperty HKLM:\\SOFTWARE\\*\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\* | Where-Object DisplayName -like '*Visual C++*'",
    looseFileRules: [{ typeName: CUSTOM, member: 'VersionIdentifier' }],
  }),
  osKind('GetWinEventApplication.xml', {
    id: 'os.event-log-application',
    title: 'Application event log configuration',
    command: 'Get-WinEvent -ListLog Application',
  }),
  osKind('GetWinEventSystem.xml', {
    id: 'os.event-log-system',
    title: 'System event log configuration',
    command: 'Get-WinEvent -ListLog System',
  }),
  osKind('GetWinEventOldestApplication.xml', {
    id: 'os.event-log-application-oldest',
    title: 'Oldest Application event log entry',
    command: 'Get-WinEvent -LogName Application -Oldest -MaxEvents 1',
  }),
  osKind('GetWinEventOldestSystem.xml', {
    id: 'os.event-log-system-oldest',
    title: 'Oldest System event log entry',
    command: 'Get-WinEvent -LogName System -Oldest -MaxEvents 1',
  }),
  osKind('GetWindowsFeature.xml', {
    id: 'os.windows-features',
    title: 'Installed Windows features',
    command: 'Get-WindowsFeature',
    looseFileRules: [{ typeName: 'Microsoft.Windows.ServerManager.Commands.Feature' }],
    importer: importWindowsFeatures,
  }),
  osKind('RemoteRegistryValueInstallationType.xml', {
    id: 'os.installation-type',
    title: 'Windows installation type (Server or Server Core)',
    command:
      "(Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion').InstallationType",
  }),
  osKind('RemoteRegistryValueProductName.xml', {
    id: 'os.product-name',
    title: 'Windows product name',
    command:
      "(Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion').ProductName",
  }),
  osKind('Win32_NetworkAdapter.xml', {
    id: 'os.network-adapters',
    title: 'Network adapters (Win32_NetworkAdapter)',
    command: 'Get-CimInstance Win32_NetworkAdapter',
    looseFileRules: [{ typeName: `${WMI}\\Win32_NetworkAdapter` }],
  }),
  osKind('Win32_NetworkAdapterConfiguration.xml', {
    id: 'os.network-adapter-configuration',
    title: 'Network adapter configuration (Win32_NetworkAdapterConfiguration)',
    command: 'Get-CimInstance Win32_NetworkAdapterConfiguration',
    looseFileRules: [{ typeName: `${WMI}\\Win32_NetworkAdapterConfiguration` }],
    importer: importNetworkAdapterConfiguration,
  }),
  osKind('Win32_PageFileSetting.xml', {
    id: 'os.page-file-settings',
    title: 'Page file settings (Win32_PageFileSetting)',
    command: 'Get-CimInstance Win32_PageFileSetting',
    // HealthChecker's tests swap these in for page-file scenarios.
    healthCheckerAlternates: ['OS/Win32_*PageFile*.xml'],
    looseFileRules: [{ typeName: `${WMI}\\Win32_PageFileSetting` }],
  }),
  osKind('Win32_PowerPlan.xml', {
    id: 'os.power-plan',
    title: 'Active power plan (Win32_PowerPlan)',
    command: 'Get-CimInstance -Namespace root\\cimv2\\power -ClassName Win32_PowerPlan',
  }),
  defineKind({
    id: 'os.bitlocker-volumes',
    title: 'BitLocker state of every volume',
    scope: 'server',
    command:
      'Get-BitLockerVolume | Select-Object MountPoint, VolumeType, VolumeStatus, ' +
      'ProtectionStatus, EncryptionMethod, EncryptionPercentage',
    importer: importBitLockerVolumes,
  }),
  defineKind({
    id: 'os.msipc-server-acl',
    title: 'Access rules of HKLM\\SOFTWARE\\Microsoft\\MSIPC\\Server (AES256-CBC content)',
    scope: 'server',
    command:
      "(Get-Acl 'HKLM:\\SOFTWARE\\Microsoft\\MSIPC\\Server').Access | Select-Object " +
      "@{ Name = 'Sid'; Expression = { $_.IdentityReference.Translate([Security.Principal.SecurityIdentifier]).Value } }, " +
      'RegistryRights, AccessControlType, InheritanceFlags, PropagationFlags',
    importer: importMsipcServerAcl,
  }),
  defineKind({
    id: 'os.firewall-profiles',
    title: 'Windows Firewall profiles in force (Get-NetFirewallProfile)',
    scope: 'server',
    command: 'Get-NetFirewallProfile -PolicyStore ActiveStore',
    looseFileRules: [{ typeName: `${CIM}/MSFT_NetFirewallProfile` }],
    importer: importFirewallProfiles,
  }),
  defineKind({
    id: 'os.local-administrators',
    title: 'Members of the local Administrators group',
    scope: 'server',
    command: 'Get-LocalGroupMember -SID S-1-5-32-544',
    healthChecker: 'Exchange/GetLocalGroupMember.xml',
    looseFileRules: [{ typeName: 'Microsoft.PowerShell.Commands.LocalPrincipal' }],
  }),
  ...bundleOnlyOsKinds(),
];

/** Registry and WMI values HealthChecker reads (§7, §14.4) that its test data holds no export of. */
function bundleOnlyOsKinds(): EvidenceKind[] {
  const lsa = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Lsa';
  const ndp = 'HKLM:\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full';
  return [
    defineKind({
      id: 'os.lsa-settings',
      title:
        'LSA registry values (LmCompatibilityLevel, LsaCfgFlags, RunAsPPL, SuppressExtendedProtection)',
      scope: 'server',
      command: `Get-ItemProperty '${lsa}' | Select-Object LmCompatibilityLevel, LsaCfgFlags, RunAsPPL, SuppressExtendedProtection`,
      importer: importLsaSettings,
    }),
    defineKind({
      id: 'os.device-guard',
      title: 'Virtualization-based security and Credential Guard state (Win32_DeviceGuard)',
      scope: 'server',
      command:
        'Get-CimInstance -Namespace root\\Microsoft\\Windows\\DeviceGuard -ClassName Win32_DeviceGuard | ' +
        'Select-Object SecurityServicesRunning, SecurityServicesConfigured, VirtualizationBasedSecurityStatus',
      importer: importDeviceGuard,
    }),
    defineKind({
      id: 'os.dotnet-release',
      title: '.NET Framework 4 release (NDP\\v4\\Full Release)',
      scope: 'server',
      command: `Get-ItemProperty '${ndp}' | Select-Object Release, Version`,
      importer: importDotNetRelease,
    }),
  ];
}
