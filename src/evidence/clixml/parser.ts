/**
 * The CliXml tokenizer: a hand-written scanner over the decoded text (indexOf and charCodeAt, no
 * per-character regex or string building). Text arrives in chunks; a token cut by the end of a
 * chunk is read again from its '<' when the next chunk has arrived, so nothing is half-applied.
 * Untrusted input: no DTD, no entities beyond the five predefined, bounded depth and strings.
 */
import { ExztError, type ErrorCode } from '../../errors.js';
import { DocumentAssembler } from './document-assembler.js';
import type { CliNode, NodePosition } from './model.js';
import { PositionTracker } from './position-tracker.js';
import { readPrimitive } from './primitives.js';
import { TAG, TAGS_BY_NAME, type TagInfo } from './tags.js';
import {
  BadReferenceError,
  decodeCliXmlEscapes,
  decodeCliXmlText,
  decodeXmlText,
} from './unescape.js';

export const POWERSHELL_NAMESPACE = 'http://schemas.microsoft.com/powershell/2004/04';

export interface ParserSettings {
  file: string;
  maxDepth: number;
  maxStringChars: number;
  refWindow: number;
  bomBytes: number;
  /** True for UTF-16: every character index is two bytes. */
  wideUnits: boolean;
}

/** Markup (a tag, comment or PI) may be this much longer than maxStringChars before it is refused. */
const MARKUP_SLACK_CHARS = 64 * 1024;

const NEED_MORE = -1;

export class CliXmlParser {
  private buffer = '';
  /** Absolute character index of buffer[0]. */
  private base = 0;
  private pos = 0;
  private rootSeen = false;
  private rootClosed = false;
  private readonly positions: PositionTracker;
  private readonly assembler: DocumentAssembler;
  /** Finished children of <Objs> not yet taken by the reader. */
  readonly completed: CliNode[] = [];

  // The start tag read last (fields rather than a result object: no allocation per tag).
  private tagInfo: TagInfo | undefined = undefined;
  private attrName: string | undefined = undefined;
  private attrRefId: string | undefined = undefined;
  private attrNamespace: string | undefined = undefined;
  private selfClosing = false;

  constructor(private readonly settings: ParserSettings) {
    this.positions = new PositionTracker(settings.bomBytes, settings.wideUnits ? 2 : 0);
    this.assembler = new DocumentAssembler(
      settings.refWindow,
      settings.maxDepth,
      (code, message, at) => this.fail(code, message, at),
      (node) => this.completed.push(node),
    );
  }

  /** Appends decoded text and reads every complete token in it. */
  push(text: string, asciiOnly: boolean): void {
    this.positions.at(this.buffer, this.base, this.base + this.pos);
    const kept = this.buffer.length - this.pos;
    this.base += this.pos;
    this.buffer = kept === 0 ? text : this.buffer.slice(this.pos) + text;
    this.pos = 0;
    this.positions.noteAppended(this.buffer, this.base, this.base + kept, asciiOnly);
    this.scan();
  }

  /** End of input: anything still open or unread is an error. */
  finish(): void {
    if (this.pos < this.buffer.length) this.failTruncatedToken();

    const open = this.assembler.innermost();
    if (open !== undefined) {
      const where = open.position ? ` opened at ${open.position.line}:${open.position.column}` : '';
      this.fail(
        'CLIXML_SYNTAX',
        `unexpected end of file, expected </${open.name}>${where}`,
        this.endIndex(),
      );
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
    return this.positions.anywhere(this.buffer, this.base, this.endIndex());
  }

  fail(code: ErrorCode, message: string, at: number): never {
    const position = this.positions.anywhere(this.buffer, this.base, Math.max(at, this.base));
    throw new ExztError(code, `${message}`, {
      position: { file: this.settings.file, ...position },
    });
  }

  private endIndex(): number {
    return this.base + this.buffer.length;
  }

  private scan(): void {
    const buffer = this.buffer;
    while (this.pos < buffer.length) {
      const lt = buffer.indexOf('<', this.pos);
      if (lt === -1) {
        this.skipWhitespace(this.pos, buffer.length);
        this.pos = buffer.length;
        return;
      }

      if (lt > this.pos) this.skipWhitespace(this.pos, lt);
      this.pos = lt;
      const next = this.readMarkup(buffer, lt);
      if (next === NEED_MORE) return;
      this.pos = next;
    }
  }

  /** Between elements only whitespace may stand (CliXml has no mixed content). */
  private skipWhitespace(from: number, to: number): void {
    const buffer = this.buffer;
    for (let i = from; i < to; i++) {
      const code = buffer.charCodeAt(i);
      if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) {
        const where = this.assembler.innermost();
        const context = where === undefined ? 'outside the root element' : `inside <${where.name}>`;
        this.fail(
          'CLIXML_SYNTAX',
          `unexpected text ${JSON.stringify(buffer.slice(i, i + 20))} ${context}; expected an element`,
          this.base + i,
        );
      }
    }
  }

  /** Reads the markup starting at '<'; returns the index after it, or NEED_MORE. */
  private readMarkup(buffer: string, lt: number): number {
    const next = buffer.charCodeAt(lt + 1);
    if (next !== next) return this.needMore(lt, 'markup'); // NaN: the buffer ends here
    if (next === 0x2f /* / */) return this.readEndTag(buffer, lt);
    if (next === 0x3f /* ? */) return this.skipUntil(buffer, lt, '?>', 'processing instruction');
    if (next === 0x21 /* ! */) return this.readDeclaration(buffer, lt);
    return this.readElement(buffer, lt);
  }

  private readDeclaration(buffer: string, lt: number): number {
    if (buffer.length - lt < 9) return this.needMore(lt, 'markup');
    if (buffer.startsWith('<!--', lt)) return this.skipUntil(buffer, lt, '-->', 'comment');

    const found = buffer.slice(lt, lt + 9);
    if (found.startsWith('<!DOCTYPE') || found.startsWith('<!ENTITY')) {
      const what = found.startsWith('<!DOCTYPE') ? '<!DOCTYPE' : '<!ENTITY';
      this.fail(
        'CLIXML_SYNTAX',
        `found a ${what} declaration; Export-Clixml never writes one, and the reader refuses DTDs and entity definitions in untrusted input`,
        this.base + lt,
      );
    }
    return this.fail(
      'CLIXML_SYNTAX',
      `unexpected ${JSON.stringify(found)}; expected an element`,
      this.base + lt,
    );
  }

  private skipUntil(buffer: string, lt: number, terminator: string, what: string): number {
    const end = buffer.indexOf(terminator, lt + 2);
    if (end === -1) return this.needMore(lt, what);
    return end + terminator.length;
  }

  private readEndTag(buffer: string, lt: number): number {
    const gt = buffer.indexOf('>', lt + 2);
    if (gt === -1) return this.needMore(lt, 'end tag');

    const name = buffer.slice(lt + 2, gt).trimEnd();
    const info = TAGS_BY_NAME.get(name);
    if (info === undefined || info.role !== 'container') {
      return this.fail(
        'CLIXML_SYNTAX',
        `unexpected end tag </${name}>${this.expectedEndText()}`,
        this.base + lt,
      );
    }

    this.assembler.closeContainer(info.id, this.base + lt);
    if (info.id === TAG.Objs) this.rootClosed = true;
    return gt + 1;
  }

  private expectedEndText(): string {
    const open = this.assembler.innermost();
    if (open === undefined) return '';
    const opened = open.position ? ` opened at ${open.position.line}:${open.position.column}` : '';
    return `; expected </${open.name}>${opened}`;
  }

  /** A start tag and, for text-holding elements, its text and end tag. */
  private readElement(buffer: string, lt: number): number {
    const afterTag = this.readStartTag(buffer, lt);
    if (afterTag === NEED_MORE) return NEED_MORE;

    const info = this.tagInfo!;
    const at = this.base + lt;
    if (!this.rootSeen || this.rootClosed) this.checkRoot(info, at);
    this.assembler.checkChild(info, at);

    switch (info.role) {
      case 'container':
        return this.openContainer(info, afterTag, lt);
      case 'empty':
        return this.readEmptyElement(buffer, info, afterTag, lt);
      default:
        return this.readTextElement(buffer, info, afterTag, lt);
    }
  }

  private checkRoot(info: TagInfo, at: number): void {
    if (this.rootClosed) {
      this.fail(
        'CLIXML_SYNTAX',
        `unexpected <${info.name}> after </Objs>; a document has one root element`,
        at,
      );
    }
    if (info.id !== TAG.Objs) this.failRoot(info.name, at - this.base);
    if (this.attrNamespace !== POWERSHELL_NAMESPACE) {
      this.fail(
        'CLIXML_SYNTAX',
        `the root <Objs> has namespace ${JSON.stringify(this.attrNamespace ?? '')}; expected "${POWERSHELL_NAMESPACE}"`,
        at,
      );
    }
    this.rootSeen = true;
  }

  private openContainer(info: TagInfo, afterTag: number, lt: number): number {
    const at = this.base + lt;
    const position = this.positions.at(this.buffer, this.base, at);
    this.assembler.openContainer(info.id, this.attrName, this.attrRefId, position, at);
    if (this.selfClosing) {
      this.assembler.closeContainer(info.id, at);
      if (info.id === TAG.Objs) this.rootClosed = true;
    }
    return afterTag;
  }

  private readEmptyElement(buffer: string, info: TagInfo, afterTag: number, lt: number): number {
    let end = afterTag;
    if (!this.selfClosing) {
      end = this.readEndOf(buffer, info, afterTag, lt);
      if (end === NEED_MORE) return NEED_MORE;
      if (
        this.textStart !== this.textEnd &&
        buffer.slice(this.textStart, this.textEnd).trim() !== ''
      ) {
        this.fail(
          'CLIXML_SYNTAX',
          `<${info.name}> must be empty; found text in it`,
          this.base + lt,
        );
      }
    }

    const at = this.base + lt;
    if (info.id === TAG.Nil)
      this.assembler.nil(this.attrName, this.positions.at(buffer, this.base, at), at);
    else if (info.id === TAG.Ref) this.assembler.reference(this.attrName, this.attrRefId, at);
    else this.assembler.typeNameReference(this.attrRefId, at);
    return end;
  }

  private readTextElement(buffer: string, info: TagInfo, afterTag: number, lt: number): number {
    let end = afterTag;
    let raw = '';
    if (!this.selfClosing) {
      end = this.readEndOf(buffer, info, afterTag, lt);
      if (end === NEED_MORE) return NEED_MORE;
      raw = buffer.slice(this.textStart, this.textEnd);
    }

    const at = this.base + lt;
    const text = this.decodeText(raw, this.textStart);
    this.checkStringLength(text.length, info, at);
    if (info.role === 'text') {
      this.assembler.text(info.id, text, () => this.positions.at(buffer, this.base, at), at);
      return end;
    }

    const node = readPrimitive(
      info.id,
      text,
      this.attrName,
      this.positions.at(buffer, this.base, at),
    );
    if (node === undefined) {
      this.fail(
        'CLIXML_SYNTAX',
        `expected ${info.description} in <${info.name}>, found ${JSON.stringify(text.slice(0, 60))}`,
        at,
      );
    }
    this.assembler.primitive(node, info.id, at);
    return end;
  }

  private textStart = 0;
  private textEnd = 0;

  /** Finds the end tag that closes a text element; sets textStart/textEnd to the text between. */
  private readEndOf(buffer: string, info: TagInfo, afterTag: number, lt: number): number {
    const close = buffer.indexOf('<', afterTag);
    if (close === -1) return this.needMoreText(buffer, info, afterTag, lt);

    const nameAt = close + 2;
    const nameEnd = nameAt + info.name.length;
    if (nameEnd >= buffer.length) return this.needMore(lt, info.name);
    if (buffer.charCodeAt(close + 1) !== 0x2f || !buffer.startsWith(info.name, nameAt)) {
      this.failInsideText(buffer, info, close);
    }

    let gt = nameEnd;
    while (gt < buffer.length && isXmlSpace(buffer.charCodeAt(gt))) gt++;
    if (gt >= buffer.length) return this.needMore(lt, info.name);
    if (buffer.charCodeAt(gt) !== 0x3e) this.failInsideText(buffer, info, close);

    this.textStart = afterTag;
    this.textEnd = close;
    return gt + 1;
  }

  private failInsideText(buffer: string, info: TagInfo, close: number): never {
    const found = buffer.slice(close, Math.min(buffer.length, close + 24)).split('>')[0];
    // TODO(#2): comments, CDATA and PIs inside text elements are refused; PowerShell writes none.
    return this.fail(
      'CLIXML_SYNTAX',
      `expected </${info.name}>, found ${JSON.stringify(`${found}>`)}; <${info.name}> holds only text`,
      this.base + close,
    );
  }

  /** The text of an element runs past the buffer: refuse it early when it is already too long. */
  private needMoreText(buffer: string, info: TagInfo, afterTag: number, lt: number): number {
    const rawLength = buffer.length - afterTag;
    if (rawLength > this.settings.maxStringChars) {
      // Decoding only shrinks text, so decode to learn the true length before refusing.
      const decodedLength = this.decodeText(buffer.slice(afterTag), afterTag).length;
      this.checkStringLength(decodedLength, info, this.base + lt);
    }
    return NEED_MORE;
  }

  private checkStringLength(length: number, info: TagInfo, at: number): void {
    if (length <= this.settings.maxStringChars) return;

    const name = this.attrName === undefined ? '' : ` N="${this.attrName}"`;
    this.fail(
      'CLIXML_LIMIT',
      `<${info.name}${name}> holds more than maxStringChars (${this.settings.maxStringChars}) characters; raise maxStringChars to read it`,
      at,
    );
  }

  private needMore(lt: number, what: string): number {
    if (this.buffer.length - lt > this.settings.maxStringChars + MARKUP_SLACK_CHARS) {
      this.fail(
        'CLIXML_LIMIT',
        `a ${what} runs past maxStringChars (${this.settings.maxStringChars}) characters without ending`,
        this.base + lt,
      );
    }
    return NEED_MORE;
  }

  private decodeText(raw: string, rawStart: number): string {
    if (raw.length === 0) return raw;
    try {
      return decodeCliXmlText(raw);
    } catch (error) {
      if (!(error instanceof BadReferenceError)) throw error;
      return this.fail(
        'CLIXML_SYNTAX',
        `${error.message}; expected &lt; &gt; &amp; &quot; &apos; or &#N;`,
        this.base + rawStart + error.index,
      );
    }
  }

  /** Reads `<Name attributes>` or `<Name attributes/>`; returns the index after '>'. */
  private readStartTag(buffer: string, lt: number): number {
    const length = buffer.length;
    let i = lt + 1;
    while (i < length && !isNameEnd(buffer.charCodeAt(i))) i++;
    if (i >= length) return this.needMore(lt, 'start tag');

    const name = buffer.slice(lt + 1, i);
    this.tagInfo = TAGS_BY_NAME.get(name);
    if (this.tagInfo === undefined && !this.rootSeen) this.failRoot(name, lt);
    if (this.tagInfo === undefined) this.failUnknownElement(name, lt);
    this.attrName = this.attrRefId = this.attrNamespace = undefined;
    return this.readAttributes(buffer, i, lt);
  }

  private readAttributes(buffer: string, from: number, lt: number): number {
    const length = buffer.length;
    let i = from;
    for (;;) {
      while (i < length && isXmlSpace(buffer.charCodeAt(i))) i++;
      if (i >= length) return this.needMore(lt, 'start tag');

      const code = buffer.charCodeAt(i);
      if (code === 0x3e /* > */) {
        this.selfClosing = false;
        return i + 1;
      }
      if (code === 0x2f /* / */) {
        if (i + 1 >= length) return this.needMore(lt, 'start tag');
        if (buffer.charCodeAt(i + 1) !== 0x3e) this.failMalformedTag(buffer, lt, i);
        this.selfClosing = true;
        return i + 2;
      }

      i = this.readAttribute(buffer, i, lt);
      if (i === NEED_MORE) return NEED_MORE;
    }
  }

  /** One `name="value"`; returns the index after the closing quote. */
  private readAttribute(buffer: string, nameStart: number, lt: number): number {
    const length = buffer.length;
    let i = nameStart;
    while (i < length && !isNameEnd(buffer.charCodeAt(i)) && buffer.charCodeAt(i) !== 0x3d) i++;
    const nameEnd = i;
    while (i < length && isXmlSpace(buffer.charCodeAt(i))) i++;
    if (i + 1 >= length) return this.needMore(lt, 'start tag');
    if (buffer.charCodeAt(i) !== 0x3d /* = */ || nameEnd === nameStart)
      this.failMalformedTag(buffer, lt, i);

    i++;
    while (i < length && isXmlSpace(buffer.charCodeAt(i))) i++;
    const quote = buffer.charCodeAt(i);
    if (i >= length) return this.needMore(lt, 'start tag');
    if (quote !== 0x22 && quote !== 0x27) this.failMalformedTag(buffer, lt, i);

    const valueEnd = buffer.indexOf(quote === 0x22 ? '"' : "'", i + 1);
    if (valueEnd === -1) return this.needMore(lt, 'start tag');
    this.assignAttribute(buffer, nameStart, nameEnd, i + 1, valueEnd);
    return valueEnd + 1;
  }

  private assignAttribute(
    buffer: string,
    nameStart: number,
    nameEnd: number,
    valueStart: number,
    valueEnd: number,
  ): void {
    const nameLength = nameEnd - nameStart;
    if (nameLength === 1 && buffer.charCodeAt(nameStart) === 0x4e /* N */) {
      this.attrName = this.decodeAttribute(buffer.slice(valueStart, valueEnd), valueStart);
    } else if (nameLength === 5 && buffer.startsWith('RefId', nameStart)) {
      this.attrRefId = buffer.slice(valueStart, valueEnd);
    } else if (nameLength === 5 && buffer.startsWith('xmlns', nameStart)) {
      this.attrNamespace = this.decodeAttribute(buffer.slice(valueStart, valueEnd), valueStart);
    }
    // Other attributes (Objs Version, namespace prefixes) carry nothing the model needs.
  }

  private decodeAttribute(raw: string, rawStart: number): string {
    if (raw.indexOf('&') === -1) return decodeCliXmlEscapes(raw);
    try {
      return decodeCliXmlEscapes(decodeXmlText(raw));
    } catch (error) {
      if (!(error instanceof BadReferenceError)) throw error;
      return this.fail(
        'CLIXML_SYNTAX',
        `${error.message} in an attribute`,
        this.base + rawStart + error.index,
      );
    }
  }

  private failRoot(name: string, lt: number): never {
    return this.fail(
      'CLIXML_SYNTAX',
      `the root element is <${name}>; expected <Objs xmlns="${POWERSHELL_NAMESPACE}"> (is this an Export-Clixml file?)`,
      this.base + lt,
    );
  }

  private failUnknownElement(name: string, lt: number): never {
    return this.fail(
      'CLIXML_SYNTAX',
      `unknown element <${name}>; expected a CliXml element such as Obj, S, I32, LST or Props`,
      this.base + lt,
    );
  }

  private failMalformedTag(buffer: string, lt: number, at: number): never {
    const found = JSON.stringify(buffer.slice(at, at + 10));
    return this.fail(
      'CLIXML_SYNTAX',
      `malformed start tag: expected name="value", ">" or "/>", found ${found}`,
      this.base + lt,
    );
  }

  private failTruncatedToken(): never {
    const open = this.assembler.innermost();
    const inside =
      open === undefined
        ? ''
        : `, expected </${open.name}>${open.position ? ` opened at ${open.position.line}:${open.position.column}` : ''}`;
    const found = JSON.stringify(this.buffer.slice(this.pos, this.pos + 30));
    return this.fail(
      'CLIXML_SYNTAX',
      `unexpected end of file in ${found}${inside}`,
      this.base + this.pos,
    );
  }
}

function isXmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** Whitespace, '/', '>' or the end of the buffer (NaN) end a name. */
function isNameEnd(code: number): boolean {
  return code <= 0x20 || code === 0x2f || code === 0x3e || code !== code;
}
