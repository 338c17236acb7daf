/**
 * A certificate in a redacted bundle (docs/redaction.md): `exzt evidence redact` replaces the
 * DER in RawData, which names the organisation, by the fields x509.ts reads from it, in an
 * `ExztCertificate` member. This reads them back into the same CertificateFacts.
 */
import { asBoolean, asDate, asNumber, asString, asStringList, member } from '../clixml/index.js';
import type { CliNode } from '../clixml/model.js';
import type { CertificateFacts } from './x509.js';

export const REDACTED_CERTIFICATE_MEMBER = 'ExztCertificate';

/** The facts, or undefined when the object carries no complete ExztCertificate member. */
export function readRedactedCertificate(object: CliNode): CertificateFacts | undefined {
  const fields = member(object, REDACTED_CERTIFICATE_MEMBER);
  if (fields?.kind !== 'object') return undefined;
  const text = (name: string) => asString(member(fields, name));
  const thumbprint = text('Thumbprint');
  const subject = text('Subject');
  const issuer = text('Issuer');
  const notBefore = asDate(member(fields, 'NotBefore'));
  const notAfter = asDate(member(fields, 'NotAfter'));
  const signatureAlgorithmOid = text('SignatureAlgorithmOid');
  const keyType = text('KeyType');
  const selfSigned = asBoolean(member(fields, 'SelfSigned'));
  if (
    thumbprint === undefined ||
    subject === undefined ||
    issuer === undefined ||
    notBefore === undefined ||
    notAfter === undefined ||
    signatureAlgorithmOid === undefined ||
    keyType === undefined ||
    selfSigned === undefined
  )
    return undefined;

  const facts: CertificateFacts = {
    thumbprint,
    subject,
    issuer,
    dnsNames: asStringList(member(fields, 'DnsNames')) ?? [],
    notBefore: new Date(notBefore).toISOString(),
    notAfter: new Date(notAfter).toISOString(),
    signatureAlgorithmOid,
    keyType,
    selfSigned,
  };
  const hash = text('SignatureHash');
  if (hash !== undefined) facts.signatureHash = hash;
  const bits = asNumber(member(fields, 'KeyBits'));
  if (bits !== undefined) facts.keyBits = bits;
  return facts;
}
