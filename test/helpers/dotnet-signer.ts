/**
 * Signs a bundle's manifest the way the collector does through .NET Framework: an RSA key signs
 * with PKCS#1 v1.5 over SHA-256, an ECDSA P-256 key over SHA-256 in IEEE P1363 (r||s), and the
 * certificate is a self-signed X.509 in DER, as Export-Certificate writes it. Keys come from
 * node:crypto, the certificate from `openssl req -x509` (on the machine; nothing is fetched).
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export interface TestSigner {
  privateKey: KeyObject;
  /** DER, as signer.cer holds it. */
  certificate: Buffer;
  keyType: 'rsa' | 'ec';
}

/** A key pair and a self-signed certificate valid from now for `days` days. */
export function makeSigner(
  keyType: 'rsa' | 'ec',
  folder: string,
  subject: string,
  days = 30,
): TestSigner {
  const { privateKey } =
    keyType === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const keyFile = path.join(folder, `${keyType}-${days}.key.pem`);
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const certificate = execFileSync('openssl', [
    'req',
    '-x509',
    '-new',
    '-key',
    keyFile,
    '-subj',
    subject,
    '-days',
    String(days),
    '-sha256',
    '-outform',
    'DER',
  ]);
  return { privateKey, certificate, keyType };
}

/** The signature .NET's RSA.SignData(Pkcs1) or ECDsa.SignData would give, base64 as manifest.sig holds it. */
export function signLikeDotNet(signer: TestSigner, manifest: Uint8Array): string {
  const signature =
    signer.keyType === 'ec'
      ? sign('sha256', manifest, { key: signer.privateKey, dsaEncoding: 'ieee-p1363' })
      : sign('sha256', manifest, signer.privateKey);
  return signature.toString('base64');
}

/** A DER-encoded ECDSA signature: what a signer other than .NET's ECDsa.SignData writes. */
export function signDerEcdsa(signer: TestSigner, manifest: Uint8Array): string {
  return sign('sha256', manifest, { key: signer.privateKey, dsaEncoding: 'der' }).toString(
    'base64',
  );
}
