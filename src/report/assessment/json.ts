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
      yield inner;
      const item: unknown = value[index];
      if (isOmitted(item)) yield 'null';
      else yield* jsonChunks(item, inner, depth - 1);
      yield index < value.length - 1 ? ',\n' : '\n';
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
      yield `${inner}${JSON.stringify(key)}: `;
      yield* jsonChunks(member, inner, depth - 1);
      yield index < entries.length - 1 ? ',\n' : '\n';
    }
    yield `${indent}}`;
    return;
  }
  const text = JSON.stringify(value, null, 2) as string | undefined;
  yield indent === '' ? (text ?? 'null') : (text ?? 'null').replace(/\n/g, `\n${indent}`);
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
