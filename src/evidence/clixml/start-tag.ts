/**
 * Reads one start tag, `<Name attr="value" ...>` or `.../>`, into fields (no object per tag).
 * Only the attributes CliXml uses are kept: N (member name), RefId, and xmlns on the root.
 */
import type { ErrorCode } from '../../errors.js';
import {
  detachedCopy,
  HASH_SEED,
  hashStep,
  MemberNameCache,
  spells,
  spellsUnits,
  tagAt,
  type AttributeDecoder,
  type CodeUnits,
  type MemberName,
} from './markup-names.js';
import type { TagInfo } from './tags.js';
import { BadReferenceError, decodeCliXmlEscapes, decodeXmlText } from './unescape.js';
import { hasHighByte, utf8FromLatin1 } from './latin1-utf8.js';

export const NEED_MORE = -1;

/** What the start-tag reader needs from the parser; indexes are into the current buffer. */
export interface TagReaderHost {
  failInBuffer(code: ErrorCode, message: string, index: number): never;
  /** NEED_MORE, or an error when the markup at `lt` is already too long. */
  needMore(lt: number, what: string): number;
  /** Called for a name that is no CliXml element (the root gets its own message). */
  failUnknownElement(name: string, lt: number): never;
  /** Buffer text as a message shows it. */
  textIn(start: number, end: number): string;
}

export class StartTagReader implements AttributeDecoder {
  info: TagInfo | undefined = undefined;
  member: MemberName | undefined = undefined;
  refId: string | undefined = undefined;
  namespace: string | undefined = undefined;
  selfClosing = false;
  /** Set when a tag read may hold a line feed; the parser counts its lines and clears it. */
  lineFeeds = false;
  private readonly names = new MemberNameCache();
  private previousMember: MemberName | undefined = undefined;

  constructor(
    private readonly host: TagReaderHost,
    /** UTF-8 read as Latin-1, one character per byte (see byte-decoder.ts). */
    private readonly byteChars: boolean,
  ) {}

  /**
   * Reads the tag at '<' (index lt); returns the index after '>' or NEED_MORE. `units` are the
   * code units of `buffer` (see CodeUnits); the scan reads units, strings are sliced from buffer.
   */
  read(units: CodeUnits, buffer: string, lt: number): number {
    const length = units.length;
    let i = lt + 1;
    let hash = HASH_SEED;
    let code = i < length ? units[i]! : 0;
    while (code > 0x20 && code !== 0x2f && code !== 0x3e) {
      hash = hashStep(hash, code);
      code = ++i < length ? units[i]! : 0;
    }
    if (i >= length) return this.host.needMore(lt, 'start tag');

    this.info = tagAt(units, lt + 1, i, hash);
    if (this.info === undefined) this.host.failUnknownElement(this.host.textIn(lt + 1, i), lt);
    this.member = this.refId = this.namespace = undefined;
    return this.readAttributes(units, buffer, i, lt);
  }

  private readAttributes(units: CodeUnits, buffer: string, from: number, lt: number): number {
    const length = units.length;
    let i = from;
    for (;;) {
      while (i < length && isXmlSpace(units[i]!)) {
        if (units[i] !== 0x20) this.lineFeeds = true;
        i++;
      }
      if (i >= length) return this.host.needMore(lt, 'start tag');

      const code = units[i]!;
      if (code === 0x3e /* > */) {
        this.selfClosing = false;
        return i + 1;
      }
      if (code === 0x2f /* / */) {
        if (i + 1 >= length) return this.host.needMore(lt, 'start tag');
        if (units[i + 1] !== 0x3e) this.failMalformed(i);
        this.selfClosing = true;
        return i + 2;
      }

      // `N="` is by far the most common attribute: go straight to its value.
      i =
        code === 0x4e /* N */ && units[i + 1] === 0x3d /* = */ && units[i + 2] === 0x22 /* " */
          ? this.readMemberName(units, buffer, i + 3, 0x22, lt)
          : this.readAttribute(units, buffer, i, lt);
      if (i === NEED_MORE) return NEED_MORE;
    }
  }

  /** One `name="value"`; returns the index after the closing quote. */
  private readAttribute(units: CodeUnits, buffer: string, nameStart: number, lt: number): number {
    // Rare enough (RefId, xmlns) to have its lines counted whatever it holds.
    this.lineFeeds = true;
    const length = units.length;
    let i = nameStart;
    let code = i < length ? units[i]! : 0;
    while (code > 0x20 && code !== 0x3d && code !== 0x2f && code !== 0x3e) {
      code = ++i < length ? units[i]! : 0;
    }
    const nameEnd = i;
    while (i < length && isXmlSpace(units[i]!)) i++;
    if (i + 1 >= length) return this.host.needMore(lt, 'start tag');
    if (units[i] !== 0x3d /* = */ || nameEnd === nameStart) this.failMalformed(i);

    i++;
    while (i < length && isXmlSpace(units[i]!)) i++;
    if (i >= length) return this.host.needMore(lt, 'start tag');
    const quote = units[i]!;
    if (quote !== 0x22 && quote !== 0x27) this.failMalformed(i);

    const isMemberName = nameEnd - nameStart === 1 && units[nameStart] === 0x4e; /* N */
    if (isMemberName) return this.readMemberName(units, buffer, i + 1, quote, lt);

    let valueEnd = i + 1;
    while (valueEnd < length && units[valueEnd] !== quote) valueEnd++;
    if (valueEnd >= length) return this.host.needMore(lt, 'start tag');
    this.assignAttribute(units, buffer, nameStart, nameEnd, i + 1, valueEnd);
    return valueEnd + 1;
  }

  /**
   * The N value. Members come in the same order on every object of an export, so the name that
   * followed the previous one last time is tried first; otherwise the value is hashed and looked
   * up, so a name seen before costs no new string either way.
   */
  private readMemberName(
    units: CodeUnits,
    buffer: string,
    valueStart: number,
    quote: number,
    lt: number,
  ): number {
    const predicted = this.previousMember?.next;
    if (predicted !== undefined) {
      const end = valueStart + predicted.rawUnits.length;
      if (units[end] === quote && spellsUnits(units, valueStart, predicted.rawUnits)) {
        this.member = this.previousMember = predicted;
        if (predicted.lineFeeds) this.lineFeeds = true;
        return end + 1;
      }
    }

    const length = units.length;
    let hash = HASH_SEED;
    let i = valueStart;
    while (i < length) {
      const code = units[i]!;
      if (code === quote) break;
      hash = hashStep(hash, code);
      i++;
    }
    if (i >= length) return this.host.needMore(lt, 'start tag');

    const member = this.names.get(units, buffer, valueStart, i, hash, this);
    if (member.lineFeeds) this.lineFeeds = true;
    if (this.previousMember !== undefined) this.previousMember.next = member;
    this.member = this.previousMember = member;
    return i + 1;
  }

  private assignAttribute(
    units: CodeUnits,
    buffer: string,
    nameStart: number,
    nameEnd: number,
    valueStart: number,
    valueEnd: number,
  ): void {
    const nameLength = nameEnd - nameStart;
    if (nameLength === 5 && spells(units, nameStart, 'RefId')) {
      this.refId = detachedCopy(this.host.textIn(valueStart, valueEnd));
    } else if (nameLength === 5 && spells(units, nameStart, 'xmlns')) {
      this.namespace = this.decodeAttribute(buffer.slice(valueStart, valueEnd), valueStart);
    }
    // Other attributes (Objs Version, namespace prefixes) carry nothing the model needs.
  }

  /** `rawStart` is where the raw text starts in the buffer, for error positions. */
  decodeAttribute(raw: string, rawStart: number): string {
    const text = this.byteChars && hasHighByte(raw) ? utf8FromLatin1(raw) : raw;
    if (text.indexOf('&') === -1) return decodeCliXmlEscapes(text);
    try {
      return decodeCliXmlEscapes(decodeXmlText(text));
    } catch (error) {
      if (!(error instanceof BadReferenceError)) throw error;
      const before = text.slice(0, error.index);
      const index = this.byteChars ? Buffer.byteLength(before, 'utf8') : before.length;
      return this.host.failInBuffer(
        'CLIXML_SYNTAX',
        `${error.message} in an attribute`,
        rawStart + index,
      );
    }
  }

  private failMalformed(at: number): never {
    const found = JSON.stringify(this.host.textIn(at, at + 10));
    return this.host.failInBuffer(
      'CLIXML_SYNTAX',
      `malformed start tag: expected name="value", ">" or "/>", found ${found}`,
      at,
    );
  }
}

export function isXmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}
