/**
 * Line, column and byte offset of a character index in the parser's text, computed only when a
 * position is asked for. Positions are asked for in increasing order, so every cursor only moves
 * forward: newlines are found with indexOf, and a byte offset is the index times the bytes per
 * character (UTF-8 is read one byte per character, see byte-decoder.ts). Columns count UTF-16
 * code units, so in UTF-8 the bytes of the line before the position are looked at once each, to
 * take off the continuation bytes of multi-byte sequences.
 */
import { utf16UnitsOf } from './latin1-utf8.js';
import type { NodePosition } from './model.js';

export class PositionTracker {
  private line = 1;
  /** Absolute character index where `line` starts. */
  private lineStart = 0;
  /** Absolute index of the next '\n' not yet counted, or -1 when the buffer holds none. */
  private nextNewline = -1;
  /** UTF-8 only: the line's bytes before `columnCursor` are `columnSurplus` more than its units. */
  private columnCursor = 0;
  private columnSurplus = 0;
  private lastAsked = 0;

  constructor(
    private readonly bomBytes: number,
    /** 1 for UTF-8 (one character per byte), 2 for UTF-16. */
    private readonly unitBytes: 1 | 2,
  ) {}

  /** Call after text was appended to the buffer at absolute index `appendedAt`. */
  noteAppended(buffer: string, base: number, appendedAt: number): void {
    if (this.nextNewline === -1) this.nextNewline = indexFrom(buffer, base, '\n', appendedAt);
  }

  /** Position of absolute index `at`; `at` must not precede an index asked for before. */
  at(buffer: string, base: number, at: number): NodePosition {
    this.lastAsked = at;
    if (this.nextNewline !== -1 && this.nextNewline < at) this.advanceLines(buffer, base, at);
    if (this.unitBytes === 1) this.countSurplus(buffer, base, at);

    return {
      line: this.line,
      column: at - this.lineStart + 1 - this.columnSurplus,
      offset: this.bomBytes + at * this.unitBytes,
    };
  }

  /** Any index still in the buffer, also one before the last asked (used for errors). */
  anywhere(buffer: string, base: number, at: number): NodePosition {
    if (at >= this.lastAsked) return this.at(buffer, base, at);

    const current = this.at(buffer, base, this.lastAsked);
    const between = buffer.slice(Math.max(0, at - base), this.lastAsked - base);
    const linesBack = countOf(between, '\n');
    const previousNewline = buffer.lastIndexOf('\n', at - base - 1);
    const column =
      linesBack === 0
        ? current.column - this.unitsOf(between)
        : this.unitsOf(buffer.slice(previousNewline + 1, at - base)) + 1;
    return {
      line: current.line - linesBack,
      column,
      offset: this.bomBytes + at * this.unitBytes,
    };
  }

  private advanceLines(buffer: string, base: number, at: number): void {
    while (this.nextNewline !== -1 && this.nextNewline < at) {
      this.line++;
      this.lineStart = this.nextNewline + 1;
      this.nextNewline = indexFrom(buffer, base, '\n', this.lineStart);
    }
    this.columnCursor = this.lineStart;
    this.columnSurplus = 0;
  }

  /** UTF-8: continuation bytes add no UTF-16 unit; a 4-byte sequence is a surrogate pair. */
  private countSurplus(buffer: string, base: number, at: number): void {
    let surplus = this.columnSurplus;
    for (let i = this.columnCursor - base; i < at - base; i++) {
      const code = buffer.charCodeAt(i);
      if (code < 0x80) continue;
      if (code < 0xc0) surplus++;
      else if (code >= 0xf0) surplus--;
    }
    this.columnSurplus = surplus;
    this.columnCursor = at;
  }

  private unitsOf(text: string): number {
    return this.unitBytes === 1 ? utf16UnitsOf(text) : text.length;
  }
}

function indexFrom(buffer: string, base: number, needle: string, from: number): number {
  const found = buffer.indexOf(needle, from - base);
  return found === -1 ? -1 : found + base;
}

function countOf(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) count++;
  return count;
}
