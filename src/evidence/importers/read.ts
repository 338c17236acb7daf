/**
 * Shape checks and member reads shared by the importers. Importers read members, never an
 * object's ToString, which a remote session freezes at export time.
 */
import { ExztError } from '../../errors.js';
import type { CliDocument, CliNode, CliObject } from '../clixml/model.js';
import type { FactAnchor } from '../object-path.js';

const DESERIALIZED = 'Deserialized.';

/** Type names without the `Deserialized.` prefix a remote session adds. */
export function plainTypeNames(node: CliNode): string[] {
  if (node.kind !== 'object') return [];
  return node.typeNames.map((name) =>
    name.startsWith(DESERIALIZED) ? name.slice(DESERIALIZED.length) : name,
  );
}

export function memberOf(node: CliNode | undefined, name: string): CliNode | undefined {
  return node?.kind === 'object' ? node.members.get(name.toLowerCase()) : undefined;
}

/** Text of a string-like primitive; an object yields its primitive value, if it has one. */
export function textOf(node: CliNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (node.kind === 'object') return node.value === undefined ? undefined : textOf(node.value);

  switch (node.kind) {
    case 'string':
    case 'version':
    case 'guid':
    case 'uri':
      return node.value;
    case 'number':
      return node.text;
    case 'bigint':
      return node.value.toString();
    case 'datetime':
      return node.text;
    default:
      return undefined;
  }
}

export function booleanOf(node: CliNode | undefined): boolean | undefined {
  if (node?.kind === 'boolean') return node.value;
  if (node?.kind === 'object' && node.value?.kind === 'boolean') return node.value.value;
  return undefined;
}

export function numberOf(node: CliNode | undefined): number | undefined {
  if (node?.kind === 'number') return node.value;
  if (node?.kind === 'bigint') return Number(node.value);
  if (node?.kind === 'object') return node.value === undefined ? undefined : numberOf(node.value);
  return undefined;
}

/** Items of a list member as text, skipping items that are not text. */
export function textListOf(node: CliNode | undefined): string[] | undefined {
  if (node?.kind !== 'object' || node.items === undefined) {
    const single = textOf(node);
    return single === undefined ? undefined : [single];
  }
  return node.items.map(textOf).filter((text): text is string => text !== undefined);
}

/**
 * The label of an enum member (`Mailbox, ClientAccess`). An enum's ToString is its name, computed
 * from the value, so unlike an object's it cannot be stale.
 */
export function enumLabelOf(node: CliNode | undefined): string | undefined {
  if (node === undefined || node.kind === 'nil') return undefined;
  if (node.kind === 'object') {
    const isEnum = plainTypeNames(node).includes('System.Enum');
    return isEnum ? node.toString : textOf(node);
  }
  return textOf(node);
}

/** The document's objects that are objects (not bare primitives). */
export function objectsOf(document: CliDocument): { object: CliObject; index: number }[] {
  return document.objects.flatMap((node, index) =>
    node.kind === 'object' ? [{ object: node, index }] : [],
  );
}

/** An EVIDENCE error at the node (or the document start) saying what was expected. */
export function shapeError(document: CliDocument, node: CliNode | undefined, expected: string) {
  const position = node?.position ?? { line: 1, column: 1, offset: 0 };
  const found = node === undefined ? 'an empty export' : describeNode(node);
  return new ExztError('EVIDENCE', `expected ${expected}, found ${found}`, {
    position: { file: document.file, ...position },
  });
}

function describeNode(node: CliNode): string {
  if (node.kind !== 'object') return `a ${node.kind}`;
  const typeName = plainTypeNames(node)[0];
  return typeName === undefined ? 'an object without type names' : `a ${typeName}`;
}

/** The single object of a scalar export, checked for a type name and a required member. */
export function singleObject(
  document: CliDocument,
  expected: { typeSuffix: string; member: string; description: string },
): { object: CliObject; index: number } {
  const first = objectsOf(document)[0];
  const typeNames = first === undefined ? [] : plainTypeNames(first.object);
  const typeMatches =
    typeNames.length === 0 || typeNames.some((name) => name.endsWith(expected.typeSuffix));
  if (
    first === undefined ||
    !typeMatches ||
    memberOf(first.object, expected.member) === undefined
  ) {
    throw shapeError(document, first?.object ?? document.objects[0], expected.description);
  }

  return first;
}

export function objectAnchor(object: CliObject, index: number): FactAnchor {
  return { node: object, steps: [{ index }] };
}

/** An anchor on a member, or undefined when the object has no such member. */
export function memberAnchor(
  object: CliObject,
  index: number,
  member: string,
): FactAnchor | undefined {
  const node = memberOf(object, member);
  if (node === undefined) return undefined;

  return { node, steps: [{ index }, { owner: object, member: node.name ?? member }] };
}

/** `yyyymmdd` (as the uninstall registry writes InstallDate) to `yyyy-mm-dd`. */
export function compactDateToIso(text: string | undefined): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text?.trim() ?? '');
  return match === null ? undefined : `${match[1]}-${match[2]}-${match[3]}`;
}

/** Sets an optional property only when there is a value, so JSON output has no nulls. */
export function assignDefined<T, K extends keyof T>(
  target: T,
  key: K,
  value: T[K] | undefined,
): void {
  if (value !== undefined) target[key] = value;
}
