/**
 * Reads a policy, waiver or attestation file: its text (UTF-8, or UTF-16 LE when it starts with
 * that byte order mark, as Windows editors may save it) and the SHA-256 of its bytes, which an
 * assessment records so a report says which policy it was judged against.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ExztError } from '../errors.js';

export interface TextFile {
  text: string;
  /** Hex SHA-256 of the bytes as read. */
  hash: string;
}

export async function readTextFile(file: string, what: string): Promise<TextFile> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ExztError('INPUT', `cannot read the ${what} ${file}: ${reason}`, { cause: error });
  }

  return { text: decode(bytes), hash: createHash('sha256').update(bytes).digest('hex') };
}

function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  const text = bytes.toString('utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
