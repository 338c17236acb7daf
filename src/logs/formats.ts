/**
 * Log formats recognised from content, never from file names: the `#Fields:` directive (IIS W3C
 * extended, HttpProxy, ECP, POP3/IMAP4 protocol logs) or a bare CSV header line. Columns are
 * always found by name, because their order differs between builds and IIS configurations
 * (reference probe-and-logs.md B4: a 2013 CU21 HttpProxy line has 68 fields, 2019 has 74).
 */
import type { LogFormat } from './model.js';

/** The columns of one header block, by lower-case name. */
export interface FieldLayout {
  format: LogFormat;
  separator: ' ' | ',';
  names: readonly string[];
  index: ReadonlyMap<string, number>;
  /** Fields a policy check reads: splitting stops there for lines no hunt looks at. */
  usageFields: number;
}

/** The columns the policy checks read (usage.ts), in every format's spelling. */
const USAGE_COLUMNS = [
  'datetime',
  'timestamp',
  'date-time',
  'date',
  'time',
  'protocol',
  'urlstem',
  'cs-uri-stem',
  'authenticationtype',
  'authenticateduser',
  'cs-username',
  'user',
  'useragent',
  'cs(user-agent)',
  'clientipaddress',
  'cip',
  'c-ip',
  'x-forwarded-for',
  'httpstatus',
  'sc-status',
  'method',
  'cs-method',
];

function usageFieldsOf(index: ReadonlyMap<string, number>): number {
  return Math.max(0, ...USAGE_COLUMNS.map((name) => (index.get(name) ?? -1) + 1));
}

/** A layout for files with no header the scanner knows: only plain-text hunts apply. */
export const TEXT_LAYOUT: FieldLayout = {
  format: 'text',
  separator: ',',
  names: [],
  index: new Map(),
  usageFields: 0,
};

/** Reads a `#Fields:` directive's value; IIS separates names with spaces, Exchange with commas. */
export function layoutFromFields(fieldsValue: string): FieldLayout {
  const trimmed = fieldsValue.trim();
  const separator = trimmed.includes(',') ? ',' : ' ';
  const names = trimmed.split(separator).map((name) => name.trim().toLowerCase());
  const index = indexOf(names);
  return { format: formatOf(names), separator, names, index, usageFields: usageFieldsOf(index) };
}

/** A bare CSV header line (no `#`), as some Exchange logs and exports start; else undefined. */
export function layoutFromBareHeader(line: string): FieldLayout | undefined {
  const names = line
    .trim()
    .split(',')
    .map((name) => name.trim().toLowerCase());
  const format = formatOf(names);
  if (format === 'text') return undefined;
  const index = indexOf(names);
  return { format, separator: ',', names, index, usageFields: usageFieldsOf(index) };
}

function formatOf(names: readonly string[]): LogFormat {
  const has = (name: string): boolean => names.includes(name);
  if (has('cs-uri-stem')) return 'iis';
  if (has('urlstem') && has('anchormailbox')) return 'httpproxy';
  if (has('eventdata') && has('timestamp')) return 'ecp-server';
  if (has('sessionid') && has('cip') && has('command')) return 'pop-imap';
  return 'text';
}

function indexOf(names: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  names.forEach((name, position) => {
    if (!index.has(name)) index.set(name, position);
  });
  return index;
}

/**
 * Splits one data line by the layout's separator; CSV fields may be double-quoted. `limit`
 * stops after that many fields (the policy checks need only the first few of HttpProxy's 74).
 */
export function splitFields(line: string, layout: FieldLayout, limit?: number): string[] {
  if (layout.separator === ' ') return line.split(' ', limit);
  if (!line.includes('"')) return line.split(',', limit);
  return splitQuotedCsv(line);
}

function splitQuotedCsv(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}
