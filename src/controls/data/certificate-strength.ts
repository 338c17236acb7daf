/**
 * EXZT.DAT.5: every certificate on the server is in date, not about to expire, signed with a
 * SHA-2 family hash and, for RSA and DSA, at least the policy's key size (healthchecker-checks.md
 * §8). Dates are measured against the assessment's as-of time, never the clock.
 */
import type { ExchangeCertificate } from '../../evidence/importers/exchange-certificates.js';
import type { Provenance } from '../../evidence/model.js';
import type { DataPolicy } from '../../policy/model.js';
import type { Control, Finding } from '../model.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';

// TODO(#3): Exchange's own Status (revocation, untrusted chain) and IIS binding thumbprints
// (HealthChecker's Certificate Binding Issue) need Status and Get-WebBinding typed; not read yet.

const DAY_MS = 86_400_000;
const BROKEN_HASHES = ['md2', 'md4', 'md5'];

export const certificateStrength: Control = {
  id: 'EXZT.DAT.5',
  area: 'data',
  title: 'Certificates are in date, SHA-2 signed and of sufficient key size',
  rationale:
    'An expired certificate breaks TLS and OAuth, and the rush to fix it invites shortcuts such as ' +
    'turning validation off. SHA-1 signatures can be forged and short RSA keys factored, so a ' +
    'certificate that relies on them does not prove who the server is.',
  remediation: {
    text:
      'Renew expiring certificates ahead of time with a SHA-256 signature and a 2048-bit (or larger) ' +
      'RSA or an ECC key, enable them for the same services, and remove the old ones.',
    powershell:
      "New-ExchangeCertificate -Server $env:COMPUTERNAME -GenerateRequest -SubjectName 'CN=mail.contoso.com' " +
      "-DomainName mail.contoso.com,autodiscover.contoso.com -KeySize 2048 -RequestFile 'C:\\cert.req'",
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'server',
  requires: { subject: ['exchange.certificates'] },
  mappings: {
    cisV8: ['3.10', '12.6'],
    nist800207: ['T2'],
    iso27001: ['A.8.24'],
    nist80053: ['SC-12', 'SC-13', 'SC-17'],
    disaStig: ['V-259649', 'V-259578'],
    ztmm: [{ pillar: 'data', function: 'Data Encryption' }],
  },
  policyKeys: [
    'data.certificateExpiryWarningDays',
    'data.allowSha1Certificates',
    'data.minimumKeyBits',
  ],
  evaluate(context) {
    const fact = context.fact('exchange.certificates');
    const certificates = required(fact, 'exchange.certificates');
    const asOfMs = Date.parse(context.asOf);
    const checked = certificates.filter((certificate) => !isSkipped(certificate));
    if (checked.length === 0) return notApplicable('the server holds no certificate to check');

    const findings = certificates.flatMap((certificate, index) =>
      isSkipped(certificate)
        ? []
        : certificateFindings(certificate, context.policy.data, asOfMs, fact.provenance[index]),
    );
    if (findings.length > 0) return fail(`${findings.length} certificate weakness(es)`, findings);

    return pass(
      `${checked.length} certificate(s) in date, SHA-2 signed, keys large enough`,
      fact.provenance,
    );
  },
};

/** HealthChecker leaves out Windows-generated certificates Exchange never uses. */
function isSkipped(certificate: ExchangeCertificate): boolean {
  return (
    (certificate.subject.startsWith('CN=MS-Organization-P2P-Access') && !certificate.selfSigned) ||
    (certificate.selfSigned &&
      certificate.subject.includes('DC=Windows Azure CRP Certificate Generator'))
  );
}

function certificateFindings(
  certificate: ExchangeCertificate,
  policy: DataPolicy,
  asOfMs: number,
  provenance: Provenance | undefined,
): Finding[] {
  const evidence = provenance === undefined ? [] : [provenance];
  const object = `${certificate.subject} (${certificate.thumbprint})`;
  const messages: string[] = [];
  const daysLeft = Math.floor((Date.parse(certificate.notAfter) - asOfMs) / DAY_MS);
  if (daysLeft < 0) messages.push(`expired ${-daysLeft} day(s) ago`);
  else if (daysLeft < policy.certificateExpiryWarningDays)
    messages.push(`expires in ${daysLeft} day(s)`);

  const hash = certificate.signatureHash;
  if (
    hash !== undefined &&
    (BROKEN_HASHES.includes(hash) || (hash === 'sha1' && !policy.allowSha1Certificates))
  ) {
    messages.push(`signed with ${hash.toUpperCase()}`);
  }
  const rsaOrDsa = certificate.keyType.startsWith('rsa') || certificate.keyType === 'dsa';
  if (rsaOrDsa && (certificate.keyBits ?? 0) < policy.minimumKeyBits) {
    messages.push(
      `${certificate.keyBits ?? 'unknown'}-bit ${certificate.keyType.toUpperCase()} key, under ${policy.minimumKeyBits}`,
    );
  }

  return messages.map((message) => ({ object, message, value: certificate.notAfter, evidence }));
}
