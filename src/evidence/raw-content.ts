/**
 * Turns a file's bytes into raw evidence by the kind's format: a parsed CliXml document, or the
 * text of a config file (UTF-8 or UTF-16, with or without BOM, as Windows writes them).
 */
import { parseCliXml } from './clixml/index.js';
import type { RawEvidence } from './evidence-set.js';
import type { KindFormat } from './kinds.js';

export function parseRawEvidence(format: KindFormat, bytes: Uint8Array, file: string): RawEvidence {
  if (format === 'clixml') return { format, document: parseCliXml(bytes, { file }) };
  return { format, text: decodeText(bytes) };
}

/** Decodes by BOM, else by the zero bytes UTF-16 LE puts after ASCII characters. */
export function decodeText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf)
    return buffer.toString('utf8', 3);
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.toString('utf16le', 2);
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    const body = Buffer.from(buffer.subarray(2, buffer.length - (buffer.length % 2)));
    return body.swap16().toString('utf16le');
  }
  if (buffer.length > 1 && buffer[1] === 0 && buffer[0] !== 0) return buffer.toString('utf16le');
  return buffer.toString('utf8');
}
