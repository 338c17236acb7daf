/**
 * Hand-built TLS ClientHello records (RFC 5246 §7.4.1.2, RFC 8446 §4.1.2) and the reading of the
 * server's first answer: a ServerHello (which version and suite it chose) or an alert. Enough of
 * the record layer to learn what a server accepts, as testssl.sh and sslyze do; no handshake is
 * ever completed and no key is ever derived.
 */
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import type { TlsVersionName } from './model.js';

export const VERSION_CODES: Readonly<Record<TlsVersionName, number>> = {
  'TLS 1.0': 0x0301,
  'TLS 1.1': 0x0302,
  'TLS 1.2': 0x0303,
  'TLS 1.3': 0x0304,
};

export function versionName(code: number): TlsVersionName | undefined {
  return (Object.keys(VERSION_CODES) as TlsVersionName[]).find((v) => VERSION_CODES[v] === code);
}

const u16 = (value: number): Buffer => Buffer.from([(value >> 8) & 0xff, value & 0xff]);
const u24 = (value: number): Buffer =>
  Buffer.from([(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff]);
const vector16 = (body: Buffer): Buffer => Buffer.concat([u16(body.length), body]);
const extension = (type: number, body: Buffer): Buffer =>
  Buffer.concat([u16(type), vector16(body)]);

// x25519, secp256r1, secp384r1.
const GROUPS = [0x001d, 0x0017, 0x0018];
// ECDSA and RSA-PSS/PKCS#1 with SHA-256/384/512, then SHA-1 so old servers still answer.
const SIGNATURE_ALGORITHMS = [
  0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601, 0x0203, 0x0201,
];

export function clientHello(
  version: TlsVersionName,
  suites: readonly number[],
  host: string,
): Buffer {
  const tls13 = version === 'TLS 1.3';
  const legacyVersion = tls13 ? 0x0303 : VERSION_CODES[version];
  const body = Buffer.concat([
    u16(legacyVersion),
    randomBytes(32),
    Buffer.concat([Buffer.from([32]), randomBytes(32)]),
    vector16(Buffer.concat(suites.map(u16))),
    Buffer.from([1, 0]),
    vector16(extensions(version, host)),
  ]);
  const handshake = Buffer.concat([Buffer.from([1]), u24(body.length), body]);
  return Buffer.concat([Buffer.from([0x16, 0x03, 0x01]), vector16(handshake)]);
}

function extensions(version: TlsVersionName, host: string): Buffer {
  const parts: Buffer[] = [];
  if (isIP(host) === 0) {
    const name = Buffer.from(host, 'ascii');
    parts.push(extension(0x0000, vector16(Buffer.concat([Buffer.from([0]), vector16(name)]))));
  }
  parts.push(extension(0x000a, vector16(Buffer.concat(GROUPS.map(u16)))));
  parts.push(extension(0x000b, Buffer.from([1, 0])));
  parts.push(extension(0xff01, Buffer.from([0])));
  if (version === 'TLS 1.2' || version === 'TLS 1.3') {
    parts.push(extension(0x000d, vector16(Buffer.concat(SIGNATURE_ALGORITHMS.map(u16)))));
  }
  if (version === 'TLS 1.3') {
    parts.push(extension(0x002b, Buffer.from([2, 0x03, 0x04])));
    parts.push(extension(0x002d, Buffer.from([1, 1])));
    const share = Buffer.concat([u16(0x001d), vector16(randomBytes(32))]);
    parts.push(extension(0x0033, vector16(share)));
  }
  return Buffer.concat(parts);
}

export type ServerAnswer =
  | { kind: 'server-hello'; version: number; suite: number }
  | { kind: 'alert'; description: number }
  | { kind: 'not-tls'; firstBytes: string };

/**
 * Reads the server's first answer from the bytes so far; undefined while incomplete. The
 * ServerHello may be split over several records, so handshake bytes are gathered first.
 */
export function readServerAnswer(bytes: Buffer): { value: ServerAnswer; used: number } | undefined {
  let offset = 0;
  let handshake = Buffer.alloc(0);
  while (offset + 5 <= bytes.length) {
    const type = bytes[offset];
    const length = bytes.readUInt16BE(offset + 3);
    if ((type !== 0x15 && type !== 0x16) || bytes[offset + 1] !== 0x03) {
      return { value: notTls(bytes), used: bytes.length };
    }
    if (offset + 5 + length > bytes.length) return undefined;

    const fragment = bytes.subarray(offset + 5, offset + 5 + length);
    offset += 5 + length;
    if (type === 0x15)
      return { value: { kind: 'alert', description: fragment[1] ?? 0 }, used: offset };
    handshake = Buffer.concat([handshake, fragment]);
    const hello = parseServerHello(handshake);
    if (hello !== undefined) return { value: hello, used: offset };
  }
  const next = bytes[offset];
  if (next !== undefined && next !== 0x15 && next !== 0x16) {
    return { value: notTls(bytes), used: bytes.length };
  }
  return undefined;
}

function notTls(bytes: Buffer): ServerAnswer {
  return {
    kind: 'not-tls',
    firstBytes: bytes
      .subarray(0, 16)
      .toString('latin1')
      .replace(/[^\x20-\x7e]/g, '.'),
  };
}

function parseServerHello(handshake: Buffer): ServerAnswer | undefined {
  if (handshake.length < 4) return undefined;
  const length = (handshake[1]! << 16) | (handshake[2]! << 8) | handshake[3]!;
  if (handshake.length < 4 + length) return undefined;
  if (handshake[0] !== 2) return { kind: 'not-tls', firstBytes: `handshake type ${handshake[0]}` };

  const body = handshake.subarray(4, 4 + length);
  let version = body.readUInt16BE(0);
  const sessionIdLength = body[34] ?? 0;
  const suiteAt = 35 + sessionIdLength;
  const suite = body.readUInt16BE(suiteAt);
  const extensionsAt = suiteAt + 3;
  if (extensionsAt + 2 <= body.length) {
    version = supportedVersion(body.subarray(extensionsAt + 2)) ?? version;
  }
  return { kind: 'server-hello', version, suite };
}

/** The supported_versions extension of a TLS 1.3 ServerHello carries the real version. */
function supportedVersion(extensions: Buffer): number | undefined {
  let offset = 0;
  while (offset + 4 <= extensions.length) {
    const type = extensions.readUInt16BE(offset);
    const length = extensions.readUInt16BE(offset + 2);
    if (type === 0x002b && length === 2) return extensions.readUInt16BE(offset + 4);
    offset += 4 + length;
  }
  return undefined;
}

/** Names of the alerts a refused hello typically ends with (RFC 8446 §6). */
export function alertName(description: number): string {
  const names: Record<number, string> = {
    40: 'handshake_failure',
    47: 'illegal_parameter',
    50: 'decode_error',
    70: 'protocol_version',
    71: 'insufficient_security',
    80: 'internal_error',
    112: 'unrecognized_name',
  };
  return names[description] ?? `alert ${description}`;
}
