/**
 * Organisation-wide evidence: exported once, read for every server
 * (reference/healthchecker-checks.md §14.1). In a HealthChecker-layout folder these files sit
 * beside the server's own, but their subject is the organisation.
 */
import { importAcceptedDomains } from '../importers/accepted-domains.js';
import { importDagNetworks } from '../importers/dag-networks.js';
import { importSettingOverrides } from '../importers/setting-overrides.js';
import { importMailboxDatabases } from '../importers/mailbox-databases.js';
import { importMobileDevices } from '../importers/mobile-devices.js';
import { importDomainAcls, importWellKnownGroups } from '../importers/ad-permissions.js';
import { importHybridConfiguration } from '../importers/hybrid-configuration.js';
import { importAuthServers, importPartnerApplications } from '../importers/oauth-applications.js';
import { importOrganizationConfig } from '../importers/organization-config.js';
import { importRoleAssignments } from '../importers/role-assignments.js';
import { importRoleGroupMembers } from '../importers/role-group-members.js';
import { importAdminAuditLogConfig } from '../importers/admin-audit-log-config.js';
import { importAuthConfig } from '../importers/auth-config.js';
import { importIrmConfiguration } from '../importers/irm-configuration.js';
import { importSendConnectors } from '../importers/send-connectors.js';
import { defineKind, type EvidenceKind } from './kind.js';

const SYSTEM_CONFIGURATION = 'Microsoft.Exchange.Data.Directory.SystemConfiguration';

export const ORGANIZATION_KINDS: readonly EvidenceKind[] = [
  defineKind({
    id: 'exchange.organization-config',
    title: 'Organization configuration (Get-OrganizationConfig)',
    scope: 'organization',
    command: 'Get-OrganizationConfig',
    healthChecker: 'Exchange/GetOrganizationConfig.xml',
    looseFileRules: [
      { typeName: 'Microsoft.Exchange.Data.Directory.Management.OrganizationConfig' },
    ],
    importer: importOrganizationConfig,
  }),
  defineKind({
    id: 'exchange.accepted-domains',
    title: 'Accepted domains',
    scope: 'organization',
    command: 'Get-AcceptedDomain',
    healthChecker: 'Exchange/GetAcceptedDomain.xml',
    looseFileRules: [{ typeName: `${SYSTEM_CONFIGURATION}.AcceptedDomain` }],
    importer: importAcceptedDomains,
  }),
  defineKind({
    id: 'exchange.send-connectors',
    title: 'Send connectors',
    scope: 'organization',
    command: 'Get-SendConnector',
    healthChecker: 'Exchange/GetSendConnector.xml',
    looseFileRules: [{ typeName: `${SYSTEM_CONFIGURATION}.SmtpSendConnectorConfig` }],
    importer: importSendConnectors,
  }),
  defineKind({
    id: 'exchange.auth-config',
    title: 'OAuth configuration (Get-AuthConfig)',
    scope: 'organization',
    command: 'Get-AuthConfig',
    healthChecker: 'Exchange/GetAuthConfig.xml',
    looseFileRules: [{ typeName: `${SYSTEM_CONFIGURATION}.AuthConfig` }],
    importer: importAuthConfig,
  }),
  defineKind({
    id: 'exchange.admin-audit-log-config',
    title: 'Administrator audit logging (Get-AdminAuditLogConfig)',
    scope: 'organization',
    command: 'Get-AdminAuditLogConfig',
    looseFileRules: [
      { typeName: 'Microsoft.Exchange.Management.SystemConfigurationTasks.AdminAuditLogConfig' },
    ],
    importer: importAdminAuditLogConfig,
  }),
  defineKind({
    id: 'exchange.irm-configuration',
    title: 'Information Rights Management configuration',
    scope: 'organization',
    command: 'Get-IRMConfiguration',
    healthChecker: 'Exchange/GetIrmConfiguration.xml',
    looseFileRules: [{ typeName: `${SYSTEM_CONFIGURATION}.IRMConfiguration` }],
    importer: importIrmConfiguration,
  }),
  defineKind({
    id: 'exchange.hybrid-configuration',
    title: 'Hybrid configuration',
    scope: 'organization',
    command: 'Get-HybridConfiguration',
    healthChecker: 'Exchange/GetHybridConfiguration.xml',
    looseFileRules: [{ typeName: `${SYSTEM_CONFIGURATION}.HybridConfiguration` }],
    importer: importHybridConfiguration,
  }),
  defineKind({
    id: 'exchange.partner-applications',
    title: 'OAuth partner applications',
    scope: 'organization',
    command: 'Get-PartnerApplication',
    healthChecker: 'Exchange/GetPartnerApplication.xml',
    looseFileRules: [{ typeName: `${SYSTEM_CONFIGURATION}.PartnerApplication` }],
    importer: importPartnerApplications,
  }),
  defineKind({
    id: 'exchange.auth-servers',
    title: 'OAuth authorization servers (Get-AuthServer)',
    scope: 'organization',
    command: 'Get-AuthServer',
    looseFileRules: [{ typeName: `${SYSTEM_CONFIGURATION}.AuthServer` }],
    importer: importAuthServers,
  }),
  defineKind({
    id: 'exchange.role-group-members',
    title: 'RBAC role group members, one object per membership',
    scope: 'organization',
    command:
      'Get-RoleGroup -ResultSize Unlimited | ForEach-Object { $group = $_.Name; ' +
      'Get-RoleGroupMember -Identity $_.Identity -ResultSize Unlimited | Select-Object ' +
      "@{ Name = 'RoleGroup'; Expression = { $group } }, Name, RecipientType, " +
      'RecipientTypeDetails, SamAccountName, PrimarySmtpAddress, DistinguishedName }',
    importer: importRoleGroupMembers,
  }),
  defineKind({
    id: 'exchange.role-assignments',
    title: 'RBAC management role assignments (Get-ManagementRoleAssignment)',
    scope: 'organization',
    command: 'Get-ManagementRoleAssignment',
    looseFileRules: [{ typeName: `${SYSTEM_CONFIGURATION}.ExchangeRoleAssignmentPresentation` }],
    importer: importRoleAssignments,
  }),
  defineKind({
    id: 'exchange.setting-overrides',
    title: 'Setting overrides',
    scope: 'organization',
    command: 'Get-SettingOverride',
    healthChecker: 'Exchange/GetSettingOverride.xml',
    looseFileRules: [{ typeName: `${SYSTEM_CONFIGURATION}.ConfigurationSettings.SettingOverride` }],
    importer: importSettingOverrides,
  }),
  defineKind({
    id: 'exchange.mailbox-databases',
    title: 'Mailbox databases with their last backups (Get-MailboxDatabase -Status)',
    scope: 'organization',
    command:
      'Get-MailboxDatabase -Status | Select-Object Name, Server, LastFullBackup, ' +
      'LastIncrementalBackup, LastDifferentialBackup, CircularLoggingEnabled',
    importer: importMailboxDatabases,
  }),
  defineKind({
    id: 'exchange.global-monitoring-overrides',
    title: 'Global monitoring overrides',
    scope: 'organization',
    command: 'Get-GlobalMonitoringOverride',
    healthChecker: 'Exchange/GetGlobalMonitoringOverride.xml',
  }),
  defineKind({
    id: 'exchange.public-folder-dynamic-groups',
    title: 'Dynamic distribution groups of public folder mailboxes',
    scope: 'organization',
    command: 'Get-DynamicDistributionGroup "PublicFolderMailboxes*" -IncludeSystemObjects',
    healthChecker: 'Exchange/GetDynamicDistributionGroupPfMailboxes.xml',
    looseFileRules: [
      { typeName: 'Microsoft.Exchange.Data.Directory.Management.DynamicDistributionGroup' },
    ],
  }),
  defineKind({
    id: 'ad.schema-version-pt',
    title: 'AD schema class ms-Exch-Schema-Version-Pt (rangeUpper)',
    scope: 'organization',
    command: '[ADSI] schema search: (&(objectClass=attributeSchema)(cn=ms-Exch-Schema-Version-Pt))',
    healthChecker: 'Exchange/GetExchangeAdSchemaClass_ms-Exch-Schema-Version-Pt.xml',
  }),
  defineKind({
    id: 'ad.schema-storage-group',
    title: 'AD schema class ms-Exch-Storage-Group (possSuperiors)',
    scope: 'organization',
    command: '[ADSI] schema search: (&(objectClass=classSchema)(cn=ms-Exch-Storage-Group))',
    healthChecker: 'Exchange/GetExchangeAdSchemaClass_ms-Exch-Storage-Group.xml',
  }),
  defineKind({
    id: 'ad.domain-acls',
    title: 'ACLs of the domain roots, AdminSDHolder and Microsoft Exchange System Objects',
    scope: 'organization',
    command: '[ADSI] nTSecurityDescriptor of each domain root, AdminSDHolder and MESO',
    healthChecker: 'Exchange/GetExchangeDomainsAclPermissions.xml',
    importer: importDomainAcls,
  }),
  defineKind({
    id: 'ad.exchange-well-known-groups',
    title: 'Exchange well-known security groups with their SIDs',
    scope: 'organization',
    command: '[ADSI] otherWellKnownObjects of CN=Microsoft Exchange,CN=Services,<configuration NC>',
    healthChecker: 'Exchange/GetExchangeWellKnownSecurityGroups.xml',
    importer: importWellKnownGroups,
  }),
  defineKind({
    id: 'exchange.dag-networks',
    title: 'DAG networks (Get-DatabaseAvailabilityGroupNetwork)',
    scope: 'organization',
    command: 'Get-DatabaseAvailabilityGroupNetwork',
    looseFileRules: [
      {
        typeName:
          'Microsoft.Exchange.Management.SystemConfigurationTasks.DatabaseAvailabilityGroupNetwork',
      },
    ],
    importer: importDagNetworks,
  }),
  defineKind({
    id: 'mobile.devices',
    title: 'Mobile devices (Exchange ActiveSync partnerships)',
    scope: 'organization',
    // Get-MobileDevice carries neither the last successful sync nor the owner's UPN.
    command:
      'Get-MobileDevice -ResultSize Unlimited | ForEach-Object { ' +
      '$statistics = Get-MobileDeviceStatistics -Identity $_.Identity; ' +
      '$owner = Get-Mailbox -Identity $_.UserDisplayName; $_ | ' +
      'Add-Member LastSuccessSync $statistics.LastSuccessSync -PassThru | ' +
      'Add-Member UserPrincipalName $owner.UserPrincipalName -PassThru | ' +
      'Add-Member PrimarySmtpAddress $owner.PrimarySmtpAddress.ToString() -PassThru }',
    importer: importMobileDevices,
    objectByObject: true,
  }),
];
