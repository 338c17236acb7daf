/**
 * The CliXml tokenizer: a hand-written scanner over code units in a typed array (the bytes of a
 * UTF-8 file, a Uint16Array over a UTF-16 LE file's bytes; see CodeUnits), in integer loops with
 * no regex or string building per character. Values are sliced from the same text as a string:
 * UTF-8 read as Latin-1, one character per byte (see byte-decoder.ts), and only values with bytes
 * of 0x80 and above are decoded, from the chunk's bytes. Lines are counted in the loops that read
 * every unit anyway (see PositionTracker). Bytes arrive in pieces; a token cut by the end of a
 * piece is read again from its '<' when the next piece has arrived, so nothing is half-applied.
 * Untrusted input: no DTD, no entities beyond the five predefined, bounded depth and strings.
 *
 * TODO(#2): the benchmark target, 2x xmllint's throughput (bench:clixml), is not met. With the
 * Refs counted first (ref-counts.ts; garbage collection fell from a quarter of the time to 4 %),
 * `npm run bench:clixml` on the quiet machine (2026-12-04, second run) gave 100 MB UTF-8 105.9
 * MB/s vs xmllint 143.4, UTF-16 LE 171.7 vs 223.9; 1 GB UTF-8 140.4 vs 164.6, UTF-16 LE 290.8 vs
 * 244.7 (0.74-1.19x); peak RSS 67-91 MB. The benchmark's floor, which finds each element's tag
 * and name and slices its text but checks nothing (bench/clixml/floor.ts), reaches only
 * 1.55-1.70x xmllint, so no JavaScript reader meets the target here. The rest is this scanner:
 * start tags ~17 %, the whitespace loop ~11 %, element text ~8 %, member maps ~7 %.
 */
import { ExztError, type ErrorCode } from '../../errors.js';
import { DocumentAssembler } from './document-assembler.js';
import type { ByteDecoder } from './byte-decoder.js';
import { EncodingFault } from './byte-decoder.js';
import { HASH_SEED, hashStep, spells, tagAt, type CodeUnits } from './markup-names.js';
import type { CliNode, NodePosition } from './model.js';
import { PositionTracker } from './position-tracker.js';
import type { RefCounts } from './ref-counts.js';
import { RefRegistry } from './ref-registry.js';
import { readPrimitive } from './primitives.js';
import { isXmlSpace, NEED_MORE, StartTagReader, type TagReaderHost } from './start-tag.js';
import { TAG, type TagInfo } from './tags.js';
import {
  BadReferenceError,
  decodeCliXmlEscapes,
  decodeCliXmlText,
  decodeXmlText,
  normalizeLineBreaks,
} from './unescape.js';
import { shownText, utf8FromLatin1 } from './latin1-utf8.js';

export const POWERSHELL_NAMESPACE = 'http://schemas.microsoft.com/powershell/2004/04';

export interface ParserSettings {
  file: string;
  maxDepth: number;
  maxStringChars: number;
  refWindow: number;
  /** See CliXmlReadOptions.keepRefTargets. */
  keepRefTargets: boolean;
  /** See CliXmlReadOptions.refCounts: given, the counted RefId policy applies. */
  refCounts?: RefCounts;
  bomBytes: number;
  /** True for UTF-16: every character index is two bytes; else UTF-8 read one byte a character. */
  wideUnits: boolean;
  /** Turns the bytes handed to push into text (and finds encoding errors in them). */
  decoder: ByteDecoder;
}

/**
 * TEXT_CLASS[code unit] for element text: 1 for what ends the text ('<'); 2 when the text holds
 * it needs decoding ('&', '_', CR); 4 for a character ≥ 0x80 (in UTF-8, bytes to decode). One
 * table for all 65,536 units, so the loop makes one test a unit whatever the encoding.
 */
const TEXT_END = 1;
const ESCAPED = 2;
const HIGH = 4;
/** A line feed: the lines in the text are counted after it is read. */
const LINE_FEED = 8;
const TEXT_CLASS = new Uint8Array(0x10000).fill(HIGH, 0x80);
TEXT_CLASS[0x3c /* < */] = TEXT_END;
for (const code of [0x26 /* & */, 0x5f /* _ */, 0x0d /* CR */]) TEXT_CLASS[code] = ESCAPED;
TEXT_CLASS[0x0a] = LINE_FEED;

const NO_BYTES = Buffer.alloc(0);

/** What may stand inside a text element besides text: comments, CDATA sections, PIs. */
const MARKUP_IN_TEXT: ReadonlyArray<readonly [start: string, end: string]> = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
];

/** Markup (a tag, comment or PI) may be this much longer than maxStringChars before it is refused. */
const MARKUP_SLACK_CHARS = 64 * 1024;

export class CliXmlParser implements TagReaderHost {
  /** The text being read; for UTF-8 one Latin-1 character per byte (see byte-decoder.ts). */
  private buffer = '';
  /** The same text as code units, which the scanner reads (see CodeUnits). */
  private units: CodeUnits = new Uint8Array(0);
  /** Absolute character index of buffer[0]. */
  private base = 0;
  private pos = 0;
  private rootSeen = false;
  private rootClosed = false;
  private readonly positions: PositionTracker;
  private readonly assembler: DocumentAssembler;
  private readonly tag: StartTagReader;
  /** Text of the element read last, as buffer indexes. */
  private textStart = 0;
  private textEnd = 0;
  /** Whether that text holds '&', '_' or CR, so it needs decoding. */
  private textEscaped = false;
  /** Whether that text holds a character ≥ 0x80: in UTF-8, bytes to decode. */
  private textHigh = false;
  /**
   * The text of the element read last when comments, CDATA sections or processing instructions
   * stood in it (readMixedText), already decoded; null when it is textStart..textEnd.
   */
  private mixedText: string | null = null;
  /** Whether the token read last may hold a line feed (its lines are counted after it). */
  private tokenLineFeeds = false;
  /** UTF-8 read as Latin-1, one character per byte (see byte-decoder.ts). */
  private readonly byteChars: boolean;
  /** The bytes the buffer was decoded from: buffer[0] is at sourceStart, its end at sourceEnd. */
  private source: Buffer = NO_BYTES;
  private sourceStart = 0;
  private sourceEnd = 0;
  private readonly decoder: ByteDecoder;
  private readonly unitBytes: number;
  /** Finished children of <Objs> not yet taken by the reader. */
  readonly completed: CliNode[] = [];

  constructor(private readonly settings: ParserSettings) {
    this.byteChars = !settings.wideUnits;
    this.decoder = settings.decoder;
    this.unitBytes = settings.wideUnits ? 2 : 1;
    this.tag = new StartTagReader(this, this.byteChars);
    this.positions = new PositionTracker(settings.bomBytes, settings.wideUnits ? 2 : 1);
    this.assembler = new DocumentAssembler(
      new RefRegistry(settings.refWindow, settings.keepRefTargets, settings.refCounts),
      settings.maxDepth,
      this,
    );
  }

  /** Bytes held back, unread, since they begin a token that has not ended yet. */
  get pendingBytes(): number {
    return (this.units.length - this.pos) * this.unitBytes;
  }

  /**
   * Reads source[start, end) (whole characters) after the token the parser holds back, and every
   * complete token in it. When those bytes are the ones right after the previous push in the same
   * source, the held-back token is decoded again from there, so no bytes or strings are joined.
   * Returns the fault when the bytes do not decode, after reading the text before it.
   */
  push(source: Buffer, start: number, end: number): EncodingFault | undefined {
    const pendingBytes = this.pendingBytes;
    let bytes = source;
    let from = start;
    if (pendingBytes > 0) {
      if (source === this.source && start === this.sourceEnd) {
        from = start - pendingBytes;
      } else {
        const held = this.source.subarray(this.sourceEnd - pendingBytes, this.sourceEnd);
        bytes = Buffer.concat([held, source.subarray(start, end)]);
        from = 0;
        end = bytes.length;
      }
    }

    const text = this.decoder.text(bytes, from, end);
    if (text instanceof EncodingFault) {
      const validEnd = from + text.validText.length * this.unitBytes;
      this.replaceBuffer(text.validText, bytes, from, validEnd);
      return text;
    }
    this.replaceBuffer(text, bytes, from, end);
    return undefined;
  }

  private replaceBuffer(text: string, bytes: Buffer, from: number, end: number): void {
    this.positions.beforeDrop(this.units, this.base, this.pos);
    this.base += this.pos;
    this.buffer = text;
    this.units = this.decoder.codeUnits(bytes, from, end);
    this.source = bytes;
    this.sourceStart = from;
    this.sourceEnd = end;
    this.pos = 0;
    this.scan();
  }

  /** End of input: anything still open or unread is an error. */
  finish(): void {
    if (this.pos < this.buffer.length) this.failTruncatedToken();

    const open = this.assembler.expectedEnd();
    if (open !== undefined) {
      this.fail('CLIXML_SYNTAX', `unexpected end of file, expected ${open}`, this.endIndex());
    }
    if (!this.rootSeen) {
      this.fail(
        'CLIXML_SYNTAX',
        'unexpected end of file, expected the root element <Objs>; the file holds no element',
        this.endIndex(),
      );
    }
  }

  /** Position of the end of the text read so far (where an encoding error was found). */
  positionAtEnd(): NodePosition {
    return this.positions.anywhere(this.units, this.base, this.endIndex());
  }

  /** Position of absolute index `at`: fast at the start of the token being read. */
  positionAt(at: number): NodePosition {
    const positions = this.positions;
    return at === positions.linesTo
      ? positions.atLinesTo(this.units, this.base)
      : positions.anywhere(this.units, this.base, at);
  }

  emit(node: CliNode): void {
    this.completed.push(node);
  }

  fail(code: ErrorCode, message: string, at: number): never {
    const position = this.positions.anywhere(this.units, this.base, at);
    throw new ExztError(code, message, { position: { file: this.settings.file, ...position } });
  }

  failInBuffer(code: ErrorCode, message: string, index: number): never {
    return this.fail(code, message, this.base + index);
  }

  needMore(lt: number, what: string): number {
    if (this.buffer.length - lt > this.settings.maxStringChars + MARKUP_SLACK_CHARS) {
      this.failInBuffer(
        'CLIXML_LIMIT',
        `a ${what} runs past maxStringChars (${this.settings.maxStringChars}) characters without ending`,
        lt,
      );
    }
    return NEED_MORE;
  }

  /** Buffer text as a message shows it (decoded from UTF-8 bytes when need be). */
  textIn(start: number, end: number): string {
    return shownText(this.buffer.slice(start, end), this.byteChars);
  }

  failUnknownElement(name: string, lt: number): never {
    if (!this.rootSeen) this.failRoot(name, lt);
    return this.failInBuffer(
      'CLIXML_SYNTAX',
      `unknown element <${name}>; expected a CliXml element such as Obj, S, I32, LST or Props`,
      lt,
    );
  }

  private endIndex(): number {
    return this.base + this.buffer.length;
  }

  /**
   * Between elements: whitespace is stepped over here, in the loop that finds the next '<', so
   * the usual line break and indentation are read once (an indexOf and then a whitespace check
   * would read them twice).
   */
  private scan(): void {
    const units = this.units;
    const length = units.length;
    const positions = this.positions;
    const base = this.base;
    let at = this.pos;
    while (at < length) {
      const code = units[at]!;
      if (code !== 0x3c /* < */) {
        if (code === 0x0a) {
          positions.line++;
          positions.lineStart = base + at + 1;
        } else if (!isXmlSpace(code)) {
          positions.linesTo = base + at;
          this.failText(at);
        }
        at++;
        continue;
      }

      this.pos = at;
      positions.linesTo = base + at;
      const next = this.readMarkup(units, at);
      if (next === NEED_MORE) return;
      if (this.tokenLineFeeds || this.tag.lineFeeds) {
        positions.countLines(units, base, at, next);
        this.tokenLineFeeds = this.tag.lineFeeds = false;
      }
      at = next;
    }
    this.pos = length;
    positions.linesTo = base + length;
  }

  /** Between elements only whitespace may stand (CliXml has no mixed content). */
  private failText(at: number): never {
    const open = this.assembler.innermostName();
    const context = open === undefined ? 'outside the root element' : `inside ${open}`;
    const found = JSON.stringify(this.textIn(at, at + 20));
    return this.failInBuffer(
      'CLIXML_SYNTAX',
      `unexpected text ${found} ${context}; expected an element`,
      at,
    );
  }

  /** Reads the markup starting at '<'; returns the index after it, or NEED_MORE. */
  private readMarkup(units: CodeUnits, lt: number): number {
    if (lt + 1 >= units.length) return this.needMore(lt, 'markup');
    const next = units[lt + 1];
    if (next === 0x2f /* / */) return this.readEndTag(units, lt);
    const buffer = this.buffer;
    if (next === 0x3f /* ? */) return this.skipUntil(buffer, lt, '?>', 'processing instruction');
    if (next === 0x21 /* ! */) return this.readDeclaration(buffer, lt);
    return this.readElement(units, lt);
  }

  private readDeclaration(buffer: string, lt: number): number {
    if (buffer.length - lt < 9) return this.needMore(lt, 'markup');
    if (buffer.startsWith('<!--', lt)) return this.skipUntil(buffer, lt, '-->', 'comment');

    const found = this.textIn(lt, lt + 9);
    const declaration = ['<!DOCTYPE', '<!ENTITY'].find((start) => found.startsWith(start));
    if (declaration !== undefined) {
      this.failInBuffer(
        'CLIXML_SYNTAX',
        `found a ${declaration} declaration; Export-Clixml never writes one, and the reader refuses DTDs and entity definitions in untrusted input`,
        lt,
      );
    }
    return this.failInBuffer(
      'CLIXML_SYNTAX',
      `unexpected ${JSON.stringify(found)}; expected an element`,
      lt,
    );
  }

  private skipUntil(buffer: string, lt: number, terminator: string, what: string): number {
    const end = buffer.indexOf(terminator, lt + 2);
    if (end === -1) return this.needMore(lt, what);
    this.tokenLineFeeds = true;
    return end + terminator.length;
  }

  private readEndTag(units: CodeUnits, lt: number): number {
    const length = units.length;
    let end = lt + 2;
    let hash = HASH_SEED;
    let code = end < length ? units[end]! : 0;
    while (code > 0x20 && code !== 0x3e) {
      hash = hashStep(hash, code);
      code = ++end < length ? units[end]! : 0;
    }
    let gt = end;
    while (gt < length && units[gt] !== 0x3e) gt++;
    if (gt >= length) return this.needMore(lt, 'end tag');

    const info = tagAt(units, lt + 2, end, hash);
    if (
      info === undefined ||
      info.role !== 'container' ||
      (gt > end && this.buffer.slice(end, gt).trim() !== '')
    ) {
      const open = this.assembler.expectedEnd();
      const expected = open === undefined ? '' : `; expected ${open}`;
      this.failInBuffer(
        'CLIXML_SYNTAX',
        `unexpected end tag </${this.textIn(lt + 2, gt)}>${expected}`,
        lt,
      );
    }

    this.assembler.closeContainer(info.id, this.base + lt);
    if (info.id === TAG.Objs) this.rootClosed = true;
    if (gt > end) this.tokenLineFeeds = true;
    return gt + 1;
  }

  /** A start tag and, for text-holding elements, its text and end tag. */
  private readElement(units: CodeUnits, lt: number): number {
    const afterTag = this.tag.read(units, this.buffer, lt);
    if (afterTag === NEED_MORE) return NEED_MORE;

    const info = this.tag.info!;
    const at = this.base + lt;
    if (!this.rootSeen || this.rootClosed) this.checkRoot(info, lt);
    this.assembler.checkChild(info, at);

    switch (info.role) {
      case 'container':
        return this.openContainer(info, afterTag, at);
      case 'empty':
        return this.readEmptyElement(units, info, afterTag, lt);
      default:
        return this.readTextElement(units, info, afterTag, lt);
    }
  }

  private checkRoot(info: TagInfo, lt: number): void {
    if (this.rootClosed) {
      this.failInBuffer(
        'CLIXML_SYNTAX',
        `unexpected <${info.name}> after </Objs>; a document has one root element`,
        lt,
      );
    }
    if (info.id !== TAG.Objs) this.failRoot(info.name, lt);
    if (this.tag.namespace !== POWERSHELL_NAMESPACE) {
      const found = JSON.stringify(this.tag.namespace ?? '');
      this.failInBuffer(
        'CLIXML_SYNTAX',
        `the root <Objs> has namespace ${found}; expected "${POWERSHELL_NAMESPACE}"`,
        lt,
      );
    }
    this.rootSeen = true;
  }

  private failRoot(name: string, lt: number): never {
    return this.failInBuffer(
      'CLIXML_SYNTAX',
      `the root element is <${name}>; expected <Objs xmlns="${POWERSHELL_NAMESPACE}"> (is this an Export-Clixml file?)`,
      lt,
    );
  }

  private openContainer(info: TagInfo, afterTag: number, at: number): number {
    const position = this.positionAt(at);
    this.assembler.openContainer(info.id, this.tag.member, this.tag.refId, position, at);
    if (this.tag.selfClosing) {
      this.assembler.closeContainer(info.id, at);
      if (info.id === TAG.Objs) this.rootClosed = true;
    }
    return afterTag;
  }

  private readEmptyElement(units: CodeUnits, info: TagInfo, afterTag: number, lt: number): number {
    let end = afterTag;
    if (!this.tag.selfClosing) {
      end = this.readEndOf(units, info, afterTag, lt);
      if (end === NEED_MORE) return NEED_MORE;
      if ((this.mixedText ?? this.buffer.slice(this.textStart, this.textEnd)).trim() !== '') {
        this.failInBuffer('CLIXML_SYNTAX', `<${info.name}> must be empty; found text in it`, lt);
      }
    }

    const at = this.base + lt;
    if (info.id === TAG.Nil) this.assembler.nil(this.tag.member, this.positionAt(at), at);
    else if (info.id === TAG.Ref) this.assembler.reference(this.tag.member, this.tag.refId, at);
    else this.assembler.typeNameReference(this.tag.refId, at);
    return end;
  }

  private readTextElement(units: CodeUnits, info: TagInfo, afterTag: number, lt: number): number {
    let end = afterTag;
    let text = '';
    if (!this.tag.selfClosing) {
      end = this.readEndOf(units, info, afterTag, lt);
      if (end === NEED_MORE) return NEED_MORE;
      if (this.mixedText !== null) {
        text = this.mixedText;
      } else {
        text =
          this.textHigh && this.byteChars
            ? this.utf8Text(this.textStart, this.textEnd)
            : this.buffer.slice(this.textStart, this.textEnd);
        if (this.textEscaped) text = this.decodeText(text, this.textStart);
      }
    }

    const at = this.base + lt;
    this.checkStringLength(text.length, info, at);
    if (info.role === 'text') {
      this.assembler.text(info.id, text, at);
      return end;
    }

    const member = this.tag.member;
    const node = readPrimitive(info.id, text, member?.name, this.positionAt(at));
    if (node === undefined) {
      const found = JSON.stringify(text.slice(0, 60));
      this.failInBuffer(
        'CLIXML_SYNTAX',
        `expected ${info.description} in <${info.name}>, found ${found}`,
        lt,
      );
    }
    this.assembler.primitive(node, member, info.id, at);
    return end;
  }

  /** UTF-8 bytes read as buffer[start, end), decoded from the source bytes. */
  private utf8Text(start: number, end: number): string {
    return this.source.toString('utf8', this.sourceStart + start, this.sourceStart + end);
  }

  /** Finds the end tag that closes a text element; sets textStart/textEnd to the text between. */
  private readEndOf(units: CodeUnits, info: TagInfo, afterTag: number, lt: number): number {
    // One pass finds the end of the text and whether it holds anything to decode: one table
    // entry a unit says whether it ends the text or needs decoding.
    const length = units.length;
    let close = afterTag;
    let classes = 0;
    for (; close < length; close++) {
      const unitClass = TEXT_CLASS[units[close]!]!;
      if (unitClass === TEXT_END) break;
      classes |= unitClass;
    }
    if (close >= length) return this.needMoreText(info, afterTag, lt);
    const escaped = (classes & ESCAPED) !== 0;
    const high = (classes & HIGH) !== 0;

    const nameEnd = close + 2 + info.name.length;
    if (nameEnd >= length) return this.needMore(lt, info.name);
    if (units[close + 1] !== 0x2f || !spells(units, close + 2, info.name)) {
      const next = units[close + 1];
      if (next === 0x21 /* ! */ || next === 0x3f /* ? */)
        return this.readMixedText(info, afterTag, lt);
      this.failInsideText(info, close);
    }

    let gt = nameEnd;
    while (gt < length && isXmlSpace(units[gt]!)) gt++;
    if (gt >= length) return this.needMore(lt, info.name);
    if (units[gt] !== 0x3e) this.failInsideText(info, close);
    if ((classes & LINE_FEED) !== 0 || gt > nameEnd) this.tokenLineFeeds = true;

    this.textStart = afterTag;
    this.textEnd = close;
    this.textEscaped = escaped;
    this.textHigh = high;
    this.mixedText = null;
    return gt + 1;
  }

  /**
   * The text of an element that holds comments, CDATA sections or processing instructions, which
   * PowerShell never writes but an XML tool or a person may: comments and PIs are left out, a
   * CDATA section's characters are taken as they stand (no entities), the text around them is
   * decoded as usual, and the CliXml `_xHHHH_` escapes are decoded over the whole, as PowerShell
   * reads the element's text. Sets mixedText; returns the index after the end tag, or NEED_MORE.
   */
  private readMixedText(info: TagInfo, afterTag: number, lt: number): number {
    const buffer = this.buffer;
    let xmlText = '';
    let at = afterTag;
    for (;;) {
      const open = buffer.indexOf('<', at);
      if (open === -1 || open + 2 >= buffer.length) return this.needMore(lt, info.name);
      xmlText += this.decodeXmlRun(at, open);
      const skipped = this.markupInText(buffer, open);
      if (skipped === NEED_MORE) return this.needMore(lt, info.name);
      if (skipped !== undefined) {
        if (buffer.startsWith('<![CDATA[', open)) {
          xmlText += normalizeLineBreaks(this.rawText(open + 9, skipped - 3));
        }
        at = skipped;
        continue;
      }

      const nameEnd = open + 2 + info.name.length;
      if (buffer[open + 1] !== '/' || !buffer.startsWith(info.name, open + 2)) {
        this.failInsideText(info, open);
      }
      let gt = nameEnd;
      while (gt < buffer.length && isXmlSpace(buffer.charCodeAt(gt))) gt++;
      if (gt >= buffer.length) return this.needMore(lt, info.name);
      if (buffer.charCodeAt(gt) !== 0x3e) this.failInsideText(info, open);
      this.mixedText = decodeCliXmlEscapes(xmlText);
      this.textStart = this.textEnd = afterTag;
      this.tokenLineFeeds = true;
      return gt + 1;
    }
  }

  /**
   * The end of a comment, CDATA section or PI starting at buffer[open], NEED_MORE when it has
   * not ended yet, or undefined when no such markup starts there.
   */
  private markupInText(buffer: string, open: number): number | undefined {
    for (const [start, end] of MARKUP_IN_TEXT) {
      if (buffer.length - open < start.length) {
        // The buffer ends inside what may yet become this markup.
        if (start.startsWith(buffer.slice(open))) return NEED_MORE;
        continue;
      }
      if (!buffer.startsWith(start, open)) continue;
      const close = buffer.indexOf(end, open + start.length);
      return close === -1 ? NEED_MORE : close + end.length;
    }
    return undefined;
  }

  /** buffer[start, end) as characters: decoded from the source bytes when they are UTF-8. */
  private rawText(start: number, end: number): string {
    return this.byteChars ? this.utf8Text(start, end) : this.buffer.slice(start, end);
  }

  /** Text between markup: line breaks and XML references decoded (the escapes come later). */
  private decodeXmlRun(start: number, end: number): string {
    return this.decodeText(this.rawText(start, end), start, decodeXmlRun);
  }

  private failInsideText(info: TagInfo, close: number): never {
    const found = this.textIn(close, Math.min(this.buffer.length, close + 24)).split('>')[0];
    return this.failInBuffer(
      'CLIXML_SYNTAX',
      `expected </${info.name}>, found ${JSON.stringify(`${found}>`)}; <${info.name}> holds only text`,
      close,
    );
  }

  /** The text of an element runs past the buffer: refuse it early when it is already too long. */
  private needMoreText(info: TagInfo, afterTag: number, lt: number): number {
    const buffer = this.buffer;
    if (buffer.length - afterTag > this.settings.maxStringChars) {
      // Decoding only shrinks text, so decode to learn the true length before refusing.
      const raw = buffer.slice(afterTag);
      const decodedLength = this.decodeText(
        this.byteChars ? utf8FromLatin1(raw) : raw,
        afterTag,
      ).length;
      this.checkStringLength(decodedLength, info, this.base + lt);
    }
    return NEED_MORE;
  }

  private checkStringLength(length: number, info: TagInfo, at: number): void {
    if (length <= this.settings.maxStringChars) return;

    const member = this.tag.member === undefined ? '' : ` N="${this.tag.member.name}"`;
    this.fail(
      'CLIXML_LIMIT',
      `<${info.name}${member}> holds more than maxStringChars (${this.settings.maxStringChars}) characters; raise maxStringChars to read it`,
      at,
    );
  }

  /**
   * `raw` is already decoded from UTF-8; `rawStart` is where its bytes start in the buffer; a bad
   * reference is reported there.
   */
  private decodeText(raw: string, rawStart: number, decode = decodeCliXmlText): string {
    try {
      return decode(raw);
    } catch (error) {
      if (!(error instanceof BadReferenceError)) throw error;
      const before = raw.slice(0, error.index);
      const index = this.byteChars ? Buffer.byteLength(before, 'utf8') : before.length;
      return this.failInBuffer(
        'CLIXML_SYNTAX',
        `${error.message}; expected &lt; &gt; &amp; &quot; &apos; or &#N;`,
        rawStart + index,
      );
    }
  }

  private failTruncatedToken(): never {
    const open = this.assembler.expectedEnd();
    const inside = open === undefined ? '' : `, expected ${open}`;
    const found = JSON.stringify(this.textIn(this.pos, this.pos + 30));
    return this.failInBuffer(
      'CLIXML_SYNTAX',
      `unexpected end of file in ${found}${inside}`,
      this.pos,
    );
  }
}

/** Line breaks and XML references, without the CliXml escapes: a piece of a mixed text. */
function decodeXmlRun(raw: string): string {
  return decodeXmlText(normalizeLineBreaks(raw));
}
