/**
 * A strict JSON (RFC 8259) parser that remembers where every value starts, so manifest errors can
 * name line and column. JSON.parse in Node 20 does not always say where it failed.
 */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface JsonLocation {
  line: number;
  column: number;
  offset: number;
}

export interface PositionedJson {
  value: JsonValue;
  /** Location of each value by its path (`files[0].sha256`; the root is ''). */
  locations: Map<string, JsonLocation>;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly location: JsonLocation,
  ) {
    super(message);
  }
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function parseJsonWithPositions(text: string): PositionedJson {
  const parser = new JsonParser(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const value = parser.parseValue('');
  parser.skipWhitespace();
  if (!parser.atEnd()) throw parser.error('unexpected text after the JSON value');

  return { value, locations: parser.locations };
}

class JsonParser {
  readonly locations = new Map<string, JsonLocation>();
  private index = 0;
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      this.lineStarts.push(i + 1);
    }
  }

  atEnd(): boolean {
    return this.index >= this.text.length;
  }

  skipWhitespace(): void {
    while (WHITESPACE.has(this.text[this.index] ?? '')) this.index++;
  }

  error(message: string): JsonSyntaxError {
    return new JsonSyntaxError(message, this.location());
  }

  parseValue(path: string): JsonValue {
    this.skipWhitespace();
    this.locations.set(path, this.location());
    const char = this.text[this.index];
    if (char === '{') return this.parseObject(path);
    if (char === '[') return this.parseArray(path);
    if (char === '"') return this.parseString();

    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.index)) {
        this.index += word.length;
        return value;
      }
    }
    return this.parseNumber();
  }

  private parseObject(path: string): JsonValue {
    const object: Record<string, JsonValue> = {};
    this.index++;
    this.skipWhitespace();
    if (this.consume('}')) return object;

    do {
      this.skipWhitespace();
      if (this.text[this.index] !== '"')
        throw this.error('expected a property name in double quotes');
      const key = this.parseString();
      this.skipWhitespace();
      if (!this.consume(':')) throw this.error(`expected ':' after property name "${key}"`);
      object[key] = this.parseValue(path === '' ? key : `${path}.${key}`);
      this.skipWhitespace();
    } while (this.consume(','));

    if (!this.consume('}')) throw this.error("expected ',' or '}' in object");
    return object;
  }

  private parseArray(path: string): JsonValue {
    const array: JsonValue[] = [];
    this.index++;
    this.skipWhitespace();
    if (this.consume(']')) return array;

    do {
      array.push(this.parseValue(`${path}[${array.length}]`));
      this.skipWhitespace();
    } while (this.consume(','));

    if (!this.consume(']')) throw this.error("expected ',' or ']' in array");
    return array;
  }

  private parseString(): string {
    let result = '';
    this.index++;
    for (;;) {
      const char = this.text[this.index];
      if (char === undefined) throw this.error('unterminated string');
      if (char === '"') break;
      if (char < ' ') throw this.error('control character in string');
      if (char === '\\') {
        result += this.parseEscape();
        continue;
      }
      result += char;
      this.index++;
    }

    this.index++;
    return result;
  }

  private parseEscape(): string {
    const code = this.text[this.index + 1] ?? '';
    if (code === 'u') {
      const hex = this.text.slice(this.index + 2, this.index + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw this.error('invalid \\u escape');
      this.index += 6;
      return String.fromCharCode(parseInt(hex, 16));
    }

    const escaped = ESCAPES[code];
    if (escaped === undefined) throw this.error(`invalid escape \\${code}`);
    this.index += 2;
    return escaped;
  }

  private parseNumber(): number {
    NUMBER.lastIndex = this.index;
    const match = NUMBER.exec(this.text);
    if (match === null) {
      const found = this.atEnd() ? 'end of input' : `'${this.text[this.index]}'`;
      throw this.error(`expected a JSON value, found ${found}`);
    }

    this.index += match[0].length;
    return Number(match[0]);
  }

  private consume(char: string): boolean {
    if (this.text[this.index] !== char) return false;
    this.index++;
    return true;
  }

  private location(): JsonLocation {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((this.lineStarts[middle] ?? 0) <= this.index) low = middle;
      else high = middle - 1;
    }
    const lineStart = this.lineStarts[low] ?? 0;
    return { line: low + 1, column: this.index - lineStart + 1, offset: this.index };
  }
}
