/**
 * The hot path: scans one stream of log bytes (a whole file, a byte range of one, a gzip or zip
 * member) chunk by chunk, read in place into one reused buffer. Hunting searches the raw bytes
 * for each hunt's literal anchors in any letter case (simd-search.ts, anchor-search.ts) and
 * reads only the lines holding one that its hunt may match; with a policy every line is read, IIS and HttpProxy lines straight from their
 * bytes (record-bytes.ts). Line numbers are relative to the range; the scan adds the lines of
 * earlier ranges.
 *
 * TODO(#7): hunting reaches half of ripgrep on the 2 GB set, not on the 537 MB one, when ripgrep
 * searches the six literals of the hunts before proxylogon-static-post. `npm run bench:logs`
 * (2026-12-04 evening, quiet 2 cores, with that hunt): hunting 980 MB/s (537 MB) and 1,800 MB/s
 * (2 GB) vs that ripgrep's 3,377 and 3,311 (29 % and 54 %, target 50 %); ripgrep given the ten
 * literals of today's anchors reads 1,216 and 1,175 (81 % and 153 %); with the policy 260 and
 * 318 MB/s; peak RSS 122-229 MB. The search is the SIMD filter (simd-search.ts) and benign
 * candidates are dropped on their bytes (hit checks and companions, hunts.ts). On 537 MB half of
 * ripgrep allows 0.34 s; the floor (every byte read on both cores, lines counted) takes 0.19 s,
 * and exzt 0.51-0.55 s: start-up and the workers' own until ~115 ms, then each worker spends
 * ~0.12 s warming up (its first HttpProxy and first IIS range run 3x slower than later ones)
 * and the rest copying from the page cache, filtering and checking hits. What would remain:
 * line counting in the filter, fewer code paths to warm per format, and reading without the
 * copy (Node.js has no mmap; WebAssembly cannot see one). bench/README.md has the timeline.
 */
import type { Policy } from '../policy/model.js';
import {
  layoutFromBareHeader,
  layoutFromFields,
  TEXT_LAYOUT,
  type FieldLayout,
} from './formats.js';
import { planAnchors, type AnchorPlan, type Candidates } from './anchor-search.js';
import { createAnchorSearch } from './simd-search.js';
import {
  ANCHOR_COMPANIONS,
  anchorCheck,
  anchorsFor,
  HUNTS,
  IIS_HUNT_FIELDS,
  type AnchorKey,
  type Hunt,
} from './hunts.js';
import {
  MAX_BAD_LINE_SAMPLES,
  MAX_FINDINGS_PER_HUNT,
  MAX_SAMPLE_CHARS,
  type BadLineSample,
  type HuntTally,
  type LogFormat,
  type PolicyUsage,
} from './model.js';
import { readRecord, type LogRecord } from './record.js';
import { UsageTally } from './usage.js';
import { RecordReader } from './record-bytes.js';

/** Longer lines are not log lines (Exchange caps its fields well below this). */
export const MAX_LINE_BYTES = 64 * 1024;
/** How much is read at once: large enough that per-chunk work is noise, small in memory. */
export const CHUNK_BYTES = 1024 * 1024;

export interface RangeOptions {
  /** The name findings carry: a path, or `archive.zip!member`. */
  file: string;
  /** The `#Fields:` value in force where the range starts (null: none seen yet). */
  startFields: string | null;
  logType: string;
  /** The range starts at byte 0, where a bare CSV header line may stand. */
  atFileStart: boolean;
  policy: Policy | null;
  since: string | null;
  until: string | null;
}

export interface RangeResult {
  file: string;
  format: LogFormat;
  lines: number;
  bytes: number;
  oldest: string | null;
  newest: string | null;
  hunts: HuntTally[];
  badCount: number;
  badSamples: BadLineSample[];
  usage: PolicyUsage | null;
  startFields: string | null;
  /** The last `#Fields:` value in force at the end of the range. */
  endFields: string | null;
  /** IIS fields some hunt needs that a layout in force in the range did not log. */
  missingFields: string[];
  logType: string;
}

const ALL_FORMATS: readonly LogFormat[] = ['iis', 'httpproxy', 'ecp-server', 'pop-imap', 'text'];
/** Anchors per format; a chunk holding a header line (the format may change) uses them all. */
const ANCHORS = new Map<AnchorKey, string[]>([
  ...ALL_FORMATS.map((format) => [format, anchorsFor([format])] as const),
  ['iis-method-stem', anchorsFor(['iis'])],
  ['any', anchorsFor(ALL_FORMATS)],
]);
/** Planned from the first chunk of each format this thread reads (anchor-search.ts). */
const ANCHOR_PLANS = new Map<AnchorKey, AnchorPlan[]>();
/** One per thread, shared by its scanners: its caches hold values, never a scanner's state. */
const RECORDS = new RecordReader();
/** Each anchor's bit in a line's mask, and each hunt's anchors as a mask. */
const ANCHOR_BITS = new Map(anchorsFor(ALL_FORMATS).map((anchor, index) => [anchor, 1 << index]));
const anchorBit = (anchor: string): number => ANCHOR_BITS.get(anchor) ?? 0;
const HUNT_MASKS = new Map(
  HUNTS.map((hunt) => [hunt, hunt.anchors.reduce((mask, anchor) => mask | anchorBit(anchor), 0)]),
);
/**
 * The hunts a line with a percent-encoded letter goes to (anchor-search.ts): those reading URLs,
 * which they percent-decode before matching.
 */
export const ENCODED_MASK = HUNTS.filter((hunt) => hunt.formats.some(readsUrls)).reduce(
  (mask, hunt) => mask | (HUNT_MASKS.get(hunt) ?? 0),
  0,
);
/** What chunks of `key` are searched for, planned from `sample`; scanners keep one per thread. */
export function planSearch(key: AnchorKey, sample: Buffer): AnchorPlan[] {
  return planAnchors(ANCHORS.get(key) ?? [], sample, anchorBit, {
    check: (anchor) => anchorCheck(anchor, key),
    companions: (anchor) => ANCHOR_COMPANIONS.get(anchor) ?? [],
  });
}

/** The bits of a hunt's anchors in a line's mask. */
export function huntMask(hunt: Hunt): number {
  return HUNT_MASKS.get(hunt) ?? 0;
}

/** The plan key of a layout: IIS with cs-method just before cs-uri-stem gets its own. */
export function anchorKey(layout: FieldLayout): AnchorKey {
  if (layout.format !== 'iis') return layout.format;
  const method = layout.index.get('cs-method');
  return method !== undefined && layout.index.get('cs-uri-stem') === method + 1
    ? 'iis-method-stem'
    : 'iis';
}

function readsUrls(format: LogFormat | 'any'): boolean {
  return format === 'iis' || format === 'httpproxy' || format === 'any';
}
const NEWLINE = 10;
const HASH = 35;
const QUOTE = 34;

export class RangeScanner {
  private layout: FieldLayout;
  private fields: string | null;
  private logType: string;
  /** Finds the lines holding an anchor; its buffer is where chunks are read (simd-search.ts). */
  private readonly search = createAnchorSearch(MAX_LINE_BYTES + 1 + CHUNK_BYTES);
  /** Holds the partial line carried between chunks, then the next chunk (see space). */
  private readonly buffer = this.search.buffer;
  private carryLength = 0;
  private skippingLongLine = false;
  private lineNo = 0;
  private bytes = 0;
  private oldest: string | null = null;
  private newest: string | null = null;
  private lastDataLine: Buffer | null = null;
  private readonly tallies = new Map<string, HuntTally>();
  private badCount = 0;
  private readonly badSamples: BadLineSample[] = [];
  private readonly usage: UsageTally | null;
  private readonly missingFields = new Set<string>();

  constructor(private readonly options: RangeOptions) {
    this.fields = options.startFields;
    this.layout = this.noteLayout(
      options.startFields === null ? TEXT_LAYOUT : layoutFromFields(options.startFields),
    );
    this.logType = options.logType;
    this.usage = options.policy === null ? null : new UsageTally(options.policy);
  }

  /** Where the next bytes go: after the partial line kept from the last chunk (see commit). */
  space(): Buffer {
    return this.buffer.subarray(this.carryLength, this.carryLength + CHUNK_BYTES);
  }

  /** Scans the `length` bytes just written into space(). */
  commit(length: number): void {
    this.bytes += length;
    this.scanData(this.buffer.subarray(0, this.carryLength + length));
  }

  /** Scans a chunk from a stream, copied into the buffer the search reads in place. */
  push(chunk: Buffer): void {
    for (let offset = 0; offset < chunk.length;) {
      const length = Math.min(CHUNK_BYTES, chunk.length - offset);
      chunk.copy(this.buffer, this.carryLength, offset, offset + length);
      this.commit(length);
      offset += length;
    }
  }

  private scanData(chunk: Buffer): void {
    let data = chunk;
    this.carryLength = 0;
    if (this.skippingLongLine) {
      const newline = data.indexOf(NEWLINE);
      if (newline === -1) return;
      this.skippingLongLine = false;
      data = data.subarray(newline + 1);
    }

    const end = data.lastIndexOf(NEWLINE);
    if (end === -1) {
      this.keepCarry(data);
      return;
    }
    this.scanRegion(data, end);
    this.keepCarry(data.subarray(end + 1));
  }

  finish(): RangeResult {
    if (this.carryLength > 0) {
      this.buffer[this.carryLength] = NEWLINE;
      const data = this.buffer.subarray(0, this.carryLength + 1);
      this.carryLength = 0;
      this.scanRegion(data, data.length - 1);
    }
    this.coverLastLine();
    return {
      file: this.options.file,
      format: this.layout.format,
      lines: this.lineNo,
      bytes: this.bytes,
      oldest: this.oldest,
      newest: this.newest,
      hunts: [...this.tallies.values()],
      badCount: this.badCount,
      badSamples: this.badSamples,
      usage: this.usage?.result() ?? null,
      startFields: this.options.startFields,
      endFields: this.fields,
      missingFields: [...this.missingFields].sort(),
      logType: this.logType,
    };
  }

  /** Moves the partial last line to the buffer's start (it may already be in the buffer). */
  private keepCarry(rest: Buffer): void {
    if (rest.length > MAX_LINE_BYTES) {
      this.lineNo += 1;
      this.addBad('too-long', rest.subarray(0, MAX_SAMPLE_CHARS), this.lineNo);
      this.skippingLongLine = true;
      return;
    }
    rest.copy(this.buffer, 0);
    this.carryLength = rest.length;
  }

  /** Scans the complete lines of data[0..end] (end is the index of the last newline). */
  private scanRegion(data: Buffer, end: number): void {
    const directives = directiveStarts(data, end);
    const headerHere = directives.length > 0 || this.lineNo === 0;
    const encoded = headerHere || readsUrls(this.layout.format) ? ENCODED_MASK : 0;
    const candidates = this.search.find(data, end, this.plansFor(headerHere, data), encoded);
    if (this.usage !== null) this.scanEveryLine(data, end, candidates);
    else this.scanCandidates(data, end, candidates, directives);
  }

  /** The anchor plan for the chunk's format (all formats where a header may change it). */
  private plansFor(headerHere: boolean, data: Buffer): AnchorPlan[] {
    const key = headerHere ? 'any' : anchorKey(this.layout);
    let plans = ANCHOR_PLANS.get(key);
    if (plans === undefined) {
      plans = planSearch(key, data);
      ANCHOR_PLANS.set(key, plans);
    }
    return plans;
  }

  /**
   * The policy path reads every line: most through the byte-level reader, and through the
   * general one the lines a hunt looks at, header lines, and lines with NUL bytes or quotes.
   */
  private scanEveryLine(data: Buffer, end: number, candidates: Candidates): void {
    const general = mergeSorted(
      mergeSorted(candidates.starts, linesWith(data, end, 0)),
      linesWith(data, end, QUOTE),
    );
    let next = 0;
    for (let start = 0; start <= end;) {
      const stop = data.indexOf(NEWLINE, start);
      this.lineNo += 1;
      while (next < general.length && (general[next] ?? 0) < start) next += 1;
      if (general[next] === start || !this.readUsage(data, start, stop)) {
        const mask = candidates.masks.get(start);
        this.readLine(data, start, stop, mask !== undefined, true, mask ?? 0);
      }
      start = stop + 1;
    }
  }

  /** Counts a plain data line for the policy from its bytes; false to read it in general. */
  private readUsage(data: Buffer, start: number, stop: number): boolean {
    if (data[start] === HASH || stop - start > MAX_LINE_BYTES) return false;
    if (this.lineNo === 1 && this.options.atFileStart) return false;
    const record = RECORDS.read(data, start, stop, this.layout, true);
    if (record === undefined) return false;

    this.take(record, true, null);
    return true;
  }

  /** `directives`: the starts of the lines beginning with '#'; the first line may be a bare header. */
  private scanCandidates(
    data: Buffer,
    end: number,
    candidates: Candidates,
    directives: number[],
  ): void {
    const firstLine = this.lineNo === 0 && this.options.atFileStart && directives[0] !== 0;
    const headers = firstLine ? [0, ...directives] : directives;
    const interesting = mergeSorted(
      mergeSorted(candidates.starts, headers),
      linesWith(data, end, 0),
    );
    let cursor = 0;
    for (const start of interesting) {
      this.countLines(data, cursor, start);
      this.lineNo += 1;
      const stop = data.indexOf(NEWLINE, start);
      const mask = candidates.masks.get(start) ?? 0;
      this.readLine(data, start, stop, true, start === 0 && this.lineNo === 1, mask);
      cursor = stop + 1;
    }
    this.countLines(data, cursor, end + 1);
    this.noteCoverage(data, end);
  }

  /** Counts the lines in data[from..to) and flags the absurdly long ones among them. */
  private countLines(data: Buffer, from: number, to: number): void {
    let lineStart = from;
    for (
      let at = data.indexOf(NEWLINE, from);
      at !== -1 && at < to;
      at = data.indexOf(NEWLINE, at + 1)
    ) {
      this.lineNo += 1;
      if (at - lineStart > MAX_LINE_BYTES) {
        this.addBad(
          'too-long',
          data.subarray(lineStart, lineStart + MAX_SAMPLE_CHARS),
          this.lineNo,
        );
      }
      lineStart = at + 1;
    }
  }

  /** Records the first data line's time, and keeps the last data line for the newest time. */
  /**
   * Coverage without reading every line's time: the first data line of every chunk (not only of
   * the file) and the last line, so logs joined out of order or a clock set back still show their
   * whole span, to within a chunk (1 MiB).
   */
  private noteCoverage(data: Buffer, end: number): void {
    let tries = 0;
    let sampled = false;
    for (let start = 0; !sampled && start <= end && tries < 5;) {
      const stop = lineEnd(data, start);
      if (data[start] !== HASH) {
        tries += 1;
        const time = this.timeOf(data.toString('utf8', start, stop));
        if (time !== null) {
          this.widen(time);
          sampled = true;
        }
      }
      start = stop + 1;
    }
    const lastStart = data.lastIndexOf(NEWLINE, end - 1) + 1;
    if (data[lastStart] !== HASH && lastStart < end) {
      this.lastDataLine = Buffer.from(data.subarray(lastStart, end));
    }
  }

  private coverLastLine(): void {
    if (this.lastDataLine === null) return;
    const time = this.timeOf(this.lastDataLine.toString('utf8'));
    if (time !== null) this.widen(time);
  }

  /** `mask`: the anchors found in the line (only the hunts they belong to are tried). */
  private readLine(
    data: Buffer,
    start: number,
    stop: number,
    hunt: boolean,
    full: boolean,
    mask: number,
  ): void {
    const end = stop > start && data[stop - 1] === 13 ? stop - 1 : stop;
    if (data[start] === HASH) {
      this.readDirective(data.toString('utf8', start, end));
      return;
    }
    if (end - start > MAX_LINE_BYTES || data.subarray(start, end).includes(0)) {
      const reason = end - start > MAX_LINE_BYTES ? 'too-long' : 'binary';
      this.addBad(
        reason,
        data.subarray(start, Math.min(end, start + MAX_SAMPLE_CHARS)),
        this.lineNo,
      );
      return;
    }

    const firstLine = this.lineNo === 1 && this.options.atFileStart;
    const fast = firstLine ? undefined : RECORDS.read(data, start, stop, this.layout, !hunt);
    if (fast !== undefined) {
      this.take(fast, full, hunt ? data.toString('utf8', start, end) : null, mask);
      return;
    }

    const line = data.toString('utf8', start, end);
    if (firstLine && this.tryBareHeader(line)) return;
    if (!full && !hunt) return;
    const record = this.parse(line, !hunt);
    if (record !== null) this.take(record, full, hunt ? line : null, mask);
  }

  /** Counts a parsed line: coverage (when full), then, inside the window, policy and hunts. */
  private take(record: LogRecord, full: boolean, huntLine: string | null, mask = 0): void {
    if (full && record.time !== null) this.widen(record.time);
    if (!this.inWindow(record.time)) return;
    if (this.usage !== null) this.usage.add(record, this.options.file, this.lineNo);
    if (huntLine !== null && mask !== 0) this.hunt(record, huntLine, mask);
  }

  /** The time of a line read only for coverage (no bad-line counting). */
  private timeOf(line: string): string | null {
    return readRecord(line.replace(/\r$/, ''), this.layout, this.logType).time;
  }

  /** Parses a data line; null for a repeated bare header. Short lines are counted as bad. */
  private parse(line: string, usageOnly = false): LogRecord | null {
    const names = this.layout.names;
    const first = names[0];
    if (
      first !== undefined &&
      line.slice(0, first.length + 1).toLowerCase() === first + this.layout.separator
    ) {
      return null;
    }
    const record = readRecord(line, this.layout, this.logType, usageOnly);
    if (names.length > 0 && record.fieldCount < names.length) {
      this.addBad('truncated', Buffer.from(line.slice(0, MAX_SAMPLE_CHARS)), this.lineNo);
    }
    return record;
  }

  private tryBareHeader(line: string): boolean {
    const layout = layoutFromBareHeader(line);
    if (layout === undefined) return false;
    this.layout = this.noteLayout(layout);
    this.fields = line.trim();
    return true;
  }

  private readDirective(line: string): void {
    const colon = line.indexOf(':');
    const name = line.slice(1, colon).trim().toLowerCase();
    const value = line.slice(colon + 1);
    if (name === 'fields') {
      this.fields = value.trim();
      this.layout = this.noteLayout(layoutFromFields(value));
    } else if (name === 'log-type') this.logType = value.trim();
  }

  /** Notes the IIS fields a hunt needs that the layout does not log (see Hunt.iisFields). */
  private noteLayout(layout: FieldLayout): FieldLayout {
    if (layout.format === 'iis') {
      for (const field of IIS_HUNT_FIELDS) {
        if (!layout.index.has(field)) this.missingFields.add(field);
      }
    }
    return layout;
  }

  /** Tries the hunts whose anchors the byte search found in the line (`mask`). */
  private hunt(record: LogRecord, line: string, mask: number): void {
    for (const hunt of HUNTS) {
      if (!hunt.formats.includes(this.layout.format)) continue;
      if (((HUNT_MASKS.get(hunt) ?? 0) & mask) === 0) continue;
      if (hunt.matches(record, line)) this.addFinding(hunt, record, line);
    }
  }

  private addFinding(hunt: Hunt, record: LogRecord, line: string): void {
    let tally = this.tallies.get(hunt.id);
    if (tally === undefined) {
      tally = { hunt: hunt.id, count: 0, findings: [] };
      this.tallies.set(hunt.id, tally);
    }
    tally.count += 1;
    if (tally.findings.length >= MAX_FINDINGS_PER_HUNT) return;
    tally.findings.push({
      hunt: hunt.id,
      file: this.options.file,
      line: this.lineNo,
      time: record.time,
      clientIp: record.clientIp,
      user: record.user,
      status: record.status,
      text: line.slice(0, MAX_SAMPLE_CHARS),
    });
  }

  private addBad(reason: BadLineSample['reason'], bytes: Buffer, line: number): void {
    this.badCount += 1;
    if (this.badSamples.length >= MAX_BAD_LINE_SAMPLES) return;
    // Control characters are shown escaped so a binary line cannot disturb a terminal.
    const text = [...bytes.toString('latin1')]
      .map((c) => (isControl(c) ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c))
      .join('');
    this.badSamples.push({ file: this.options.file, line, reason, text });
  }

  private inWindow(time: string | null): boolean {
    if (time === null) return true;
    const { since, until } = this.options;
    return (since === null || time >= since) && (until === null || time <= until);
  }

  private widen(time: string): void {
    if (this.oldest === null || time < this.oldest) this.oldest = time;
    if (this.newest === null || time > this.newest) this.newest = time;
  }
}

/** The starts of the lines in data[0..end] that begin with '#': memchr on '#', rare in log data. */
function directiveStarts(data: Buffer, end: number): number[] {
  const starts: number[] = [];
  for (let hit = data.indexOf(HASH); hit !== -1 && hit < end; hit = data.indexOf(HASH, hit + 1)) {
    if (hit === 0 || data[hit - 1] === NEWLINE) starts.push(hit);
  }
  return starts;
}

/** Start offsets of the lines in data[0..end] holding `byte` (NUL: binary, a bad line). */
function linesWith(data: Buffer, end: number, byte: number): number[] {
  const starts: number[] = [];
  for (
    let hit = data.indexOf(byte);
    hit !== -1 && hit < end;
    hit = data.indexOf(byte, lineEnd(data, hit))
  ) {
    starts.push(data.lastIndexOf(NEWLINE, hit) + 1);
  }
  return starts;
}

function mergeSorted(a: number[], b: number[]): number[] {
  if (b.length === 0) return a;
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

function lineEnd(data: Buffer, from: number): number {
  const stop = data.indexOf(NEWLINE, from);
  return stop === -1 ? data.length : stop;
}
/** C0 controls other than tab, and DEL. */
function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return (code < 32 && code !== 9) || code === 127;
}
