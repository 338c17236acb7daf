/**
 * The value model of a PowerShell CliXml document (Export-Clixml output), as the reader hands
 * it out. Every node knows where it stood in the file, so facts can carry provenance.
 *
 * Format reference: MS-PSRP 2.2.5 (serialization of objects) and
 * ../shared/reference/exchange-builds.md §5.
 */

/** Where a node's start tag stood: 1-based line and column (in characters), and byte offset. */
export interface NodePosition {
  line: number;
  column: number;
  offset: number;
}

interface NodeBase {
  /** The `N` attribute: the member name when the node is a property, with `_xHHHH_` decoded. */
  name?: string;
  position: NodePosition;
}

/** Primitive element tags, as they appear in the file. */
export type NumberTag = 'I16' | 'I32' | 'U16' | 'U32' | 'By' | 'SB' | 'Db' | 'Sg' | 'D';
export type BigIntTag = 'I64' | 'U64';

export type CliPrimitive =
  | (NodeBase & { kind: 'nil' })
  /** S, and C (a char, given as its UTF-16 code in the file, handed out as a one-character string). */
  | (NodeBase & { kind: 'string'; tag: 'S' | 'C'; value: string })
  | (NodeBase & { kind: 'boolean'; value: boolean })
  /** Decimal (D) is kept as text too, since a double cannot hold every decimal. */
  | (NodeBase & { kind: 'number'; tag: NumberTag; value: number; text: string })
  | (NodeBase & { kind: 'bigint'; tag: BigIntTag; value: bigint })
  /** DT: the text keeps the offset as written; epochMs is the instant. */
  | (NodeBase & { kind: 'datetime'; text: string; epochMs: number })
  /** TS: ISO 8601 duration text and its length in milliseconds. */
  | (NodeBase & { kind: 'duration'; text: string; ms: number })
  | (NodeBase & { kind: 'version'; value: string })
  | (NodeBase & { kind: 'guid'; value: string })
  | (NodeBase & { kind: 'uri'; value: string })
  /** BA: base64 as written; decode on demand (certificates are large). */
  | (NodeBase & { kind: 'bytes'; base64: string })
  /** XD (XML document text), SBK (script block), SS (secure string, still encrypted). */
  | (NodeBase & { kind: 'xml' | 'scriptblock' | 'securestring'; value: string });

export type CollectionType = 'list' | 'enumerable' | 'stack' | 'queue';

export interface CliDictionaryEntry {
  key: CliNode;
  value: CliNode;
}

/** An `Obj` element. A `Ref` is handed out as the very object it refers to. */
export interface CliObject extends NodeBase {
  kind: 'object';
  /** `RefId` of the object, when it has one. */
  refId?: string;
  /** Type names, most derived first (`Deserialized.` prefixes kept). */
  typeNames: readonly string[];
  /** The `ToString` text at export time; not authoritative, often stale. */
  toString?: string;
  /** Adapted (`Props`) and extended (`MS`) members merged; keys lower-cased for lookup. */
  members: Map<string, CliNode>;
  /** A bare primitive child: the value of an enum (its number) or of a string with note members. */
  value?: CliPrimitive;
  /** Items of an LST, IE, STK or QUE child. */
  items?: CliNode[];
  collection?: CollectionType;
  /** Entries of a DCT child, in document order. */
  entries?: CliDictionaryEntry[];
  /** Lower-cased names of the members read from `MS` (the rest came from `Props`). */
  extendedMembers?: Set<string>;
}

export type CliNode = CliPrimitive | CliObject;

/** A whole document read at once. */
export interface CliDocument {
  /** The file as the user named it, used in errors and provenance. */
  file: string;
  encoding: 'utf-8' | 'utf-16le';
  bom: boolean;
  /** Each child of `Objs`, in order: one for a scalar export, several for an array. */
  objects: CliNode[];
}
