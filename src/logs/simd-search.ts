/**
 * The anchor search of anchor-search.ts, its first stage in WebAssembly SIMD: a filter that looks
 * at 16 bytes at once for each anchor's chosen pair of neighbouring bytes (letters folded by
 * setting bit 5, which maps A-Z onto a-z and merges only bytes no anchor pair needs apart) and,
 * for the URL hunts, for '%' before a hex digit 4-7 (an encoded letter). The filter only says
 * where to look: every position it reports is checked in JavaScript exactly as findCandidates
 * checks a hit, so the lines found are the same (test/logs/simd-search.test.ts compares both).
 *
 * Up to two pairs are compared byte by byte; more are looked up in nibble tables, eight pairs a
 * set, so a longer anchor list costs the filter little (tableLanes). The module is written here
 * byte by byte, one per anchor set, with the pairs as constants; it is a few hundred bytes and
 * compiles in well under a millisecond. The scanner reads its chunks straight into the module's
 * memory, so nothing is copied. Where WebAssembly SIMD is missing, createAnchorSearch returns the
 * plain search.
 */
import {
  findCandidates,
  holdsAnyFolded,
  isEncodedLetter,
  matchesFolded,
  type AnchorPlan,
  type Candidates,
} from './anchor-search.js';

/** A buffer to read chunks into, and the search over it. */
export interface AnchorSearch {
  readonly buffer: Buffer;
  find(data: Buffer, end: number, plans: readonly AnchorPlan[], encodedMask: number): Candidates;
}

const PAGE_BYTES = 64 * 1024;
const BLOCK = 16;
const FOLD = 0x20;
const NEWLINE = 10;
const PERCENT = 0x25;
/** Longer lines are searched for companions in JavaScript (log lines are far shorter). */
const COMPANION_LINE_BYTES = 64 * 1024;

/** The search for a scanner whose chunks are at most `bytes` long. */
export function createAnchorSearch(bytes: number): AnchorSearch {
  if (!SIMD_AVAILABLE) return plainSearch(bytes);
  return new SimdAnchorSearch(bytes);
}

export function plainSearch(bytes: number): AnchorSearch {
  return { buffer: Buffer.allocUnsafe(bytes), find: findCandidates };
}

export class SimdAnchorSearch implements AnchorSearch {
  readonly buffer: Buffer;
  private readonly memory: WebAssembly.Memory;
  private readonly outStart: number;
  private readonly out: Int32Array;
  /** Where the filter writes when it looks for companions in one line. */
  private readonly lineOutStart: number;
  private readonly lineOut: Int32Array;
  private readonly kernels = new Map<
    WebAssembly.Module,
    (from: number, to: number, out: number) => number
  >();

  constructor(bytes: number) {
    // The data, 32 bytes the filter may read past it, then one 8-byte entry per block at most.
    const dataBytes = bytes + 4 * BLOCK;
    this.outStart = Math.ceil(dataBytes / BLOCK) * BLOCK;
    const outBytes = (Math.ceil(bytes / BLOCK) + 2) * 8;
    this.lineOutStart = this.outStart + outBytes;
    const lineOutBytes = (COMPANION_LINE_BYTES / BLOCK + 2) * 8;
    const pages = Math.ceil((this.lineOutStart + lineOutBytes) / PAGE_BYTES);
    this.memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    this.buffer = Buffer.from(this.memory.buffer, 0, bytes);
    this.out = new Int32Array(this.memory.buffer, this.outStart, outBytes / 4);
    this.lineOut = new Int32Array(this.memory.buffer, this.lineOutStart, lineOutBytes / 4);
  }

  find(data: Buffer, end: number, plans: readonly AnchorPlan[], encodedMask: number): Candidates {
    if (data.buffer !== this.memory.buffer || !plans.every((plan) => plan.anchor.length >= 2)) {
      return findCandidates(data, end, plans, encodedMask);
    }
    const kernel = this.kernelFor(plans, encodedMask !== 0);
    const base = data.byteOffset;
    const outEnd = kernel(base, base + end, this.outStart);
    return this.confirm(data, end, plans, encodedMask, (outEnd - this.outStart) / 4);
  }

  /** Checks each position the filter reported, in order, as findCandidates checks a hit. */
  private confirm(
    data: Buffer,
    end: number,
    plans: readonly AnchorPlan[],
    encodedMask: number,
    entries: number,
  ): Candidates {
    const starts: number[] = [];
    const masks = new Map<number, number>();
    const base = data.byteOffset;
    let lineStart = -1;
    let lineStop = -1;
    let lineMask = 0;
    let lineEncoded = false;
    const flush = (): void => {
      for (const plan of plans) {
        if ((lineMask & plan.bit) === 0 || plan.companions.length === 0) continue;
        if (!this.lineHolds(data, lineStart, lineStop, plan.companions)) lineMask &= ~plan.bit;
      }
      const mask = lineMask | (lineEncoded ? encodedMask : 0);
      if (mask !== 0) {
        starts.push(lineStart);
        masks.set(lineStart, mask);
      }
    };
    const out = this.out;
    for (let entry = 0; entry < entries; entry += 2) {
      const block = (out[entry] ?? 0) - base;
      let bits = out[entry + 1] ?? 0;
      while (bits !== 0) {
        const lane = 31 - Math.clz32(bits & -bits);
        bits &= bits - 1;
        const at = block + lane;
        if (at >= end) break;
        if (at > lineStop) {
          flush();
          lineStart = data.lastIndexOf(NEWLINE, at) + 1;
          lineStop = data.indexOf(NEWLINE, at);
          lineMask = 0;
          lineEncoded = false;
        }
        const first = (data[at] ?? 0) | FOLD;
        const second = (data[at + 1] ?? 0) | FOLD;
        for (const plan of plans) {
          if ((lineMask & plan.bit) !== 0 || plan.pairFirst !== first) continue;
          if (plan.pairSecond !== second) continue;
          const start = at - plan.pairOffset;
          if (start < lineStart || start + plan.anchor.length > lineStop) continue;
          if (!matchesFolded(data, start, plan.anchor)) continue;
          if (plan.check !== undefined && !plan.check(data, start, lineStart, lineStop)) continue;
          lineMask |= plan.bit;
        }
        if (
          encodedMask !== 0 &&
          !lineEncoded &&
          data[at] === PERCENT &&
          at + 2 < end &&
          isEncodedLetter(data[at + 1] ?? 0, data[at + 2] ?? 0)
        ) {
          lineEncoded = true;
        }
      }
    }
    flush();
    return { starts, masks };
  }

  /** holdsAnyFolded, with the filter run over the line first (lines up to 64 KiB). */
  private lineHolds(
    data: Buffer,
    from: number,
    to: number,
    literals: readonly AnchorPlan[],
  ): boolean {
    if (to - from > COMPANION_LINE_BYTES || !literals.every((plan) => plan.anchor.length >= 2)) {
      return holdsAnyFolded(data, from, to, literals);
    }
    const base = data.byteOffset;
    const kernel = this.kernelFor(literals, false);
    const entries = (kernel(base + from, base + to, this.lineOutStart) - this.lineOutStart) / 4;
    const out = this.lineOut;
    for (let entry = 0; entry < entries; entry += 2) {
      const block = (out[entry] ?? 0) - base;
      let bits = out[entry + 1] ?? 0;
      while (bits !== 0) {
        const lane = 31 - Math.clz32(bits & -bits);
        bits &= bits - 1;
        const at = block + lane;
        if (at >= to) break;
        for (const plan of literals) {
          const start = at - plan.pairOffset;
          if (start < from || start + plan.anchor.length > to) continue;
          if (matchesFolded(data, start, plan.anchor)) return true;
        }
      }
    }
    return false;
  }

  private kernelFor(
    plans: readonly AnchorPlan[],
    encoded: boolean,
  ): (from: number, to: number, out: number) => number {
    const module = moduleFor(plans, encoded);
    let kernel = this.kernels.get(module);
    if (kernel === undefined) {
      const instance = new WebAssembly.Instance(module, { e: { m: this.memory } });
      kernel = instance.exports.f as (from: number, to: number, out: number) => number;
      this.kernels.set(module, kernel);
    }
    return kernel;
  }
}

/** One compiled filter per anchor set and encoded-letter choice, shared by a thread's scanners. */
const MODULES = new WeakMap<readonly AnchorPlan[], Map<boolean, WebAssembly.Module>>();

function moduleFor(plans: readonly AnchorPlan[], encoded: boolean): WebAssembly.Module {
  let byChoice = MODULES.get(plans);
  if (byChoice === undefined) {
    byChoice = new Map();
    MODULES.set(plans, byChoice);
  }
  let module = byChoice.get(encoded);
  if (module === undefined) {
    module = new WebAssembly.Module(filterModule(plans, encoded));
    byChoice.set(encoded, module);
  }
  return module;
}

// The WebAssembly binary format: just what the filter needs.
const OP = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Store: 0x36,
  i32Const: 0x41,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  simd: 0xfd,
} as const;
const SIMD = {
  load: 0x00,
  const: 0x0c,
  swizzle: 0x0e,
  eq: 0x23,
  ne: 0x24,
  and: 0x4e,
  or: 0x50,
  anyTrue: 0x53,
  bitmask: 0x64,
  shrU: 0x6d,
} as const;
const VOID = 0x40;
const I32 = 0x7f;
const V128 = 0x7b;

function unsigned(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  do {
    const byte = rest & 0x7f;
    rest = Math.floor(rest / 128);
    bytes.push(rest === 0 ? byte : byte | 0x80);
  } while (rest !== 0);
  return bytes;
}

function vector(items: number[][]): number[] {
  return [...unsigned(items.length), ...items.flat()];
}

function section(id: number, content: number[]): number[] {
  return [id, ...unsigned(content.length), ...content];
}

function name(text: string): number[] {
  return [...unsigned(text.length), ...Buffer.from(text, 'latin1')];
}

function splat(byte: number): number[] {
  return [OP.simd, SIMD.const, ...new Array<number>(BLOCK).fill(byte)];
}

function constant(bytes: Uint8Array): number[] {
  return [OP.simd, SIMD.const, ...bytes];
}

/** A byte pair the filter looks for: one first byte, and the second bytes allowed after it. */
interface Pair {
  first: number;
  seconds: readonly number[];
}

/** Up to this many pairs, a compare per byte costs less than the nibble tables' fixed work. */
const PAIRS_COMPARED = 2;
/** Pairs a set of nibble tables holds: one bit each of a byte. */
const PAIRS_PER_TABLE = 8;

/**
 * The lanes of the pairs, compared byte by byte: for each pair, the block equal to its first
 * byte and the next block equal to one of its seconds. Locals A and B hold the two blocks.
 */
function comparedLanes(pairs: readonly Pair[], A: number, B: number): number[] {
  const lanes: number[] = [];
  pairs.forEach((pair, index) => {
    lanes.push(OP.localGet, A, ...splat(pair.first), OP.simd, SIMD.eq);
    pair.seconds.forEach((second, at) => {
      lanes.push(OP.localGet, B, ...splat(second), OP.simd, SIMD.eq);
      if (at > 0) lanes.push(OP.simd, SIMD.or);
    });
    lanes.push(OP.simd, SIMD.and);
    if (index > 0) lanes.push(OP.simd, SIMD.or);
  });
  return lanes;
}

/**
 * The lanes of the pairs, looked up in nibble tables (the shape of Hyperscan's Teddy): each pair
 * owns one bit; the low and the high nibble of a block's byte each pick, by i8x16.swizzle, the
 * bits of the pairs whose first byte has that nibble, and likewise for the next block's byte and
 * the seconds. A lane whose four lookups share a bit holds that pair, and only then: with one
 * first byte per bit, both nibbles matching is the byte matching, and a pair's seconds ('4'-'7')
 * are one high nibble with several low ones. Eight pairs a set of four tables, any number of sets,
 * at a cost that does not grow with the pairs within a set. Locals A and B hold the two blocks,
 * and the four after `nibbles` their low and high nibbles.
 */
function tableLanes(pairs: readonly Pair[], A: number, B: number, nibbles: number): number[] {
  const [aLow, aHigh, bLow, bHigh] = [nibbles, nibbles + 1, nibbles + 2, nibbles + 3];
  // prettier-ignore
  const lanes: number[] = [
    OP.localGet, A, ...splat(0x0f), OP.simd, SIMD.and, OP.localSet, aLow,
    OP.localGet, A, OP.i32Const, 4, OP.simd, SIMD.shrU, OP.localSet, aHigh,
    OP.localGet, B, ...splat(0x0f), OP.simd, SIMD.and, OP.localSet, bLow,
    OP.localGet, B, OP.i32Const, 4, OP.simd, SIMD.shrU, OP.localSet, bHigh,
  ];
  for (let set = 0; set * PAIRS_PER_TABLE < pairs.length; set += 1) {
    const tables = [0, 1, 2, 3].map(() => new Uint8Array(BLOCK));
    const [firstLow, firstHigh, secondLow, secondHigh] = tables as [
      Uint8Array,
      Uint8Array,
      Uint8Array,
      Uint8Array,
    ];
    pairs.slice(set * PAIRS_PER_TABLE, (set + 1) * PAIRS_PER_TABLE).forEach((pair, index) => {
      const bit = 1 << index;
      firstLow[pair.first & 0x0f]! |= bit;
      firstHigh[pair.first >> 4]! |= bit;
      for (const second of pair.seconds) {
        secondLow[second & 0x0f]! |= bit;
        secondHigh[second >> 4]! |= bit;
      }
    });
    // prettier-ignore
    lanes.push(
      ...constant(firstLow), OP.localGet, aLow, OP.simd, SIMD.swizzle,
      ...constant(firstHigh), OP.localGet, aHigh, OP.simd, SIMD.swizzle,
      OP.simd, SIMD.and,
      ...constant(secondLow), OP.localGet, bLow, OP.simd, SIMD.swizzle,
      OP.simd, SIMD.and,
      ...constant(secondHigh), OP.localGet, bHigh, OP.simd, SIMD.swizzle,
      OP.simd, SIMD.and,
    );
    if (set > 0) lanes.push(OP.simd, SIMD.or);
  }
  lanes.push(...splat(0), OP.simd, SIMD.ne);
  return lanes;
}

/**
 * f(from, to, out): for each two 16-byte blocks from `from` on while below `to` (the second may
 * reach past `to`: the caller ignores lanes there), when some lane starts a pair (or an encoded
 * letter), writes each block's address and its lanes' bits (perhaps none) at `out`; returns the
 * end of what it wrote. Two blocks a turn halve the loop's own work and the tests of the lanes.
 * Locals: 3 the folded block, 4 the block one byte on, 5 and 6 the lanes of the two blocks, 7-10
 * the nibbles of the first two (tableLanes).
 */
function filterModule(plans: readonly AnchorPlan[], encoded: boolean): Uint8Array<ArrayBuffer> {
  const FROM = 0;
  const TO = 1;
  const OUT = 2;
  const A = 3;
  const B = 4;
  const LANES = 5;
  const NEXT_LANES = 6;
  const memarg = (align: number, offset: number): number[] => [
    ...unsigned(align),
    ...unsigned(offset),
  ];
  const load = (offset: number): number[] => [
    OP.localGet,
    FROM,
    OP.simd,
    SIMD.load,
    ...memarg(0, offset),
    ...splat(FOLD),
    OP.simd,
    SIMD.or,
  ];
  const NIBBLES = 7;
  const pairs: Pair[] = plans.map((plan) => ({
    first: plan.pairFirst,
    seconds: [plan.pairSecond],
  }));
  // '%' (folding leaves it) before '4'-'7' (folding leaves those too): an encoded letter.
  if (encoded) pairs.push({ first: PERCENT, seconds: [0x34, 0x35, 0x36, 0x37] });
  const lanes =
    pairs.length === 0
      ? splat(0)
      : pairs.length <= PAIRS_COMPARED
        ? comparedLanes(pairs, A, B)
        : tableLanes(pairs, A, B, NIBBLES);

  // prettier-ignore
  const body = [
    OP.block, VOID,
    OP.loop, VOID,
    OP.localGet, FROM, OP.localGet, TO, OP.i32GeU, OP.brIf, 1,
    ...load(0), OP.localSet, A,
    ...load(1), OP.localSet, B,
    ...lanes,
    OP.localSet, LANES,
    ...load(BLOCK), OP.localSet, A,
    ...load(BLOCK + 1), OP.localSet, B,
    ...lanes,
    OP.localTee, NEXT_LANES,
    OP.localGet, LANES, OP.simd, SIMD.or,
    OP.simd, SIMD.anyTrue,
    OP.if, VOID,
    OP.localGet, OUT, OP.localGet, FROM, OP.i32Store, ...memarg(2, 0),
    OP.localGet, OUT, OP.localGet, LANES, OP.simd, SIMD.bitmask, OP.i32Store, ...memarg(2, 4),
    OP.localGet, OUT, OP.localGet, FROM, OP.i32Const, BLOCK, OP.i32Add, OP.i32Store, ...memarg(2, 8),
    OP.localGet, OUT, OP.localGet, NEXT_LANES, OP.simd, SIMD.bitmask, OP.i32Store, ...memarg(2, 12),
    OP.localGet, OUT, OP.i32Const, 16, OP.i32Add, OP.localSet, OUT,
    OP.end,
    OP.localGet, FROM, OP.i32Const, 2 * BLOCK, OP.i32Add, OP.localSet, FROM,
    OP.br, 0,
    OP.end,
    OP.end,
    OP.localGet, OUT,
    OP.end,
  ];
  const code = [...vector([[8, V128]]), ...body];

  // prettier-ignore
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vector([[0x60, ...vector([[I32], [I32], [I32]]), ...vector([[I32]])]])),
    ...section(2, vector([[...name('e'), ...name('m'), 0x02, 0x00, ...unsigned(1)]])),
    ...section(3, vector([[0]])),
    ...section(7, vector([[...name('f'), 0x00, 0]])),
    ...section(10, vector([[...unsigned(code.length), ...code]])),
  ]);
}

/** Whether this runtime runs WebAssembly SIMD (Node.js 16.4 and later do). */
const SIMD_AVAILABLE = ((): boolean => {
  try {
    const plan: AnchorPlan = {
      anchor: Buffer.from('ab'),
      bit: 1,
      offset: 0,
      lower: 0x61,
      upper: 0x41,
      pairOffset: 0,
      pairFirst: 0x61,
      pairSecond: 0x62,
      check: undefined,
      companions: [],
      text: 'ab',
    };
    // Both kinds of filter: compared pairs, and nibble tables (i8x16.swizzle).
    return (
      WebAssembly.validate(filterModule([plan], true)) &&
      WebAssembly.validate(filterModule([plan, plan, plan], true))
    );
  } catch {
    return false;
  }
})();
