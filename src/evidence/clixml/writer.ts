/**
 * Writes PowerShell CliXml as Export-Clixml does: object and type-name RefIds numbered in
 * document order, `TNRef` for a repeated type-name list, `Ref` for an object written before,
 * `Props` for adapted and `MS` for extended members, two-space indentation, no final newline.
 *
 * Format reference: MS-PSRP 2.2.5 and ../shared/reference/exchange-builds.md §5.
 */
import { ExztError } from '../../errors.js';
import { escapeAttributeValue, escapeElementText } from './writer-text.js';
import type {
  WritableMember,
  WritableNode,
  WritableObject,
  WritablePrimitive,
} from './writer-values.js';
import type { CollectionType } from './model.js';

export const CLIXML_NAMESPACE = 'http://schemas.microsoft.com/powershell/2004/04';
export const CLIXML_VERSION = '1.1.0.1';

/** PowerShell's serializer refuses to go deeper than this below a top-level object. */
export const MAX_DEPTH_BELOW_TOP_LEVEL = 50;

export interface ClixmlFileOptions {
  /** Windows PowerShell 5.1 writes UTF-16 LE unless told `-Encoding UTF8`. */
  encoding?: 'utf-16le' | 'utf-8';
  bom?: boolean;
  newline?: '\r\n' | '\n';
}

const COLLECTION_TAGS: Record<CollectionType, string> = {
  list: 'LST',
  enumerable: 'IE',
  stack: 'STK',
  queue: 'QUE',
};

const INDENT = '  ';

class ClixmlSerializer {
  readonly lines: string[] = [];
  // Weak, so a streamed export does not keep every object it has written alive.
  private readonly objectRefIds = new WeakMap<WritableObject, number>();
  private nextObjectRefId = 0;
  private readonly typeNameRefIds = new Map<string, number>();

  writeDocument(objects: readonly WritableNode[]): void {
    const root = `<Objs Version="${CLIXML_VERSION}" xmlns="${CLIXML_NAMESPACE}"`;
    if (objects.length === 0) {
      this.lines.push(`${root} />`);
      return;
    }

    this.lines.push(`${root}>`);
    for (const node of objects) this.writeNode(node, undefined, 1);
    this.lines.push('</Objs>');
  }

  /** Writes one top-level object and hands back its lines, so they need not be kept. */
  takeTopLevel(node: WritableNode): string[] {
    this.writeNode(node, undefined, 1);
    return this.lines.splice(0);
  }

  private writeNode(node: WritableNode, name: string | undefined, depth: number): void {
    if (depth - 1 > MAX_DEPTH_BELOW_TOP_LEVEL) {
      throw new ExztError(
        'CLIXML_LIMIT',
        `CliXml nesting deeper than ${MAX_DEPTH_BELOW_TOP_LEVEL} levels below a top-level ` +
          `object${name === undefined ? '' : ` (at member ${name})`}; PowerShell never writes ` +
          'such a document: is there a cycle made of copies instead of shared objects?',
      );
    }

    if (node.kind === 'object') this.writeObject(node, name, depth);
    else this.lines.push(INDENT.repeat(depth) + primitiveElement(node, name));
  }

  private writeObject(object: WritableObject, name: string | undefined, depth: number): void {
    const pad = INDENT.repeat(depth);
    const nameAttribute = name === undefined ? '' : ` N="${escapeAttributeValue(name)}"`;
    const written = this.objectRefIds.get(object);
    if (written !== undefined) {
      this.lines.push(`${pad}<Ref${nameAttribute} RefId="${written}" />`);
      return;
    }

    const refId = this.nextObjectRefId++;
    this.objectRefIds.set(object, refId);
    this.lines.push(`${pad}<Obj${nameAttribute} RefId="${refId}">`);
    this.writeTypeNames(object.typeNames, depth + 1);
    this.writeToString(object, depth + 1);
    if (object.value !== undefined) this.writeNode(object.value, undefined, depth + 1);
    this.writeContents(object, depth + 1);
    this.writeMembers('Props', object.adapted, depth + 1);
    this.writeMembers('MS', object.extended, depth + 1);
    this.lines.push(`${pad}</Obj>`);
  }

  private writeTypeNames(typeNames: readonly string[], depth: number): void {
    if (typeNames.length === 0) return;

    const pad = INDENT.repeat(depth);
    const key = typeNames.join('\n');
    const written = this.typeNameRefIds.get(key);
    if (written !== undefined) {
      this.lines.push(`${pad}<TNRef RefId="${written}" />`);
      return;
    }

    this.typeNameRefIds.set(key, this.typeNameRefIds.size);
    this.lines.push(`${pad}<TN RefId="${this.typeNameRefIds.size - 1}">`);
    for (const typeName of typeNames) {
      this.lines.push(`${pad}${INDENT}<T>${escapeElementText(typeName)}</T>`);
    }
    this.lines.push(`${pad}</TN>`);
  }

  private writeToString(object: WritableObject, depth: number): void {
    if (object.toStringText === undefined) return;

    const text = escapeElementText(object.toStringText);
    const element = text === '' ? '<ToString />' : `<ToString>${text}</ToString>`;
    this.lines.push(INDENT.repeat(depth) + element);
  }

  private writeContents(object: WritableObject, depth: number): void {
    if (object.items !== undefined) {
      this.writeCollection(COLLECTION_TAGS[object.collection ?? 'list'], object.items, depth);
    }

    if (object.entries !== undefined) this.writeEntries(object, depth);
  }

  private writeCollection(tag: string, items: readonly WritableNode[], depth: number): void {
    const pad = INDENT.repeat(depth);
    if (items.length === 0) {
      this.lines.push(`${pad}<${tag} />`);
      return;
    }

    this.lines.push(`${pad}<${tag}>`);
    for (const item of items) this.writeNode(item, undefined, depth + 1);
    this.lines.push(`${pad}</${tag}>`);
  }

  private writeEntries(object: WritableObject, depth: number): void {
    const pad = INDENT.repeat(depth);
    const entries = object.entries ?? [];
    if (entries.length === 0) {
      this.lines.push(`${pad}<DCT />`);
      return;
    }

    this.lines.push(`${pad}<DCT>`);
    for (const entry of entries) {
      this.lines.push(`${pad}${INDENT}<En>`);
      this.writeNode(entry.key, 'Key', depth + 2);
      this.writeNode(entry.value, 'Value', depth + 2);
      this.lines.push(`${pad}${INDENT}</En>`);
    }
    this.lines.push(`${pad}</DCT>`);
  }

  private writeMembers(tag: 'Props' | 'MS', members: readonly WritableMember[], depth: number) {
    if (members.length === 0) return;

    const pad = INDENT.repeat(depth);
    this.lines.push(`${pad}<${tag}>`);
    for (const member of members) this.writeNode(member.value, member.name, depth + 1);
    this.lines.push(`${pad}</${tag}>`);
  }
}

/** One primitive element, e.g. `<S N="Name">EX01</S>` or `<Nil N="CSDVersion" />`. */
function primitiveElement(node: WritablePrimitive, name: string | undefined): string {
  const nameAttribute = name === undefined ? '' : ` N="${escapeAttributeValue(name)}"`;
  if (node.kind === 'nil') return `<Nil${nameAttribute} />`;

  const [tag, text] = primitiveTagAndText(node);
  return `<${tag}${nameAttribute}>${text}</${tag}>`;
}

function primitiveTagAndText(node: Exclude<WritablePrimitive, { kind: 'nil' }>): [string, string] {
  switch (node.kind) {
    case 'string':
      return node.tag === 'C'
        ? ['C', String(node.value.charCodeAt(0))]
        : ['S', escapeElementText(node.value)];
    case 'boolean':
      return ['B', node.value ? 'true' : 'false'];
    case 'number':
      return [node.tag, node.text];
    case 'bigint':
      return [node.tag, node.value.toString()];
    case 'datetime':
      return ['DT', node.text];
    case 'duration':
      return ['TS', node.text];
    case 'version':
      return ['Version', node.value];
    case 'guid':
      return ['G', node.value];
    case 'uri':
      return ['URI', escapeElementText(node.value)];
    case 'bytes':
      return ['BA', node.base64];
    case 'xml':
      return ['XD', escapeElementText(node.value)];
    case 'scriptblock':
      return ['SBK', escapeElementText(node.value)];
    case 'securestring':
      return ['SS', node.value];
  }
}

/** The document as text, without a byte-order mark. */
export function formatClixml(
  objects: readonly WritableNode[],
  newline: '\r\n' | '\n' = '\r\n',
): string {
  const serializer = new ClixmlSerializer();
  serializer.writeDocument(objects);
  return serializer.lines.join(newline);
}

/**
 * The document as text chunks, one per top-level object, for exports too long to hold whole
 * (100,000 Get-CASMailbox objects): joined, the chunks are exactly formatClixml's text.
 */
export function* formatClixmlChunks(
  objects: Iterable<WritableNode>,
  newline: '\r\n' | '\n' = '\r\n',
): Generator<string> {
  const serializer = new ClixmlSerializer();
  const root = `<Objs Version="${CLIXML_VERSION}" xmlns="${CLIXML_NAMESPACE}"`;
  let written = false;
  for (const node of objects) {
    const lines = serializer.takeTopLevel(node);
    yield (written ? newline : `${root}>${newline}`) + lines.join(newline);
    written = true;
  }
  yield written ? `${newline}</Objs>` : `${root} />`;
}

/**
 * The document as file bytes. Defaults are Windows PowerShell 5.1's Export-Clixml: UTF-16 LE
 * with a byte-order mark and CRLF line ends.
 */
export function encodeClixml(
  objects: readonly WritableNode[],
  options: ClixmlFileOptions = {},
): Buffer {
  const encoding = options.encoding ?? 'utf-16le';
  const text = formatClixml(objects, options.newline ?? '\r\n');
  const body = Buffer.from(text, encoding === 'utf-8' ? 'utf8' : 'utf16le');
  if (options.bom === false) return body;

  const bom = encoding === 'utf-8' ? [0xef, 0xbb, 0xbf] : [0xff, 0xfe];
  return Buffer.concat([Buffer.from(bom), body]);
}
