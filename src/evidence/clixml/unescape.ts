/**
 * Text decoding in two layers, in the order an XML reader and then PowerShell apply them:
 * XML entities and character references first, then CliXml `_xHHHH_` escapes (MS-PSRP 2.2.5, string encoding),
 * each in one left-to-right pass that never re-scans its own output.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** Longest reference we look for a `;` in: `&#x10FFFF;` is 10 characters. */
const MAX_REFERENCE_CHARS = 12;

/** Thrown by decodeXmlText for a bad reference; `index` is where it starts in the raw text. */
export class BadReferenceError extends Error {
  constructor(
    readonly index: number,
    readonly found: string,
  ) {
    super(`unknown or malformed character reference ${JSON.stringify(found)}`);
  }
}

/** Replaces `&name;`, `&#NN;` and `&#xHH;` (XML 1.0 §4.1); other entities are not defined. */
export function decodeXmlText(raw: string): string {
  let amp = raw.indexOf('&');
  if (amp === -1) return raw;

  let decoded = '';
  let copiedTo = 0;
  while (amp !== -1) {
    const semicolon = raw.indexOf(';', amp + 1);
    const reference =
      semicolon === -1 || semicolon - amp > MAX_REFERENCE_CHARS
        ? ''
        : raw.slice(amp + 1, semicolon);
    const replacement = resolveReference(reference);
    if (replacement === undefined) {
      throw new BadReferenceError(
        amp,
        raw.slice(amp, Math.min(raw.length, amp + MAX_REFERENCE_CHARS)),
      );
    }

    decoded += raw.slice(copiedTo, amp) + replacement;
    copiedTo = semicolon + 1;
    amp = raw.indexOf('&', copiedTo);
  }
  return decoded + raw.slice(copiedTo);
}

function resolveReference(reference: string): string | undefined {
  if (reference.charCodeAt(0) !== 0x23 /* # */) return NAMED_ENTITIES[reference];

  const hex = reference.charCodeAt(1) === 0x78; /* x */
  const digits = reference.slice(hex ? 2 : 1);
  if (!(hex ? /^[0-9A-Fa-f]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return undefined;

  const codePoint = Number.parseInt(digits, hex ? 16 : 10);
  if (codePoint === 0 || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
    return undefined;
  }
  return String.fromCodePoint(codePoint);
}

/**
 * Decodes `_xHHHH_` (a UTF-16 code unit in hex) in one pass. An underscore that does not start
 * a complete escape stays as it is, the way PowerShell's deserializer leaves it.
 */
export function decodeCliXmlEscapes(text: string): string {
  let escape = text.indexOf('_x');
  if (escape === -1) return text;

  let decoded = '';
  let copiedTo = 0;
  while (escape !== -1) {
    const unit = escapedCodeUnit(text, escape);
    if (unit === -1) {
      escape = text.indexOf('_x', escape + 1);
      continue;
    }

    decoded += text.slice(copiedTo, escape) + String.fromCharCode(unit);
    copiedTo = escape + 7;
    escape = text.indexOf('_x', copiedTo);
  }
  return decoded + text.slice(copiedTo);
}

/** The code unit of the escape starting at `at` (`_x` already matched), or -1 when incomplete. */
function escapedCodeUnit(text: string, at: number): number {
  if (text.charCodeAt(at + 6) !== 0x5f /* _ */) return -1;

  let unit = 0;
  for (let i = at + 2; i < at + 6; i++) {
    const digit = hexDigitValue(text.charCodeAt(i));
    if (digit === -1) return -1;
    unit = unit * 16 + digit;
  }
  return unit;
}

function hexDigitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/** XML 1.0 §2.11: a CR LF pair or a lone CR in text is read as LF. */
export function normalizeLineBreaks(text: string): string {
  return text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
}

/** The string value of element text or an attribute: line breaks, entities, then escapes. */
export function decodeCliXmlText(raw: string): string {
  return decodeCliXmlEscapes(decodeXmlText(normalizeLineBreaks(raw)));
}
