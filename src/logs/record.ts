/**
 * One log line as the hunts and policy checks read it: the same few values whatever the format,
 * taken from the columns the header names. `-` (IIS) and empty (CSV) both read as null.
 */
import { splitFields, type FieldLayout } from './formats.js';

export interface LogRecord {
  /** ISO 8601 UTC, or null when the line carries no readable time. */
  time: string | null;
  clientIp: string | null;
  user: string | null;
  method: string | null;
  /** The path and query as logged (not decoded). */
  stem: string;
  query: string;
  status: string | null;
  userAgent: string | null;
  /** HttpProxy: Protocol (Owa, Ecp, Eas, …); POP3/IMAP4 logs: pop3 or imap4. */
  protocol: string | null;
  authenticationType: string | null;
  anchorMailbox: string | null;
  backEndCookie: string | null;
  /** ECP server logs: the EventData column (cmdlet and parameters). */
  eventData: string | null;
  /** Fields the line had; fewer than the header names means the line was cut short. */
  fieldCount: number;
}

const EMPTY = new Set(['', '-']);

/**
 * Builds the record; `logType` is the `#Log-type:` directive last seen (POP3 vs IMAP4). With
 * `usageOnly` only the columns the policy checks read are split (the hunts read more).
 */
export function readRecord(
  line: string,
  layout: FieldLayout,
  logType: string,
  usageOnly = false,
): LogRecord {
  const fields = splitFields(line, layout, usageOnly ? layout.usageFields : undefined);
  const get = (...names: string[]): string | null => {
    for (const name of names) {
      const position = layout.index.get(name);
      const value = position === undefined ? undefined : fields[position];
      if (value !== undefined && !EMPTY.has(value)) return value;
    }
    return null;
  };

  const fieldCount =
    usageOnly && fields.length === layout.usageFields ? layout.names.length : fields.length;
  if (layout.format === 'iis') return { ...iisRecord(get), fieldCount };
  const time = normaliseTime(get('datetime', 'timestamp', 'date-time'));
  return {
    time,
    clientIp: stripPort(get('clientipaddress', 'cip')),
    user: get('authenticateduser', 'user'),
    method: get('method'),
    stem: get('urlstem') ?? '',
    query: get('urlquery') ?? '',
    status: get('httpstatus'),
    userAgent: get('useragent'),
    protocol: layout.format === 'pop-imap' ? popImapProtocol(logType) : get('protocol'),
    authenticationType: get('authenticationtype'),
    anchorMailbox: get('anchormailbox'),
    backEndCookie: get('backendcookie'),
    eventData: get('eventdata'),
    fieldCount,
  };
}

function iisRecord(get: (...names: string[]) => string | null): Omit<LogRecord, 'fieldCount'> {
  const date = get('date');
  const time = get('time');
  return {
    time: date === null || time === null ? null : normaliseTime(`${date}T${time}`),
    clientIp: get('x-forwarded-for', 'c-ip'),
    user: get('cs-username'),
    method: get('cs-method'),
    stem: get('cs-uri-stem') ?? '',
    query: get('cs-uri-query') ?? '',
    status: get('sc-status'),
    // IIS writes spaces in the User-Agent as `+`.
    userAgent: get('cs(user-agent)')?.replaceAll('+', ' ') ?? null,
    protocol: null,
    authenticationType: null,
    anchorMailbox: null,
    backEndCookie: null,
    eventData: null,
  };
}

/** `2021-03-03T12:00:00(.123)(Z)` and `2021-03-03 12:00:00` → `…T12:00:00.000Z`; else null. */
export function normaliseTime(text: string | null): string | null {
  if (text === null) return null;
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d+)?Z?$/.exec(text.trim());
  if (match === null) return null;
  // Milliseconds always three digits, so instants compare correctly as strings.
  const fraction = (match[3] ?? '.').slice(1).padEnd(3, '0').slice(0, 3);
  return `${match[1]}T${match[2]}.${fraction}Z`;
}

/** POP3/IMAP4 logs write `cIp` as address:port; IPv6 as [addr]:port. */
export function stripPort(address: string | null): string | null {
  if (address === null) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed !== null) return bracketed[1] ?? null;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  return v4 === null ? address : (v4[1] ?? null);
}

function popImapProtocol(logType: string): string | null {
  const lower = logType.toLowerCase();
  if (lower.includes('pop3')) return 'pop3';
  if (lower.includes('imap4')) return 'imap4';
  return 'pop3-or-imap4';
}
