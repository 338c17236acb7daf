/**
 * Line, column and byte offset of a code-unit index in the parser's text. The scanner counts
 * line breaks itself in the loops that already read every unit (whitespace between elements,
 * element text), and tells the tracker the tokens that may hold one, so no unit is read twice to
 * find lines. Indexes are absolute (counted from the start of the text, after any BOM); `base`
 * is the absolute index of units[0].
 *
 * Columns count UTF-16 code units. In UTF-8 (one unit a byte, see byte-decoder.ts) the bytes of
 * the line before a position are looked at once each, to take off the continuation bytes of
 * multi-byte sequences; a 4-byte sequence is a surrogate pair, two units.
 */
import type { CodeUnits } from './markup-names.js';
import type { NodePosition } from './model.js';

export class PositionTracker {
  /** The line of `linesTo`, and the absolute index its line starts at. */
  line = 1;
  lineStart = 0;
  /** Absolute index up to which line breaks are counted. */
  linesTo = 0;
  /** UTF-8 only: the line's bytes in [lineStart, columnCursor) are columnSurplus more than its units. */
  private columnCursor = 0;
  private columnSurplus = 0;

  constructor(
    private readonly bomBytes: number,
    /** 1 for UTF-8 (one unit a byte), 2 for UTF-16. */
    private readonly unitBytes: 1 | 2,
  ) {}

  /** Counts the line breaks in units[from, to) (buffer indexes); lines must be counted to from. */
  countLines(units: CodeUnits, base: number, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      if (units[i] === 0x0a) {
        this.line++;
        this.lineStart = base + i + 1;
      }
    }
    this.linesTo = base + to;
  }

  /**
   * Call before units[0, keep) are dropped: carries what the column count needs past them.
   * Lines must be counted to base + keep.
   */
  beforeDrop(units: CodeUnits, base: number, keep: number): void {
    if (this.unitBytes === 1) this.advanceColumn(units, base, base + keep);
  }

  /** Position of absolute index `at`, where lines are counted to. */
  atLinesTo(units: CodeUnits, base: number): NodePosition {
    const at = this.linesTo;
    if (this.unitBytes === 1) this.advanceColumn(units, base, at);
    return {
      line: this.line,
      column: at - this.lineStart + 1 - (this.unitBytes === 1 ? this.columnSurplus : 0),
      offset: this.bomBytes + at * this.unitBytes,
    };
  }

  /**
   * Position of any absolute index in [base, base + units.length], before or after where lines
   * are counted to (used for errors, so it need not be fast); changes nothing.
   */
  anywhere(units: CodeUnits, base: number, at: number): NodePosition {
    const index = Math.min(Math.max(at, base), base + units.length) - base;
    const counted = this.linesTo - base;
    let line = this.line;
    let lineStart = this.lineStart;
    if (index >= counted) {
      for (let i = counted; i < index; i++) {
        if (units[i] === 0x0a) {
          line++;
          lineStart = base + i + 1;
        }
      }
    } else {
      for (let i = index; i < counted; i++) if (units[i] === 0x0a) line--;
      if (line !== this.line) {
        let previous = index - 1;
        while (previous >= 0 && units[previous] !== 0x0a) previous--;
        lineStart = base + previous + 1;
      }
    }

    const absolute = base + index;
    return {
      line,
      column: absolute - lineStart + 1 - this.surplusOf(units, base, lineStart, absolute),
      offset: this.bomBytes + absolute * this.unitBytes,
    };
  }

  /** UTF-8: bytes minus UTF-16 units in [lineStart, at) of a line; 0 for UTF-16. */
  private surplusOf(units: CodeUnits, base: number, lineStart: number, at: number): number {
    if (this.unitBytes !== 1) return 0;
    if (lineStart >= base) return surplusIn(units, lineStart - base, at - base);
    // The line began before the buffer: what was carried covers [lineStart, columnCursor).
    if (lineStart !== this.lineStart || this.columnCursor < base) {
      return surplusIn(units, 0, at - base);
    }
    const cursor = this.columnCursor - base;
    return at - base >= cursor
      ? this.columnSurplus + surplusIn(units, cursor, at - base)
      : this.columnSurplus - surplusIn(units, at - base, cursor);
  }

  private advanceColumn(units: CodeUnits, base: number, at: number): void {
    if (this.columnCursor < this.lineStart) {
      this.columnCursor = this.lineStart;
      this.columnSurplus = 0;
    }
    const from = this.columnCursor - base;
    const to = at - base;
    if (to > from) {
      this.columnSurplus += surplusIn(units, from, to);
      this.columnCursor = at;
    }
  }
}

/** UTF-8 bytes in units[from, to) that add no UTF-16 unit, less the 4-byte leads (two units). */
function surplusIn(units: CodeUnits, from: number, to: number): number {
  let surplus = 0;
  for (let i = from; i < to; i++) {
    const code = units[i]!;
    if (code < 0x80) continue;
    if (code < 0xc0) surplus++;
    else if (code >= 0xf0) surplus--;
  }
  return surplus;
}
