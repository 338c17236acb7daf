/**
 * The signature the collector puts on a bundle's manifest (docs/collector.md "Signature"):
 * manifest.sig holds the base64 signature over the exact bytes of manifest.json, signer.cer the
 * signer's X.509 certificate (DER, as Windows exports it). Checked here so a bundle proves who
 * collected it, not only that its files match its own manifest.
 */
import { X509Certificate, verify as verifySignature } from 'node:crypto';
import { usageError } from '../errors.js';

export const SIGNATURE_FILE = 'manifest.sig';
export const SIGNER_CERTIFICATE_FILE = 'signer.cer';

/**
 * What .NET Framework signs with (RSA.SignData with RSASignaturePadding.Pkcs1, ECDsa.SignData),
 * both over SHA-256. ECDsa.SignData returns IEEE P1363 r||s, not DER.
 */
export type SignatureAlgorithm = 'RSA PKCS#1 v1.5 SHA-256' | 'ECDSA SHA-256 (IEEE P1363 r||s)';

export interface Signer {
  subject: string;
  issuer: string;
  /** SHA-1 of the DER certificate in upper-case hex, as Windows shows a thumbprint. */
  thumbprint: string;
  validFrom: string;
  validTo: string;
  algorithm: SignatureAlgorithm;
}

export type SignatureCheck =
  | { status: 'unsigned' }
  | { status: 'valid'; signer: Signer }
  | { status: 'invalid'; signer?: Signer; reason: string };

export interface SignatureFiles {
  manifest: Uint8Array;
  signature?: Uint8Array;
  certificate?: Uint8Array;
  /** The manifest's collectedAt: the certificate must have been valid then. */
  collectedAt?: string;
}

/** Checks manifest.sig against signer.cer; never throws for a bad signature, only reports it. */
export function checkManifestSignature(files: SignatureFiles): SignatureCheck {
  const { signature, certificate } = files;
  if (signature === undefined && certificate === undefined) return { status: 'unsigned' };
  if (certificate === undefined)
    return {
      status: 'invalid',
      reason: `${SIGNATURE_FILE} is present but ${SIGNER_CERTIFICATE_FILE} is missing`,
    };
  if (signature === undefined)
    return {
      status: 'invalid',
      reason: `${SIGNER_CERTIFICATE_FILE} is present but ${SIGNATURE_FILE} is missing`,
    };

  const parsed = parseCertificate(certificate);
  if (typeof parsed === 'string') return { status: 'invalid', reason: parsed };

  const { x509, signer } = parsed;
  const signatureBytes = decodeSignature(signature);
  if (signatureBytes === undefined)
    return { status: 'invalid', signer, reason: `${SIGNATURE_FILE} is not base64 text` };
  if (!signatureMatches(x509, files.manifest, signatureBytes))
    return {
      status: 'invalid',
      signer,
      reason: `${SIGNATURE_FILE} does not match manifest.json under the key of ${SIGNER_CERTIFICATE_FILE} (${signer.algorithm}): the manifest or the signature was changed`,
    };

  const expired = validityProblem(x509, files.collectedAt);
  if (expired !== undefined) return { status: 'invalid', signer, reason: expired };
  return { status: 'valid', signer };
}

/** A thumbprint as users paste it (spaces, colons, lower case) in the form Windows shows. */
export function normaliseThumbprint(text: string): string {
  const thumbprint = text.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{40}$/.test(thumbprint)) {
    throw usageError(
      `--signer ${text}: expected a certificate thumbprint, 40 hexadecimal digits (the SHA-1 Windows shows)`,
    );
  }
  return thumbprint;
}

function parseCertificate(bytes: Uint8Array): { x509: X509Certificate; signer: Signer } | string {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(Buffer.from(bytes));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `${SIGNER_CERTIFICATE_FILE} is not an X.509 certificate: ${reason}`;
  }

  const keyType = x509.publicKey.asymmetricKeyType;
  if (keyType !== 'rsa' && keyType !== 'ec')
    return `${SIGNER_CERTIFICATE_FILE} has a ${keyType ?? 'unknown'} key; the collector signs with RSA or ECDSA only`;
  const signer: Signer = {
    subject: x509.subject.split('\n').join(', '),
    issuer: x509.issuer.split('\n').join(', '),
    thumbprint: x509.fingerprint.replace(/:/g, '').toUpperCase(),
    validFrom: new Date(x509.validFrom).toISOString(),
    validTo: new Date(x509.validTo).toISOString(),
    algorithm: keyType === 'rsa' ? 'RSA PKCS#1 v1.5 SHA-256' : 'ECDSA SHA-256 (IEEE P1363 r||s)',
  };
  return { x509, signer };
}

function decodeSignature(bytes: Uint8Array): Buffer | undefined {
  const text = Buffer.from(bytes).toString('ascii').replace(/\s/g, '');
  if (text === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  return Buffer.from(text, 'base64');
}

function signatureMatches(x509: X509Certificate, manifest: Uint8Array, signature: Buffer): boolean {
  const key = x509.publicKey;
  try {
    // node's default RSA padding is PKCS#1 v1.5, what RSASignaturePadding.Pkcs1 writes.
    return key.asymmetricKeyType === 'ec'
      ? verifySignature('sha256', manifest, { key, dsaEncoding: 'ieee-p1363' }, signature)
      : verifySignature('sha256', manifest, key, signature);
  } catch {
    return false;
  }
}

/** The key must have been valid when the collector signed, i.e. at the manifest's collectedAt. */
function validityProblem(
  x509: X509Certificate,
  collectedAt: string | undefined,
): string | undefined {
  if (collectedAt === undefined) return undefined;

  const at = Date.parse(collectedAt);
  if (at < Date.parse(x509.validFrom) || at > Date.parse(x509.validTo))
    return `${SIGNER_CERTIFICATE_FILE} was not valid at collection time ${collectedAt} (valid ${x509.validFrom} to ${x509.validTo})`;
  return undefined;
}
