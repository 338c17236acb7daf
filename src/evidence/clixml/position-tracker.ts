/**
 * Line, column and byte offset of a character index in the decoded text, computed only when a
 * position is asked for. Positions are asked for in increasing order, so both cursors only move
 * forward: newlines are found with indexOf, and UTF-8 byte widths are counted only at non-ASCII
 * characters, found with one regex scan per decoded chunk.
 */
import type { NodePosition } from './model.js';

const NON_ASCII = /[\u0080-\uffff]/g;

export class PositionTracker {
  private line = 1;
  /** Absolute character index where `line` starts. */
  private lineStart = 0;
  /** Absolute index of the next '\n' not yet counted, or -1 when the buffer holds none. */
  private nextNewline = -1;
  /** Byte cursor for UTF-8: the byte offset of character `byteCursorChar`. */
  private byteCursorChar = 0;
  private byteCursorByte: number;
  /** Absolute index of the next non-ASCII character at or after the byte cursor, or -1. */
  private nextWide = -1;
  private lastAsked = 0;

  constructor(
    private readonly bomBytes: number,
    /** 2 for UTF-16 (every character index is two bytes), 0 for UTF-8. */
    private readonly fixedUnitBytes: 0 | 2,
  ) {
    this.byteCursorByte = bomBytes;
  }

  /** Call after text was appended to the buffer at absolute index `appendedAt`. */
  noteAppended(buffer: string, base: number, appendedAt: number, asciiOnly: boolean): void {
    if (this.nextNewline === -1) this.nextNewline = indexFrom(buffer, base, '\n', appendedAt);
    if (this.fixedUnitBytes === 0 && this.nextWide === -1 && !asciiOnly) {
      this.nextWide = findWide(buffer, base, Math.max(appendedAt, this.byteCursorChar));
    }
  }

  /** Position of absolute index `at`; `at` must not precede an index asked for before. */
  at(buffer: string, base: number, at: number): NodePosition {
    this.lastAsked = at;
    while (this.nextNewline !== -1 && this.nextNewline < at) {
      this.line++;
      this.lineStart = this.nextNewline + 1;
      this.nextNewline = indexFrom(buffer, base, '\n', this.lineStart);
    }
    return {
      line: this.line,
      column: at - this.lineStart + 1,
      offset: this.byteOffset(buffer, base, at),
    };
  }

  /** Any index still in the buffer, also one before the last asked (used for errors). */
  anywhere(buffer: string, base: number, at: number): NodePosition {
    if (at >= this.lastAsked) return this.at(buffer, base, at);

    const current = this.at(buffer, base, this.lastAsked);
    const between = buffer.slice(Math.max(0, at - base), this.lastAsked - base);
    const linesBack = countOf(between, '\n');
    const previousNewline = buffer.lastIndexOf('\n', at - base - 1);
    const lineStart = linesBack === 0 ? this.lineStart : base + previousNewline + 1;
    const offsetBack =
      this.fixedUnitBytes === 0 ? Buffer.byteLength(between, 'utf8') : between.length * 2;
    return {
      line: current.line - linesBack,
      column: at - lineStart + 1,
      offset: current.offset - offsetBack,
    };
  }

  private byteOffset(buffer: string, base: number, at: number): number {
    if (this.fixedUnitBytes !== 0) return this.bomBytes + at * 2;

    while (this.nextWide !== -1 && this.nextWide < at) {
      const wide = this.nextWide;
      const code = buffer.charCodeAt(wide - base);
      const isPair = code >= 0xd800 && code <= 0xdbff;
      this.byteCursorByte += wide - this.byteCursorChar + (code < 0x800 ? 2 : isPair ? 4 : 3);
      this.byteCursorChar = wide + (isPair ? 2 : 1);
      this.nextWide = findWide(buffer, base, this.byteCursorChar);
    }
    this.byteCursorByte += at - this.byteCursorChar;
    this.byteCursorChar = at;
    return this.byteCursorByte;
  }
}

function indexFrom(buffer: string, base: number, needle: string, from: number): number {
  const found = buffer.indexOf(needle, from - base);
  return found === -1 ? -1 : found + base;
}

function findWide(buffer: string, base: number, from: number): number {
  NON_ASCII.lastIndex = from - base;
  const match = NON_ASCII.exec(buffer);
  return match === null ? -1 : match.index + base;
}

function countOf(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) count++;
  return count;
}
