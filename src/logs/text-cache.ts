/**
 * Decodes short byte runs of log lines to strings, handing back the same string object for the
 * same bytes: logs repeat a few hundred users, agents and paths millions of times, and a repeated
 * string object keeps its hash, so the per-user and per-agent tables look it up for free. A
 * direct-mapped table: a new value simply replaces the one in its slot, so memory stays bounded.
 */

const SLOTS = 4096;
/** Longer runs are decoded each time: they are rarely repeated and costly to compare. */
const MAX_CACHED_BYTES = 512;

export class TextCache {
  private readonly keys: Array<Buffer | undefined> = new Array<Buffer | undefined>(SLOTS);
  private readonly texts: string[] = new Array<string>(SLOTS);

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
    const key = this.keys[slot];
    if (key !== undefined && key.length === length && sameBytes(key, data, start)) {
      return this.texts[slot] ?? '';
    }

    const text = this.transform(data.toString('utf8', start, end));
    this.keys[slot] = Buffer.from(data.subarray(start, end));
    this.texts[slot] = text;
    return text;
  }
}

function sameBytes(key: Buffer, data: Buffer, start: number): boolean {
  // From the end: values sharing a prefix (users, paths, agents) differ there first.
  for (let at = key.length - 1; at >= 0; at -= 1) if (key[at] !== data[start + at]) return false;
  return true;
}
