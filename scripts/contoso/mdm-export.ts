/**
 * Contoso's Intune device export (Devices > All devices > Export): the people whose phones sync
 * mail have managed devices too, and one Windows laptop is not encrypted.
 */
import { mailboxUser, type MailboxUser } from './mailbox-users.js';
import { stableGuid } from './servers.js';

interface ManagedDevice {
  owner: number;
  name: string;
  os: string;
  version: string;
  model: string;
  encrypted: boolean;
  checkIn: string;
}

/** Every syncing owner has a managed device; one laptop is not encrypted. */
const MANAGED_DEVICES: ManagedDevice[] = [
  {
    owner: 0,
    name: 'CON-LT-0142',
    os: 'Windows',
    version: '10.0.26100.2314',
    model: 'Latitude 7450',
    encrypted: true,
    checkIn: '2026-11-30 07:41:12.0000000',
  },
  {
    owner: 0,
    name: 'iPhone van Anna',
    os: 'iOS/iPadOS',
    version: '18.1',
    model: 'iPhone 15 Pro',
    encrypted: true,
    checkIn: '2026-11-30 07:58:40.0000000',
  },
  {
    owner: 21,
    name: 'Galaxy S23',
    os: 'Android (personally-owned work profile)',
    version: '14',
    model: 'SM-S911B',
    encrypted: true,
    checkIn: '2026-11-30 06:32:18.0000000',
  },
  {
    owner: 44,
    name: 'CON-LT-0177',
    os: 'Windows',
    version: '10.0.22631.4460',
    model: 'EliteBook 840 G10',
    encrypted: false,
    checkIn: '2026-11-29 16:05:47.0000000',
  },
  {
    owner: 44,
    name: 'Pixel 8',
    os: 'Android (personally-owned work profile)',
    version: '15',
    model: 'Pixel 8',
    encrypted: true,
    checkIn: '2026-11-29 21:15:02.0000000',
  },
  {
    owner: 63,
    name: 'iPad Air',
    os: 'iOS/iPadOS',
    version: '17.7',
    model: 'iPad Air (5th generation)',
    encrypted: true,
    checkIn: '2026-11-28 17:46:11.0000000',
  },
  {
    owner: 90,
    name: 'CON-MB-0031',
    os: 'macOS',
    version: '15.1.1',
    model: 'MacBook Pro (14-inch, M3)',
    encrypted: true,
    checkIn: '2026-11-30 08:20:33.0000000',
  },
];

const MDM_COLUMNS = [
  'Device ID',
  'Device name',
  'Last check-in',
  'OS version',
  'Manufacturer',
  'Model',
  'Primary user UPN',
  'Primary user email address',
  'Primary user display name',
  'Compliance',
  'Managed by',
  'Ownership',
  'Encrypted',
  'OS',
  'Jailbroken',
];

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function mdmRow(device: ManagedDevice): string[] {
  const user: MailboxUser = mailboxUser(device.owner);
  const windows = device.os === 'Windows';
  const maker =
    device.os === 'macOS' || device.os === 'iOS/iPadOS'
      ? 'Apple'
      : windows
        ? device.model.startsWith('Latitude')
          ? 'Dell Inc.'
          : 'HP'
        : device.model === 'Pixel 8'
          ? 'Google'
          : 'samsung';
  return [
    stableGuid(`mdm/${device.name}`),
    device.name,
    device.checkIn,
    device.version,
    maker,
    device.model,
    user.address,
    user.address,
    user.displayName,
    device.encrypted ? 'Compliant' : 'Noncompliant',
    'Intune',
    windows || device.os === 'macOS' ? 'Corporate' : 'Personal',
    device.encrypted ? 'Yes' : 'No',
    device.os,
    windows || device.os === 'macOS' ? 'Unknown' : 'False',
  ];
}

/** Intune > Devices > All devices > Export: UTF-8 with BOM, CRLF, the columns by name. */
export function mdmDevicesCsv(): Buffer {
  const lines = [MDM_COLUMNS, ...MANAGED_DEVICES.map(mdmRow)].map((row) =>
    row.map(csvCell).join(','),
  );
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
