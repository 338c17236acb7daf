/**
 * Which element may stand inside which (MS-PSRP 2.2.5), and how the fields of a progress record
 * (PR) become members. Kept as tables so the assembler stays about building nodes.
 */
import type { CliPrimitive, NodePosition } from './model.js';
import { TAG, TAGS_BY_ID } from './tags.js';

/** Member names of a ProgressRecord's fields (MS-PSRP, ProgressRecord serialization). */
const PROGRESS_FIELDS: Readonly<Record<number, string>> = {
  [TAG.AV]: 'Activity',
  [TAG.AI]: 'ActivityId',
  [TAG.PI]: 'ParentActivityId',
  [TAG.PC]: 'PercentComplete',
  [TAG.T]: 'RecordType',
  [TAG.SR]: 'SecondsRemaining',
  [TAG.SD]: 'StatusDescription',
};

const PRIMITIVE_IDS = TAGS_BY_ID.filter((info) => info.role === 'primitive').map((info) => info.id);
const NODE_IDS = [TAG.Obj, TAG.Ref, TAG.Nil, TAG.PR, ...PRIMITIVE_IDS];
const OBJECT_PARTS = [
  TAG.TN,
  TAG.TNRef,
  TAG.ToString,
  TAG.Props,
  TAG.MS,
  TAG.LST,
  TAG.IE,
  TAG.STK,
  TAG.QUE,
  TAG.DCT,
  ...PRIMITIVE_IDS,
];
const PROGRESS_PARTS = [TAG.AV, TAG.AI, TAG.PI, TAG.PC, TAG.T, TAG.SR, TAG.SD, TAG.S, TAG.Nil];

const TAG_COUNT = TAGS_BY_ID.length;

/** Which child elements each container accepts: [parent * TAG_COUNT + child] is 1 when allowed. */
const ALLOWED_CHILDREN = buildAllowedChildren({
  [TAG.Objs]: NODE_IDS,
  [TAG.Obj]: OBJECT_PARTS,
  [TAG.TN]: [TAG.T],
  [TAG.Props]: NODE_IDS,
  [TAG.MS]: NODE_IDS,
  [TAG.LST]: NODE_IDS,
  [TAG.IE]: NODE_IDS,
  [TAG.STK]: NODE_IDS,
  [TAG.QUE]: NODE_IDS,
  [TAG.DCT]: [TAG.En],
  [TAG.En]: NODE_IDS,
  [TAG.PR]: PROGRESS_PARTS,
});

function buildAllowedChildren(children: Record<number, readonly number[]>): Uint8Array {
  const allowed = new Uint8Array(TAG_COUNT * TAG_COUNT);
  for (const [parent, ids] of Object.entries(children)) {
    for (const child of ids) allowed[Number(parent) * TAG_COUNT + child] = 1;
  }
  return allowed;
}

export function describeAllowed(parentTag: number): string {
  if (parentTag === TAG.TN) return '<T>';
  if (parentTag === TAG.DCT) return '<En>';
  if (parentTag === TAG.Obj) return 'TN, TNRef, ToString, Props, MS, a collection or one primitive';
  if (parentTag === TAG.PR) return 'AV, AI, S or Nil, PI, PC, T, SR, SD';
  return 'Obj, Ref, Nil or a primitive element';
}

export function isAllowedChild(parentTag: number, childTag: number): boolean {
  return ALLOWED_CHILDREN[parentTag * TAG_COUNT + childTag] === 1;
}

/** The member a PR field becomes; undefined when a numeric field does not hold an integer. */
export function progressRecordField(
  tag: number,
  text: string,
  position: NodePosition,
): CliPrimitive | undefined {
  const name = PROGRESS_FIELDS[tag]!;
  if (tag === TAG.AV || tag === TAG.SD || tag === TAG.T) {
    return { kind: 'string', tag: 'S', value: text, name, position };
  }

  const value = /^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value)) return undefined;
  return { kind: 'number', tag: 'I32', value, text: text.trim(), name, position };
}
