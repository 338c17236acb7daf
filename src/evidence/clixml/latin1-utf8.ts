/**
 * UTF-8 read as Latin-1, one character per byte (see byte-decoder.ts): the parser's text for a
 * UTF-8 file. Markup is ASCII and reads the same either way; a value or name that holds bytes of
 * 0x80 and above is decoded here.
 */

const HIGH_BYTE = /[\x80-\xff]/;

/** The text whose UTF-8 bytes `bytes` holds one per character; the bytes are valid UTF-8. */
export function utf8FromLatin1(bytes: string): string {
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

export function hasHighByte(bytes: string): boolean {
  return HIGH_BYTE.test(bytes);
}

/** The text as shown in a message: decoded when `bytes` is UTF-8 read as Latin-1. */
export function shownText(bytes: string, byteChars: boolean): string {
  return byteChars && hasHighByte(bytes) ? utf8FromLatin1(bytes) : bytes;
}
