/**
 * Bytes to text for the CliXml reader: detects the encoding from the first bytes, checks each
 * chunk strictly, and finds the exact byte of an encoding error.
 *
 * UTF-8 is checked with the native `isUtf8`. The parser scans code units from a typed array
 * (`codeUnits`): the bytes themselves for UTF-8, where markup is ASCII and an index is a byte
 * offset, and a Uint16Array over the bytes for UTF-16 LE. Values are sliced from the same text as
 * a string (`text`): UTF-8 as Latin-1, one character per byte, with only the values that hold
 * bytes of 0x80 and above decoded as UTF-8 (see latin1-utf8.ts); UTF-16 LE decoded natively and
 * checked with `isWellFormed`. Both are several times faster than a fatal TextDecoder.
 *
 * Windows PowerShell 5.1 writes Export-Clixml as UTF-16 LE with a BOM; PowerShell 7 writes UTF-8
 * without one. UTF-16 LE without a BOM is recognised by its `<\0` start.
 */

import { isUtf8 } from 'node:buffer';
import { endianness } from 'node:os';
import type { CodeUnits } from './markup-names.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** Length of the byte order mark, 0 when there is none. */
  bomBytes: number;
}

/** A chunk could not be decoded: `validText` is what came before the bad byte (as decode gives). */
export class EncodingFault {
  constructor(
    readonly validText: string,
    /** Absolute byte offset of the first byte that cannot be decoded. */
    readonly byteOffset: number,
    readonly detail: string,
    /** From `take`: the chunk's bytes before the bad one, to be read before failing. */
    readonly validBytes: Buffer = Buffer.alloc(0),
  ) {}
}

/** Whether a Uint16Array over UTF-16 LE bytes gives their code units (it uses the CPU's order). */
const LITTLE_ENDIAN = endianness() === 'LE';

/** Needs up to 4 bytes; fewer only at the end of input. */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  const [b0, b1, b2] = head;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
  if (b0 === 0x3c && b1 === 0x00) return { encoding: 'utf-16le', bomBytes: 0 };
  if (b0 === 0x00 && b1 === 0x3c) return { encoding: 'utf-16be', bomBytes: 0 };
  return { encoding: 'utf-8', bomBytes: 0 };
}

const EMPTY = new Uint8Array(0);

/**
 * Checks and decodes a byte stream chunk by chunk; keeps an incomplete character for the next
 * chunk. `take` gives a chunk's whole characters; `text` decodes any run of them, so the caller
 * can hand the parser small pieces that overlap what it still holds instead of joining strings.
 */
export class ByteDecoder {
  readonly encoding: TextEncodingName;
  readonly bomBytes: number;
  private carry: Uint8Array = EMPTY;
  /** Absolute offset of the first byte of `carry` (or of the next chunk when carry is empty). */
  private consumedBytes: number;
  /** Absolute offset of the first byte of the buffer `take` gave last. */
  private takenOffset = 0;

  constructor(detected: DetectedEncoding) {
    this.encoding = detected.encoding;
    this.bomBytes = detected.bomBytes;
    this.consumedBytes = detected.bomBytes;
  }

  get wideUnits(): boolean {
    return this.encoding !== 'utf-8';
  }

  /** The whole characters of the next chunk (the BOM already removed); UTF-8 is checked here. */
  take(chunk: Uint8Array): Buffer | EncodingFault {
    const joined = this.carry.length === 0 ? chunk : concatBytes(this.carry, chunk);
    const complete = this.wideUnits
      ? completeUtf16Length(joined, this.encoding)
      : completeUtf8Length(joined);
    this.carry = joined.subarray(complete);
    this.takenOffset = this.consumedBytes;
    this.consumedBytes += complete;

    const bytes = Buffer.from(joined.buffer, joined.byteOffset, complete);
    if (this.wideUnits || isUtf8(bytes)) return bytes;

    const bad = firstBadUtf8Byte(bytes);
    const detail = `byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')} cannot start or continue a UTF-8 character`;
    const valid = bytes.subarray(0, bad);
    return new EncodingFault(valid.toString('latin1'), this.takenOffset + bad, detail, valid);
  }

  /**
   * The text of bytes[start, end) of the buffer `take` gave last; UTF-16 is checked here. UTF-8
   * comes back as Latin-1 text, one character per byte.
   */
  text(bytes: Buffer, start: number, end: number): string | EncodingFault {
    if (!this.wideUnits) return bytes.toString('latin1', start, end);

    const text = bytes.toString('utf16le', start, end);
    if (isWellFormed(text)) return text;

    const bad = start + firstBadUtf16Unit(bytes.subarray(start, end), this.encoding);
    const validText = bytes.toString('utf16le', start, bad);
    const offset = this.takenOffset + bad;
    return new EncodingFault(validText, offset, 'an unpaired UTF-16 surrogate');
  }

  /**
   * The code units of bytes[start, end), which `text` gave as a string: the bytes themselves for
   * UTF-8, a Uint16Array over them for UTF-16 LE (copied when they are not 2-byte aligned).
   */
  codeUnits(bytes: Buffer, start: number, end: number): CodeUnits {
    const offset = bytes.byteOffset + start;
    if (!this.wideUnits) return new Uint8Array(bytes.buffer, offset, end - start);

    const count = (end - start) >> 1;
    if (offset % 2 === 0 && LITTLE_ENDIAN && this.encoding === 'utf-16le') {
      return new Uint16Array(bytes.buffer, offset, count);
    }
    const units = new Uint16Array(count);
    for (let i = 0; i < count; i++) units[i] = readUtf16Unit(bytes, start + 2 * i, this.encoding);
    return units;
  }

  /** Where a piece of bytes[from, ...) at most `size` long may end without cutting a character. */
  pieceEnd(bytes: Buffer, from: number, size: number): number {
    let end = from + size;
    if (end >= bytes.length) return bytes.length;

    if (!this.wideUnits) {
      while (end > from + 1 && (bytes[end]! & 0xc0) === 0x80) end--;
      return end;
    }
    end -= (end - from) % 2;
    const unit = readUtf16Unit(bytes, end - 2, this.encoding);
    return unit >= 0xd800 && unit <= 0xdbff && end - 2 > from ? end - 2 : end;
  }

  /** At end of input: what is still carried is a truncated character. */
  finish(): EncodingFault | undefined {
    if (this.carry.length === 0) return undefined;

    const detail = this.wideUnits
      ? this.carry.length % 2 === 1
        ? 'the file has an odd number of bytes, so it is not UTF-16'
        : 'the file ends inside a UTF-16 surrogate pair'
      : 'the file ends inside a multi-byte UTF-8 sequence';
    return new EncodingFault('', this.consumedBytes, detail);
  }
}

/** String.prototype.isWellFormed (ES2024, in Node 20), typed here since the lib is ES2023. */
function isWellFormed(text: string): boolean {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

/** Length of the prefix that holds only whole UTF-8 sequences (a cut one moves to the carry). */
function completeUtf8Length(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let back = 1; back <= 3 && back <= end; back++) {
    const byte = bytes[end - back]!;
    if (byte < 0x80) return end;
    if (byte >= 0xc0) return utf8SequenceLength(byte) > back ? end - back : end;
  }
  return end;
}

function utf8SequenceLength(lead: number): number {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  return 2;
}

/** Whole code units only, and a trailing high surrogate waits for its partner. */
function completeUtf16Length(bytes: Uint8Array, encoding: TextEncodingName): number {
  const even = bytes.length - (bytes.length % 2);
  if (even === 0) return 0;

  const unit = readUtf16Unit(bytes, even - 2, encoding);
  return unit >= 0xd800 && unit <= 0xdbff ? even - 2 : even;
}

function readUtf16Unit(bytes: Uint8Array, at: number, encoding: TextEncodingName): number {
  return encoding === 'utf-16le'
    ? bytes[at]! | (bytes[at + 1]! << 8)
    : (bytes[at]! << 8) | bytes[at + 1]!;
}

function firstBadUtf16Unit(bytes: Uint8Array, encoding: TextEncodingName): number {
  for (let at = 0; at + 1 < bytes.length; at += 2) {
    const unit = readUtf16Unit(bytes, at, encoding);
    if (unit >= 0xdc00 && unit <= 0xdfff) return at;
    if (unit < 0xd800 || unit > 0xdbff) continue;

    const next = at + 3 < bytes.length ? readUtf16Unit(bytes, at + 2, encoding) : -1;
    if (next < 0xdc00 || next > 0xdfff) return at;
    at += 2;
  }
  return bytes.length;
}

/** The first byte that breaks UTF-8 well-formedness (RFC 3629 §4, incl. overlongs/surrogates). */
function firstBadUtf8Byte(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const length = wellFormedSequenceLength(bytes, at);
    if (length === 0) return at;
    at += length;
  }
  return bytes.length;
}

function wellFormedSequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  if (lead < 0x80) return 1;
  if (lead < 0xc2 || lead > 0xf4) return 0;

  const length = utf8SequenceLength(lead);
  const second = bytes[at + 1] ?? -1;
  const [low, high] =
    lead === 0xe0
      ? [0xa0, 0xbf]
      : lead === 0xed
        ? [0x80, 0x9f]
        : lead === 0xf0
          ? [0x90, 0xbf]
          : lead === 0xf4
            ? [0x80, 0x8f]
            : [0x80, 0xbf];
  if (second < low || second > high) return 0;

  for (let i = 2; i < length; i++) {
    const next = bytes[at + i] ?? -1;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}
