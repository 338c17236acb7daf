/**
 * endpoints.mdm-devices: the device list an MDM exports as CSV (Intune's "Export" of All
 * devices, or another MDM's with the same kind of columns). Columns are found by name, so their
 * order does not matter; a required column that is missing is an error naming the header.
 */
import { ExztError } from '../../errors.js';
import { cellAt, findColumn, parseCsv, requireColumn, type CsvRow } from '../csv/csv-table.js';
import type { ImportedText } from '../kinds/kind.js';
import { assignDefined } from './read.js';

export interface MdmDevice {
  deviceName: string;
  /** As the MDM writes it: "Windows", "iOS/iPadOS", "Android (personally-owned work profile)". */
  os: string;
  osVersion?: string;
  encrypted?: boolean;
  jailbroken?: boolean;
  /** Compliant, Noncompliant, In grace period, Not evaluated, … */
  compliance?: string;
  /** ISO 8601. */
  lastCheckIn?: string;
  /** The user whose mail the device holds: UPN, else e-mail address. */
  primaryUser?: string;
  primaryUserEmail?: string;
}

/** Column names by meaning, as Intune and other MDMs spell them. */
const COLUMNS = {
  deviceName: ['Device name', 'DeviceName', 'Name'],
  os: ['OS', 'Operating system', 'Platform'],
  osVersion: ['OS version', 'OSVersion'],
  encrypted: ['Encrypted', 'Encryption', 'BitLocker', 'FileVault', 'Storage encrypted'],
  jailbroken: ['Jailbroken', 'Jail broken', 'Rooted'],
  compliance: ['Compliance', 'Compliance state', 'ComplianceState'],
  lastCheckIn: ['Last check-in', 'Last sync', 'LastSyncDateTime', 'Last contact'],
  primaryUser: ['Primary user UPN', 'User principal name', 'UPN'],
  primaryUserEmail: ['Primary user email address', 'Email address', 'User email'],
} as const;

const TRUE_WORDS = new Set(['yes', 'true', 'encrypted', '1', 'on', 'enabled']);
const FALSE_WORDS = new Set(['no', 'false', 'not encrypted', 'notencrypted', '0', 'off']);

export function importMdmDevices(text: string, file: string): ImportedText<MdmDevice[]> {
  const table = parseCsv(text, file);
  const index = {
    deviceName: requireColumn(table, COLUMNS.deviceName),
    os: requireColumn(table, COLUMNS.os),
    osVersion: findColumn(table, COLUMNS.osVersion),
    encrypted: findColumn(table, COLUMNS.encrypted),
    jailbroken: findColumn(table, COLUMNS.jailbroken),
    compliance: findColumn(table, COLUMNS.compliance),
    lastCheckIn: findColumn(table, COLUMNS.lastCheckIn),
    primaryUser: findColumn(table, COLUMNS.primaryUser),
    primaryUserEmail: findColumn(table, COLUMNS.primaryUserEmail),
  };

  const devices = table.rows.map((row) => readDevice(row, index, table.header, file));
  return { value: devices, lines: table.rows.map((row) => row.line) };
}

type ColumnIndex = Record<keyof typeof COLUMNS, number | undefined>;

function readDevice(row: CsvRow, index: ColumnIndex, header: string[], file: string): MdmDevice {
  const deviceName = cellAt(row, index.deviceName);
  const os = cellAt(row, index.os);
  if (deviceName === undefined || os === undefined) {
    const missing = deviceName === undefined ? index.deviceName : index.os;
    throw cellError(file, row, `expected a value in column "${header[missing ?? 0]}"`);
  }

  const device: MdmDevice = { deviceName, os };
  assignDefined(device, 'osVersion', cellAt(row, index.osVersion));
  assignDefined(device, 'encrypted', flagOf(row, index.encrypted, header, file));
  assignDefined(device, 'jailbroken', flagOf(row, index.jailbroken, header, file));
  assignDefined(device, 'compliance', cellAt(row, index.compliance));
  assignDefined(device, 'lastCheckIn', dateOf(row, index.lastCheckIn, header, file));
  assignDefined(device, 'primaryUser', cellAt(row, index.primaryUser));
  assignDefined(device, 'primaryUserEmail', cellAt(row, index.primaryUserEmail));
  return device;
}

/** Yes/No, True/False, Encrypted/Not encrypted; "Unknown" or empty reads as undefined. */
function flagOf(row: CsvRow, column: number | undefined, header: string[], file: string) {
  const cell = cellAt(row, column)?.toLowerCase();
  if (cell === undefined || cell === 'unknown' || cell === 'n/a') return undefined;
  if (TRUE_WORDS.has(cell)) return true;
  if (FALSE_WORDS.has(cell)) return false;

  const name = header[column ?? 0] ?? '';
  throw cellError(
    file,
    row,
    `expected Yes, No, True, False or Unknown in column "${name}", found "${cell}"`,
  );
}

/** ISO 8601 ("2026-11-02 10:15:00", UTC unless an offset is given) or US "11/2/2026 10:15:00 AM". */
function dateOf(row: CsvRow, column: number | undefined, header: string[], file: string) {
  const cell = cellAt(row, column);
  if (cell === undefined) return undefined;

  const epochMs = parseCheckIn(cell);
  if (epochMs !== undefined) return new Date(epochMs).toISOString();

  const name = header[column ?? 0] ?? '';
  throw cellError(
    file,
    row,
    `expected a date such as 2026-11-02 10:15:00 in column "${name}", found "${cell}"`,
  );
}

// TODO(#3): dates without an offset are taken as UTC, and only ISO and en-US forms are read;
// exports in other locales (day first) are refused with the line, not guessed.
function parseCheckIn(cell: string): number | undefined {
  return parseIsoDateTime(cell) ?? parseUsDateTime(cell);
}

const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const US_DATE_TIME =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?$/i;

function parseIsoDateTime(cell: string): number | undefined {
  const match = ISO_DATE_TIME.exec(cell);
  if (match === null) return undefined;

  const [, date, hour = '0', minute = '00', second = '00', fraction = '', zone = 'Z'] = match;
  const offset = zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const parsed = Date.parse(
    `${date}T${hour.padStart(2, '0')}:${minute}:${second}${fraction}${offset}`,
  );
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** Month first, as Intune writes dates for en-US; a 12-hour clock when AM/PM follows. */
function parseUsDateTime(cell: string): number | undefined {
  const match = US_DATE_TIME.exec(cell);
  if (match === null) return undefined;

  const [, month, day, year, hour = '0', minute = '0', second = '0', meridiem] = match;
  const pm = meridiem?.toUpperCase() === 'PM';
  const hour24 = meridiem === undefined ? Number(hour) : (Number(hour) % 12) + (pm ? 12 : 0);
  return Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    hour24,
    Number(minute),
    Number(second),
  );
}

function cellError(file: string, row: CsvRow, message: string): ExztError {
  return new ExztError('EVIDENCE', message, { position: { file, line: row.line } });
}
