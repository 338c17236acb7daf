/**
 * What exzt reads from a DER certificate: names, validity, key and signature algorithm. Node's
 * X509Certificate does most; the signature algorithm OID (absent from Node 20's API) is read from
 * the outer Certificate SEQUENCE (RFC 5280 §4.1: tbsCertificate, signatureAlgorithm, signature).
 */
import { X509Certificate } from 'node:crypto';

export interface CertificateFacts {
  /** SHA-1 of the DER, upper-case hex without separators, as Exchange shows thumbprints. */
  thumbprint: string;
  /** "CN=mail.contoso.com, O=Contoso", most significant part first as OpenSSL prints it. */
  subject: string;
  issuer: string;
  dnsNames: string[];
  /** ISO 8601. */
  notBefore: string;
  notAfter: string;
  signatureAlgorithmOid: string;
  /** The hash the signature uses: md2, md4, md5, sha1, sha224, sha256, …; undefined if unknown. */
  signatureHash?: string;
  /** rsa, rsa-pss, ec, dsa, ed25519, … */
  keyType: string;
  /** Modulus length of RSA and DSA keys. */
  keyBits?: number;
  selfSigned: boolean;
}

/** Signature algorithm OIDs and their hashes (RFC 3279, RFC 4055, RFC 5758). */
const SIGNATURE_HASHES: Record<string, string> = {
  '1.2.840.113549.1.1.2': 'md2',
  '1.2.840.113549.1.1.3': 'md4',
  '1.2.840.113549.1.1.4': 'md5',
  '1.2.840.113549.1.1.5': 'sha1',
  '1.3.14.3.2.29': 'sha1',
  '1.2.840.10040.4.3': 'sha1',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  '2.16.840.1.101.3.4.3.2': 'sha256',
  '1.2.840.113549.1.1.10': 'rsassa-pss',
};

/** Throws what Node throws (with the OpenSSL reason) when the bytes are not a certificate. */
export function readCertificate(der: Buffer): CertificateFacts {
  const certificate = new X509Certificate(der);
  const key = certificate.publicKey;
  const signatureAlgorithmOid = signatureAlgorithmOf(der);
  const facts: CertificateFacts = {
    thumbprint: certificate.fingerprint.replace(/:/g, '').toUpperCase(),
    subject: distinguishedName(certificate.subject),
    issuer: distinguishedName(certificate.issuer),
    dnsNames: dnsNamesOf(certificate.subjectAltName),
    notBefore: new Date(certificate.validFrom).toISOString(),
    notAfter: new Date(certificate.validTo).toISOString(),
    signatureAlgorithmOid,
    keyType: key.asymmetricKeyType ?? 'unknown',
    // checkIssued() also wants keyCertSign, which Exchange's self-signed certificates lack.
    selfSigned:
      certificate.subject === certificate.issuer && certificate.verify(certificate.publicKey),
  };

  const hash = SIGNATURE_HASHES[signatureAlgorithmOid];
  if (hash !== undefined) facts.signatureHash = hash;
  const bits = key.asymmetricKeyDetails?.modulusLength;
  if (bits !== undefined) facts.keyBits = bits;
  return facts;
}

/** OpenSSL prints one RDN per line; Windows shows them comma-separated. */
function distinguishedName(text: string): string {
  return text
    .split('\n')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(', ');
}

function dnsNamesOf(subjectAltName: string | undefined): string[] {
  return (subjectAltName ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.startsWith('DNS:'))
    .map((name) => name.slice(4));
}

/** The OID of Certificate.signatureAlgorithm: the second element of the outer SEQUENCE. */
function signatureAlgorithmOf(der: Buffer): string {
  const outer = readHeader(der, 0);
  const tbs = readHeader(der, outer.contentStart);
  const algorithm = readHeader(der, tbs.contentStart + tbs.length);
  const oid = readHeader(der, algorithm.contentStart);
  if (oid.tag !== 0x06) return 'unknown';

  return decodeOid(der.subarray(oid.contentStart, oid.contentStart + oid.length));
}

function readHeader(
  der: Buffer,
  at: number,
): { tag: number; length: number; contentStart: number } {
  const tag = der[at] ?? 0;
  const first = der[at + 1] ?? 0;
  if (first < 0x80) return { tag, length: first, contentStart: at + 2 };

  const octets = first & 0x7f;
  let length = 0;
  for (let index = 0; index < octets; index += 1)
    length = length * 256 + (der[at + 2 + index] ?? 0);
  return { tag, length, contentStart: at + 2 + octets };
}

function decodeOid(bytes: Buffer): string {
  const parts: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if (byte < 0x80) {
      parts.push(value);
      value = 0;
    }
  }
  const [first = 0, ...rest] = parts;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...rest].join('.');
}
