/**
 * The six servers of the sample organisation Contoso and the state each is in. Builds come from
 * the knowledge base, so the sample follows it when a CU or SU entry changes.
 */
import { createHash } from 'node:crypto';

import {
  buildOf,
  cumulativeUpdate,
  type ExchangeProduct,
  type UpdateEntry,
} from '../../src/knowledge/index.js';

export const ORGANIZATION = 'Contoso';
export const DOMAIN = 'contoso.com';
export const COLLECTED_AT = '2026-11-30T09:00:00Z';

export type FileEncoding = 'utf-16le' | 'utf-8';

export interface OperatingSystem {
  caption: string;
  version: string;
  buildNumber: string;
  /** Win32_OperatingSystem.OperatingSystemSKU (7 Standard, 8 Datacenter). */
  sku: number;
  installDate: string;
  lastBootUpTime: string;
}

export interface InstalledSecurityUpdate {
  name: string;
  /** KB article, where known. */
  kb?: string;
  /** yyyy-mm-dd, the day the uninstall key was written. */
  installedOn: string;
}

export interface ContosoServer {
  name: string;
  product: ExchangeProduct;
  cu: string;
  /** Full build on disk (ExSetup.exe): the CU, or its SU. */
  build: string;
  update?: InstalledSecurityUpdate;
  role: 'Mailbox' | 'Edge';
  /** DNS domain of the FQDN when not the AD domain: Edge servers stand outside it. */
  dnsDomain?: string;
  os: OperatingSystem;
  productInstalledOn: string;
  rebootPending: boolean;
  /** Emergency Mitigation Service mitigations applied (Get-ExchangeServer MitigationsApplied). */
  mitigationsApplied?: string[];
  /** Encoding of the server's os.* files; exchange.* files are UTF-8 with BOM. */
  osFileEncoding: FileEncoding;
  /** What the version report should conclude, for the README. */
  expectation: string;
  state: string;
}

const WINDOWS_2025: Omit<OperatingSystem, 'installDate' | 'lastBootUpTime'> = {
  caption: 'Microsoft Windows Server 2025 Datacenter',
  version: '10.0.26100',
  buildNumber: '26100',
  sku: 8,
};
const WINDOWS_2022: Omit<OperatingSystem, 'installDate' | 'lastBootUpTime'> = {
  caption: 'Microsoft Windows Server 2022 Standard',
  version: '10.0.20348',
  buildNumber: '20348',
  sku: 7,
};
const WINDOWS_2019: Omit<OperatingSystem, 'installDate' | 'lastBootUpTime'> = {
  caption: 'Microsoft Windows Server 2019 Standard',
  version: '10.0.17763',
  buildNumber: '17763',
  sku: 7,
};
const WINDOWS_2012_R2: Omit<OperatingSystem, 'installDate' | 'lastBootUpTime'> = {
  caption: 'Microsoft Windows Server 2012 R2 Standard',
  version: '6.3.9600',
  buildNumber: '9600',
  sku: 7,
};

/** A build the knowledge base must know; the sample is wrong without it. */
function requireBuild(product: ExchangeProduct, cu: string, update?: string): string {
  const build = buildOf(product, cu, update);
  if (build === undefined) {
    throw new Error(`knowledge base has no build for ${product} ${cu} ${update ?? ''}`.trim());
  }
  return build;
}

/** The newest SU of a CU (position 0), or the one before it (position 1). */
function securityUpdate(product: ExchangeProduct, cu: string, position: 0 | 1): UpdateEntry {
  const updates = cumulativeUpdate(product, cu)?.updates.filter((update) => update.kind === 'SU');
  const update = updates?.at(-1 - position);
  if (update === undefined)
    throw new Error(`knowledge base has no SU ${position} for ${product} ${cu}`);
  return update;
}

// KB articles of the SUs known from Microsoft's release announcements. The knowledge base has
// no KB numbers; TODO(#2): SUs after Feb26SU are written without one (DisplayName has no "(KB…)").
const SU_KB_ARTICLES: Readonly<Record<string, string>> = {
  'ExchangeSE RTM Feb26SU': 'KB5074992',
  'ExchangeSE RTM Dec25SU': 'KB5071876',
  'Exchange2019 CU15 Feb26SU': 'KB5074993',
  'Exchange2019 CU15 Dec25SU': 'KB5071875',
  'Exchange2019 CU14 Feb26SU': 'KB5074994',
  'Exchange2019 CU14 Dec25SU': 'KB5071874',
  'Exchange2019 CU13 Nov24SUv2': 'KB5049233',
  'Exchange2013 CU23 Mar23SU': 'KB5024296',
};

/** A server on an SU installed on a given day, which must not precede the SU's release. */
function onUpdate(
  product: ExchangeProduct,
  cu: string,
  update: UpdateEntry,
  installedOn: string,
): Pick<ContosoServer, 'product' | 'cu' | 'build' | 'update'> {
  if (update.releaseDate !== undefined && installedOn < update.releaseDate) {
    throw new Error(
      `${product} ${cu} ${update.name} released ${update.releaseDate}, installed ${installedOn}: update the sample`,
    );
  }

  const kb = SU_KB_ARTICLES[`${product} ${cu} ${update.name}`];
  const installed: InstalledSecurityUpdate = { name: update.name, installedOn };
  if (kb !== undefined) installed.kb = kb;
  return { product, cu, build: requireBuild(product, cu, update.name), update: installed };
}

const SE_LATEST = securityUpdate('ExchangeSE', 'RTM', 0);
const SE_PREVIOUS = securityUpdate('ExchangeSE', 'RTM', 1);
const CU15_LATEST = securityUpdate('Exchange2019', 'CU15', 0);
const CU13_LAST = securityUpdate('Exchange2019', 'CU13', 0);
const CU23_2013_LAST = securityUpdate('Exchange2013', 'CU23', 0);

export const CONTOSO_SERVERS: readonly ContosoServer[] = [
  {
    name: 'EX01',
    ...onUpdate('ExchangeSE', 'RTM', SE_LATEST, '2026-11-17'),
    role: 'Mailbox',
    os: {
      ...WINDOWS_2025,
      installDate: '2025-09-15T10:12:44',
      lastBootUpTime: '2026-11-18T02:14:09',
    },
    productInstalledOn: '2025-09-16',
    rebootPending: false,
    osFileEncoding: 'utf-8',
    state: `Exchange Server SE RTM with ${SE_LATEST.name}, the newest SU in the knowledge base, active.`,
    expectation: 'current: latest SU installed and active; supported until 2035.',
  },
  {
    name: 'EX02',
    ...onUpdate('ExchangeSE', 'RTM', SE_PREVIOUS, '2026-10-20'),
    role: 'Mailbox',
    os: {
      ...WINDOWS_2022,
      installDate: '2025-03-03T08:40:17',
      lastBootUpTime: '2026-11-15T01:30:52',
    },
    productInstalledOn: '2025-03-04',
    rebootPending: false,
    osFileEncoding: 'utf-16le',
    state: `Exchange Server SE RTM with ${SE_PREVIOUS.name}: one SU behind the latest (${SE_LATEST.name}).`,
    expectation: `one SU behind: ${SE_LATEST.name} missing, with the CVEs it fixes; out of date.`,
  },
  {
    name: 'EX03',
    ...onUpdate('Exchange2019', 'CU13', CU13_LAST, '2024-12-03'),
    role: 'Mailbox',
    os: {
      ...WINDOWS_2019,
      installDate: '2023-06-12T14:05:31',
      lastBootUpTime: '2026-11-01T03:02:40',
    },
    productInstalledOn: '2023-06-13',
    rebootPending: false,
    mitigationsApplied: ['M2.1.0', 'PING1'],
    osFileEncoding: 'utf-8',
    state: `Exchange 2019 CU13 with its last SU (${CU13_LAST.name}); CU13 is no longer supported.`,
    expectation:
      `unsupported CU and end of life: no SU after ${CU13_LAST.name} exists for CU13, so every ` +
      'later CVE is open; the Emergency Mitigation Service applied M2, so the known-exploited ' +
      'CVE-2026-42897 is mitigated, not fixed. The way out is Exchange SE.',
  },
  {
    name: 'EX04',
    ...onUpdate('ExchangeSE', 'RTM', SE_LATEST, '2026-11-28'),
    role: 'Mailbox',
    os: {
      ...WINDOWS_2025,
      installDate: '2025-08-18T09:21:05',
      lastBootUpTime: '2026-11-02T02:47:13',
    },
    productInstalledOn: '2025-08-19',
    rebootPending: true,
    osFileEncoding: 'utf-16le',
    state:
      `Exchange Server SE RTM: ${SE_LATEST.name} installed on 2026-11-28, after the last boot ` +
      '(2026-11-02), and a reboot is pending (Component Based Servicing, pending file renames).',
    expectation:
      'latest SU installed but not active until the server restarts; until then treat the ' +
      `server as exposed to the CVEs ${SE_LATEST.name} fixes.`,
  },
  {
    name: 'EDGE01',
    ...onUpdate('Exchange2019', 'CU15', CU15_LATEST, '2026-10-21'),
    role: 'Edge',
    dnsDomain: `dmz.${DOMAIN}`,
    os: {
      ...WINDOWS_2022,
      installDate: '2025-03-10T11:02:56',
      lastBootUpTime: '2026-11-10T04:11:37',
    },
    productInstalledOn: '2025-03-11',
    rebootPending: false,
    osFileEncoding: 'utf-8',
    state:
      `Edge Transport server, Exchange 2019 CU15 with ${CU15_LATEST.name}; its Get-HotFix ` +
      'export failed (recorded in manifest.json).',
    expectation:
      'latest SU for CU15; Edge role noted; Windows updates "collection failed", never "none".',
  },
  {
    name: 'EX2013',
    ...onUpdate('Exchange2013', 'CU23', CU23_2013_LAST, '2023-03-20'),
    role: 'Mailbox',
    os: {
      ...WINDOWS_2012_R2,
      installDate: '2019-07-01T16:44:20',
      lastBootUpTime: '2026-10-05T05:58:01',
    },
    productInstalledOn: '2019-07-02',
    rebootPending: false,
    osFileEncoding: 'utf-16le',
    state: `Exchange 2013 CU23 with ${CU23_2013_LAST.name}, its last SU; Exchange 2013 support ended 2023-04-11.`,
    expectation:
      'end of life: exposure to CVEs found after 2023-04-11 is unknown; move the mailboxes and ' +
      'decommission. Windows Server 2012 R2 is past end of support too.',
  },
];

/** A fixed GUID per purpose, so regenerating gives the same bytes (RunspaceId, object GUIDs). */
export function stableGuid(purpose: string): string {
  const hex = createHash('sha256').update(`contoso/${purpose}`).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `4${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

export function fqdn(server: ContosoServer): string {
  return `${server.name.toLowerCase()}.${server.dnsDomain ?? DOMAIN}`;
}
