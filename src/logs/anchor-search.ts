/**
 * Finds the lines holding any hunt anchor, in any letter case, without copying or lower-casing
 * the data: each anchor is searched by one of its bytes, in both cases, with Buffer.indexOf
 * (memchr), and each hit is checked against the whole anchor, then against the anchor's hit
 * check and companions (what its hunt needs besides it). The byte is the one rarest in a sample
 * of the data, so a search makes few stops; which byte is chosen changes the speed only, never
 * the lines found. This is the plain search: the scanner runs simd-search.ts where WebAssembly
 * SIMD is available, and tests hold the two to the same lines and masks.
 */

/**
 * Whether the anchor found at data[at..] may make one of its hunts match the line
 * data[lineStart..lineStop). False only where no spelling of the line could: the search then goes
 * on in the line, and the line is a candidate only if another hit passes. A check keeps the
 * common benign lines that hold an anchor (Outlook's autodiscover.json, OWA's logon.aspx) from
 * being parsed; it reads bytes only, never decodes the line.
 */
export type HitCheck = (data: Buffer, at: number, lineStart: number, lineStop: number) => boolean;

/** How one anchor is searched: by anchor[offset], as the bytes `lower` and `upper`. */
export interface AnchorPlan {
  /** The anchor as lower-case ASCII bytes. */
  anchor: Buffer;
  /** The anchor's bit in a line's mask (see Candidates). */
  bit: number;
  offset: number;
  lower: number;
  upper: number;
  /**
   * For the SIMD filter (simd-search.ts): the two neighbouring bytes anchor[pairOffset..+2],
   * with bit 5 set (letters folded), the pair rarest in the sample.
   */
  pairOffset: number;
  pairFirst: number;
  pairSecond: number;
  check: HitCheck | undefined;
  /**
   * Literals of which the line must also hold one for this anchor to count (none: empty): a
   * conjunction its hunt needs, looked for in the lines holding the anchor once the search is
   * done (holdsAnyFolded; the SIMD search runs its filter over the line).
   */
  companions: readonly AnchorPlan[];
  /** The anchor as a lower-case string. */
  text: string;
}

/** How anchors are planned beyond their bytes: hit checks and companions. */
export interface PlanOptions {
  check?: (anchor: string) => HitCheck | undefined;
  companions?: (anchor: string) => readonly string[];
}

const NEWLINE = 10;
/** Bit 5: set, it maps A-Z onto a-z (and merges some other bytes, which the pair filter allows). */
const FOLD = 0x20;
const SAMPLE_BYTES = 64 * 1024;
/** A pass over 1 MiB costs about as much as 500 stops (measured), so this many per sample. */
const PASS_COST_IN_HITS = 32;

/** The lines holding an anchor: their starts, ascending, and which anchors each holds. */
export interface Candidates {
  starts: number[];
  /** Line start → OR of the bits of the anchors found in the line. */
  masks: Map<number, number>;
}

/**
 * Chooses, for each anchor, the byte to search by and the pair for the SIMD filter, from the
 * byte counts of `sample`; `bitOf` gives each anchor its bit, `options` its hit check and
 * companions. Anchors are ASCII (a hunt's anchor never needs more).
 */
export function planAnchors(
  anchors: readonly string[],
  sample: Buffer,
  bitOf: (anchor: string) => number,
  options: PlanOptions = {},
): AnchorPlan[] {
  return planFrom(countsOf(sample), anchors, bitOf, options);
}

/** Byte and folded-pair counts of a sample: what planning reads of it. */
interface SampleCounts {
  bytes: Uint32Array;
  pairs: Uint32Array;
}

function countsOf(sample: Buffer): SampleCounts {
  const bytes = new Uint32Array(256);
  const pairs = new Uint32Array(256 * 256);
  const length = Math.min(sample.length, SAMPLE_BYTES);
  for (let at = 0; at < length; at += 1) {
    const byte = sample[at] ?? 0;
    bytes[byte] = (bytes[byte] ?? 0) + 1;
    const pair = (byte | FOLD) * 256 + ((sample[at + 1] ?? 0) | FOLD);
    pairs[pair] = (pairs[pair] ?? 0) + 1;
  }
  return { bytes, pairs };
}

function planFrom(
  { bytes: counts, pairs }: SampleCounts,
  anchors: readonly string[],
  bitOf: (anchor: string) => number,
  options: PlanOptions,
): AnchorPlan[] {
  return anchors.map((text) => {
    const anchor = Buffer.from(text.toLowerCase(), 'latin1');
    let best = 0;
    let bestCost = Infinity;
    for (let offset = 0; offset < anchor.length; offset += 1) {
      const lower = anchor[offset] ?? 0;
      const upper = upperOf(lower);
      const passes = upper === lower ? 1 : 2;
      const hits = (counts[lower] ?? 0) + (upper === lower ? 0 : (counts[upper] ?? 0));
      const cost = hits + passes * PASS_COST_IN_HITS;
      if (cost < bestCost) {
        best = offset;
        bestCost = cost;
      }
    }
    let pairOffset = 0;
    for (let offset = 1; offset + 1 < anchor.length; offset += 1) {
      if ((pairs[pairAt(anchor, offset)] ?? 0) < (pairs[pairAt(anchor, pairOffset)] ?? 0)) {
        pairOffset = offset;
      }
    }
    const lower = anchor[best] ?? 0;
    return {
      anchor,
      bit: bitOf(text),
      offset: best,
      lower,
      upper: upperOf(lower),
      pairOffset,
      pairFirst: (anchor[pairOffset] ?? 0) | FOLD,
      pairSecond: (anchor[pairOffset + 1] ?? 0) | FOLD,
      check: options.check?.(text),
      companions: planFrom({ bytes: counts, pairs }, options.companions?.(text) ?? [], () => 0, {}),
      text: text.toLowerCase(),
    };
  });
}

/**
 * The lines in data[0..end] (end: the index of a newline) that contain any planned anchor, its
 * ASCII letters in any case. With `encodedMask` not 0, a line holding a percent-encoded ASCII
 * letter (`%61`, `%4A`) is a candidate too, with that mask: an anchor spelled that way
 * (`Power%73hell`) is not in the raw bytes, and browsers and Exchange's clients never encode a
 * letter, so such lines are rare and every hunt that reads the format may look at them.
 */
export function findCandidates(
  data: Buffer,
  end: number,
  plans: readonly AnchorPlan[],
  encodedMask = 0,
): Candidates {
  const masks = new Map<number, number>();
  for (const plan of plans) {
    searchByte(data, end, plan, plan.lower, masks);
    if (plan.upper !== plan.lower) searchByte(data, end, plan, plan.upper, masks);
  }
  for (const plan of plans) {
    if (plan.companions.length === 0) continue;
    for (const [start, mask] of masks) {
      if ((mask & plan.bit) === 0) continue;
      const stop = data.indexOf(NEWLINE, start);
      if (holdsAnyFolded(data, start, stop, plan.companions)) continue;
      if (mask === plan.bit) masks.delete(start);
      else masks.set(start, mask & ~plan.bit);
    }
  }
  if (encodedMask !== 0) searchEncodedLetters(data, end, encodedMask, masks);
  return { starts: [...masks.keys()].sort((a, b) => a - b), masks };
}

/** Whether data[from..to) holds any of the planned literals, ASCII letters in any case. */
export function holdsAnyFolded(
  data: Buffer,
  from: number,
  to: number,
  literals: readonly AnchorPlan[],
): boolean {
  // Latin-1 lower-cased: no byte but A-Z folds into ASCII.
  const text = data.toString('latin1', from, to).toLowerCase();
  return literals.some((literal) => text.includes(literal.text));
}

const PERCENT = 0x25;

function searchEncodedLetters(
  data: Buffer,
  end: number,
  mask: number,
  masks: Map<number, number>,
): void {
  for (let hit = data.indexOf(PERCENT); hit !== -1 && hit + 2 < end;) {
    if (!isEncodedLetter(data[hit + 1] ?? 0, data[hit + 2] ?? 0)) {
      hit = data.indexOf(PERCENT, hit + 1);
      continue;
    }
    const lineStart = data.lastIndexOf(NEWLINE, hit) + 1;
    masks.set(lineStart, (masks.get(lineStart) ?? 0) | mask);
    const lineStop = data.indexOf(NEWLINE, hit);
    if (lineStop === -1 || lineStop >= end) return;
    hit = data.indexOf(PERCENT, lineStop + 1);
  }
}

/** Whether the hex digits `high` `low` (bytes) after a '%' spell an ASCII letter, 0x41-0x5A or 0x61-0x7A. */
export function isEncodedLetter(high: number, low: number): boolean {
  const value = hexValue(low);
  if (value < 0) return false;
  switch (high) {
    case 0x34 /* 4 */:
    case 0x36 /* 6 */:
      return value >= 1;
    case 0x35 /* 5 */:
    case 0x37 /* 7 */:
      return value <= 0xa;
    default:
      return false;
  }
}

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  const folded = byte | 0x20;
  if (folded >= 0x61 && folded <= 0x66) return folded - 0x61 + 10;
  return -1;
}

function searchByte(
  data: Buffer,
  end: number,
  plan: AnchorPlan,
  byte: number,
  masks: Map<number, number>,
): void {
  const { anchor, offset, check } = plan;
  for (let hit = data.indexOf(byte, offset); hit !== -1 && hit < end;) {
    const start = hit - offset;
    if (start + anchor.length <= end && matchesFolded(data, start, anchor)) {
      const lineStart = data.lastIndexOf(NEWLINE, start) + 1;
      // data[end] is a newline, so the line ends at or before it.
      const lineStop = data.indexOf(NEWLINE, start + anchor.length);
      if (check !== undefined && !check(data, start, lineStart, lineStop)) {
        hit = data.indexOf(byte, hit + 1);
        continue;
      }
      masks.set(lineStart, (masks.get(lineStart) ?? 0) | plan.bit);
      // One hit is enough for a line: go on in the next one.
      if (lineStop === -1 || lineStop >= end) return;
      hit = data.indexOf(byte, lineStop + 1 + offset);
    } else hit = data.indexOf(byte, hit + 1);
  }
}

/**
 * Whether data[start..] starts with `anchor` (lower-case ASCII), ASCII letters in any case. The
 * caller makes sure the anchor fits before the end of what it reads.
 */
export function matchesFolded(data: Buffer, start: number, anchor: Buffer): boolean {
  for (let at = 0; at < anchor.length; at += 1) {
    const byte = data[start + at] ?? 0;
    const folded = byte >= 65 && byte <= 90 ? byte + 32 : byte;
    if (folded !== anchor[at]) return false;
  }
  return true;
}

function pairAt(anchor: Buffer, offset: number): number {
  return ((anchor[offset] ?? 0) | FOLD) * 256 + ((anchor[offset + 1] ?? 0) | FOLD);
}

function upperOf(byte: number): number {
  return byte >= 97 && byte <= 122 ? byte - 32 : byte;
}
