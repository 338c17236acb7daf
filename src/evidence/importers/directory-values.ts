/**
 * Values Exchange and Active Directory exports share: ADObjectId references (a string from a
 * remote session, an object with Name and DistinguishedName when exported locally) and lists of
 * objects read one by one with their anchors, so that `anchors[i]` is the anchor of item i.
 */
import type { CliDocument, CliNode, CliObject } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import { asString, asStringList, member } from '../clixml/index.js';
import { objectAnchor, objectsOf } from './read.js';

/** The name an ADObjectId stands for: its Name member, or the last segment of its text. */
export function adObjectName(node: CliNode | undefined): string | undefined {
  const name = asString(member(node, 'Name'));
  if (name !== undefined && name !== '') return name;

  const text = asString(node) ?? (node?.kind === 'object' ? node.toString : undefined);
  if (text === undefined || text === '') return undefined;
  return text.split(/[\\/]/).pop();
}

/** Names of a multi-valued ADObjectId property, or of a list of strings. */
export function adObjectNames(node: CliNode | undefined): string[] {
  if (node?.kind === 'object' && node.items !== undefined) {
    return node.items.flatMap((item) => adObjectName(item) ?? []);
  }
  return asStringList(node) ?? [];
}

/**
 * Every top-level object read by `readItem`, in document order, one anchor per item. An empty
 * export (the cmdlet returned nothing) is an observed empty list.
 */
export function importObjectList<T>(
  document: CliDocument,
  readItem: (object: CliObject) => T,
): ImportedValue<T[]> {
  const items: T[] = [];
  const anchors: FactAnchor[] = [];
  for (const { object, index } of objectsOf(document)) {
    items.push(readItem(object));
    anchors.push(objectAnchor(object, index));
  }

  return { value: items, anchors };
}
