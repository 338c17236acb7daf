/**
 * The Zero Trust policy as exzt reads it: what is allowed, from where, when and on which
 * resources, in the six functional areas. The YAML form (docs/policy.md) maps 1:1 onto this
 * type; `exzt policy init` writes the defaults of src/policy/defaults.ts with comments.
 */

/** Client and admin endpoints of Exchange, as the policy names them. */
export type ExchangeEndpoint =
  | 'owa'
  | 'ecp'
  | 'ews'
  | 'eas'
  | 'mapi'
  | 'rpc'
  | 'oab'
  | 'autodiscover'
  | 'powershell'
  | 'smtp-client'
  | 'pop'
  | 'imap';

export const EXCHANGE_ENDPOINTS: readonly ExchangeEndpoint[] = [
  'owa',
  'ecp',
  'ews',
  'eas',
  'mapi',
  'rpc',
  'oab',
  'autodiscover',
  'powershell',
  'smtp-client',
  'pop',
  'imap',
];

/** Days of the week as the policy writes them. */
export type Weekday = 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun';

export interface AdminHours {
  /** IANA time zone, e.g. Europe/Amsterdam. */
  timeZone: string;
  days: Weekday[];
  /** "HH:MM", 24-hour, in timeZone; `to` after `from`. */
  from: string;
  to: string;
}

export interface IdentityPolicy {
  /** Endpoints that must sit behind multi-factor authentication (observed or attested). */
  mfaRequiredFor: ExchangeEndpoint[];
  /** `none`: admin roles only through time-bound membership (a privileged-access system). */
  adminStandingAccess: 'none' | 'allowed';
  /** Most members Organization Management may have (break-glass included). */
  maxOrganizationManagementMembers: number;
  /** Accounts allowed to hold admin roles permanently, e.g. break-glass accounts. */
  breakGlassAccounts: string[];
  /** Name patterns (glob, case-insensitive) that mark service accounts, which must hold no admin role. */
  serviceAccountPatterns: string[];
  /** Roles nobody may hold outside a waiver: Mailbox Import Export, ApplicationImpersonation. */
  restrictedRoles: string[];
  /** Authentication methods no virtual directory may offer. */
  forbiddenAuthMethods: Array<'basic' | 'ntlm' | 'digest' | 'forms'>;
  /** Hybrid modern authentication (OAuth through Entra ID) required. */
  requireModernAuth: boolean;
}

export interface EndpointsPolicy {
  /** Minimum OS versions of devices that hold mailbox data, per platform. */
  minimumOs: { windows?: string; macos?: string; ios?: string; android?: string };
  blockJailbroken: boolean;
  requireEncryption: boolean;
  /** Days without a sync after which a mobile partnership is stale. */
  maxDaysSinceSync: number;
  /** What ActiveSync does with a device no rule knows. */
  unknownDeviceAccess: 'block' | 'quarantine' | 'allow';
  requireDevicePassword: boolean;
  minimumPasswordLength: number;
}

export interface AppsPolicy {
  minimumOutlook: { windows?: string; mac?: string; ios?: string; android?: string };
  minimumBrowser: { edge?: string; chrome?: string; firefox?: string; safari?: string };
  /** POP3, IMAP4 and RPC over HTTP (Outlook Anywhere). */
  legacyProtocols: 'deny' | 'allow';
  basicAuth: 'deny' | 'allow';
  /** Network names EAC and remote PowerShell may be used from. */
  adminFrom: string[];
  requireDownloadDomains: boolean;
}

export interface DataPolicy {
  /** Lowest TLS version allowed anywhere: server and client side, SMTP included. */
  minimumTls: '1.2' | '1.3';
  smtpTls: 'required' | 'opportunistic';
  encryptionAtRest: 'required' | 'optional';
  minimumKeyBits: number;
  allowSha1Certificates: boolean;
  /** Days before certificate expiry that count as "expiring". */
  certificateExpiryWarningDays: number;
  auditLogging: 'required' | 'optional';
  /** Logs must reach back at least this far (admin audit, IIS, HttpProxy): the hunting window. */
  logRetentionDays: number;
  requireExtendedProtection: boolean;
  requireSerializedDataSigning: boolean;
}

export interface InfrastructurePolicy {
  exchange: {
    requireLatestSu: boolean;
    /** Days an SU may stay uninstalled after its release. */
    maxSuAgeDays: number;
    supportedOnly: boolean;
  };
  windows: { supportedOnly: boolean };
  requireAmsi: boolean;
  requireEmergencyMitigationService: boolean;
  /** Newest database backup must be younger than this. */
  maxBackupAgeHours: number;
}

export interface NetworkPolicy {
  /** Endpoints that may be reachable from the internet. */
  internetFacing: ExchangeEndpoint[];
  /** Endpoints that must never be reachable from the internet or outside adminFrom networks. */
  neverInternetFacing: ExchangeEndpoint[];
  /** Which named networks play which part. */
  zones: { admin: string[]; clients: string[]; servers: string[]; backup: string[] };
  /** Backup (DAG replication) traffic only on backup networks; client traffic not from server networks. */
  separateBackupTraffic: boolean;
  requireFirewall: boolean;
}

export interface Policy {
  apiVersion: 'exzt/v1';
  kind: 'ZeroTrustPolicy';
  organization: string;
  /** Named CIDR sets, named once and referred to everywhere else. */
  networks: Record<string, string[]>;
  admin: { hours: AdminHours };
  identity: IdentityPolicy;
  endpoints: EndpointsPolicy;
  apps: AppsPolicy;
  data: DataPolicy;
  infrastructure: InfrastructurePolicy;
  network: NetworkPolicy;
}

/** An accepted risk (waivers.yaml). */
export interface Waiver {
  control: string;
  /** Empty scope = every subject; otherwise the named servers and/or the organisation. */
  subjects: { servers?: string[]; organization?: boolean };
  reason: string;
  approvedBy: string;
  ticket?: string;
  /** yyyy-mm-dd, inclusive. */
  expires: string;
  /** Where it was written, for messages: file and line. */
  source: { file: string; line: number };
}

/** A fact on-premises evidence cannot show, declared by the organisation (attestations.yaml). */
export interface Attestation {
  /** e.g. identity.mfa.owa, identity.admin.time-bound */
  fact: string;
  statement: string;
  attestedBy: string;
  /** yyyy-mm-dd */
  date: string;
  expires: string;
  source: { file: string; line: number };
}
