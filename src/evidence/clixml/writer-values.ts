/**
 * The values the CliXml writer takes, and small constructors for them. Primitives have the
 * shapes of the reader's model (model.ts) without positions, so read values can be written back;
 * objects keep adapted (`Props`) and extended (`MS`) members apart, as Export-Clixml does.
 */
import { ExztError } from '../../errors.js';
import type { CliPrimitive, CollectionType } from './model.js';

type WithoutPosition<T> = T extends unknown ? Omit<T, 'position' | 'name'> : never;

/** A primitive value as the writer takes it (a reader's CliPrimitive fits too). */
export type WritablePrimitive = WithoutPosition<CliPrimitive>;

export interface WritableMember {
  name: string;
  value: WritableNode;
}

export interface WritableEntry {
  key: WritableNode;
  value: WritableNode;
}

/**
 * An `Obj`. The same instance written twice becomes a `Ref` to the first, as PowerShell does
 * for a shared object.
 */
export interface WritableObject {
  kind: 'object';
  /** Most derived first; identical lists are written once and reused through `TNRef`. */
  typeNames: readonly string[];
  /** The `ToString` text (named apart from Object.prototype.toString). */
  toStringText?: string;
  /** A bare primitive child: an enum's number, or the string of a string with note members. */
  value?: WritablePrimitive;
  collection?: CollectionType;
  items?: readonly WritableNode[];
  entries?: readonly WritableEntry[];
  /** Adapted (.NET) properties, written in `Props`. */
  adapted: readonly WritableMember[];
  /** Extended and note properties, written in `MS` (PSCustomObjects and remoting members). */
  extended: readonly WritableMember[];
}

export type WritableNode = WritablePrimitive | WritableObject;

/** Members in order: a record (for readable literals) or name/value pairs. */
export type Members =
  Readonly<Record<string, WritableNode>> | readonly (readonly [string, WritableNode])[];

export interface ObjectParts {
  toStringText?: string;
  props?: Members;
  ms?: Members;
}

const INT_RANGES = {
  I16: [-32768, 32767],
  I32: [-2147483648, 2147483647],
  U16: [0, 65535],
  U32: [0, 4294967295],
  By: [0, 255],
  SB: [-128, 127],
} as const;

const BIGINT_RANGES = {
  I64: [-(2n ** 63n), 2n ** 63n - 1n],
  U64: [0n, 2n ** 64n - 1n],
} as const;

/** DateTime text as Export-Clixml writes it: up to 7 fractional digits; `Z`, an offset or none. */
const DATETIME_TEXT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})?$/;
const DURATION_TEXT = /^-?P(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const VERSION_TEXT = /^\d+\.\d+(\.\d+){0,2}$/;
const GUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(what: string, given: unknown, expected: string): ExztError {
  return new ExztError('INPUT', `CliXml ${what}: got ${String(given)}; expected ${expected}`);
}

export function str(value: string): WritablePrimitive {
  return { kind: 'string', tag: 'S', value };
}

/** A System.Char, written as its UTF-16 code. */
export function char(value: string): WritablePrimitive {
  if (value.length !== 1) throw invalid('char', JSON.stringify(value), 'one UTF-16 code unit');

  return { kind: 'string', tag: 'C', value };
}

export function bool(value: boolean): WritablePrimitive {
  return { kind: 'boolean', value };
}

export function nil(): WritablePrimitive {
  return { kind: 'nil' };
}

function integer(tag: keyof typeof INT_RANGES, value: number): WritablePrimitive {
  const [min, max] = INT_RANGES[tag];
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalid(tag, value, `an integer from ${min} to ${max}`);
  }

  return { kind: 'number', tag, value, text: String(value) };
}

export const i16 = (value: number): WritablePrimitive => integer('I16', value);
export const i32 = (value: number): WritablePrimitive => integer('I32', value);
export const u16 = (value: number): WritablePrimitive => integer('U16', value);
export const u32 = (value: number): WritablePrimitive => integer('U32', value);
export const byte = (value: number): WritablePrimitive => integer('By', value);

function bigInteger(tag: keyof typeof BIGINT_RANGES, given: bigint | number): WritablePrimitive {
  if (typeof given === 'number' && !Number.isSafeInteger(given)) {
    throw invalid(tag, given, 'a safe integer, or a bigint');
  }

  const value = BigInt(given);
  const [min, max] = BIGINT_RANGES[tag];
  if (value < min || value > max) throw invalid(tag, value, `a value from ${min} to ${max}`);

  return { kind: 'bigint', tag, value };
}

export const i64 = (value: bigint | number): WritablePrimitive => bigInteger('I64', value);
export const u64 = (value: bigint | number): WritablePrimitive => bigInteger('U64', value);

/** A System.Double, in the text .NET Framework's round-trip format gives (Db). */
export function double(value: number): WritablePrimitive {
  return { kind: 'number', tag: 'Db', value, text: formatDouble(value) };
}

/**
 * .NET Framework's "R" format: 15 significant digits when they round-trip, else 17; exponent
 * form from 1E+15 up and below 1E-05 (so a TimeSpan's TotalDays reads 0.00034722222222222218).
 */
export function formatDouble(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'INF' : '-INF';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';

  const precise = Number(value.toPrecision(15)) === value ? 15 : 17;
  const [mantissa = '', exponentText = '0'] = value.toExponential(precise - 1).split('e');
  const exponent = Number(exponentText);
  const [whole = '', fraction = ''] = mantissa.split('.');
  const digits = (whole.replace('-', '') + fraction).replace(/0+$/, '');
  const sign = value < 0 ? '-' : '';
  if (exponent >= 15 || exponent < -4) {
    const scaled = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const power = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${scaled}E${exponent < 0 ? '-' : '+'}${power}`;
  }

  return sign + placeDecimalPoint(digits, exponent);
}

function placeDecimalPoint(digits: string, exponent: number): string {
  if (exponent < 0) return `0.${'0'.repeat(-exponent - 1)}${digits}`;

  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/**
 * A DateTime: either text as Export-Clixml writes it (kept as given, offset included), or a
 * Date, written in UTC with trailing zero fractions dropped, as the round-trip format does.
 */
export function dateTime(value: string | Date): WritablePrimitive {
  if (value instanceof Date) {
    const text = value.toISOString().replace(/\.?0+Z$/, 'Z');
    return { kind: 'datetime', text, epochMs: value.getTime() };
  }

  const match = DATETIME_TEXT.exec(value);
  if (match === null) throw invalid('DateTime', value, 'yyyy-mm-ddThh:mm:ss[.fffffff][Z|±hh:mm]');

  const epochMs = Date.parse(match[2] === undefined ? `${value}Z` : value);
  return { kind: 'datetime', text: value, epochMs };
}

/** A TimeSpan as an ISO 8601 duration (`PT30M`), with its length in milliseconds. */
export function duration(text: string): WritablePrimitive {
  const match = DURATION_TEXT.exec(text);
  if (match === null || text.endsWith('T') || text === 'P') {
    throw invalid('TimeSpan', text, 'an ISO 8601 duration such as P1DT2H30M or PT0.5S');
  }

  return { kind: 'duration', text, ms: durationMs(text) };
}

function durationMs(text: string): number {
  const unit = (pattern: RegExp): number => Number(pattern.exec(text)?.[1] ?? 0);
  const days = unit(/(\d+)D/);
  const hours = unit(/(\d+)H/);
  const minutes = unit(/T(?:\d+H)?(\d+)M/);
  const seconds = unit(/([\d.]+)S/);
  const ms = ((days * 24 + hours) * 60 + minutes) * 60_000 + seconds * 1000;
  return text.startsWith('-') ? -ms : ms;
}

export function version(text: string): WritablePrimitive {
  if (!VERSION_TEXT.test(text)) throw invalid('Version', text, 'major.minor[.build[.revision]]');

  return { kind: 'version', value: text };
}

export function guid(text: string): WritablePrimitive {
  if (!GUID_TEXT.test(text)) throw invalid('Guid', text, 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx');

  return { kind: 'guid', value: text.toLowerCase() };
}

export function uri(text: string): WritablePrimitive {
  return { kind: 'uri', value: text };
}

export function bytes(data: Uint8Array): WritablePrimitive {
  return { kind: 'bytes', base64: Buffer.from(data).toString('base64') };
}

function memberList(members: Members | undefined): WritableMember[] {
  if (members === undefined) return [];

  const pairs = Array.isArray(members)
    ? (members as readonly (readonly [string, WritableNode])[])
    : Object.entries(members as Record<string, WritableNode>);
  return pairs.map(([name, value]) => ({ name, value }));
}

function objectBase(typeNames: readonly string[], parts: ObjectParts): WritableObject {
  const base: WritableObject = {
    kind: 'object',
    typeNames,
    adapted: memberList(parts.props),
    extended: memberList(parts.ms),
  };
  if (parts.toStringText !== undefined) base.toStringText = parts.toStringText;
  return base;
}

/** A property bag: `Props` for adapted members, `MS` for extended ones. */
export function obj(typeNames: readonly string[], parts: ObjectParts = {}): WritableObject {
  return objectBase(typeNames, parts);
}

/** An array or list (`LST`), optionally with members of its own. */
export function list(
  typeNames: readonly string[],
  items: readonly WritableNode[],
  parts: ObjectParts = {},
): WritableObject {
  return { ...objectBase(typeNames, parts), collection: 'list', items };
}

/** Any other enumerable (`IE`). */
export function enumerable(
  typeNames: readonly string[],
  items: readonly WritableNode[],
  parts: ObjectParts = {},
): WritableObject {
  return { ...objectBase(typeNames, parts), collection: 'enumerable', items };
}

/** A hashtable or dictionary (`DCT`), entries in the order given. */
export function dictionary(
  typeNames: readonly string[],
  entries: readonly (readonly [WritableNode, WritableNode])[],
  parts: ObjectParts = {},
): WritableObject {
  const written = entries.map(([key, value]) => ({ key, value }));
  return { ...objectBase(typeNames, parts), entries: written };
}

/** An enum value: its symbolic name as ToString and its number as a bare child. */
export function enumValue(
  typeNames: readonly string[],
  name: string,
  number: number | bigint,
): WritableObject {
  const value = typeof number === 'bigint' ? i64(number) : i32(number);
  return { ...objectBase(typeNames, { toStringText: name }), value };
}

/** A primitive that carries note members, e.g. a line from Get-Content with its PSPath. */
export function primitiveWithMembers(
  typeNames: readonly string[],
  value: WritablePrimitive,
  parts: ObjectParts = {},
): WritableObject {
  return { ...objectBase(typeNames, parts), value };
}
