/**
 * The redaction key: a secret the user keeps, read from a key file, so the same key gives the
 * same pseudonyms across runs (two bundles of one organisation stay comparable) and nobody
 * without it can recompute them. docs/redaction.md says how to make one.
 */
import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ExztError } from '../errors.js';

/** 256 bits: the HMAC-SHA-256 key size, and enough for AES-128 plus the Crypto-PAn pad. */
export const MIN_KEY_BYTES = 32;

export interface RedactionKey {
  /** Derives an independent sub-key per purpose, so no two uses share key material. */
  derive(purpose: string): Buffer;
}

/** Reads a key file: one line of hexadecimal (64+ digits) or base64 (44+ characters). */
export async function readKeyFile(file: string): Promise<RedactionKey> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new ExztError('INPUT', `--key-file ${file}: cannot read the key file`, { cause: error });
  });
  return parseKey(text, file);
}

export function parseKey(text: string, file: string): RedactionKey {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const line = lines[0]?.trim() ?? '';
  const secret = decodeKey(line);
  const where = { position: { file, line: 1 } };
  if (lines.length !== 1 || secret === undefined) {
    throw new ExztError(
      'INPUT',
      `${file}: expected one line holding the key in hexadecimal or base64 (make one with: openssl rand -hex 32)`,
      where,
    );
  }
  if (secret.length < MIN_KEY_BYTES) {
    throw new ExztError(
      'INPUT',
      `${file}: the key is ${secret.length} bytes; at least ${MIN_KEY_BYTES} random bytes are needed (openssl rand -hex 32)`,
      where,
    );
  }
  return keyFromBytes(secret);
}

export function keyFromBytes(secret: Buffer): RedactionKey {
  return {
    derive: (purpose) => createHmac('sha256', secret).update(`exzt-redact/1:${purpose}`).digest(),
  };
}

function decodeKey(line: string): Buffer | undefined {
  if (/^[0-9a-fA-F]+$/.test(line) && line.length % 2 === 0) return Buffer.from(line, 'hex');
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(line) && line.length % 4 === 0)
    return Buffer.from(line, 'base64');
  return undefined;
}
