/**
 * Certificates in redacted evidence: the DER (RawData) names the organisation in its subject,
 * issuer and alternative names and cannot be pseudonymised without breaking its signature, so it
 * is replaced by the fields exzt reads from it (src/evidence/importers/x509.ts), with the names
 * redacted, in an `ExztCertificate` member the certificate importer reads instead.
 */
import { readCertificate, type CertificateFacts } from '../evidence/importers/x509.js';
import {
  bool,
  dateTime,
  i32,
  list,
  obj,
  str,
  type WritableNode,
  type WritableObject,
} from '../evidence/clixml/writer-values.js';
import type { TextRedactor } from './text-redactor.js';

export const REDACTED_CERTIFICATE_MEMBER = 'ExztCertificate';
export const REDACTED_CERTIFICATE_TYPE = 'Exzt.RedactedCertificate';

export function certificateOf(base64: string): CertificateFacts | undefined {
  try {
    return readCertificate(Buffer.from(base64, 'base64'));
  } catch {
    return undefined;
  }
}

/** The parsed fields as a CliXml object, names redacted. */
export function redactedCertificate(
  facts: CertificateFacts,
  redactor: TextRedactor,
): WritableObject {
  const props: [string, WritableNode][] = [
    ['Thumbprint', str(redactor.pseudonyms.thumbprint(facts.thumbprint))],
    ['Subject', str(redactor.redact(facts.subject))],
    ['Issuer', str(redactor.redact(facts.issuer))],
    ['NotBefore', dateTime(facts.notBefore)],
    ['NotAfter', dateTime(facts.notAfter)],
    ['SignatureAlgorithmOid', str(facts.signatureAlgorithmOid)],
    ['KeyType', str(facts.keyType)],
    ['SelfSigned', bool(facts.selfSigned)],
  ];
  if (facts.signatureHash !== undefined) props.push(['SignatureHash', str(facts.signatureHash)]);
  if (facts.keyBits !== undefined) props.push(['KeyBits', i32(facts.keyBits)]);
  const names = facts.dnsNames.map((name) => str(redactor.redact(name)));
  props.push(['DnsNames', list(['System.Collections.ArrayList', 'System.Object'], names)]);
  return obj([REDACTED_CERTIFICATE_TYPE, 'System.Object'], { props });
}
