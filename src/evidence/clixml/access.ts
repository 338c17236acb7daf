/**
 * Reading values out of CliNodes the way PowerShell would: member names and dictionary keys are
 * case-insensitive, enums give their name as a string and their number as a number, and a
 * string with note members is still a string.
 */
import type { CliNode, CliObject, CliPrimitive } from './model.js';

/** The member `name` of an object (Props and MS merged), case-insensitively. */
export function member(node: CliNode | undefined, name: string): CliNode | undefined {
  return node?.kind === 'object' ? node.members.get(name.toLowerCase()) : undefined;
}

/** Follows member names one after another: memberPath(server, 'AdminDisplayVersion', 'Build'). */
export function memberPath(node: CliNode, ...names: string[]): CliNode | undefined {
  let current: CliNode | undefined = node;
  for (const name of names) current = member(current, name);
  return current;
}

/** The value of a dictionary (DCT) entry whose key reads as `key`, case-insensitively. */
export function entryValue(node: CliNode | undefined, key: string): CliNode | undefined {
  if (node?.kind !== 'object' || node.entries === undefined) return undefined;

  const wanted = key.toLowerCase();
  return node.entries.find((entry) => asString(entry.key)?.toLowerCase() === wanted)?.value;
}

/** The primitive an object stands for: an enum's number or a string-with-members' string. */
function primitiveOf(node: CliNode | undefined): CliPrimitive | CliObject | undefined {
  return node?.kind === 'object' && node.value !== undefined ? node.value : node;
}

/** Text of S, C, Version, G, URI, XD, SBK, SS; an enum's ToString name; a string with members. */
export function asString(node: CliNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (node.kind === 'object') {
    if (node.value?.kind === 'string') return node.value.value;
    return node.value !== undefined ? node.toString : undefined;
  }

  switch (node.kind) {
    case 'string':
    case 'version':
    case 'guid':
    case 'uri':
    case 'xml':
    case 'scriptblock':
    case 'securestring':
      return node.value;
    default:
      return undefined;
  }
}

/** Numbers, 64-bit integers that fit a double exactly, and an enum's numeric value. */
export function asNumber(node: CliNode | undefined): number | undefined {
  const value = primitiveOf(node);
  if (value?.kind === 'number') return value.value;
  if (value?.kind !== 'bigint') return undefined;

  const number = Number(value.value);
  return Number.isSafeInteger(number) ? number : undefined;
}

/** Integers of any width as bigint (U64 sizes above 2^53). */
export function asBigInt(node: CliNode | undefined): bigint | undefined {
  const value = primitiveOf(node);
  if (value?.kind === 'bigint') return value.value;
  if (value?.kind === 'number' && Number.isInteger(value.value) && value.tag !== 'D') {
    return BigInt(value.value);
  }
  return undefined;
}

export function asBoolean(node: CliNode | undefined): boolean | undefined {
  const value = primitiveOf(node);
  return value?.kind === 'boolean' ? value.value : undefined;
}

/** A DT as epoch milliseconds. */
export function asDate(node: CliNode | undefined): number | undefined {
  const value = primitiveOf(node);
  return value?.kind === 'datetime' ? value.epochMs : undefined;
}

/** A TS as milliseconds. */
export function asDurationMs(node: CliNode | undefined): number | undefined {
  const value = primitiveOf(node);
  return value?.kind === 'duration' ? value.ms : undefined;
}

/**
 * The strings of a collection (LST, IE, ...) or a single string as a one-item list. Undefined when
 * absent, Nil, or when an item is not a string.
 */
export function asStringList(node: CliNode | undefined): string[] | undefined {
  if (node?.kind === 'object' && node.items !== undefined) {
    const strings: string[] = [];
    for (const item of node.items) {
      const text = asString(item);
      if (text === undefined) return undefined;
      strings.push(text);
    }
    return strings;
  }

  const single = asString(node);
  return single === undefined ? undefined : [single];
}

const PRIMITIVE_TYPE_NAMES: Readonly<Record<string, string>> = {
  nil: 'System.Object',
  boolean: 'System.Boolean',
  datetime: 'System.DateTime',
  duration: 'System.TimeSpan',
  version: 'System.Version',
  guid: 'System.Guid',
  uri: 'System.Uri',
  bytes: 'System.Byte[]',
  xml: 'System.Xml.XmlDocument',
  scriptblock: 'System.Management.Automation.ScriptBlock',
  securestring: 'System.Security.SecureString',
  S: 'System.String',
  C: 'System.Char',
  I16: 'System.Int16',
  I32: 'System.Int32',
  I64: 'System.Int64',
  U16: 'System.UInt16',
  U32: 'System.UInt32',
  U64: 'System.UInt64',
  By: 'System.Byte',
  SB: 'System.SByte',
  Db: 'System.Double',
  Sg: 'System.Single',
  D: 'System.Decimal',
};

/** Most-derived type name with `Deserialized.` stripped; the .NET type of a primitive. */
export function typeNameOf(node: CliNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (node.kind === 'object') {
    const first = node.typeNames[0];
    return first?.startsWith('Deserialized.') ? first.slice('Deserialized.'.length) : first;
  }
  return 'tag' in node ? PRIMITIVE_TYPE_NAMES[node.tag] : PRIMITIVE_TYPE_NAMES[node.kind];
}

/** True when one of the object's type names (with or without `Deserialized.`) is `typeName`. */
export function hasTypeName(node: CliNode | undefined, typeName: string): boolean {
  if (node?.kind !== 'object') return false;
  return node.typeNames.some((name) => name === typeName || name === `Deserialized.${typeName}`);
}

/**
 * The object path used in provenance, e.g. `Objs[0].Props.AdminDisplayVersion` or
 * `Objs[2].MS.PSComputerName`: each step says whether the member came from Props or MS, taken
 * from the nodes when given (members missing from `top` are written as Props).
 */
export function pathOf(
  topIndex: number,
  top: CliNode | undefined,
  ...memberNames: string[]
): string {
  let path = `Objs[${topIndex}]`;
  let current = top;
  for (const name of memberNames) {
    const set =
      current?.kind === 'object' && current.extendedMembers?.has(name.toLowerCase())
        ? 'MS'
        : 'Props';
    const next = member(current, name);
    const spelled = next?.name?.toLowerCase() === name.toLowerCase() ? next.name : name;
    path += `.${set}.${spelled}`;
    current = next;
  }
  return path;
}
