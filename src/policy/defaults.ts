/**
 * The default Zero Trust policy: what an Exchange owner starts from before tailoring. Verify
 * explicitly (MFA in front of every endpoint, no Basic or legacy protocols), least privilege for
 * the least time (no standing admins, admin only from the admin network in admin hours), assume
 * breach (latest SU, TLS 1.2+, logs long enough to hunt in). The networks are placeholders.
 */
import type { Policy } from './model.js';

export const DEFAULT_POLICY: Policy = {
  apiVersion: 'exzt/v1',
  kind: 'ZeroTrustPolicy',
  organization: 'Contoso',
  networks: {
    admin: ['10.10.0.0/24'],
    clients: ['10.20.0.0/16'],
    backup: ['10.30.0.0/24'],
    servers: ['10.40.0.0/24'],
  },
  admin: {
    hours: {
      timeZone: 'Europe/Amsterdam',
      days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'],
      from: '07:00',
      to: '19:00',
    },
  },
  identity: {
    mfaRequiredFor: ['owa', 'ecp', 'ews', 'eas', 'mapi', 'rpc', 'autodiscover', 'powershell'],
    adminStandingAccess: 'none',
    maxOrganizationManagementMembers: 4,
    breakGlassAccounts: [],
    serviceAccountPatterns: ['svc-*', 'svc_*', '*-svc', 'sa-*'],
    restrictedRoles: ['Mailbox Import Export', 'ApplicationImpersonation'],
    forbiddenAuthMethods: ['basic', 'digest'],
    requireModernAuth: true,
  },
  endpoints: {
    minimumOs: { windows: '10.0.19045', macos: '14.0', ios: '17.0', android: '13' },
    blockJailbroken: true,
    requireEncryption: true,
    maxDaysSinceSync: 30,
    unknownDeviceAccess: 'quarantine',
    requireDevicePassword: true,
    minimumPasswordLength: 6,
  },
  apps: {
    minimumOutlook: { windows: '16.0.17928', mac: '16.89', ios: '4.2400', android: '4.2400' },
    minimumBrowser: { edge: '130', chrome: '130', firefox: '128', safari: '17' },
    legacyProtocols: 'deny',
    basicAuth: 'deny',
    adminFrom: ['admin'],
    requireDownloadDomains: true,
  },
  data: {
    minimumTls: '1.2',
    smtpTls: 'required',
    encryptionAtRest: 'required',
    minimumKeyBits: 2048,
    allowSha1Certificates: false,
    certificateExpiryWarningDays: 30,
    auditLogging: 'required',
    logRetentionDays: 90,
    requireExtendedProtection: true,
    requireSerializedDataSigning: true,
  },
  infrastructure: {
    exchange: { requireLatestSu: true, maxSuAgeDays: 30, supportedOnly: true },
    windows: { supportedOnly: true },
    requireAmsi: true,
    requireEmergencyMitigationService: true,
    maxBackupAgeHours: 48,
  },
  network: {
    internetFacing: ['owa', 'eas', 'autodiscover', 'ews', 'mapi', 'oab'],
    neverInternetFacing: ['ecp', 'powershell'],
    zones: { admin: ['admin'], clients: ['clients'], servers: ['servers'], backup: ['backup'] },
    separateBackupTraffic: true,
    requireFirewall: true,
  },
};
