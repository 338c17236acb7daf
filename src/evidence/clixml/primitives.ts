/**
 * Turns the decoded text of a primitive element into its value. Formats follow MS-PSRP 2.2.5
 * (which defers to XML Schema / .NET XmlConvert); each reader returns undefined when the text is
 * not in its element's format, and the parser reports it with the position.
 */
import type { CliPrimitive, NodePosition, NumberTag } from './model.js';
import { TAG } from './tags.js';

const INTEGER_TEXT = /^\s*[+-]?[0-9]+\s*$/;
const FLOAT_TEXT = /^\s*(?:[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|-?INF|NaN)\s*$/;
const DECIMAL_TEXT = /^\s*[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)\s*$/;
const DATE_TIME_TEXT =
  /^\s*(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?\s*$/;
const DURATION_TEXT =
  /^\s*(-)?P(?:(\d+)D)?(?:T(?=\d|\.)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d*)?|\.\d+)S)?)?\s*$/;
const VERSION_TEXT = /^\s*\d+(?:\.\d+){1,3}\s*$/;
const GUID_TEXT =
  /^\s*[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\s*$/;

/** Inclusive ranges of the bounded integer types. */
const INTEGER_RANGES: Readonly<Partial<Record<NumberTag, readonly [number, number]>>> = {
  I16: [-32768, 32767],
  I32: [-2147483648, 2147483647],
  U16: [0, 65535],
  U32: [0, 4294967295],
  By: [0, 255],
  SB: [-128, 127],
};

const BIGINT_RANGES = {
  I64: [-(2n ** 63n), 2n ** 63n - 1n],
  U64: [0n, 2n ** 64n - 1n],
} as const;

/** `tag` is a primitive tag id; `text` is already entity- and escape-decoded. */
export function readPrimitive(
  tag: number,
  text: string,
  name: string | undefined,
  position: NodePosition,
): CliPrimitive | undefined {
  switch (tag) {
    case TAG.S:
      return { kind: 'string', tag: 'S', value: text, name, position };
    case TAG.C:
      return readChar(text, name, position);
    case TAG.B:
      return readBoolean(text, name, position);
    case TAG.I16:
      return readBoundedInteger('I16', text, name, position);
    case TAG.I32:
      return readBoundedInteger('I32', text, name, position);
    case TAG.U16:
      return readBoundedInteger('U16', text, name, position);
    case TAG.U32:
      return readBoundedInteger('U32', text, name, position);
    case TAG.By:
      return readBoundedInteger('By', text, name, position);
    case TAG.SB:
      return readBoundedInteger('SB', text, name, position);
    case TAG.I64:
      return readBigInteger('I64', text, name, position);
    case TAG.U64:
      return readBigInteger('U64', text, name, position);
    default:
      return readOtherPrimitive(tag, text, name, position);
  }
}

function readOtherPrimitive(
  tag: number,
  text: string,
  name: string | undefined,
  position: NodePosition,
): CliPrimitive | undefined {
  switch (tag) {
    case TAG.Db:
      return readFloat('Db', text, name, position);
    case TAG.Sg:
      return readFloat('Sg', text, name, position);
    case TAG.D:
      if (!DECIMAL_TEXT.test(text)) return undefined;
      return { kind: 'number', tag: 'D', value: Number(text), text: text.trim(), name, position };
    case TAG.DT:
      return readDateTime(text, name, position);
    case TAG.TS:
      return readDuration(text, name, position);
    default:
      return readTextPrimitive(tag, text, name, position);
  }
}

function readTextPrimitive(
  tag: number,
  text: string,
  name: string | undefined,
  position: NodePosition,
): CliPrimitive | undefined {
  switch (tag) {
    case TAG.Version:
      return VERSION_TEXT.test(text)
        ? { kind: 'version', value: text.trim(), name, position }
        : undefined;
    case TAG.G:
      return isPlainGuid(text) || GUID_TEXT.test(text)
        ? { kind: 'guid', value: text.trim(), name, position }
        : undefined;
    case TAG.URI:
      return { kind: 'uri', value: text, name, position };
    case TAG.BA:
      return { kind: 'bytes', base64: text, name, position };
    case TAG.XD:
      return { kind: 'xml', value: text, name, position };
    case TAG.SBK:
      return { kind: 'scriptblock', value: text, name, position };
    case TAG.SS:
      return { kind: 'securestring', value: text, name, position };
    default:
      return undefined;
  }
}

function readChar(text: string, name: string | undefined, position: NodePosition) {
  const code = INTEGER_TEXT.test(text) ? Number(text) : -1;
  if (code < 0 || code > 0xffff) return undefined;

  return { kind: 'string', tag: 'C', value: String.fromCharCode(code), name, position } as const;
}

/** xsd:boolean: PowerShell writes `true` and `false`; `1` and `0` are legal too. */
function readBoolean(text: string, name: string | undefined, position: NodePosition) {
  const trimmed = text.trim();
  if (trimmed === 'true' || trimmed === '1')
    return { kind: 'boolean', value: true, name, position } as const;
  if (trimmed === 'false' || trimmed === '0') {
    return { kind: 'boolean', value: false, name, position } as const;
  }
  return undefined;
}

function readBoundedInteger(
  tag: NumberTag,
  text: string,
  name: string | undefined,
  position: NodePosition,
): CliPrimitive | undefined {
  const value = plainInteger(text) ?? (INTEGER_TEXT.test(text) ? Number(text) : undefined);
  if (value === undefined) return undefined;

  const range = INTEGER_RANGES[tag];
  if (range === undefined || value < range[0] || value > range[1]) return undefined;
  return { kind: 'number', tag, value, text: text.trim(), name, position };
}

/** Fast path for the usual GUID: 36 characters, hex digits with '-' at 8, 13, 18 and 23. */
function isPlainGuid(text: string): boolean {
  if (text.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const code = text.charCodeAt(i);
    const dash = i === 8 || i === 13 || i === 18 || i === 23;
    if (dash ? code !== 0x2d : hexValue(code) === -1) return false;
  }
  return true;
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
}

/** Fast path for the usual `-123` (at most 15 digits, so exact); undefined for anything else. */
function plainInteger(text: string): number | undefined {
  const negative = text.charCodeAt(0) === 0x2d;
  const start = negative ? 1 : 0;
  if (text.length === start || text.length - start > 15) return undefined;

  let value = 0;
  for (let i = start; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return negative ? -value : value;
}

function readBigInteger(
  tag: 'I64' | 'U64',
  text: string,
  name: string | undefined,
  position: NodePosition,
): CliPrimitive | undefined {
  // Most 64-bit values (sizes, enum values) are short: a BigInt from a number is cheaper than
  // parsing text, and plainInteger is exact up to 15 digits.
  const plain = plainInteger(text);
  if (plain === undefined && !INTEGER_TEXT.test(text)) return undefined;

  const value = plain === undefined ? BigInt(text.trim()) : BigInt(plain);
  const [low, high] = BIGINT_RANGES[tag];
  if (value < low || value > high) return undefined;
  return { kind: 'bigint', tag, value, name, position };
}

/** xsd:double: .NET writes `INF`, `-INF` and `NaN` for the special values. */
function readFloat(
  tag: 'Db' | 'Sg',
  text: string,
  name: string | undefined,
  position: NodePosition,
): CliPrimitive | undefined {
  if (!FLOAT_TEXT.test(text)) return undefined;

  const trimmed = text.trim();
  const value = trimmed.endsWith('INF')
    ? trimmed[0] === '-'
      ? -Infinity
      : Infinity
    : Number(trimmed);
  return { kind: 'number', tag, value, text: trimmed, name, position };
}

/**
 * `o`-format DateTime. Without an offset (DateTimeKind.Unspecified) the time is read as UTC.
 * TODO(#2): Unspecified-kind DateTimes are read as UTC; the exporting host's zone is unknown here.
 */
function readDateTime(
  text: string,
  name: string | undefined,
  position: NodePosition,
): CliPrimitive | undefined {
  const fast = plainDateTime(text);
  if (fast !== undefined) return { kind: 'datetime', text, epochMs: fast, name, position };

  const match = DATE_TIME_TEXT.exec(text);
  if (match === null) return undefined;

  const [, year, month, day, hour, minute, second, fraction = '', zone = 'Z'] = match;
  const millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const local = Date.UTC(+year!, +month! - 1, +day!, +hour!, +minute!, +second!, millis);
  const offsetMinutes = zone === 'Z' ? 0 : zoneOffsetMinutes(zone);
  const epochMs = local - offsetMinutes * 60_000;
  if (Number.isNaN(epochMs) || +month! < 1 || +month! > 12 || +day! < 1 || +day! > 31) {
    return undefined;
  }
  return { kind: 'datetime', text: text.trim(), epochMs, name, position };
}

/** Whether `yyyy-MM-ddTHH:mm:ss` has its '-', 'T' and ':' where they belong. */
function hasDateTimeSeparators(text: string): boolean {
  return (
    text.charCodeAt(4) === 0x2d &&
    text.charCodeAt(7) === 0x2d &&
    text.charCodeAt(10) === 0x54 &&
    text.charCodeAt(13) === 0x3a &&
    text.charCodeAt(16) === 0x3a
  );
}

/** Fast path for `yyyy-MM-ddTHH:mm:ss[.fffffff](Z|±hh:mm)`, digits checked; else undefined. */
function plainDateTime(text: string): number | undefined {
  const length = text.length;
  if (length < 20 || !hasDateTimeSeparators(text)) return undefined;

  let at = 19;
  let millis = 0;
  if (text.charCodeAt(at) === 0x2e /* . */) {
    const fractionStart = ++at;
    while (at < length && isDigit(text.charCodeAt(at))) at++;
    millis = digitsAt(text, fractionStart, Math.min(at, fractionStart + 3));
    for (let i = at - fractionStart; i < 3; i++) millis *= 10;
  }

  const offsetMinutes = zoneMinutesAt(text, at);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;

  const local = Date.UTC(
    digitsAt(text, 0, 4),
    month - 1,
    day,
    digitsAt(text, 11, 13),
    digitsAt(text, 14, 16),
    digitsAt(text, 17, 19),
    millis,
  );
  const epochMs = local - offsetMinutes * 60_000;
  return Number.isNaN(epochMs) ? undefined : epochMs;
}

/** The `Z` or `±hh:mm` that ends the text at `at`, in minutes east of UTC; NaN otherwise. */
function zoneMinutesAt(text: string, at: number): number {
  const zone = text.charCodeAt(at);
  if (zone === 0x5a /* Z */ && at + 1 === text.length) return 0;
  if ((zone !== 0x2b && zone !== 0x2d) || at + 6 !== text.length) return Number.NaN;
  if (text.charCodeAt(at + 3) !== 0x3a) return Number.NaN;

  const minutes = digitsAt(text, at + 1, at + 3) * 60 + digitsAt(text, at + 4, at + 6);
  return zone === 0x2d ? -minutes : minutes;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** The decimal number in text[start, end); NaN when a character is not a digit. */
function digitsAt(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return Number.NaN;
    value = value * 10 + (code - 0x30);
  }
  return value;
}

function zoneOffsetMinutes(zone: string): number {
  const sign = zone[0] === '-' ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
}

/** XmlConvert.ToString(TimeSpan): `[-]P[nD][T[nH][nM][n[.f]S]]`. */
function readDuration(
  text: string,
  name: string | undefined,
  position: NodePosition,
): CliPrimitive | undefined {
  const match = DURATION_TEXT.exec(text);
  if (match === null || !/[DHMS]/.test(text)) return undefined;

  const [, negative, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  const ms =
    Number(days) * 86_400_000 +
    Number(hours) * 3_600_000 +
    Number(minutes) * 60_000 +
    Math.round(Number(seconds) * 1000);
  return {
    kind: 'duration',
    text: text.trim(),
    ms: negative === undefined ? ms : -ms,
    name,
    position,
  };
}
