/**
 * The first pass of the counted RefId policy (docs/clixml.md, RefId policy): how many `<Ref>`s
 * name each RefId, found with Buffer.indexOf over the raw bytes, before the document is parsed.
 * With the counts the parser keeps exactly the objects a later `<Ref>` names, each until its last
 * Ref, instead of every object among the last `refWindow` defined: held for a window, most
 * objects outlived the young generation and were promoted, which was ~30 % of the reader's time
 * on a 270 MB export of 50,000 mobile devices (3.3 s against 2.3 s without holding them).
 *
 * Markup cannot hide in text ('<' is always escaped there), so every `<Ref` found is a tag, but
 * for one in a comment, which only keeps an object longer than need be.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { detectEncoding } from './byte-decoder.js';
import { idKey, type IdKey } from './ref-registry.js';

/** Refs still to come, per RefId (the registry's key: a number for a decimal id). */
export type RefCounts = Map<IdKey, number>;

/** Past this many distinct ids named by Refs the counts are dropped and the windows apply. */
export const MAX_COUNTED_IDS = 100_000;

/** A Ref tag is short; one this long without its '>' is not read as one. */
const MAX_REF_TAG_UNITS = 4096;
const READ_BYTES = 1024 * 1024;
const NARROW_REF = Buffer.from('<Ref', 'latin1');
/**
 * `<Ref` in UTF-16 LE but for its last byte, a zero: Buffer.indexOf skips ahead by the pattern's
 * last byte, and UTF-16 text is half zeros (55 ms against 22 ms over 100 MB). The zero is checked
 * after.
 */
const WIDE_REF = Buffer.from('<Ref', 'utf16le').subarray(0, 7);

/**
 * Counts the Refs of a document held in memory. Undefined when there is nothing to count by
 * (UTF-16 BE, which the parser refuses, or more ids than MAX_COUNTED_IDS).
 */
export function countRefs(bytes: Uint8Array): RefCounts | undefined {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wide = isWide(data);
  if (wide === undefined) return undefined;
  const counts: RefCounts = new Map();
  scanRefs(data, 0, data.length, 0, wide, counts);
  return counts.size > MAX_COUNTED_IDS ? undefined : counts;
}

/**
 * Counts the Refs of a file, read in 1 MiB pieces (about a tenth of the time the parse then
 * takes). Undefined as countRefs, or when the file cannot be read: the parse reports that.
 */
export function countRefsInFile(file: string): RefCounts | undefined {
  let descriptor: number;
  try {
    descriptor = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    if (!fstatSync(descriptor).isFile()) return undefined;
    return countRefsFrom(descriptor);
  } catch {
    return undefined;
  } finally {
    closeSync(descriptor);
  }
}

function countRefsFrom(descriptor: number): RefCounts | undefined {
  // Room for a read and for the start of a tag carried over from the read before.
  const data = Buffer.allocUnsafe(READ_BYTES + 2 * MAX_REF_TAG_UNITS + 16);
  const counts: RefCounts = new Map();
  let wide: boolean | undefined;
  let kept = 0;
  /** File offset of data[0]. */
  let dataOffset = 0;
  for (;;) {
    const length = readSync(descriptor, data, kept, READ_BYTES, dataOffset + kept);
    const end = kept + length;
    if (wide === undefined) {
      wide = isWide(data.subarray(0, end));
      if (wide === undefined) return undefined;
    }
    // At the end what is carried over is a tag or a `<Ref` cut short: nothing to count.
    if (length === 0) return counts.size > MAX_COUNTED_IDS ? undefined : counts;
    const resume = scanRefs(data, 0, end, dataOffset, wide, counts);
    if (counts.size > MAX_COUNTED_IDS) return undefined;
    data.copy(data, 0, resume, end);
    dataOffset += resume;
    kept = end - resume;
  }
}

/** UTF-16 LE or UTF-8 by the parser's own rule; undefined for UTF-16 BE. */
function isWide(head: Uint8Array): boolean | undefined {
  const { encoding } = detectEncoding(head);
  return encoding === 'utf-16be' ? undefined : encoding === 'utf-16le';
}

/**
 * Counts the Ref tags wholly inside data[from, end); returns where a tag cut by `end` starts (or
 * where a `<Ref` cut by it may start), for the caller to read again with the next bytes.
 * `dataOffset` is data[0]'s offset in the file: UTF-16 units start at even offsets.
 */
function scanRefs(
  data: Buffer,
  from: number,
  end: number,
  dataOffset: number,
  wide: boolean,
  counts: RefCounts,
): number {
  const pattern = wide ? WIDE_REF : NARROW_REF;
  const unit = wide ? 2 : 1;
  const view = end === data.length ? data : data.subarray(0, end);
  let at = from;
  for (;;) {
    const hit = view.indexOf(pattern, at);
    if (hit === -1) {
      const tail = end - pattern.length + 1;
      return Math.max(at, wide && ((dataOffset + tail) & 1) !== 0 ? tail - 1 : tail);
    }
    if (wide && ((dataOffset + hit) & 1) !== 0) {
      at = hit + 1;
      continue;
    }
    const nameEnd = hit + 4 * unit;
    if (nameEnd > end) return hit;
    const close = wide && view[nameEnd - 1] !== 0 ? NOT_A_REF : tagEnd(view, nameEnd, end, unit);
    if (close === CUT) return hit;
    if (close !== NOT_A_REF) {
      const tag = view.toString(wide ? 'utf16le' : 'utf8', nameEnd, close);
      const refId = refIdOf(tag);
      if (refId !== undefined) {
        const key = idKey(refId);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    at = hit + pattern.length;
  }
}

const CUT = -1;
const NOT_A_REF = -2;

/** Index of the '>' ending the tag whose name ends at `from`; CUT or NOT_A_REF. */
function tagEnd(data: Buffer, from: number, end: number, unit: number): number {
  if (from + unit > end) return CUT;
  const first = unitAt(data, from, unit);
  // `<Ref` must be the whole element name: `<Ref ` or `<Ref/` or `<Ref>`.
  if (!isTagSpace(first) && first !== 0x2f && first !== 0x3e) return NOT_A_REF;
  const limit = Math.min(end, from + MAX_REF_TAG_UNITS * unit);
  for (let i = from; i + unit <= limit; i += unit) {
    if (unitAt(data, i, unit) === 0x3e) return i;
  }
  return limit === end ? CUT : NOT_A_REF;
}

function unitAt(data: Buffer, at: number, unit: number): number {
  return unit === 1 ? data[at]! : data[at]! | (data[at + 1]! << 8);
}

function isTagSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/**
 * The RefId attribute of a Ref tag's attributes as the parser reads them (start-tag.ts): names
 * up to '=', optional space around it, a value in double or single quotes, taken as written.
 */
function refIdOf(attributes: string): string | undefined {
  let i = 0;
  const length = attributes.length;
  for (;;) {
    while (i < length && isTagSpace(attributes.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < length && !'= \t\r\n/>'.includes(attributes[i]!)) i++;
    const name = attributes.slice(nameStart, i);
    while (i < length && isTagSpace(attributes.charCodeAt(i))) i++;
    if (name === '' || attributes[i] !== '=') return undefined;
    i++;
    while (i < length && isTagSpace(attributes.charCodeAt(i))) i++;
    const quote = attributes[i];
    if (quote !== '"' && quote !== "'") return undefined;
    const valueEnd = attributes.indexOf(quote, i + 1);
    if (valueEnd === -1) return undefined;
    if (name === 'RefId') return attributes.slice(i + 1, valueEnd);
    i = valueEnd + 1;
  }
}
