/**
 * A floor for any CliXml reader written in JavaScript, not a reader: it streams a UTF-8 export in
 * 1 MiB chunks and does the least a reader must do with each element: find its tag and N
 * attribute, slice its text as a string and store it on the object being read; top-level objects
 * are counted and dropped. It checks nothing (no well-formedness, no escapes, no types, no Refs,
 * no line numbers), so a real reader can only be slower. The benchmark runs it beside exzt's
 * reader to show how much of xmllint's time any JavaScript reader needs before doing its work.
 * Usage: node dist/bench/clixml/floor.js <file>   (prints the top-level object count)
 */
import { closeSync, openSync, readSync } from 'node:fs';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const NEWLINE = 0x0a;
const CHUNK_BYTES = 1 << 20;

interface Item {
  members: Record<string, unknown>;
}

class FloorScan {
  objects = 0;
  private readonly stack: (Item | null)[] = [];
  private current: Item | null = null;
  private readonly names = new Map<number, string>();

  /** Reads the elements of data[0, end), which ends with a complete line. */
  scan(data: Buffer, end: number): void {
    let at = data.indexOf(LT);
    while (at !== -1 && at < end) at = this.element(data, at, end);
  }

  private element(data: Buffer, lt: number, end: number): number {
    if (data[lt + 1] === SLASH) {
      if (data[lt + 2] === 0x4f /* O */ && data[lt + 3] === 0x62 /* b */ && data[lt + 4] === 0x6a)
        this.closeObject();
      return nextLt(data, skipTo(data, lt, GT), end);
    }
    let at = lt + 1;
    let code = data[at]!;
    while (code > 0x20 && code !== GT && code !== SLASH) code = data[++at]!;
    const tagLength = at - lt - 1;
    let name: string | null = null;
    while ((code = data[at]!) !== GT) {
      if (code === 0x4e /* N */ && data[at + 1] === 0x3d /* = */) {
        const close = skipTo(data, at + 3, QUOTE);
        name = this.nameOf(data, at + 3, close);
        at = close + 1;
      } else at++;
    }
    const gt = at;
    const first = data[lt + 1];
    if (tagLength === 3 && first === 0x4f /* Obj */) {
      this.openObject(name);
      return nextLt(data, gt + 1, end);
    }
    if (data[gt - 1] === SLASH) {
      this.store(name, null);
      return nextLt(data, gt + 1, end);
    }
    let close = gt + 1;
    let high = 0;
    while ((code = data[close]!) !== LT) {
      high |= code;
      close++;
    }
    // What follows a text element's text is its end tag; anything else is a child element.
    if (data[close + 1] !== SLASH) return close;
    const text = data.toString(high & 0x80 ? 'utf8' : 'latin1', gt + 1, close);
    this.store(name, text);
    return nextLt(data, skipTo(data, close, GT), end);
  }

  private openObject(name: string | null): void {
    const item: Item = { members: {} };
    this.store(name, item);
    this.stack.push(this.current);
    this.current = item;
  }

  private closeObject(): void {
    this.current = this.stack.pop() ?? null;
    if (this.stack.length === 0) {
      this.objects++;
      this.current = null;
    }
  }

  private store(name: string | null, value: unknown): void {
    if (this.current !== null && name !== null) this.current.members[name] = value;
  }

  /** Member names repeat in every object: one string each, found by a hash of the bytes. */
  private nameOf(data: Buffer, start: number, end: number): string {
    let hash = 0;
    for (let at = start; at < end; at++) hash = (Math.imul(hash, 31) + data[at]!) | 0;
    const known = this.names.get(hash);
    if (known !== undefined) return known;
    const name = data.toString('latin1', start, end);
    this.names.set(hash, name);
    return name;
  }
}

function skipTo(data: Buffer, from: number, byte: number): number {
  let at = from;
  while (data[at] !== byte) at++;
  return at;
}

function nextLt(data: Buffer, from: number, end: number): number {
  let at = from;
  while (at < end && data[at] !== LT) at++;
  return at;
}

function countObjects(file: string): number {
  const scan = new FloorScan();
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES * 2);
  const fd = openSync(file, 'r');
  let carried = 0;
  for (;;) {
    const read = readSync(fd, buffer, carried, CHUNK_BYTES, null);
    const filled = carried + read;
    // PowerShell writes one element a line and escapes line breaks in text, so the complete
    // tokens end at the last line break (or at the end of the file).
    const cut = read === 0 ? filled : buffer.lastIndexOf(NEWLINE, filled - 1) + 1;
    scan.scan(buffer, cut);
    carried = filled - cut;
    buffer.copy(buffer, 0, cut, filled);
    if (read === 0) break;
  }
  closeSync(fd);
  return scan.objects - 1; // the root <Objs> closes like an object
}

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: node dist/bench/clixml/floor.js <file>');
  process.exitCode = 2;
} else {
  console.log(countObjects(file));
}
