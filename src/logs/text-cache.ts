/**
 * Decodes short byte runs of log lines to strings, handing back the same string object for the
 * same bytes: logs repeat a few hundred users, agents and paths millions of times, and a repeated
 * string object keeps its hash, so the per-user and per-agent tables look it up for free. A
 * direct-mapped table: a new value simply replaces the one in its slot, so memory stays bounded.
 */

const SLOTS = 4096;
/** Longer runs are decoded each time: they are rarely repeated and costly to compare. */
const MAX_CACHED_BYTES = 256;

export class TextCache {
  /** Each slot's bytes, kept in one block (slot × MAX_CACHED_BYTES) so a miss allocates none. */
  private readonly keys = new Uint8Array(SLOTS * MAX_CACHED_BYTES);
  private readonly lengths = new Int32Array(SLOTS).fill(-1);
  private readonly texts: string[] = new Array<string>(SLOTS).fill('');

  /** `transform` turns the decoded bytes into the value kept (IIS writes spaces as `+`). */
  constructor(private readonly transform: (text: string) => string = (text) => text) {}

  /** The text of data[start..end), decoded as UTF-8. */
  text(data: Buffer, start: number, end: number): string {
    const length = end - start;
    if (length > MAX_CACHED_BYTES) return this.transform(data.toString('utf8', start, end));

    // The hash samples at most 16 bytes spread over the run: the full comparison decides.
    const step = length > 16 ? length >>> 4 : 1;
    let hash = Math.imul(0x811c9dc5 ^ length, 0x01000193);
    for (let at = end - 1; at >= start; at -= step) hash = Math.imul(hash ^ data[at]!, 0x01000193);
    const slot = (hash >>> 0) & (SLOTS - 1);
    const keys = this.keys;
    const base = slot * MAX_CACHED_BYTES;
    if (this.lengths[slot] === length) {
      // From the end: values sharing a prefix (users, paths, agents) differ there first.
      let at = length - 1;
      while (at >= 0 && keys[base + at] === data[start + at]) at -= 1;
      if (at < 0) return this.texts[slot]!;
    }

    const text = this.transform(data.toString('utf8', start, end));
    for (let at = 0; at < length; at += 1) keys[base + at] = data[start + at]!;
    this.lengths[slot] = length;
    this.texts[slot] = text;
    return text;
  }
}
