/**
 * Raw XML configuration files (applicationHost.config, web.config): attribute values and text
 * between tags go through the text redactor; element and attribute names, which are IIS's
 * schema and never the organisation's, stay as they are.
 */
import type { TextRedactor } from './text-redactor.js';

const ATTRIBUTE_VALUE = /(=\s*)(["'])([^"']*)\2/g;
const TEXT_CONTENT = />([^<]+)</g;

export function redactConfigXml(text: string, redactor: TextRedactor): string {
  return text
    .replace(ATTRIBUTE_VALUE, (_, equals: string, quote: string, value: string) => {
      return `${equals}${quote}${redactor.redact(value)}${quote}`;
    })
    .replace(TEXT_CONTENT, (_, content: string) => `>${redactor.redact(content)}<`);
}
