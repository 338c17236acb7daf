/**
 * Element and member names read without building a string per occurrence: a name is hashed
 * while it is scanned, then checked against the tag table or the cache of member names seen
 * before. A Get-Mailbox export repeats the same 60 member names on every object, so each is
 * decoded and lower-cased once, and every node shares the one string.
 */
import { TAGS_BY_ID, type TagInfo } from './tags.js';

/**
 * The parser's text as code units: the bytes of a UTF-8 file (markup is ASCII, so a byte is a
 * character there), or the UTF-16 code units of a UTF-16 LE file. Indexing a typed array is
 * several times cheaper than charCodeAt on a string.
 */
export type CodeUnits = Uint8Array | Uint16Array;

/**
 * FNV-style hash step over UTF-16 code units; collisions are resolved by comparing text. Kept to
 * 30 bits so it stays a small integer (a V8 Smi) and Map lookups allocate nothing.
 */
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193) & 0x3fffffff;
}

export const HASH_SEED = 0x811c9dc5 & 0x3fffffff;

function hashOf(text: string): number {
  let hash = HASH_SEED;
  for (let i = 0; i < text.length; i++) hash = hashStep(hash, text.charCodeAt(i));
  return hash;
}

/**
 * Tags by the low bits of their hash: an array read instead of a Map lookup on every element.
 * The tag names do not collide in these bits (checked here), and tagAt compares the text anyway.
 */
const TAG_SLOT_MASK = 0xfff;
const TAGS_BY_SLOT: (TagInfo | undefined)[] = new Array<TagInfo | undefined>(
  TAG_SLOT_MASK + 1,
).fill(undefined);
/** The code units of each slot's tag name, for comparing with the scanner's units. */
const TAG_UNITS_BY_SLOT: Uint16Array[] = new Array<Uint16Array>(TAG_SLOT_MASK + 1).fill(
  new Uint16Array(0),
);
for (const info of TAGS_BY_ID) {
  const slot = hashOf(info.name) & TAG_SLOT_MASK;
  if (TAGS_BY_SLOT[slot] !== undefined) throw new Error(`tag hash collision: ${info.name}`);
  TAGS_BY_SLOT[slot] = info;
  TAG_UNITS_BY_SLOT[slot] = Uint16Array.from(info.name, (char) => char.charCodeAt(0));
}

/** The tag spelled by units[start, end) whose hash is `hash`, or undefined. */
export function tagAt(
  units: CodeUnits,
  start: number,
  end: number,
  hash: number,
): TagInfo | undefined {
  const slot = hash & TAG_SLOT_MASK;
  const info = TAGS_BY_SLOT[slot];
  if (info === undefined || info.name.length !== end - start) return undefined;
  return spellsUnits(units, start, TAG_UNITS_BY_SLOT[slot]!) ? info : undefined;
}

/** Whether units[at, ...) spell `word` (one code unit a character; past the end never matches). */
export function spells(units: CodeUnits, at: number, word: string): boolean {
  if (at + word.length > units.length) return false;
  for (let i = 0; i < word.length; i++) {
    if (units[at + i] !== word.charCodeAt(i)) return false;
  }
  return true;
}

/** Whether units[at, ...) hold `codes` (reading a typed array beats charCodeAt on a string). */
export function spellsUnits(units: CodeUnits, at: number, codes: Uint16Array): boolean {
  const length = codes.length;
  if (at + length > units.length) return false;
  for (let i = 0; i < length; i++) {
    if (units[at + i] !== codes[i]) return false;
  }
  return true;
}

/** A member name as written (`raw`), decoded (`name`) and as the members-map key (`key`). */
export interface MemberName {
  raw: string;
  /** The code units of `raw`, for comparing with the scanner's units. */
  rawUnits: Uint16Array;
  name: string;
  key: string;
  /** The name that followed this one last time: exports repeat members in a fixed order. */
  next: MemberName | undefined;
  /** Whether `raw` holds a line feed, which the parser's line count must see. */
  lineFeeds: boolean;
}

export interface AttributeDecoder {
  /** `rawStart` is where the raw text starts in the buffer, for error positions. */
  decodeAttribute(raw: string, rawStart: number): string;
}

/** Bounds the cache for documents with endless distinct names (such as hostile input). */
const MAX_CACHED_NAMES = 50_000;

export class MemberNameCache {
  private readonly byHash = new Map<number, MemberName>();

  /**
   * The name spelled by units[start, end), which `buffer` holds as text (one character a code
   * unit); `decoder` turns raw attribute text into the name.
   */
  get(
    units: CodeUnits,
    buffer: string,
    start: number,
    end: number,
    hash: number,
    decoder: AttributeDecoder,
  ): MemberName {
    const cached = this.byHash.get(hash);
    if (
      cached !== undefined &&
      cached.rawUnits.length === end - start &&
      spellsUnits(units, start, cached.rawUnits)
    ) {
      return cached;
    }

    const raw = detachedCopy(buffer.slice(start, end));
    const name = detachedCopy(decoder.decodeAttribute(raw, start));
    const key = detachedCopy(name.toLowerCase());
    const rawUnits = Uint16Array.from(units.subarray(start, end));
    const entry = { raw, rawUnits, name, key, next: undefined, lineFeeds: raw.includes('\n') };
    if (cached === undefined && this.byHash.size < MAX_CACHED_NAMES) this.byHash.set(hash, entry);
    return entry;
  }
}

/**
 * A copy of `text` that does not share memory with the chunk it was sliced from. V8 slices
 * share their parent string, so a name kept for the whole document would keep its 1 MiB chunk.
 */
export function detachedCopy(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}
