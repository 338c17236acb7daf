/**
 * Evidence about the clients that reach Exchange and the rules they meet: protocol settings per
 * mailbox, mobile device policies and access defaults, client access and authentication
 * policies, an MDM's device inventory, and the client versions seen in logs. None of these has
 * a HealthChecker file; the collector (or `exzt logs scan`) produces them.
 */
import { importActiveSyncOrganizationSettings } from '../importers/activesync-organization-settings.js';
import { importAuthenticationPolicies } from '../importers/authentication-policies.js';
import { importCasMailboxes } from '../importers/cas-mailboxes.js';
import { importClientAccessRules } from '../importers/client-access-rules.js';
import { importMdmDevices } from '../importers/mdm-devices.js';
import { importMobileDevicePolicies } from '../importers/mobile-device-policies.js';
import { defineKind, type EvidenceKind } from './kind.js';

/** One client build seen in the logs, counted per user (the value of logs.client-versions). */
export interface ClientVersionUse {
  /** outlook-windows, outlook-mac, outlook-ios, outlook-android, activesync, … */
  client: string;
  version: string;
  user: string;
  /** Requests seen with this client, version and user. */
  count: number;
}

export const CLIENT_KINDS: readonly EvidenceKind[] = [
  defineKind({
    id: 'exchange.cas-mailboxes',
    title: 'Client protocols per mailbox (Get-CASMailbox)',
    scope: 'organization',
    command: 'Get-CASMailbox -ResultSize Unlimited',
    importer: importCasMailboxes,
    objectByObject: true,
  }),
  defineKind({
    id: 'exchange.mobile-device-policies',
    title: 'Mobile device mailbox policies',
    scope: 'organization',
    command: 'Get-MobileDeviceMailboxPolicy',
    importer: importMobileDevicePolicies,
  }),
  defineKind({
    id: 'exchange.activesync-organization-settings',
    title: 'ActiveSync organisation settings (default access for unknown devices)',
    scope: 'organization',
    command: 'Get-ActiveSyncOrganizationSettings',
    importer: importActiveSyncOrganizationSettings,
  }),
  defineKind({
    id: 'exchange.client-access-rules',
    title: 'Client access rules (EAC, remote PowerShell and other protocols)',
    scope: 'organization',
    command: 'Get-ClientAccessRule',
    importer: importClientAccessRules,
  }),
  defineKind({
    id: 'exchange.authentication-policies',
    title: 'Authentication policies (legacy authentication per protocol)',
    scope: 'organization',
    command: 'Get-AuthenticationPolicy',
    importer: importAuthenticationPolicies,
  }),
  defineKind({
    id: 'inventory.mdm-devices',
    title: 'Device inventory exported from the MDM (CSV)',
    scope: 'organization',
    command:
      'MDM console export of all managed devices, e.g. Intune > Devices > All devices > Export',
    format: 'csv',
    textImporter: importMdmDevices,
  }),
  // Produced by `exzt assess --logs` from the User-Agents in IIS and HttpProxy logs.
  defineKind({
    id: 'logs.client-versions',
    title: 'Client versions seen in the logs, per user',
    scope: 'organization',
    command: 'exzt logs scan --policy (User-Agents in IIS and HttpProxy logs)',
    format: 'text',
  }),
];
