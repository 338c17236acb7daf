/**
 * Reading exports that hold one object per item (Get-CASMailbox, Get-MobileDevice, Get-Service):
 * every object is checked for its type and read; an empty export is an observed empty list.
 */
import type { CliDocument, CliNode, CliObject } from '../clixml/model.js';
import { asDate, asString, member } from '../clixml/index.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import { objectAnchor, objectsOf, plainTypeNames, shapeError } from './read.js';

// TODO(#3): directory-values.ts grew a twin of importObjectList at the same time (without the
// type check); merge the two into one helper.
export interface ObjectListSpec {
  /** The end of the object's type name, without `Deserialized.`. */
  typeSuffix: string;
  /** What an object must look like, for the error: "a CASMailbox object with Identity". */
  expected: string;
}

/** Reads every object with `read`; one that is of another type or that `read` rejects is an error. */
export function importObjectList<T>(
  document: CliDocument,
  spec: ObjectListSpec,
  read: (object: CliObject) => T | undefined,
): ImportedValue<T[]> {
  const values: T[] = [];
  const anchors: FactAnchor[] = [];
  for (const { object, index } of objectsOf(document)) {
    const typeNames = plainTypeNames(object);
    const typeMatches =
      typeNames.length === 0 || typeNames.some((name) => name.endsWith(spec.typeSuffix));
    const value = typeMatches ? read(object) : undefined;
    if (value === undefined) throw shapeError(document, object, spec.expected);

    values.push(value);
    anchors.push(objectAnchor(object, index));
  }

  return { value: values, anchors };
}

/** A DateTime member as ISO 8601, or undefined when absent or Nil. */
export function isoDateOf(node: CliNode | undefined): string | undefined {
  const epochMs = asDate(node);
  return epochMs === undefined ? undefined : new Date(epochMs).toISOString();
}

/** A non-empty string, or undefined: Exchange writes "not set" as Nil or as "". */
export function textOf(node: CliNode | undefined): string | undefined {
  const text = asString(node)?.trim();
  return text === undefined || text === '' ? undefined : text;
}

/**
 * The name of an AD object reference (an ADObjectId): its Name member when it was serialised with
 * its properties, else the last segment of the canonical path a remote session writes as a string.
 */
export function referenceName(node: CliNode | undefined): string | undefined {
  const name = textOf(member(node, 'Name'));
  if (name !== undefined) return name;

  return textOf(node)?.split('/').pop();
}

/** The canonical identity of an object ("contoso.com/Users/Ann/ExchangeActiveSyncDevices/…"). */
export function identityText(node: CliNode | undefined): string | undefined {
  if (node?.kind === 'object' && node.value === undefined) {
    // An ADObjectId serialised with its properties: its ToString is the canonical path, which
    // the object computes from the members beside it, so it is not stale.
    return textOf(member(node, 'DistinguishedName')) === undefined ? undefined : node.toString;
  }
  return textOf(node);
}
