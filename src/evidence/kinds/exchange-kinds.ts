/**
 * Server-scoped Exchange evidence. Commands follow what HealthChecker gathers
 * (reference/healthchecker-checks.md §14.2, §14.3).
 */
import { importReceiveConnectorPermissions } from '../importers/receive-connector-permissions.js';
import { importExchangeServer } from '../importers/exchange-server.js';
import { importInstalledUpdates } from '../importers/installed-updates.js';
import { importSetupVersion } from '../importers/setup-version.js';
import { importVirtualDirectories } from '../importers/virtual-directories.js';
import { importExchangeCertificates } from '../importers/exchange-certificates.js';
import { importLogFolders } from '../importers/log-folders.js';
import { importReceiveConnectors } from '../importers/receive-connectors.js';
import { importFipFsEngineState } from '../importers/fipfs-engine-state.js';
import { importIisModules } from '../importers/iis-modules.js';
import { importWebResponse } from '../importers/web-response.js';
import { importWindowsServices } from '../importers/windows-services.js';
import { defineKind, type EvidenceKind } from './kind.js';

const INSTALL = '$exinstall';

export const EXCHANGE_KINDS: readonly EvidenceKind[] = [
  defineKind({
    id: 'exchange.server',
    title: 'Exchange server (Get-ExchangeServer)',
    scope: 'server',
    command: 'Get-ExchangeServer -Identity $env:COMPUTERNAME -Status',
    healthChecker: 'Exchange/GetExchangeServer.xml',
    looseFileRules: [{ typeName: 'Microsoft.Exchange.Data.Directory.Management.ExchangeServer' }],
    importer: importExchangeServer,
  }),
  defineKind({
    id: 'exchange.setup-version',
    title: 'ExSetup.exe file version (the installed build)',
    scope: 'server',
    command: 'Get-Command ExSetup.exe | ForEach-Object FileVersionInfo',
    healthChecker: 'Exchange/ExSetup.xml',
    looseFileRules: [
      {
        typeName: 'System.Diagnostics.FileVersionInfo',
        member: 'FileName',
        endsWith: 'ExSetup.exe',
      },
    ],
    importer: importSetupVersion,
  }),
  defineKind({
    id: 'exchange.installed-updates',
    title: 'Exchange updates in the Windows uninstall registry',
    scope: 'server',
    command:
      'Get-ChildItem HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall | ' +
      "Get-ItemProperty | Where-Object DisplayName -like '*Exchange Server*' | " +
      'Select-Object DisplayName, DisplayVersion, InstallDate, Publisher, PSChildName',
    importer: importInstalledUpdates,
  }),
  defineKind({
    id: 'exchange.certificates',
    title: 'Exchange certificates',
    scope: 'server',
    command: 'Get-ExchangeCertificate -Server $env:COMPUTERNAME',
    healthChecker: 'Exchange/GetExchangeCertificate.xml',
    looseFileRules: [
      { typeName: 'Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate' },
    ],
    importer: importExchangeCertificates,
  }),
  defineKind({
    id: 'exchange.internal-transport-certificate',
    title: 'Internal transport certificate',
    scope: 'server',
    command: 'Get-ExchangeCertificate -Server $env:COMPUTERNAME -Thumbprint (internal transport)',
    healthChecker: 'Exchange/GetInternalTransportCertificateFromServer.xml',
    looseFileRules: [
      { typeName: 'System.Security.Cryptography.X509Certificates.X509Certificate2' },
    ],
  }),
  defineKind({
    id: 'exchange.mailbox-server',
    title: 'Mailbox server settings (Get-MailboxServer)',
    scope: 'server',
    command: 'Get-MailboxServer -Identity $env:COMPUTERNAME',
    healthChecker: 'Exchange/GetMailboxServer.xml',
    looseFileRules: [{ typeName: 'Microsoft.Exchange.Data.Directory.Management.MailboxServer' }],
  }),
  defineKind({
    id: 'exchange.server-component-state',
    title: 'Server component states',
    scope: 'server',
    command: 'Get-ServerComponentState -Identity $env:COMPUTERNAME',
    healthChecker: 'Exchange/GetServerComponentState.xml',
    looseFileRules: [
      {
        typeName:
          'Microsoft.Exchange.Data.Directory.Management.ServerComponentStatePresentationObject',
      },
    ],
  }),
  defineKind({
    id: 'exchange.receive-connectors',
    title: 'Receive connectors',
    scope: 'server',
    command: 'Get-ReceiveConnector -Server $env:COMPUTERNAME',
    healthChecker: 'Exchange/GetReceiveConnector.xml',
    looseFileRules: [
      { typeName: 'Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector' },
    ],
    importer: importReceiveConnectors,
  }),
  defineKind({
    id: 'exchange.log-folders',
    title: 'IIS and HttpProxy log folders with their oldest file',
    scope: 'server',
    command:
      'exzt log-folder probe: for IIS W3SVC1, W3SVC2 and each $exinstall\\Logging\\HttpProxy\\* folder, ' +
      'LogType, Path, FileCount and OldestFile (the earliest LastWriteTime)',
    importer: importLogFolders,
  }),
  defineKind({
    id: 'exchange.owa-virtual-directory',
    title: 'OWA virtual directories',
    scope: 'server',
    command: 'Get-OwaVirtualDirectory -Server $env:COMPUTERNAME -ADPropertiesOnly',
    healthChecker: 'Exchange/GetOwaVirtualDirectory.xml',
    looseFileRules: [
      { typeName: 'Microsoft.Exchange.Data.Directory.SystemConfiguration.ADOwaVirtualDirectory' },
    ],
    importer: importVirtualDirectories,
  }),
  defineKind({
    id: 'exchange.web-services-virtual-directory',
    title: 'EWS virtual directories',
    scope: 'server',
    command: 'Get-WebServicesVirtualDirectory -Server $env:COMPUTERNAME -ADPropertiesOnly',
    healthChecker: 'Exchange/GetWebServicesVirtualDirectory.xml',
    looseFileRules: [
      {
        typeName:
          'Microsoft.Exchange.Data.Directory.SystemConfiguration.ADWebServicesVirtualDirectory',
      },
    ],
    importer: importVirtualDirectories,
  }),
  defineKind({
    id: 'exchange.receive-connector-permissions',
    title: 'Extended rights on receive connectors (Get-ADPermission)',
    scope: 'server',
    command:
      'Get-ReceiveConnector -Server $env:COMPUTERNAME | Get-ADPermission | ' +
      'Where-Object { $_.ExtendedRights }',
    importer: importReceiveConnectorPermissions,
  }),
  ...bundleOnlyVirtualDirectories(),
  defineKind({
    id: 'exchange.variant-configuration',
    title: 'Flighting variant configuration (topology service overrides)',
    scope: 'server',
    command:
      'Get-ExchangeDiagnosticInfo -Server $env:COMPUTERNAME -Process Microsoft.Exchange.Directory.TopologyService ' +
      '-Component VariantConfiguration -Argument Overrides',
    healthChecker: 'Exchange/GetExchangeDiagnosticInfo_ADTopVariantConfiguration.xml',
  }),
  defineKind({
    id: 'exchange.transport-resource-throttling',
    title: 'Transport back-pressure state',
    scope: 'server',
    command:
      'Get-ExchangeDiagnosticInfo -Server $env:COMPUTERNAME -Process EdgeTransport -Component ResourceThrottling',
    healthChecker: 'Exchange/GetExchangeDiagnosticInfo_EdgeTransportResourceThrottling.xml',
  }),
  defineKind({
    id: 'exchange.service-health',
    title: 'Required Exchange services (Test-ServiceHealth)',
    scope: 'server',
    command: 'Test-ServiceHealth -Server $env:COMPUTERNAME',
    healthChecker: 'Exchange/TestServiceHealth.xml',
    looseFileRules: [{ typeName: 'Microsoft.Exchange.Monitoring.ExchangeServicesStatus' }],
  }),
  defineKind({
    id: 'exchange.server-monitoring-overrides',
    title: 'Server monitoring overrides',
    scope: 'server',
    command: 'Get-ServerMonitoringOverride -Server $env:COMPUTERNAME',
    healthChecker: 'Exchange/GetServerMonitoringOverride.xml',
  }),
  defineKind({
    id: 'exchange.mitigation-service',
    title: 'Emergency Mitigation service (MSExchangeMitigation)',
    scope: 'server',
    command: 'Get-Service MSExchangeMitigation',
    healthChecker: 'Exchange/GetServiceMitigation.xml',
    importer: importWindowsServices,
  }),
  defineKind({
    id: 'exchange.mitigation-endpoint',
    title: 'Reachability of the Emergency Mitigation service endpoint',
    scope: 'server',
    command:
      "Invoke-WebRequest -Method Get -Uri 'https://officeclient.microsoft.com/getexchangemitigations' -UseBasicParsing",
    healthChecker: 'Exchange/WebRequest_getexchangemitigations.xml',
    looseFileRules: [{ typeName: 'Microsoft.PowerShell.Commands.BasicHtmlWebResponseObject' }],
    importer: importWebResponse,
  }),
  defineKind({
    id: 'exchange.extended-protection',
    title: 'Extended Protection configuration (HealthChecker verdict)',
    scope: 'server',
    command: 'HealthChecker Get-ExtendedProtectionConfiguration',
    healthChecker: 'Exchange/GetExtendedProtectionConfiguration.xml',
    derived: true,
    looseFileRules: [
      {
        typeName: 'System.Management.Automation.PSCustomObject',
        member: 'ExtendedProtectionConfiguration',
      },
    ],
  }),
  defineKind({
    id: 'exchange.iis-modules',
    title: 'IIS global modules and their signatures',
    scope: 'server',
    command:
      'HealthChecker Get-IISModules (applicationHost.config globalModules + Get-AuthenticodeSignature)',
    healthChecker: 'Exchange/GetIISModules.xml',
    derived: true,
    looseFileRules: [
      {
        typeName: 'System.Management.Automation.PSCustomObject',
        member: 'AllSignedModulesSignedByMSFT',
      },
    ],
    importer: importIisModules,
  }),
  defineKind({
    id: 'exchange.fipfs-engine-state',
    title: 'FIP-FS scan engine version state',
    scope: 'server',
    command: 'HealthChecker Get-FIPFSScanEngineVersionState',
    healthChecker: 'Exchange/GetFIPFSScanEngineVersionState.xml',
    derived: true,
    looseFileRules: [
      { typeName: 'System.Management.Automation.PSCustomObject', member: 'FIPFSFixedBuild' },
    ],
    importer: importFipFsEngineState,
  }),
  defineKind({
    id: 'exchange.app-pools',
    title: 'IIS application pools with their CLR configuration',
    scope: 'server',
    command: '%windir%\\System32\\inetsrv\\appcmd.exe list apppool /text:*',
    healthChecker: 'Exchange/GetExchangeAppPoolsInformation.xml',
  }),
  defineKind({
    id: 'exchange.server-ad-object',
    title: "The server's computer object in Active Directory",
    scope: 'server',
    command: '[ADSI] search of the computer object (memberOf, objectSid, servicePrincipalName)',
    healthChecker: 'Exchange/GetExchangeServerADInformation.xml',
    looseFileRules: [
      { typeName: 'System.Management.Automation.PSCustomObject', member: 'ComputerObject' },
    ],
  }),
  defineKind({
    id: 'exchange.protocol-container',
    title: "The server's protocol container in Active Directory",
    scope: 'server',
    command:
      '[ADSI] CN=Protocols,CN=<server>,...,CN=Microsoft Exchange,CN=Services,<configuration NC>',
    healthChecker: 'Exchange/GetExchangeProtocolContainer.xml',
  }),
  defineKind({
    id: 'exchange.web-sites-from-ad',
    title: 'Exchange web site names from Active Directory',
    scope: 'server',
    command: '[ADSI] protocol container HTTP children: msExchServerBindings site names',
    healthChecker: 'Exchange/GetExchangeWebSitesFromAd.xml',
  }),
  defineKind({
    id: 'exchange.antimalware-config',
    title: 'AntiMalware.xml monitoring definition',
    scope: 'server',
    command: `Get-Content "${INSTALL}\\Bin\\Monitoring\\Config\\AntiMalware.xml" -Raw`,
    format: 'xml-config',
    healthChecker: 'Exchange/Antimalware.xml',
  }),
  defineKind({
    id: 'exchange.fipfs-configuration',
    title: 'FIP-FS Configuration.xml',
    scope: 'server',
    command: 'Get-Content "<FIP-FS DatabasePath>\\Configuration.xml" -Raw',
    format: 'xml-config',
    healthChecker: 'Exchange/Configuration.xml',
  }),
  defineKind({
    id: 'exchange.edge-transport-config',
    title: 'EdgeTransport.exe.config',
    scope: 'server',
    command: `Get-Content "${INSTALL}\\Bin\\EdgeTransport.exe.config" -Raw`,
    format: 'xml-config',
    healthChecker: 'Exchange/EdgeTransport.exe.config',
  }),
  defineKind({
    id: 'exchange.noderunner-config',
    title: 'Search noderunner.exe.config',
    scope: 'server',
    command: `Get-Content "${INSTALL}\\Bin\\Search\\Ceres\\Runtime\\1.0\\noderunner.exe.config" -Raw`,
    format: 'xml-config',
    healthChecker: 'Exchange/noderunner.exe.config',
  }),
];

/** Virtual directories HealthChecker reads (§14.2) that its test data has no export of. */
function bundleOnlyVirtualDirectories(): EvidenceKind[] {
  const directories: [string, string, string][] = [
    ['activesync', 'ActiveSync', 'Get-ActiveSyncVirtualDirectory'],
    ['autodiscover', 'Autodiscover', 'Get-AutodiscoverVirtualDirectory'],
    ['ecp', 'ECP', 'Get-EcpVirtualDirectory'],
    ['mapi', 'MAPI/HTTP', 'Get-MapiVirtualDirectory'],
    ['oab', 'OAB', 'Get-OabVirtualDirectory'],
    ['powershell', 'PowerShell', 'Get-PowerShellVirtualDirectory'],
  ];
  const kinds = directories.map(([id, title, cmdlet]) =>
    defineKind({
      id: `exchange.${id}-virtual-directory`,
      title: `${title} virtual directories`,
      scope: 'server',
      command: `${cmdlet} -Server $env:COMPUTERNAME -ADPropertiesOnly`,
      importer: importVirtualDirectories,
    }),
  );

  return [
    ...kinds,
    defineKind({
      id: 'exchange.outlook-anywhere',
      title: 'Outlook Anywhere (RPC over HTTP)',
      scope: 'server',
      command: 'Get-OutlookAnywhere -Server $env:COMPUTERNAME -ADPropertiesOnly',
      importer: importVirtualDirectories,
    }),
  ];
}
