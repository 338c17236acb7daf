/**
 * The Assessment as JSON, written piece by piece: an estate of 200 servers and 100,000 mailboxes
 * gives a document of a hundred megabytes or more, which should never sit in memory as one
 * string; nor should one result, whose findings can name every mailbox (48 MB of JSON for one
 * result of the benchmark bundle, held three times over while it was stringified, indented and
 * encoded). Arrays and plain objects are written member by member down to `STREAMED_DEPTH`
 * levels (a result's findings, one by one); below that each value is one JSON.stringify. The
 * bytes are those of JSON.stringify(assessment, null, 2).
 */
import type { Assessment } from '../../engine/assess/assessment.js';

/** The assessment, its lists, their entries (results), their members (findings), one each. */
const STREAMED_DEPTH = 4;

export function* assessmentJsonChunks(assessment: Assessment): Generator<string> {
  yield* jsonChunks(assessment, '', STREAMED_DEPTH);
  yield '\n';
}

/**
 * JSON.stringify(value, null, 2) with every line after the first indented by `indent`, in
 * chunks. Only the containers JSON.stringify writes member by member itself are streamed:
 * arrays, and objects of the plain prototype without toJSON.
 */
export function* jsonChunks(value: unknown, indent: string, depth: number): Generator<string> {
  if (depth > 0 && Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    const inner = `${indent}  `;
    yield '[\n';
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      const separator = index < value.length - 1 ? ',\n' : '\n';
      // A leaf is one chunk with its indent and separator: a finding a piece, not five.
      if (isOmitted(item)) yield `${inner}null${separator}`;
      else if (depth === 1 || !isStreamed(item)) yield `${inner}${leaf(item, inner)}${separator}`;
      else {
        yield inner;
        yield* jsonChunks(item, inner, depth - 1);
        yield separator;
      }
    }
    yield `${indent}]`;
    return;
  }
  if (depth > 0 && isPlainObject(value)) {
    const entries = Object.entries(value).filter(([, member]) => !isOmitted(member));
    if (entries.length === 0) {
      yield '{}';
      return;
    }
    const inner = `${indent}  `;
    yield '{\n';
    for (const [index, [key, member]] of entries.entries()) {
      const separator = index < entries.length - 1 ? ',\n' : '\n';
      const name = `${inner}${JSON.stringify(key)}: `;
      if (depth === 1 || !isStreamed(member)) yield `${name}${leaf(member, inner)}${separator}`;
      else {
        yield name;
        yield* jsonChunks(member, inner, depth - 1);
        yield separator;
      }
    }
    yield `${indent}}`;
    return;
  }
  yield leaf(value, indent);
}

/**
 * JSON.stringify(value, null, 2), its lines after the first indented by `indent` (two spaces a
 * level). Stringified inside as many arrays as it has levels of indent, a value comes out with
 * every line so indented, between brackets of known length that are sliced off: a third
 * quicker than indenting its lines again with a replace.
 */
function leaf(value: unknown, indent: string): string {
  const levels = indent.length / 2;
  if (levels === 0 || !Number.isInteger(levels)) {
    const text = (JSON.stringify(value, null, 2) as string | undefined) ?? 'null';
    return indent === '' || !text.includes('\n') ? text : text.replace(/\n/g, `\n${indent}`);
  }
  let wrapped: unknown = value === undefined ? null : value;
  for (let level = 0; level < levels; level++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Before the value: `[` and a line break per level, each line indented by its level, then
  // the value's own indent; after it: a line break and `]` per level, indented likewise.
  const before = levels * levels + 3 * levels;
  const after = levels * levels + levels;
  return text.slice(before, text.length - after);
}

function isStreamed(value: unknown): boolean {
  return Array.isArray(value) || isPlainObject(value);
}

/** Values JSON.stringify leaves out of an object and writes as null in an array. */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
