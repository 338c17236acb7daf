/**
 * The shape of a policy file as data: every key, what it may hold, and how a missing key is
 * filled. The reader (read-node.ts) walks a YAML document against it; docs/policy.md describes
 * the same keys for people.
 */
import { EXCHANGE_ENDPOINTS } from './model.js';
import { checkCidr, checkClockTime, checkTimeZone, checkVersion } from './value-checks.js';

export type ValueSpec =
  /** A mapping with fixed keys; a missing key takes its default, so a policy may be partial. */
  | { type: 'section'; fields: Readonly<Record<string, ValueSpec>>; required?: readonly string[] }
  /** Per-platform values: when given, only the platforms written apply (the default is replaced). */
  | { type: 'platforms'; fields: Readonly<Record<string, ValueSpec>> }
  /** Names the user chooses, each with a value: networks. */
  | { type: 'named'; values: ValueSpec }
  | { type: 'list'; items: ValueSpec }
  | { type: 'enum'; values: readonly string[]; numbersAsText?: boolean }
  | { type: 'boolean' }
  | { type: 'integer'; min: number; max: number; unit: string }
  | { type: 'text'; expected: string; check?: (text: string) => string | undefined }
  /** Mon..Sun, as a list and/or ranges such as Mon-Fri. */
  | { type: 'weekdays' };

/** Network names: letters, digits and dashes, so they read well in messages and reports. */
export const NETWORK_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

const endpoint: ValueSpec = { type: 'enum', values: EXCHANGE_ENDPOINTS };
const endpoints: ValueSpec = { type: 'list', items: endpoint };
const networkNames: ValueSpec = {
  type: 'list',
  items: { type: 'text', expected: 'a network name defined under networks' },
};
const version: ValueSpec = { type: 'text', expected: 'a version', check: checkVersion };
const flag: ValueSpec = { type: 'boolean' };
const days = (max: number): ValueSpec => ({ type: 'integer', min: 0, max, unit: 'days' });
const names = (expected: string): ValueSpec => ({
  type: 'list',
  items: { type: 'text', expected },
});
const platforms = (...keys: string[]): ValueSpec => ({
  type: 'platforms',
  fields: Object.fromEntries(keys.map((key) => [key, version])),
});

const identity: ValueSpec = {
  type: 'section',
  fields: {
    mfaRequiredFor: endpoints,
    adminStandingAccess: { type: 'enum', values: ['none', 'allowed'] },
    maxOrganizationManagementMembers: { type: 'integer', min: 1, max: 1000, unit: 'members' },
    breakGlassAccounts: names('an account name'),
    serviceAccountPatterns: names('a name pattern such as svc-*'),
    restrictedRoles: names('a management role name'),
    forbiddenAuthMethods: {
      type: 'list',
      items: { type: 'enum', values: ['basic', 'ntlm', 'digest', 'forms'] },
    },
    requireModernAuth: flag,
  },
};

const endpointsSection: ValueSpec = {
  type: 'section',
  fields: {
    minimumOs: platforms('windows', 'macos', 'ios', 'android'),
    blockJailbroken: flag,
    requireEncryption: flag,
    maxDaysSinceSync: days(3650),
    unknownDeviceAccess: { type: 'enum', values: ['block', 'quarantine', 'allow'] },
    requireDevicePassword: flag,
    minimumPasswordLength: { type: 'integer', min: 4, max: 64, unit: 'characters' },
  },
};

const apps: ValueSpec = {
  type: 'section',
  fields: {
    minimumOutlook: platforms('windows', 'mac', 'ios', 'android'),
    minimumBrowser: platforms('edge', 'chrome', 'firefox', 'safari'),
    legacyProtocols: { type: 'enum', values: ['deny', 'allow'] },
    basicAuth: { type: 'enum', values: ['deny', 'allow'] },
    adminFrom: networkNames,
    requireDownloadDomains: flag,
  },
};

const data: ValueSpec = {
  type: 'section',
  fields: {
    minimumTls: { type: 'enum', values: ['1.2', '1.3'], numbersAsText: true },
    smtpTls: { type: 'enum', values: ['required', 'opportunistic'] },
    encryptionAtRest: { type: 'enum', values: ['required', 'optional'] },
    minimumKeyBits: { type: 'integer', min: 1024, max: 16384, unit: 'bits' },
    allowSha1Certificates: flag,
    certificateExpiryWarningDays: days(365),
    auditLogging: { type: 'enum', values: ['required', 'optional'] },
    logRetentionDays: days(3650),
    requireExtendedProtection: flag,
    requireSerializedDataSigning: flag,
  },
};

const infrastructure: ValueSpec = {
  type: 'section',
  fields: {
    exchange: {
      type: 'section',
      fields: { requireLatestSu: flag, maxSuAgeDays: days(365), supportedOnly: flag },
    },
    windows: { type: 'section', fields: { supportedOnly: flag } },
    requireAmsi: flag,
    requireEmergencyMitigationService: flag,
    maxBackupAgeHours: { type: 'integer', min: 1, max: 8760, unit: 'hours' },
  },
};

const network: ValueSpec = {
  type: 'section',
  fields: {
    internetFacing: endpoints,
    neverInternetFacing: endpoints,
    zones: {
      type: 'section',
      fields: {
        admin: networkNames,
        clients: networkNames,
        servers: networkNames,
        backup: networkNames,
      },
    },
    separateBackupTraffic: flag,
    requireFirewall: flag,
  },
};

export const POLICY_SCHEMA: ValueSpec = {
  type: 'section',
  required: ['apiVersion', 'kind', 'organization'],
  fields: {
    apiVersion: { type: 'enum', values: ['exzt/v1'] },
    kind: { type: 'enum', values: ['ZeroTrustPolicy'] },
    organization: { type: 'text', expected: 'the organisation name' },
    networks: {
      type: 'named',
      values: { type: 'list', items: { type: 'text', expected: 'a CIDR', check: checkCidr } },
    },
    admin: {
      type: 'section',
      fields: {
        hours: {
          type: 'section',
          fields: {
            timeZone: { type: 'text', expected: 'an IANA time zone', check: checkTimeZone },
            days: { type: 'weekdays' },
            from: { type: 'text', expected: 'HH:MM', check: checkClockTime },
            to: { type: 'text', expected: 'HH:MM', check: checkClockTime },
          },
        },
      },
    },
    identity,
    endpoints: endpointsSection,
    apps,
    data,
    infrastructure,
    network,
  },
};
