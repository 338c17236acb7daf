/**
 * Finds the lines holding any hunt anchor, in any letter case, without copying or lower-casing
 * the data: each anchor is searched by one of its bytes, in both cases, with Buffer.indexOf
 * (memchr), and each hit is checked against the whole anchor. The byte is the one rarest in a
 * sample of the data, so a search makes few stops; which byte is chosen changes the speed only,
 * never the lines found.
 */

/** How one anchor is searched: by anchor[offset], as the bytes `lower` and `upper`. */
export interface AnchorPlan {
  /** The anchor as lower-case ASCII bytes. */
  anchor: Buffer;
  /** The anchor's bit in a line's mask (see Candidates). */
  bit: number;
  offset: number;
  lower: number;
  upper: number;
}

const NEWLINE = 10;
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
 * Chooses, for each anchor, the byte to search by from the byte counts of `sample`; `bitOf`
 * gives each anchor its bit. Anchors are ASCII (a hunt's anchor never needs more).
 */
export function planAnchors(
  anchors: readonly string[],
  sample: Buffer,
  bitOf: (anchor: string) => number,
): AnchorPlan[] {
  const counts = new Uint32Array(256);
  const length = Math.min(sample.length, SAMPLE_BYTES);
  for (let at = 0; at < length; at += 1) {
    const byte = sample[at] ?? 0;
    counts[byte] = (counts[byte] ?? 0) + 1;
  }

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
    const lower = anchor[best] ?? 0;
    return { anchor, bit: bitOf(text), offset: best, lower, upper: upperOf(lower) };
  });
}

/**
 * The lines in data[0..end] (end: the index of a newline) that contain any planned anchor, its
 * ASCII letters in any case.
 */
export function findCandidates(
  data: Buffer,
  end: number,
  plans: readonly AnchorPlan[],
): Candidates {
  const masks = new Map<number, number>();
  for (const plan of plans) {
    searchByte(data, end, plan, plan.lower, masks);
    if (plan.upper !== plan.lower) searchByte(data, end, plan, plan.upper, masks);
  }
  return { starts: [...masks.keys()].sort((a, b) => a - b), masks };
}

function searchByte(
  data: Buffer,
  end: number,
  plan: AnchorPlan,
  byte: number,
  masks: Map<number, number>,
): void {
  const { anchor, offset } = plan;
  for (let hit = data.indexOf(byte, offset); hit !== -1 && hit < end;) {
    const start = hit - offset;
    if (start + anchor.length <= end && matchesFolded(data, start, anchor)) {
      const lineStart = data.lastIndexOf(NEWLINE, start) + 1;
      masks.set(lineStart, (masks.get(lineStart) ?? 0) | plan.bit);
      // One hit is enough for a line: go on in the next one.
      const lineStop = data.indexOf(NEWLINE, start + anchor.length);
      if (lineStop === -1 || lineStop >= end) return;
      hit = data.indexOf(byte, lineStop + 1 + offset);
    } else hit = data.indexOf(byte, hit + 1);
  }
}

/** Whether data[start..] starts with `anchor` (lower-case ASCII), ASCII letters in any case. */
function matchesFolded(data: Buffer, start: number, anchor: Buffer): boolean {
  for (let at = 0; at < anchor.length; at += 1) {
    const byte = data[start + at] ?? 0;
    const folded = byte >= 65 && byte <= 90 ? byte + 32 : byte;
    if (folded !== anchor[at]) return false;
  }
  return true;
}

function upperOf(byte: number): number {
  return byte >= 97 && byte <= 122 ? byte - 32 : byte;
}
