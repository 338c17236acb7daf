/**
 * Text and attribute values for XML 1.0 documents (JUnit). Evidence carries an attacker's text:
 * server names, certificate subjects, log lines. Every markup character is escaped, and
 * characters XML 1.0 forbids outright (C0 controls other than tab, LF and CR; lone surrogates;
 * U+FFFE and U+FFFF) become a visible `\uXXXX`, since no parser would accept them even escaped
 * (XML 1.0 §2.2 "Char").
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching the control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Safe in element content and in a quoted attribute; `]]>` can never end a section here. */
export function xmlText(value: string): string {
  return value
    .replace(FORBIDDEN, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** An attribute value also keeps its line breaks and tabs, which parsers would normalise away. */
export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
