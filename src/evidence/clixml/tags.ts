/**
 * The element names of CliXml (MS-PSRP 2.2.5) and what the reader does with each. Ids are small
 * integers so the parser can switch on them without comparing strings.
 */

/** How an element is read. */
export type TagRole =
  /** Holds child elements: Objs, Obj, TN, Props, MS, LST, IE, STK, QUE, DCT, En, PR. */
  | 'container'
  /** A primitive value: its text is the value (S, I32, DT, ...). */
  | 'primitive'
  /** Text that is not a value node: T (a type name), ToString, and the fields of a PR. */
  | 'text'
  /** Always empty: Nil, Ref, TNRef. */
  | 'empty';

export interface TagInfo {
  id: number;
  name: string;
  role: TagRole;
  /** What the element holds, for error messages ("an Int32"). */
  description: string;
}

export const TAG = {
  Objs: 0,
  Obj: 1,
  TN: 2,
  TNRef: 3,
  T: 4,
  ToString: 5,
  Props: 6,
  MS: 7,
  LST: 8,
  IE: 9,
  STK: 10,
  QUE: 11,
  DCT: 12,
  En: 13,
  Ref: 14,
  Nil: 15,
  PR: 16,
  S: 17,
  C: 18,
  B: 19,
  I16: 20,
  I32: 21,
  I64: 22,
  U16: 23,
  U32: 24,
  U64: 25,
  By: 26,
  SB: 27,
  Db: 28,
  Sg: 29,
  D: 30,
  DT: 31,
  TS: 32,
  Version: 33,
  G: 34,
  URI: 35,
  BA: 36,
  XD: 37,
  SBK: 38,
  SS: 39,
  /** Progress record fields (MS-PSRP, ProgressRecord serialization), read only inside PR. */
  AV: 40,
  AI: 41,
  PI: 42,
  PC: 43,
  SR: 44,
  SD: 45,
} as const;

const DEFINITIONS: ReadonlyArray<[keyof typeof TAG, TagRole, string]> = [
  ['Objs', 'container', 'the document root'],
  ['Obj', 'container', 'an object'],
  ['TN', 'container', 'a type-name list'],
  ['TNRef', 'empty', 'a type-name reference'],
  ['T', 'text', 'a type name'],
  ['ToString', 'text', 'ToString text'],
  ['Props', 'container', 'adapted properties'],
  ['MS', 'container', 'extended properties'],
  ['LST', 'container', 'a list'],
  ['IE', 'container', 'an enumerable'],
  ['STK', 'container', 'a stack'],
  ['QUE', 'container', 'a queue'],
  ['DCT', 'container', 'a dictionary'],
  ['En', 'container', 'a dictionary entry'],
  ['Ref', 'empty', 'an object reference'],
  ['Nil', 'empty', 'null'],
  ['PR', 'container', 'a progress record'],
  ['S', 'primitive', 'a string'],
  ['C', 'primitive', 'a char (its UTF-16 code as a number)'],
  ['B', 'primitive', 'a boolean (true or false)'],
  ['I16', 'primitive', 'an Int16'],
  ['I32', 'primitive', 'an Int32'],
  ['I64', 'primitive', 'an Int64'],
  ['U16', 'primitive', 'a UInt16'],
  ['U32', 'primitive', 'a UInt32'],
  ['U64', 'primitive', 'a UInt64'],
  ['By', 'primitive', 'a Byte'],
  ['SB', 'primitive', 'an SByte'],
  ['Db', 'primitive', 'a Double'],
  ['Sg', 'primitive', 'a Single'],
  ['D', 'primitive', 'a Decimal'],
  ['DT', 'primitive', 'a DateTime (ISO 8601)'],
  ['TS', 'primitive', 'a TimeSpan (ISO 8601 duration)'],
  ['Version', 'primitive', 'a Version (n.n[.n[.n]])'],
  ['G', 'primitive', 'a GUID'],
  ['URI', 'primitive', 'a URI'],
  ['BA', 'primitive', 'a byte array (base64)'],
  ['XD', 'primitive', 'an XML document'],
  ['SBK', 'primitive', 'a script block'],
  ['SS', 'primitive', 'a secure string'],
  ['AV', 'text', 'a progress activity'],
  ['AI', 'text', 'a progress activity id'],
  ['PI', 'text', 'a progress parent id'],
  ['PC', 'text', 'a progress percentage'],
  ['SR', 'text', 'progress seconds remaining'],
  ['SD', 'text', 'a progress status description'],
];

export const TAGS_BY_NAME: ReadonlyMap<string, TagInfo> = new Map(
  DEFINITIONS.map(([name, role, description]) => [
    name,
    { id: TAG[name], name, role, description },
  ]),
);

export const TAGS_BY_ID: readonly TagInfo[] = [...TAGS_BY_NAME.values()].sort(
  (a, b) => a.id - b.id,
);

export function tagName(id: number): string {
  return TAGS_BY_ID[id]?.name ?? `#${id}`;
}
