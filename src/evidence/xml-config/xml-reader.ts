/**
 * A small, safe reader for the raw XML configuration files a bundle carries (applicationHost.config,
 * web.config). Elements and attributes only: text is skipped, comments, processing instructions
 * and CDATA are passed over, and a DOCTYPE is refused, so no DTD or entity can expand.
 */
import { ExztError } from '../../errors.js';

export interface XmlElement {
  name: string;
  /** Attributes by name as written; look them up with `attribute()`, which ignores case. */
  attributes: Map<string, string>;
  children: XmlElement[];
  /** 1-based line and column of the `<` that opens the element. */
  line: number;
  column: number;
}

const PREDEFINED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** Deeper than any IIS configuration; a guard against hostile nesting. */
const MAX_DEPTH = 256;

const NAME = /[A-Za-z_:][\w.:-]*/y;
const ATTRIBUTE = /\s*([A-Za-z_:][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;

/** The document element of `text`; XML_SYNTAX-style EVIDENCE errors name file:line:column. */
export function parseXmlConfig(text: string, file: string): XmlElement {
  const reader = new XmlCursor(text, file);
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;

  while (reader.seekMarkup()) {
    const element = reader.readMarkup(stack);
    if (element === undefined) continue;

    const parent = stack[stack.length - 1];
    if (parent === undefined && root !== undefined) throw reader.error('a second root element');
    if (parent === undefined) root = element.element;
    else parent.children.push(element.element);
    if (!element.selfClosing) stack.push(element.element);
    if (stack.length > MAX_DEPTH) throw reader.error(`nesting deeper than ${MAX_DEPTH}`);
  }

  const open = stack[stack.length - 1];
  if (open !== undefined) throw reader.error(`the end of <${open.name}> before the end of file`);
  if (root === undefined) throw reader.error('no root element');
  return root;
}

/** The first child named `name`, case-insensitively (IIS and PowerShell read names that way). */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  const wanted = name.toLowerCase();
  return element?.children.find((candidate) => candidate.name.toLowerCase() === wanted);
}

/** Follows child names one after another. */
export function descendant(element: XmlElement | undefined, ...names: string[]) {
  let current = element;
  for (const name of names) current = child(current, name);
  return current;
}

export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  const wanted = name.toLowerCase();
  return element?.children.filter((candidate) => candidate.name.toLowerCase() === wanted) ?? [];
}

export function attribute(element: XmlElement | undefined, name: string): string | undefined {
  if (element === undefined) return undefined;

  const wanted = name.toLowerCase();
  for (const [key, value] of element.attributes) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

class XmlCursor {
  private index = 0;
  private line = 1;
  private lineStart = 0;
  private scanned = 0;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {
    if (text.charCodeAt(0) === 0xfeff) this.index = 1;
  }

  /** Moves to the next `<`; false at the end of the text. */
  seekMarkup(): boolean {
    const next = this.text.indexOf('<', this.index);
    if (next < 0) return false;

    this.index = next;
    return true;
  }

  /** Reads one piece of markup; an element start when it is one. */
  readMarkup(stack: XmlElement[]): { element: XmlElement; selfClosing: boolean } | undefined {
    if (this.text.startsWith('<!DOCTYPE', this.index)) throw this.error('a DOCTYPE', 'refused');
    if (this.skipPast('<!--', '-->') || this.skipPast('<?', '?>')) return undefined;
    if (this.skipPast('<![CDATA[', ']]>')) return undefined;
    if (this.text.startsWith('</', this.index)) {
      this.closeElement(stack);
      return undefined;
    }

    return this.openElement();
  }

  error(found: string, verb = 'found'): ExztError {
    const before = this.text.slice(0, this.index);
    const line = before.split('\n').length;
    const column = this.index - before.lastIndexOf('\n');
    return new ExztError(
      'EVIDENCE',
      `expected well-formed XML configuration, ${verb} ${found}; is this the file as IIS wrote it?`,
      { position: { file: this.file, line, column } },
    );
  }

  private skipPast(opening: string, closing: string): boolean {
    if (!this.text.startsWith(opening, this.index)) return false;

    const end = this.text.indexOf(closing, this.index + opening.length);
    if (end < 0) throw this.error(`${opening} without ${closing}`);
    this.index = end + closing.length;
    return true;
  }

  private closeElement(stack: XmlElement[]): void {
    const name = this.readName(this.index + 2);
    const open = stack.pop();
    if (open?.name !== name) throw this.error(`</${name}> closing <${open?.name ?? 'nothing'}>`);

    const end = this.text.indexOf('>', this.index);
    if (end < 0) throw this.error(`</${name} without >`);
    this.index = end + 1;
  }

  private openElement(): { element: XmlElement; selfClosing: boolean } {
    const { line, column } = this.position();
    const name = this.readName(this.index + 1);
    const attributes = new Map<string, string>();
    let cursor = this.index + 1 + name.length;
    for (;;) {
      ATTRIBUTE.lastIndex = cursor;
      const match = ATTRIBUTE.exec(this.text);
      if (match === null) break;
      attributes.set(match[1] ?? '', this.unescape(match[2] ?? match[3] ?? ''));
      cursor = ATTRIBUTE.lastIndex;
    }

    const tail = /\s*(\/?)>/y;
    tail.lastIndex = cursor;
    const end = tail.exec(this.text);
    if (end === null) throw this.error(`an unreadable start tag <${name}`);
    this.index = tail.lastIndex;
    return {
      element: { name, attributes, children: [], line, column },
      selfClosing: end[1] === '/',
    };
  }

  private readName(from: number): string {
    NAME.lastIndex = from;
    const match = NAME.exec(this.text);
    if (match === null) throw this.error('markup without an element name');
    return match[0];
  }

  private unescape(value: string): string {
    return value.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, entity: string) => {
      if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
      if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
      const predefined = PREDEFINED_ENTITIES[entity];
      if (predefined === undefined) throw this.error(`the undeclared entity ${whole}`);
      return predefined;
    });
  }

  /** Counts lines incrementally: the cursor only moves forward. */
  private position(): { line: number; column: number } {
    for (let at = this.text.indexOf('\n', this.scanned); at >= 0 && at < this.index;) {
      this.line += 1;
      this.lineStart = at + 1;
      at = this.text.indexOf('\n', at + 1);
    }
    this.scanned = this.index;
    return { line: this.line, column: this.index - this.lineStart + 1 };
  }
}
