#Requires -Version 5.1
<#
.SYNOPSIS
Collects the evidence exzt assesses from an on-premises Exchange organisation, read-only, into a
bundle with a manifest of SHA-256 hashes, optionally signed, and zipped.

.DESCRIPTION
Run in the Exchange Management Shell (Windows PowerShell 5.1) as a member of View-Only
Organization Management who is a local administrator of every server collected from. The script
changes nothing on any server: it runs Get-*/Test-* cmdlets, reads registry values, WMI classes
and files, and writes only to -OutputPath and its .zip.

What to collect comes from ExztKinds.psd1 beside this script, generated from exzt's registry of
evidence kinds (`npm run collector:table`); see docs/collector.md.

.PARAMETER Servers
Servers to collect from over PowerShell remoting. Default: the local server only.

.PARAMETER AllServers
Every Exchange server of the organisation except Edge servers, which are not domain-joined: run
the script on each Edge server locally and give its bundle to -MergeBundle.

.PARAMETER OutputPath
The bundle folder to create; it must not exist. Default: .\exzt-bundle-<time>.

.PARAMETER SkipMailboxes
Do not export Get-CASMailbox for every mailbox (large organisations); recorded as not collected.

.PARAMETER MaxMobileDevices
Export at most this many mobile devices (0: all); the manifest records the limit.

.PARAMETER SigningCertificateThumbprint
Sign manifest.json with this certificate's private key (Cert:\CurrentUser\My or
Cert:\LocalMachine\My; RSA or ECDSA).

.PARAMETER MdmInventoryCsv
A device inventory exported from the MDM console, copied into the bundle as is.

.PARAMETER MergeBundle
Bundle folders or .zip files collected on Edge servers; their servers/ folders are checked against
their manifest and merged into this bundle.

.PARAMETER NoZip
Leave the bundle as a folder only.

.EXAMPLE
.\Collect-ExztEvidence.ps1 -AllServers -SigningCertificateThumbprint 3F2A... -MergeBundle .\edge01.zip
#>
[CmdletBinding(DefaultParameterSetName = 'Local')]
param(
    [Parameter(ParameterSetName = 'List', Mandatory = $true)]
    [string[]] $Servers,

    [Parameter(ParameterSetName = 'All', Mandatory = $true)]
    [switch] $AllServers,

    [string] $OutputPath,

    [switch] $SkipMailboxes,

    [ValidateRange(0, 2147483647)]
    [int] $MaxMobileDevices = 0,

    [string] $SigningCertificateThumbprint,

    [string] $MdmInventoryCsv,

    [string[]] $MergeBundle,

    [switch] $NoZip
)

# TODO(#5): not yet run against a live Exchange organisation; it is checked by parsing and by
# contract tests only, so the probe objects below (TLS, IIS modules, reboot pending, log folders)
# follow the importers' member names as read, not as observed.

# Not Set-StrictMode: the host blocks below also run in remote sessions, which do not inherit it,
# so they are written to behave the same without it.
$ErrorActionPreference = 'Stop'
$CollectorVersion = '0.1.0'
$BundleSchema = 'exzt-bundle/1'
$TableSchema = 'exzt-collector-kinds/1'
$Utf8NoBom = New-Object System.Text.UTF8Encoding $false
$ParameterSet = $PSCmdlet.ParameterSetName

# ---------------------------------------------------------------------------------------------
# What to collect, per kind. The keys of these tables are held to ExztKinds.psd1 (and so to
# exzt's registry) by test/collector/contract.test.ts, in both directions.
# ---------------------------------------------------------------------------------------------

# Once per organisation, in this Exchange Management Shell.
$OrganizationCollectors = @{
    'ad.domain-acls'                            = { Get-ExztDomainAcl }
    'ad.exchange-well-known-groups'             = { Get-ExztWellKnownGroup }
    'ad.schema-storage-group'                   = { Get-ExztSchemaObject '(&(objectClass=classSchema)(cn=ms-Exch-Storage-Group))' }
    'ad.schema-version-pt'                      = { Get-ExztSchemaObject '(&(objectClass=attributeSchema)(cn=ms-Exch-Schema-Version-Pt))' }
    'exchange.accepted-domains'                 = { Get-AcceptedDomain }
    'exchange.activesync-organization-settings' = { Get-ActiveSyncOrganizationSettings }
    'exchange.admin-audit-log-config'           = { Get-AdminAuditLogConfig }
    'exchange.auth-config'                      = { Get-AuthConfig }
    'exchange.auth-servers'                     = { Get-AuthServer }
    'exchange.authentication-policies'          = { Get-AuthenticationPolicy }
    'exchange.cas-mailboxes'                    = { Get-CASMailbox -ResultSize Unlimited }
    'exchange.client-access-rules'              = { Get-ClientAccessRule }
    'exchange.dag-networks'                     = { Get-DatabaseAvailabilityGroupNetwork }
    'exchange.global-monitoring-overrides'      = { Get-GlobalMonitoringOverride }
    'exchange.hybrid-configuration'             = { Get-HybridConfiguration }
    'exchange.irm-configuration'                = { Get-IRMConfiguration }
    'exchange.mailbox-databases'                = {
        Get-MailboxDatabase -Status |
            Select-Object 'Name', 'Server', 'LastFullBackup', 'LastIncrementalBackup', 'LastDifferentialBackup', 'CircularLoggingEnabled'
    }
    'exchange.mobile-device-policies'           = { Get-MobileDeviceMailboxPolicy }
    'exchange.organization-config'              = { Get-OrganizationConfig }
    'exchange.partner-applications'             = { Get-PartnerApplication }
    'exchange.public-folder-dynamic-groups'     = { Get-DynamicDistributionGroup 'PublicFolderMailboxes*' -IncludeSystemObjects }
    'exchange.role-assignments'                 = { Get-ManagementRoleAssignment }
    'exchange.role-group-members'               = { Get-ExztRoleGroupMember }
    'exchange.send-connectors'                  = { Get-SendConnector }
    'exchange.setting-overrides'                = { Get-SettingOverride }
    'mobile.devices'                            = { Get-ExztMobileDevice }
}

# Once per server, in this Exchange Management Shell, given the server's name.
$ServerCollectors = @{
    'exchange.activesync-virtual-directory'   = { param($Server) Get-ActiveSyncVirtualDirectory -Server $Server -ADPropertiesOnly }
    'exchange.autodiscover-virtual-directory' = { param($Server) Get-AutodiscoverVirtualDirectory -Server $Server -ADPropertiesOnly }
    'exchange.certificates'                   = { param($Server) Get-ExchangeCertificate -Server $Server }
    'exchange.ecp-virtual-directory'          = { param($Server) Get-EcpVirtualDirectory -Server $Server -ADPropertiesOnly }
    'exchange.internal-transport-certificate' = {
        param($Server)
        $thumbprint = (Get-TransportService -Identity $Server).InternalTransportCertificateThumbprint
        Get-ExchangeCertificate -Server $Server -Thumbprint $thumbprint
    }
    'exchange.mailbox-server'                 = { param($Server) Get-MailboxServer -Identity $Server }
    'exchange.mapi-virtual-directory'         = { param($Server) Get-MapiVirtualDirectory -Server $Server -ADPropertiesOnly }
    'exchange.oab-virtual-directory'          = { param($Server) Get-OabVirtualDirectory -Server $Server -ADPropertiesOnly }
    'exchange.outlook-anywhere'               = { param($Server) Get-OutlookAnywhere -Server $Server -ADPropertiesOnly }
    'exchange.owa-virtual-directory'          = { param($Server) Get-OwaVirtualDirectory -Server $Server -ADPropertiesOnly }
    'exchange.powershell-virtual-directory'   = { param($Server) Get-PowerShellVirtualDirectory -Server $Server -ADPropertiesOnly }
    'exchange.protocol-container'             = { param($Server) Get-ExztProtocolContainer $Server }
    'exchange.receive-connector-permissions'  = {
        param($Server)
        Get-ReceiveConnector -Server $Server | Get-ADPermission | Where-Object { $_.ExtendedRights }
    }
    'exchange.receive-connectors'             = { param($Server) Get-ReceiveConnector -Server $Server }
    'exchange.server'                         = { param($Server) Get-ExchangeServer -Identity $Server -Status }
    'exchange.server-ad-object'               = { param($Server) Get-ExztComputerObject $Server }
    'exchange.server-component-state'         = { param($Server) Get-ServerComponentState -Identity $Server }
    'exchange.server-monitoring-overrides'    = { param($Server) Get-ServerMonitoringOverride -Server $Server }
    'exchange.service-health'                 = { param($Server) Test-ServiceHealth -Server $Server }
    'exchange.transport-resource-throttling'  = {
        param($Server)
        Get-ExchangeDiagnosticInfo -Server $Server -Process EdgeTransport -Component ResourceThrottling
    }
    'exchange.variant-configuration'          = {
        param($Server)
        Get-ExchangeDiagnosticInfo -Server $Server -Process Microsoft.Exchange.Directory.TopologyService -Component VariantConfiguration -Argument Overrides
    }
    'exchange.web-services-virtual-directory' = { param($Server) Get-WebServicesVirtualDirectory -Server $Server -ADPropertiesOnly }
    'exchange.web-sites-from-ad'              = { param($Server) Get-ExztWebSiteFromAd $Server }
}

# On the server itself (locally, or through Invoke-Command): self-contained, nothing from this
# script is visible there.
$HostCollectors = @{
    'exchange.app-pools'                = { & (Join-Path $env:windir 'System32\inetsrv\appcmd.exe') list apppool /text:* }
    # TODO(#5): per IIS location, tokenChecking and sslFlags only; HealthChecker's
    # Get-ExtendedProtectionConfiguration also weighs the expected value per virtual directory.
    'exchange.extended-protection'      = {
        $config = [xml](Get-Content (Join-Path $env:windir 'System32\inetsrv\config\applicationHost.config') -Raw)
        foreach ($location in $config.configuration.location) {
            $security = $location.'system.webServer'
            if ($null -eq $security -or $null -eq $security.security) { continue }
            $windows = $security.security.authentication.windowsAuthentication
            $access = $security.security.access
            New-Object PSObject -Property ([ordered]@{
                    VirtualDirectory = $location.path
                    TokenChecking    = $(if ($null -ne $windows -and $null -ne $windows.extendedProtection) { $windows.extendedProtection.tokenChecking } else { $null })
                    SslFlags         = $(if ($null -ne $access) { $access.sslFlags } else { $null })
                })
        }
    }
    'exchange.fipfs-engine-state'       = {
        $engines = Join-Path $env:ExchangeInstallPath 'FIP-FS\Data\Engines\amd64\Microsoft\Bin'
        $versions = @(Get-ChildItem -LiteralPath $engines -Directory -ErrorAction SilentlyContinue |
                Where-Object { $_.Name -match '^\d+$' } | ForEach-Object { [int64]$_.Name })
        $highest = $null
        if ($versions.Count -gt 0) { $highest = ($versions | Measure-Object -Maximum).Maximum }
        # The year-2022 FIP-FS bug: a version folder at or above 2201010000 stops scanning.
        New-Object PSObject -Property ([ordered]@{
                BadVersionNumberDirDetected  = (@($versions | Where-Object { $_ -ge 2201010000 }).Count -gt 0)
                HighestVersionNumberDetected = $highest
            })
    }
    'exchange.iis-modules'              = {
        $config = [xml](Get-Content (Join-Path $env:windir 'System32\inetsrv\config\applicationHost.config') -Raw)
        $modules = @(foreach ($module in $config.configuration.'system.webServer'.globalModules.add) {
                $path = [Environment]::ExpandEnvironmentVariables($module.image)
                $signature = Get-AuthenticodeSignature -FilePath $path
                $signer = $null
                if ($null -ne $signature.SignerCertificate) { $signer = $signature.SignerCertificate.Subject }
                New-Object PSObject -Property ([ordered]@{
                        Name             = $module.name
                        Path             = $path
                        Signed           = ($signature.Status -ne 'NotSigned')
                        SignatureDetails = New-Object PSObject -Property ([ordered]@{
                                Signer            = $signer
                                SignatureStatus   = [string]$signature.Status
                                IsMicrosoftSigned = ($signer -match 'O=Microsoft Corporation')
                            })
                    })
            })
        $signed = @($modules | Where-Object { $_.Signed })
        New-Object PSObject -Property ([ordered]@{
                ModuleList                   = $modules
                AllModulesSigned             = ($signed.Count -eq $modules.Count)
                AllSignaturesValid           = (@($signed | Where-Object { $_.SignatureDetails.SignatureStatus -ne 'Valid' }).Count -eq 0)
                AllSignedModulesSignedByMSFT = (@($signed | Where-Object { -not $_.SignatureDetails.IsMicrosoftSigned }).Count -eq 0)
            })
    }
    'exchange.installed-updates'        = {
        Get-ChildItem HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall | Get-ItemProperty |
            Where-Object DisplayName -like '*Exchange Server*' |
            Select-Object 'DisplayName', 'DisplayVersion', 'InstallDate', 'Publisher', 'PSChildName'
    }
    'exchange.log-folders'              = {
        Import-Module WebAdministration
        $folders = New-Object System.Collections.ArrayList
        foreach ($site in Get-Website) {
            $directory = [Environment]::ExpandEnvironmentVariables($site.logFile.directory)
            [void]$folders.Add(@('iis', (Join-Path $directory "W3SVC$($site.id)")))
        }
        $proxy = Join-Path $env:ExchangeInstallPath 'Logging\HttpProxy'
        foreach ($folder in @(Get-ChildItem -LiteralPath $proxy -Directory -ErrorAction SilentlyContinue)) {
            [void]$folders.Add(@('http-proxy', $folder.FullName))
        }
        foreach ($folder in $folders) {
            $files = @(Get-ChildItem -LiteralPath $folder[1] -File -ErrorAction SilentlyContinue)
            $oldest = $files | Sort-Object LastWriteTimeUtc | Select-Object -First 1
            New-Object PSObject -Property ([ordered]@{
                    LogType    = $folder[0]
                    Path       = $folder[1]
                    FileCount  = $files.Count
                    OldestFile = $(if ($null -ne $oldest) { $oldest.LastWriteTimeUtc } else { $null })
                })
        }
    }
    'exchange.mitigation-endpoint'      = {
        Invoke-WebRequest -Method Get -Uri 'https://officeclient.microsoft.com/getexchangemitigations' -UseBasicParsing |
            Select-Object 'StatusCode', 'StatusDescription'
    }
    'exchange.mitigation-service'       = { Get-Service MSExchangeMitigation }
    'exchange.setup-version'            = { Get-Command ExSetup.exe | ForEach-Object FileVersionInfo }
    'hardware.computer-system'          = { Get-CimInstance Win32_ComputerSystem }
    'hardware.physical-memory'          = { Get-CimInstance Win32_PhysicalMemory }
    'hardware.processor'                = { Get-CimInstance Win32_Processor }
    'iis.token-cache-module-version'    = { Get-Item (Join-Path $env:windir 'System32\inetsrv\cachtokn.dll') | ForEach-Object VersionInfo }
    'iis.web-applications'              = { Import-Module WebAdministration; Get-WebApplication }
    'iis.web-bindings'                  = { Import-Module WebAdministration; Get-WebBinding }
    'iis.web-sites'                     = { Import-Module WebAdministration; Get-Website }
    'os.bitlocker-volumes'              = {
        Get-BitLockerVolume |
            Select-Object 'MountPoint', 'VolumeType', 'VolumeStatus', 'ProtectionStatus', 'EncryptionMethod', 'EncryptionPercentage'
    }
    'os.device-guard'                   = {
        Get-CimInstance -Namespace root\Microsoft\Windows\DeviceGuard -ClassName Win32_DeviceGuard |
            Select-Object 'SecurityServicesRunning', 'SecurityServicesConfigured', 'VirtualizationBasedSecurityStatus'
    }
    'os.dns-client'                     = { Get-DnsClient }
    'os.dotnet-file-versions'           = {
        $netPath = [Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()
        Get-Item (Join-Path $netPath 'System.Data.dll'), (Join-Path $netPath 'System.Configuration.dll') |
            ForEach-Object VersionInfo
    }
    'os.dotnet-release'                 = {
        Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full' | Select-Object 'Release', 'Version'
    }
    'os.event-log-application'          = { Get-WinEvent -ListLog Application }
    'os.event-log-application-oldest'   = { Get-WinEvent -LogName Application -Oldest -MaxEvents 1 }
    'os.event-log-system'               = { Get-WinEvent -ListLog System }
    'os.event-log-system-oldest'        = { Get-WinEvent -LogName System -Oldest -MaxEvents 1 }
    'os.firewall-profiles'              = { Get-NetFirewallProfile -PolicyStore ActiveStore }
    'os.hotfixes'                       = { Get-HotFix }
    'os.http-proxy'                     = {
        foreach ($key in 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections',
            'HKLM:\SOFTWARE\Wow6432Node\Microsoft\Windows\CurrentVersion\Internet Settings\Connections') {
            $settings = Get-ItemProperty -Path $key -Name WinHttpSettings -ErrorAction SilentlyContinue
            $proxy = $null
            if ($null -ne $settings) {
                # WinHttpSettings: a 12-byte header whose last DWORD is the proxy string's length.
                $bytes = [byte[]]$settings.WinHttpSettings
                $length = [BitConverter]::ToInt32($bytes, 8)
                if ($length -gt 0) { $proxy = [Text.Encoding]::ASCII.GetString($bytes, 12, $length) }
            }
            New-Object PSObject -Property ([ordered]@{ RegistryLocation = $key; ProxyAddress = $proxy })
        }
    }
    'os.installation-type'              = { (Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion').InstallationType }
    'os.local-administrators'           = { Get-LocalGroupMember -SID S-1-5-32-544 }
    'os.lsa-settings'                   = {
        Get-ItemProperty 'HKLM:\SYSTEM\CurrentControlSet\Control\Lsa' | Select-Object 'LmCompatibilityLevel', 'LsaCfgFlags', 'RunAsPPL', 'SuppressExtendedProtection'
    }
    'os.msipc-server-acl'               = {
        (Get-Acl 'HKLM:\SOFTWARE\Microsoft\MSIPC\Server').Access |
            Select-Object @{ Name = 'Sid'; Expression = { $_.IdentityReference.Translate([Security.Principal.SecurityIdentifier]).Value } },
            'RegistryRights', 'AccessControlType', 'InheritanceFlags', 'PropagationFlags'
    }
    'os.net-adapter-rss'                = { Get-NetAdapterRss }
    'os.net-ip-configuration'           = { Get-NetIPConfiguration }
    'os.network-adapter-configuration'  = { Get-CimInstance Win32_NetworkAdapterConfiguration }
    'os.network-adapters'               = { Get-CimInstance Win32_NetworkAdapter }
    'os.operating-system'               = { Get-CimInstance Win32_OperatingSystem }
    'os.page-file-settings'             = { Get-CimInstance Win32_PageFileSetting }
    'os.performance-counters'           = {
        $counters = '\Hyper-V Dynamic Memory Integration Service\Maximum Memory, MBytes',
        '\Processor(_Total)\% Processor Time',
        '\Network Interface(*)\Packets Received Discarded',
        '\VM Memory\Memory Reservation in MB'
        # A counter this server lacks (no Hyper-V, no VMware) is no failure: the others still count.
        Get-Counter -Counter $counters -ErrorAction SilentlyContinue |
            ForEach-Object CounterSamples | Select-Object 'Path', 'InstanceName', 'CookedValue'
    }
    'os.power-plan'                     = { Get-CimInstance -Namespace root\cimv2\power -ClassName Win32_PowerPlan }
    'os.product-name'                   = { (Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion').ProductName }
    'os.reboot-pending'                 = {
        $manager = Get-ItemProperty 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager' -ErrorAction SilentlyContinue
        $renames = $null -ne $manager -and $null -ne $manager.PSObject.Properties['PendingFileRenameOperations']
        $servicing = Test-Path 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending'
        $autoUpdate = Test-Path 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired'
        $updates = Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Updates' -ErrorAction SilentlyContinue
        $volatile = $null -ne $updates -and $null -ne $updates.PSObject.Properties['UpdateExeVolatile'] -and $updates.UpdateExeVolatile -ne 0
        $ccm = $false
        try {
            # Configuration Manager's own answer; a query, it schedules nothing.
            $answer = Invoke-CimMethod -Namespace root\ccm\ClientSDK -ClassName CCM_ClientUtilities -MethodName DetermineIfRebootPending -ErrorAction Stop
            $ccm = [bool]($answer.RebootPending -or $answer.IsHardRebootPending)
        } catch {
            $ccm = $false
        }
        $locations = @()
        if ($renames) { $locations += 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager\PendingFileRenameOperations' }
        if ($servicing) { $locations += 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending' }
        if ($autoUpdate) { $locations += 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired' }
        if ($volatile) { $locations += 'HKLM:\SOFTWARE\Microsoft\Updates\UpdateExeVolatile' }
        if ($ccm) { $locations += 'root\ccm\ClientSDK DetermineIfRebootPending' }
        New-Object PSObject -Property ([ordered]@{
                PendingFileRenameOperations          = $renames
                ComponentBasedServicingPendingReboot = $servicing
                AutoUpdatePendingReboot              = $autoUpdate
                UpdateExeVolatileValue               = $volatile
                CcmRebootPending                     = $ccm
                PendingReboot                        = ($locations.Count -gt 0)
                PendingRebootLocations               = $locations
            })
    }
    'os.services'                       = { Get-Service }
    'os.smb-server-configuration'       = { Get-SmbServerConfiguration }
    'os.time-zone'                      = { Get-ItemProperty HKLM:\SYSTEM\CurrentControlSet\Control\TimeZoneInformation }
    'os.tls-settings'                   = {
        # The shape HealthChecker's Get-AllTlsSettings exports: Registry.TLS and Registry.NET.
        $schannel = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols'
        $tls = @{}
        foreach ($version in '1.0', '1.1', '1.2', '1.3') {
            $entry = [ordered]@{ TLSVersion = $version }
            foreach ($side in 'Server', 'Client') {
                $values = Get-ItemProperty -Path "$schannel\TLS $version\$side" -ErrorAction SilentlyContinue
                foreach ($name in 'Enabled', 'DisabledByDefault') {
                    $value = $null
                    if ($null -ne $values -and $null -ne $values.PSObject.Properties[$name]) { $value = $values.$name }
                    $entry["$side$($name)Value"] = $value
                }
            }
            $tls[$version] = New-Object PSObject -Property $entry
        }
        $net = @{}
        foreach ($framework in @(@('NETv4', 'v4.0.30319'), @('NETv2', 'v2.0.50727'))) {
            $entry = [ordered]@{ NetVersion = $framework[0] }
            foreach ($prefix in '', 'Wow') {
                $root = 'HKLM:\SOFTWARE\Microsoft\.NETFramework'
                if ($prefix -eq 'Wow') { $root = 'HKLM:\SOFTWARE\Wow6432Node\Microsoft\.NETFramework' }
                $values = Get-ItemProperty -Path "$root\$($framework[1])" -ErrorAction SilentlyContinue
                foreach ($name in 'SystemDefaultTlsVersions', 'SchUseStrongCrypto') {
                    $value = $null
                    if ($null -ne $values -and $null -ne $values.PSObject.Properties[$name]) { $value = $values.$name }
                    $entry["$prefix$($name)Value"] = $value
                }
            }
            $net[$framework[0]] = New-Object PSObject -Property $entry
        }
        New-Object PSObject -Property @{ Registry = (New-Object PSObject -Property @{ TLS = $tls; NET = $net }) }
    }
    'os.visual-c-redistributables'      = {
        Get-ItemProperty HKLM:\SOFTWARE\*\Microsoft\Windows\CurrentVersion\Uninstall\* | Where-Object DisplayName -like '*Visual C++*'
    }
    'os.windows-features'               = { Get-WindowsFeature }
}

# Files on the server, copied byte for byte: each block gives the file's path there.
$HostFiles = @{
    'exchange.antimalware-config'             = { Join-Path $env:ExchangeInstallPath 'Bin\Monitoring\Config\AntiMalware.xml' }
    'exchange.edge-transport-config'          = { Join-Path $env:ExchangeInstallPath 'Bin\EdgeTransport.exe.config' }
    'exchange.fipfs-configuration'            = {
        $fipfs = Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\ExchangeServer\v15\FIP-FS'
        Join-Path $fipfs.DatabasePath 'Configuration.xml'
    }
    'exchange.noderunner-config'              = { Join-Path $env:ExchangeInstallPath 'Bin\Search\Ceres\Runtime\1.0\noderunner.exe.config' }
    'iis.application-host'                    = { Join-Path $env:windir 'System32\inetsrv\config\applicationHost.config' }
    'iis.shared-web-config.default-web-site'  = { Join-Path $env:ExchangeInstallPath 'FrontEnd\HttpProxy\SharedWebConfig.config' }
    'iis.shared-web-config.exchange-back-end' = { Join-Path $env:ExchangeInstallPath 'ClientAccess\SharedWebConfig.config' }
}

# web.config files, by IIS path: Get-WebConfigFile names the file on the server.
$WebConfigLocations = @{
    'iis.web-config.default-web-site'             = 'IIS:\Sites\Default Web Site'
    'iis.web-config.default-web-site.autod'       = 'IIS:\Sites\Default Web Site\Autodiscover'
    'iis.web-config.default-web-site.eas'         = 'IIS:\Sites\Default Web Site\Microsoft-Server-ActiveSync'
    'iis.web-config.default-web-site.ecp'         = 'IIS:\Sites\Default Web Site\ecp'
    'iis.web-config.default-web-site.ews'         = 'IIS:\Sites\Default Web Site\EWS'
    'iis.web-config.default-web-site.mapi'        = 'IIS:\Sites\Default Web Site\mapi'
    'iis.web-config.default-web-site.oab'         = 'IIS:\Sites\Default Web Site\OAB'
    'iis.web-config.default-web-site.owa'         = 'IIS:\Sites\Default Web Site\owa'
    'iis.web-config.default-web-site.powershell'  = 'IIS:\Sites\Default Web Site\PowerShell'
    'iis.web-config.default-web-site.rest'        = 'IIS:\Sites\Default Web Site\API'
    'iis.web-config.default-web-site.rpc'         = 'IIS:\Sites\Default Web Site\Rpc'
    'iis.web-config.exchange-back-end'            = 'IIS:\Sites\Exchange Back End'
    'iis.web-config.exchange-back-end.autod'      = 'IIS:\Sites\Exchange Back End\Autodiscover'
    'iis.web-config.exchange-back-end.eas'        = 'IIS:\Sites\Exchange Back End\Microsoft-Server-ActiveSync'
    'iis.web-config.exchange-back-end.ecp'        = 'IIS:\Sites\Exchange Back End\ecp'
    'iis.web-config.exchange-back-end.ews'        = 'IIS:\Sites\Exchange Back End\EWS'
    'iis.web-config.exchange-back-end.mapiemsmdb' = 'IIS:\Sites\Exchange Back End\mapi/emsmdb'
    'iis.web-config.exchange-back-end.mapinspi'   = 'IIS:\Sites\Exchange Back End\mapi/nspi'
    'iis.web-config.exchange-back-end.oab'        = 'IIS:\Sites\Exchange Back End\OAB'
    'iis.web-config.exchange-back-end.owa'        = 'IIS:\Sites\Exchange Back End\owa'
    'iis.web-config.exchange-back-end.powershell' = 'IIS:\Sites\Exchange Back End\PowerShell'
    'iis.web-config.exchange-back-end.push'       = 'IIS:\Sites\Exchange Back End\PushNotifications'
    'iis.web-config.exchange-back-end.rest'       = 'IIS:\Sites\Exchange Back End\API'
    'iis.web-config.exchange-back-end.rpc'        = 'IIS:\Sites\Exchange Back End\Rpc'
}

# Files the user hands over, by parameter.
$SuppliedFiles = @{
    'inventory.mdm-devices' = 'MdmInventoryCsv'
}

# Produced by exzt, not on a server; named so the contract test sees every kind accounted for.
# `exzt logs scan` / `exzt assess --logs` derive the logs.* kinds from the IIS and HttpProxy logs;
# `exzt probe` writes the probe.* kinds from wherever it runs.
$NotCollected = @{
    'probe.https' = 'exzt probe'
    'probe.smtp' = 'exzt probe'
    'logs.client-versions' = 'exzt logs scan'
    'logs.indicators' = 'exzt logs scan'
    'logs.admin-access' = 'exzt logs scan'
    'logs.legacy-auth' = 'exzt logs scan'
    'logs.client-addresses' = 'exzt logs scan'
}

# ---------------------------------------------------------------------------------------------
# Directory ([ADSI]) and composite queries, run in this shell.
# ---------------------------------------------------------------------------------------------

function Get-ExztDomainAcl {
    foreach ($domain in [System.DirectoryServices.ActiveDirectory.Forest]::GetCurrentForest().Domains) {
        $domainDn = [string]$domain.GetDirectoryEntry().Properties['distinguishedName'].Value
        $permissions = foreach ($dn in @($domainDn, "CN=AdminSDHolder,CN=System,$domainDn")) {
            $entry = [ADSI]"LDAP://$($domain.Name)/$dn"
            $sddl = $entry.ObjectSecurity.GetSecurityDescriptorSddlForm([System.Security.AccessControl.AccessControlSections]::Access)
            New-Object PSObject -Property ([ordered]@{ DN = @($dn); Acl = (New-Object PSObject -Property @{ Sddl = $sddl }) })
        }
        $mesoDn = "CN=Microsoft Exchange System Objects,$domainDn"
        $meso = [ADSI]"LDAP://$($domain.Name)/$mesoDn"
        New-Object PSObject -Property ([ordered]@{
                DomainName  = $domain.Name
                DomainDN    = $domainDn
                Permissions = @($permissions)
                MesoObject  = (New-Object PSObject -Property ([ordered]@{ DN = $mesoDn; ObjectVersion = $meso.Properties['objectVersion'].Value }))
            })
    }
}

function Get-ExztWellKnownGroup {
    $configuration = ([ADSI]'LDAP://RootDSE').Properties['configurationNamingContext'].Value
    $searcher = New-Object System.DirectoryServices.DirectorySearcher([ADSI]"LDAP://CN=Microsoft Exchange,CN=Services,$configuration")
    $searcher.SearchScope = 'Base'
    [void]$searcher.PropertiesToLoad.Add('otherWellKnownObjects')
    $exchange = $searcher.FindOne()
    foreach ($value in $exchange.Properties['otherwellknownobjects']) {
        # DN-with-binary: B:32:<GUID>:<distinguished name>
        $dn = ([string]$value).Split(':', 4)[3]
        $group = [ADSI]"LDAP://$dn"
        $sid = New-Object System.Security.Principal.SecurityIdentifier([byte[]]$group.Properties['objectSid'].Value, 0)
        New-Object PSObject -Property ([ordered]@{
                WellKnownName     = [string]$group.Properties['cn'].Value
                DistinguishedName = $dn
                SID               = $sid.Value
            })
    }
}

function Get-ExztSchemaObject([string] $Filter) {
    $schema = ([ADSI]'LDAP://RootDSE').Properties['schemaNamingContext'].Value
    $searcher = New-Object System.DirectoryServices.DirectorySearcher([ADSI]"LDAP://$schema", $Filter)
    foreach ($result in $searcher.FindAll()) {
        New-Object PSObject -Property ([ordered]@{
                Path          = $result.Path
                Name          = [string]($result.Properties['cn'] | Select-Object -First 1)
                PossSuperiors = @($result.Properties['posssuperiors'])
                RangeUpper    = ($result.Properties['rangeupper'] | Select-Object -First 1)
            })
    }
}

function Get-ExztProtocolContainer([string] $Server) {
    $dn = 'CN=Protocols,' + (Get-ExchangeServer -Identity $Server).DistinguishedName
    $container = [ADSI]"LDAP://$dn"
    New-Object PSObject -Property ([ordered]@{ DistinguishedName = $dn; Children = @($container.Children | ForEach-Object { [string]$_.Properties['name'].Value }) })
}

function Get-ExztWebSiteFromAd([string] $Server) {
    $dn = 'CN=HTTP,CN=Protocols,' + (Get-ExchangeServer -Identity $Server).DistinguishedName
    $searcher = New-Object System.DirectoryServices.DirectorySearcher([ADSI]"LDAP://$dn", '(msExchServerBindings=*)')
    foreach ($result in $searcher.FindAll()) {
        New-Object PSObject -Property ([ordered]@{
                Name                 = [string]($result.Properties['name'] | Select-Object -First 1)
                MsExchServerBindings = @($result.Properties['msexchserverbindings'])
            })
    }
}

function Get-ExztComputerObject([string] $Server) {
    $forest = [System.DirectoryServices.ActiveDirectory.Forest]::GetCurrentForest()
    $searcher = New-Object System.DirectoryServices.DirectorySearcher([ADSI]"GC://$($forest.Name)", "(&(objectClass=computer)(cn=$Server))")
    foreach ($name in 'distinguishedName', 'memberOf', 'objectSid', 'servicePrincipalName', 'msExchRMSComputerAccountsBL') {
        [void]$searcher.PropertiesToLoad.Add($name)
    }
    foreach ($result in $searcher.FindAll()) {
        New-Object PSObject -Property ([ordered]@{
                DistinguishedName           = [string]($result.Properties['distinguishedname'] | Select-Object -First 1)
                MemberOf                    = @($result.Properties['memberof'])
                ObjectSid                   = (New-Object System.Security.Principal.SecurityIdentifier([byte[]]($result.Properties['objectsid'] | Select-Object -First 1), 0)).Value
                ServicePrincipalName        = @($result.Properties['serviceprincipalname'])
                MsExchRMSComputerAccountsBL = @($result.Properties['msexchrmscomputeraccountsbl'])
            })
    }
}

function Get-ExztRoleGroupMember {
    Get-RoleGroup -ResultSize Unlimited | ForEach-Object {
        $group = $_.Name
        Get-RoleGroupMember -Identity $_.Identity -ResultSize Unlimited |
            Select-Object @{ Name = 'RoleGroup'; Expression = { $group } }, 'Name', 'RecipientType', 'RecipientTypeDetails', 'SamAccountName', 'PrimarySmtpAddress', 'DistinguishedName'
    }
}

function Get-ExztMobileDevice {
    $resultSize = 'Unlimited'
    if ($MaxMobileDevices -gt 0) { $resultSize = $MaxMobileDevices }
    Get-MobileDevice -ResultSize $resultSize | ForEach-Object {
        $statistics = Get-MobileDeviceStatistics -Identity $_.Identity
        $owner = Get-Mailbox -Identity $_.UserDisplayName
        $_ | Add-Member LastSuccessSync $statistics.LastSuccessSync -PassThru |
            Add-Member UserPrincipalName $owner.UserPrincipalName -PassThru |
            Add-Member PrimarySmtpAddress $owner.PrimarySmtpAddress.ToString() -PassThru
    }
}

# ---------------------------------------------------------------------------------------------
# Bundle writing: files, failures, manifest, signature, zip.
# ---------------------------------------------------------------------------------------------

$FileEntries = New-Object System.Collections.ArrayList
$Failures = New-Object System.Collections.ArrayList
$Limits = New-Object System.Collections.ArrayList
$MergedBundles = New-Object System.Collections.ArrayList

function Get-UtcStamp {
    (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ', [Globalization.CultureInfo]::InvariantCulture)
}

function Get-MemberPath($Kind, [string] $Subject) {
    if ($Kind.Scope -eq 'organization') { return 'organization/' + $Kind.BundleFile }
    'servers/' + $Subject + '/' + $Kind.BundleFile
}

function Add-FileEntry($Kind, [string] $Subject, [string] $Stamp) {
    [void]$FileEntries.Add([ordered]@{
            path        = (Get-MemberPath $Kind $Subject)
            sha256      = ''
            kind        = $Kind.Id
            subject     = $Subject
            command     = $Kind.Command
            collectedAt = $Stamp
        })
}

function Add-Failure($Kind, [string] $Subject, [string] $Message) {
    [void]$Failures.Add([ordered]@{ subject = $Subject; kind = $Kind.Id; command = $Kind.Command; error = $Message })
    Write-Warning "$($Kind.Id) ($Subject): $Message"
}

function Get-TargetPath($Kind, [string] $Subject) {
    $target = Join-Path $OutputPath ((Get-MemberPath $Kind $Subject) -replace '/', '\')
    [void](New-Item -ItemType Directory -Path (Split-Path $target -Parent) -Force)
    $target
}

# Export-Clixml with the kind's own -Depth and -Encoding (ExztKinds.psd1, docs/collector.md).
function Save-KindObjects($Kind, [string] $Subject, $Objects) {
    $stamp = Get-UtcStamp
    # A command that returned nothing gives an empty document, which exzt reads as "absent".
    if ($null -eq $Objects) { $Objects = @() }
    $Objects | Export-Clixml -LiteralPath (Get-TargetPath $Kind $Subject) -Depth $Kind.Depth -Encoding $Kind.Encoding
    Add-FileEntry $Kind $Subject $stamp
}

function Save-KindBytes($Kind, [string] $Subject, [byte[]] $Bytes) {
    $stamp = Get-UtcStamp
    [IO.File]::WriteAllBytes((Get-TargetPath $Kind $Subject), $Bytes)
    Add-FileEntry $Kind $Subject $stamp
}

# One kind, its failure recorded instead of stopping the run.
function Invoke-Kind($Kind, [string] $Subject, [scriptblock] $Action) {
    try {
        & $Action
    } catch {
        Add-Failure $Kind $Subject $_.Exception.Message
    }
}

function Invoke-OnHost($Session, [scriptblock] $Block, [object[]] $Arguments) {
    if ($null -eq $Session) { return & $Block @Arguments }
    Invoke-Command -Session $Session -ScriptBlock $Block -ArgumentList $Arguments -ErrorAction Stop
}

# Read on the server, so the path is the server's; the bytes come back unchanged.
$ReadHostFile = {
    param([string] $LocatorText, [string] $IisPath)
    if ($IisPath) {
        Import-Module WebAdministration
        $path = (Get-WebConfigFile $IisPath).FullName
    } else {
        $path = & ([scriptblock]::Create($LocatorText))
    }
    , [IO.File]::ReadAllBytes($path)
}

function Write-Manifest([string] $Organization, [string] $CollectedAt) {
    foreach ($entry in $FileEntries) {
        $full = Join-Path $OutputPath ($entry.path -replace '/', '\')
        $entry.sha256 = (Get-FileHash -LiteralPath $full -Algorithm SHA256).Hash.ToLowerInvariant()
    }
    # Sorted by path, ordinally, so two runs list files in the same order whatever the culture.
    $sorted = [object[]]$FileEntries.ToArray()
    if ($sorted.Count -gt 1) {
        $paths = [string[]]($sorted | ForEach-Object { $_.path })
        [Array]::Sort($paths, $sorted, [StringComparer]::Ordinal)
    }
    $manifest = [ordered]@{
        schema       = $BundleSchema
        tool         = 'Collect-ExztEvidence.ps1'
        toolVersion  = $CollectorVersion
        collectedAt  = $CollectedAt
        organization = $Organization
        collectedBy  = "$env:USERDOMAIN\$env:USERNAME"
        collectedOn  = $env:COMPUTERNAME
        files        = $sorted
        failures     = [object[]]$Failures.ToArray()
        limits       = [object[]]$Limits.ToArray()
        merged       = [object[]]$MergedBundles.ToArray()
    }
    $json = ConvertTo-Json -InputObject $manifest -Depth 6
    $bytes = $Utf8NoBom.GetBytes($json)
    [IO.File]::WriteAllBytes((Join-Path $OutputPath 'manifest.json'), $bytes)
    , $bytes
}

function Get-SigningCertificate([string] $Thumbprint) {
    $clean = ($Thumbprint -replace '[\s:]', '').ToUpperInvariant()
    foreach ($store in 'Cert:\CurrentUser\My', 'Cert:\LocalMachine\My') {
        $path = Join-Path $store $clean
        if (Test-Path -LiteralPath $path) {
            $certificate = Get-Item -LiteralPath $path
            if ($certificate.HasPrivateKey) { return $certificate }
        }
    }
    throw "No certificate with thumbprint $clean and its private key in Cert:\CurrentUser\My or Cert:\LocalMachine\My."
}

# RSA: PKCS#1 v1.5 over SHA-256. ECDSA: SHA-256, which .NET returns as IEEE P1363 r||s.
function New-ManifestSignature($Certificate, [byte[]] $Bytes) {
    $sha256 = [System.Security.Cryptography.HashAlgorithmName]::SHA256
    $rsa = [System.Security.Cryptography.X509Certificates.RSACertificateExtensions]::GetRSAPrivateKey($Certificate)
    if ($null -ne $rsa) { return , $rsa.SignData($Bytes, $sha256, [System.Security.Cryptography.RSASignaturePadding]::Pkcs1) }
    $ecdsa = [System.Security.Cryptography.X509Certificates.ECDsaCertificateExtensions]::GetECDsaPrivateKey($Certificate)
    if ($null -ne $ecdsa) { return , $ecdsa.SignData($Bytes, $sha256) }
    throw "The certificate $($Certificate.Thumbprint) has neither an RSA nor an ECDSA private key."
}

function Write-Signature($Certificate, [byte[]] $ManifestBytes) {
    $signature = New-ManifestSignature $Certificate $ManifestBytes
    [IO.File]::WriteAllText((Join-Path $OutputPath 'manifest.sig'), [Convert]::ToBase64String($signature), [Text.Encoding]::ASCII)
    [IO.File]::WriteAllBytes((Join-Path $OutputPath 'signer.cer'), $Certificate.RawData)
}

# Entry names with forward slashes, written one by one: Compress-Archive in Windows PowerShell
# 5.1 can write backslashes, which exzt refuses as unsafe.
function Write-BundleZip([string] $ZipPath) {
    Add-Type -AssemblyName System.IO.Compression
    $root = (Resolve-Path -LiteralPath $OutputPath).Path.TrimEnd('\') + '\'
    $stream = [IO.File]::Open($ZipPath, [IO.FileMode]::CreateNew)
    $archive = New-Object System.IO.Compression.ZipArchive($stream, [System.IO.Compression.ZipArchiveMode]::Create)
    try {
        foreach ($file in Get-ChildItem -LiteralPath $OutputPath -Recurse -File) {
            $name = $file.FullName.Substring($root.Length).Replace('\', '/')
            $entry = $archive.CreateEntry($name, [System.IO.Compression.CompressionLevel]::Optimal)
            $writer = $entry.Open()
            $reader = [IO.File]::OpenRead($file.FullName)
            try { $reader.CopyTo($writer) } finally { $reader.Dispose(); $writer.Dispose() }
        }
    } finally {
        $archive.Dispose()
        $stream.Dispose()
    }
}

# ---------------------------------------------------------------------------------------------
# Merging Edge bundles: their servers/ folders, checked against their own manifest first.
# ---------------------------------------------------------------------------------------------

function Open-BundleFolder([string] $Path) {
    if (Test-Path -LiteralPath $Path -PathType Container) { return (Resolve-Path -LiteralPath $Path).Path }
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $folder = Join-Path ([IO.Path]::GetTempPath()) ('exzt-merge-' + [guid]::NewGuid().ToString('N'))
    [System.IO.Compression.ZipFile]::ExtractToDirectory((Resolve-Path -LiteralPath $Path).Path, $folder)
    $folder
}

function Merge-EdgeBundle([string] $Path) {
    $folder = Open-BundleFolder $Path
    $manifestPath = Join-Path $folder 'manifest.json'
    $manifestBytes = [IO.File]::ReadAllBytes($manifestPath)
    $manifest = $Utf8NoBom.GetString($manifestBytes) | ConvertFrom-Json
    $servers = @{}
    foreach ($file in @($manifest.files | Where-Object { $_.path -like 'servers/*' })) {
        $source = Join-Path $folder ($file.path -replace '/', '\')
        $actual = (Get-FileHash -LiteralPath $source -Algorithm SHA256).Hash.ToLowerInvariant()
        if ($actual -ne $file.sha256) { throw "$Path`: $($file.path) does not match its manifest (SHA-256 $actual); not merged." }
        $target = Join-Path $OutputPath ($file.path -replace '/', '\')
        if (Test-Path -LiteralPath $target) { throw "$Path`: $($file.path) is already in this bundle; not merged." }
        [void](New-Item -ItemType Directory -Path (Split-Path $target -Parent) -Force)
        Copy-Item -LiteralPath $source -Destination $target
        [void]$FileEntries.Add([ordered]@{
                path = $file.path; sha256 = ''; kind = $file.kind; subject = $file.subject
                command = $file.command; collectedAt = $file.collectedAt
            })
        $servers[$file.path.Split('/')[1]] = $true
    }
    foreach ($failure in @($manifest.failures | Where-Object { $servers.ContainsKey([string]$_.subject) })) {
        [void]$Failures.Add([ordered]@{ subject = $failure.subject; kind = $failure.kind; command = $failure.command; error = $failure.error })
    }
    $hash = [BitConverter]::ToString([Security.Cryptography.SHA256]::Create().ComputeHash($manifestBytes)).Replace('-', '').ToLowerInvariant()
    # TODO(#5): a merged bundle's own manifest.sig is not checked here; run `exzt evidence verify` on it first.
    [void]$MergedBundles.Add([ordered]@{ source = $Path; manifestSha256 = $hash; collectedAt = $manifest.collectedAt; servers = [object[]]($servers.Keys | Sort-Object) })
}

# ---------------------------------------------------------------------------------------------
# The run.
# ---------------------------------------------------------------------------------------------

function Get-KindTable {
    $table = Import-PowerShellDataFile -LiteralPath (Join-Path $PSScriptRoot 'ExztKinds.psd1')
    if ($table.Schema -ne $TableSchema) { throw "ExztKinds.psd1 is '$($table.Schema)', expected '$TableSchema'; use the table shipped with this script." }
    $table.Kinds
}

function Test-IsEdgeServer {
    Test-Path 'HKLM:\SOFTWARE\Microsoft\ExchangeServer\v15\EdgeTransportRole'
}

function Get-TargetServers([bool] $IsEdge) {
    if ($IsEdge -or $ParameterSet -eq 'Local') { return , @($env:COMPUTERNAME) }
    if ($ParameterSet -eq 'List') { return , @($Servers) }
    $all = @(Get-ExchangeServer)
    foreach ($edge in @($all | Where-Object { $_.IsEdgeServer })) {
        Write-Warning "$($edge.Name) is an Edge server: run this script on it locally and give its bundle to -MergeBundle."
    }
    , @($all | Where-Object { -not $_.IsEdgeServer } | ForEach-Object { [string]$_.Name } | Sort-Object)
}

function Invoke-OrganizationKinds($Kinds, [string] $Organization) {
    $index = 0
    foreach ($kind in $Kinds) {
        $index++
        Write-Progress -Id 1 -Activity 'Organisation evidence' -Status $kind.Id -PercentComplete (100 * $index / $Kinds.Count)
        if ($kind.Runs -eq 'supplied') {
            $parameter = $SuppliedFiles[$kind.Id]
            $path = Get-Variable -Name $parameter -ValueOnly
            if ($path) { Invoke-Kind $kind $Organization { Save-KindBytes $kind $Organization ([IO.File]::ReadAllBytes((Resolve-Path -LiteralPath $path).Path)) } }
            continue
        }
        if ($kind.Runs -ne 'organization') { continue }
        if ($SkipMailboxes -and $kind.Id -eq 'exchange.cas-mailboxes') {
            Add-Failure $kind $Organization 'not collected: -SkipMailboxes was given'
            continue
        }
        Invoke-Kind $kind $Organization { Save-KindObjects $kind $Organization (& $OrganizationCollectors[$kind.Id]) }
        if ($kind.Id -eq 'mobile.devices' -and $MaxMobileDevices -gt 0) {
            [void]$Limits.Add([ordered]@{ kind = $kind.Id; limit = "at most $MaxMobileDevices devices (-MaxMobileDevices)" })
        }
    }
    Write-Progress -Id 1 -Activity 'Organisation evidence' -Completed
}

function Invoke-ServerKinds($Kinds, [string] $Server) {
    $session = $null
    $sessionError = $null
    if ($Server -ne $env:COMPUTERNAME) {
        try { $session = New-PSSession -ComputerName $Server -ErrorAction Stop } catch { $sessionError = $_.Exception.Message }
    }
    $index = 0
    foreach ($kind in $Kinds) {
        $index++
        Write-Progress -Id 2 -ParentId 1 -Activity "Server $Server" -Status $kind.Id -PercentComplete (100 * $index / $Kinds.Count)
        Invoke-ServerKind $kind $Server $session $sessionError
    }
    if ($null -ne $session) { Remove-PSSession $session }
    Write-Progress -Id 2 -Activity "Server $Server" -Completed
}

function Invoke-ServerKind($Kind, [string] $Server, $Session, [string] $SessionError) {
    if ($Kind.Runs -eq 'server') {
        Invoke-Kind $Kind $Server { Save-KindObjects $Kind $Server (& $ServerCollectors[$Kind.Id] $Server) }
        return
    }
    if ($SessionError) {
        Add-Failure $Kind $Server "remoting to $Server failed: $SessionError"
        return
    }
    if ($Kind.Runs -eq 'host') {
        Invoke-Kind $Kind $Server { Save-KindObjects $Kind $Server (Invoke-OnHost $Session $HostCollectors[$Kind.Id] @()) }
        return
    }
    $locator = ''
    if ($HostFiles.ContainsKey($Kind.Id)) { $locator = $HostFiles[$Kind.Id].ToString() }
    $iisPath = [string]$WebConfigLocations[$Kind.Id]
    Invoke-Kind $Kind $Server { Save-KindBytes $Kind $Server (Invoke-OnHost $Session $ReadHostFile @($locator, $iisPath)) }
}

function Write-Summary([string] $ManifestSha256, [string] $ZipPath, $Certificate) {
    Write-Host ''
    Write-Host "exzt evidence bundle: $OutputPath"
    Write-Host "  files collected:  $($FileEntries.Count)"
    Write-Host "  failed commands:  $($Failures.Count)"
    foreach ($failure in $Failures) { Write-Host "    $($failure.subject) $($failure.kind): $($failure.error)" }
    foreach ($limit in $Limits) { Write-Host "  limited: $($limit.kind), $($limit.limit)" }
    foreach ($merged in $MergedBundles) { Write-Host "  merged: $($merged.source) ($($merged.servers -join ', '))" }
    if ($null -ne $Certificate) { Write-Host "  signed by:        $($Certificate.Subject) (thumbprint $($Certificate.Thumbprint))" }
    else { Write-Host '  signed by:        nobody (no -SigningCertificateThumbprint)' }
    if ($ZipPath) { Write-Host "  zip:              $ZipPath" }
    Write-Host ''
    Write-Host "manifest.json SHA-256: $ManifestSha256"
    Write-Host 'Send this hash to the assessor by another channel; they compare it with `exzt evidence verify`.'
}

function Invoke-Collection {
    $kinds = @(Get-KindTable)
    $certificate = $null
    if ($SigningCertificateThumbprint) {
        $certificate = Get-SigningCertificate $SigningCertificateThumbprint
        # A key that cannot sign should stop the run now, not after an hour of collection.
        [void](New-ManifestSignature $certificate ([byte[]](1, 2, 3)))
    }
    if (-not $OutputPath) { $script:OutputPath = Join-Path (Get-Location) ('exzt-bundle-' + (Get-Date -Format 'yyyyMMdd-HHmmss')) }
    if (Test-Path -LiteralPath $OutputPath) { throw "$OutputPath exists; give -OutputPath a new folder (nothing is overwritten)." }
    [void](New-Item -ItemType Directory -Path $OutputPath)
    $script:OutputPath = (Resolve-Path -LiteralPath $OutputPath).Path

    $collectedAt = Get-UtcStamp
    $isEdge = Test-IsEdgeServer
    $organization = ''
    if (-not $isEdge) {
        $organization = [string](Get-OrganizationConfig).Name
        Invoke-OrganizationKinds @($kinds | Where-Object { $_.Scope -eq 'organization' }) $organization
    }
    $serverKinds = @($kinds | Where-Object { $_.Scope -eq 'server' })
    foreach ($server in (Get-TargetServers $isEdge)) { Invoke-ServerKinds $serverKinds $server }
    foreach ($bundle in @($MergeBundle | Where-Object { $_ })) { Merge-EdgeBundle $bundle }

    $manifestBytes = Write-Manifest $organization $collectedAt
    if ($null -ne $certificate) { Write-Signature $certificate $manifestBytes }
    $manifestSha256 = [BitConverter]::ToString([Security.Cryptography.SHA256]::Create().ComputeHash($manifestBytes)).Replace('-', '').ToLowerInvariant()
    $zipPath = ''
    if (-not $NoZip) {
        $zipPath = $OutputPath + '.zip'
        Write-BundleZip $zipPath
    }
    Write-Summary $manifestSha256 $zipPath $certificate
}

Invoke-Collection
