/**
 * Turns what the CliXml reader hands out back into values the writer takes, so a read document
 * can be rewritten (the redaction of bundles does this). Shared objects stay shared, so a `Ref`
 * in the source is a `Ref` again.
 */
import type { CliDocument, CliNode, CliObject } from './model.js';
import type {
  WritableMember,
  WritableNode,
  WritableObject,
  WritablePrimitive,
} from './writer-values.js';

/** The reader marks the members it read from `MS`; readers without the mark give all `Props`. */
type ReadObject = CliObject & { extendedMembers?: ReadonlySet<string> };

export function writableFromDocument(document: CliDocument): WritableNode[] {
  const converted = new Map<CliObject, WritableObject>();
  return document.objects.map((node) => writableFromCliNode(node, converted));
}

export function writableFromCliNode(
  node: CliNode,
  converted: Map<CliObject, WritableObject> = new Map(),
): WritableNode {
  if (node.kind !== 'object') return withoutPosition(node);

  return writableObject(node, converted);
}

function withoutPosition(node: Exclude<CliNode, CliObject>): WritablePrimitive {
  const entries = Object.entries(node).filter(([key]) => key !== 'position' && key !== 'name');
  return Object.fromEntries(entries) as WritablePrimitive;
}

function writableObject(
  node: ReadObject,
  converted: Map<CliObject, WritableObject>,
): WritableObject {
  const seen = converted.get(node);
  if (seen !== undefined) return seen;

  const adapted: WritableMember[] = [];
  const extended: WritableMember[] = [];
  const object: WritableObject = {
    kind: 'object',
    typeNames: [...node.typeNames],
    adapted,
    extended,
  };
  // Registered before the children, so a cycle back to this object becomes a Ref.
  converted.set(node, object);
  copyContents(node, object, converted);

  // TODO(#2): the reader keeps one member per name, so a name in both Props and MS (Get-HotFix's
  // InstalledOn) comes back once; rewriting such a file drops the MS copy.
  for (const [key, member] of node.members) {
    const target = node.extendedMembers?.has(key) === true ? extended : adapted;
    target.push({ name: memberName(key, member), value: writableFromCliNode(member, converted) });
  }
  return object;
}

/**
 * A shared object carries the name it had where first written, so a `Ref` member elsewhere
 * (`Id` referring to `Identity`) keeps only the reader's lower-cased key; PowerShell reads
 * member names case-insensitively, so that key is still the right member.
 */
function memberName(key: string, member: CliNode): string {
  return member.name?.toLowerCase() === key ? member.name : key;
}

function copyContents(
  node: ReadObject,
  object: WritableObject,
  converted: Map<CliObject, WritableObject>,
): void {
  // CliObject.toString is a data member; without one, the name resolves to Object's method.
  if (Object.hasOwn(node, 'toString') && typeof node.toString === 'string') {
    object.toStringText = node.toString;
  }
  if (node.value !== undefined) object.value = withoutPosition(node.value);
  if (node.items !== undefined) {
    object.items = node.items.map((item) => writableFromCliNode(item, converted));
    object.collection = node.collection ?? 'list';
  }
  if (node.entries !== undefined) {
    object.entries = node.entries.map((entry) => ({
      key: writableFromCliNode(entry.key, converted),
      value: writableFromCliNode(entry.value, converted),
    }));
  }
}
