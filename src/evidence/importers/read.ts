/**
 * Shape checks and member reads shared by the importers. Importers read members, never an
 * object's ToString, which a remote session freezes at export time.
 */
import { ExztError } from '../../errors.js';
import type { CliDocument, CliNode, CliObject } from '../clixml/model.js';
import { member } from '../clixml/index.js';
import type { FactAnchor } from '../object-path.js';

/** Type names without the `Deserialized.` prefix a remote session adds. */
export function plainTypeNames(node: CliNode): string[] {
  if (node.kind !== 'object') return [];
  return node.typeNames.map((name) => name.replace(/^Deserialized\./, ''));
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
  if (first === undefined || !typeMatches || member(first.object, expected.member) === undefined) {
    throw shapeError(document, first?.object ?? document.objects[0], expected.description);
  }

  return first;
}

export function objectAnchor(object: CliObject, index: number): FactAnchor {
  return { node: object, index, top: object, members: [] };
}

/** An anchor on a member, or undefined when the object has no such member. */
export function memberAnchor(
  object: CliObject,
  index: number,
  name: string,
): FactAnchor | undefined {
  const node = member(object, name);
  if (node === undefined) return undefined;

  return { node, index, top: object, members: [name] };
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
