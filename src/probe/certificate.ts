/**
 * The certificate a TLS endpoint presents, read with Node's own modern handshake (rejecting
 * nothing, so that a bad certificate can be described rather than just refused): names, validity,
 * whether it chains to a trusted root, key type and size, and the signature algorithm.
 */
import type { X509Certificate } from 'node:crypto';
import { isIP, type Socket } from 'node:net';
import tls from 'node:tls';
import type { CertificateResult } from './model.js';

export interface CertificateRequest {
  host: string;
  port: number;
  timeoutMs: number;
  /** An open socket to upgrade (SMTP after STARTTLS) instead of a new connection. */
  socket?: Socket;
  /** Keeps the TLS connection open and hands it over (SMTP says EHLO again over it). */
  keepOpen?: (socket: tls.TLSSocket) => void;
}

export function readCertificate(request: CertificateRequest): Promise<CertificateResult> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      ...(request.socket === undefined
        ? { host: request.host, port: request.port }
        : { socket: request.socket }),
      rejectUnauthorized: false,
      ...(isIP(request.host) === 0 ? { servername: request.host } : {}),
    });
    const timer = setTimeout(() => {
      socket.destroy(new Error(`no TLS handshake within ${request.timeoutMs} ms`));
    }, request.timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const peer = socket.getPeerX509Certificate();
      const chainError = socket.authorized
        ? null
        : String(socket.authorizationError ?? 'unverified');
      const settle = () =>
        peer === undefined
          ? reject(new Error('the server presented no certificate'))
          : resolve(describeCertificate(peer, request.host, chainError));
      if (request.keepOpen !== undefined) {
        request.keepOpen(socket);
        settle();
      } else {
        socket.once('close', settle);
        socket.destroy();
      }
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

export function describeCertificate(
  certificate: X509Certificate,
  host: string,
  chainError: string | null,
): CertificateResult {
  const key = certificate.publicKey;
  const details = key.asymmetricKeyDetails;
  const nameMatches =
    isIP(host) === 0
      ? certificate.checkHost(host) !== undefined
      : certificate.checkIP(host) !== undefined;
  return {
    subject: oneLine(certificate.subject),
    issuer: oneLine(certificate.issuer),
    subjectAltNames: (certificate.subjectAltName ?? '').split(/,\s*/).filter(Boolean).sort(),
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: new Date(certificate.validTo).toISOString(),
    checkedName: host,
    nameMatches,
    chainError,
    selfSigned: certificate.subject === certificate.issuer && certificate.checkIssued(certificate),
    keyType: key.asymmetricKeyType ?? 'unknown',
    keyBits: details?.modulusLength ?? curveBits(details?.namedCurve),
    signatureAlgorithm: signatureAlgorithm(certificate.raw),
    fingerprint256: certificate.fingerprint256,
  };
}

function oneLine(distinguishedName: string): string {
  return distinguishedName.split('\n').filter(Boolean).join(', ');
}

function curveBits(curve: string | undefined): number | null {
  const bits = /(\d{3})/.exec(curve ?? '')?.[1];
  return bits === undefined ? null : Number(bits);
}

const SIGNATURE_OIDS: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'Ed25519',
};

/** Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signature } (RFC 5280 §4.1). */
export function signatureAlgorithm(der: Buffer): string {
  try {
    const outer = readHeader(der, 0);
    const tbs = readHeader(der, outer.contentStart);
    const algorithm = readHeader(der, tbs.contentStart + tbs.length);
    const oid = readHeader(der, algorithm.contentStart);
    const text = decodeOid(der.subarray(oid.contentStart, oid.contentStart + oid.length));
    return SIGNATURE_OIDS[text] ?? text;
  } catch {
    return 'unknown';
  }
}

function readHeader(der: Buffer, offset: number): { contentStart: number; length: number } {
  const first = der[offset + 1];
  if (first === undefined) throw new Error('truncated DER');
  if (first < 0x80) return { contentStart: offset + 2, length: first };

  const count = first & 0x7f;
  let length = 0;
  for (let index = 0; index < count; index += 1)
    length = length * 256 + (der[offset + 2 + index] ?? 0);
  return { contentStart: offset + 2 + count, length };
}

function decodeOid(bytes: Buffer): string {
  const first = bytes[0] ?? 0;
  const parts = [Math.floor(first / 40), first % 40];
  let value = 0;
  for (const byte of bytes.subarray(1)) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}
