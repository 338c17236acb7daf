/**
 * EXZT.DAT.6: the OAuth (Auth) certificate Get-AuthConfig names is present on the server and in
 * date. HealthChecker reports the same: found and valid, expired, or not on this server
 * (healthchecker-checks.md §8, §12); Edge servers do not take part in OAuth.
 */
import type { Control } from '../model.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';

// TODO(#3): the staged next Auth certificate and the hybrid TlsCertificateName match
// (healthchecker-checks.md §12) are not checked.

export const authCertificate: Control = {
  id: 'EXZT.DAT.6',
  area: 'data',
  title: 'The OAuth Auth certificate is present on the server and valid',
  rationale:
    'Exchange signs the OAuth tokens of server-to-server and hybrid calls with the Auth ' +
    'certificate. When it is missing or expired, OAuth fails and admins fall back to weaker ' +
    'authentication; a stale certificate also keeps a signing key in use for years.',
  remediation: {
    text:
      'Create a new Auth certificate, publish it as the next certificate, let it become current, ' +
      'and restart the web application pools; then run the Hybrid Configuration Wizard again where hybrid is in use.',
    powershell:
      "$cert = New-ExchangeCertificate -KeySize 2048 -PrivateKeyExportable $true -SubjectName 'cn=Microsoft Exchange Server Auth Certificate' -DomainName @() -Services SMTP\n" +
      'Set-AuthConfig -NewCertificateThumbprint $cert.Thumbprint -NewCertificateEffectiveDate (Get-Date)\n' +
      'Set-AuthConfig -PublishCertificate; Set-AuthConfig -ClearPreviousCertificate',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'server',
  requires: { subject: ['exchange.certificates'], organization: ['exchange.auth-config'] },
  mappings: {
    cisV8: ['3.10'],
    nist800207: ['T6'],
    iso27001: ['A.8.24', 'A.8.5'],
    nist80053: ['SC-12', 'SC-17', 'IA-5'],
    disaStig: [],
    ztmm: [{ pillar: 'identity', function: 'Authentication' }],
  },
  policyKeys: [],
  evaluate(context) {
    if (context.version()?.isEdgeServer === true)
      return notApplicable('Edge servers do not use OAuth');
    const authFact = context.organizationFact('exchange.auth-config');
    const thumbprint = required(authFact, 'exchange.auth-config').currentCertificateThumbprint;
    const certificatesFact = context.fact('exchange.certificates');
    const certificates = required(certificatesFact, 'exchange.certificates');
    const evidence = [...authFact.provenance, ...certificatesFact.provenance];

    if (thumbprint === undefined) {
      const message = 'Get-AuthConfig names no current certificate';
      return fail('no Auth certificate is configured', [
        { object: 'Auth Configuration', message, evidence: authFact.provenance },
      ]);
    }
    const index = certificates.findIndex((certificate) => certificate.thumbprint === thumbprint);
    const certificate = certificates[index];
    if (certificate === undefined) {
      const message = 'the current Auth certificate is not on this server';
      return fail(message, [{ object: thumbprint, message, value: thumbprint, evidence }]);
    }
    if (Date.parse(certificate.notAfter) <= Date.parse(context.asOf)) {
      const message = `the Auth certificate expired on ${certificate.notAfter.slice(0, 10)}`;
      const certificateEvidence = certificatesFact.provenance[index];
      const findingEvidence = certificateEvidence === undefined ? evidence : [certificateEvidence];
      return fail(message, [
        { object: thumbprint, message, value: certificate.notAfter, evidence: findingEvidence },
      ]);
    }

    return pass(
      `Auth certificate ${thumbprint} is on the server until ${certificate.notAfter.slice(0, 10)}`,
      evidence,
    );
  },
};
