/**
 * EXZT.NET.16: the certificates HTTPS and SMTP present to the network: current at the as-of
 * time, chaining to a trusted root, covering the probed name, with an RSA key of at least 2048
 * bits (or an EC key) and a SHA-2 signature (reference/probe-and-logs.md A8).
 */
import type { ProbeObservation } from '../../evidence/kinds/probe-kinds.js';
import type { Fact } from '../../evidence/model.js';
import type { CertificateResult } from '../../probe/model.js';
import type { Control, Finding } from '../model.js';
import { fail, notAssessed, optional, pass } from '../outcomes.js';
import { findingAt, targetName } from './probe-view.js';

const MINIMUM_RSA_BITS = 2048;

export const probeCertificate: Control = {
  id: 'EXZT.NET.16',
  area: 'network',
  title: 'Certificates presented to the network are current, trusted, matching and strong',
  rationale:
    'Clients that meet an expired, untrusted or mismatched certificate are taught to click ' +
    'through warnings, which is what an interception attack needs; weak keys and SHA-1 ' +
    'signatures can be forged. Verify explicitly starts with the server proving who it is.',
  remediation: {
    text:
      'Bind a certificate from a trusted CA whose names cover every published host name (mail, ' +
      'autodiscover), with an RSA key of 2048 bits or more and a SHA-256 signature, to IIS and to ' +
      'the SMTP service; renew before expiry.',
    powershell: 'Enable-ExchangeCertificate -Thumbprint <thumbprint> -Services IIS,SMTP',
  },
  severity: 'medium',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: {},
  mappings: {
    cisV8: ['3.10'],
    nist800207: ['T2'],
    iso27001: ['A.8.24'],
    nist80053: ['SC-8', 'SC-17'],
    disaStig: [],
    ztmm: [{ pillar: 'networks', function: 'Traffic Encryption' }],
  },
  policyKeys: [],
  evaluate(context) {
    const facts = (['probe.https', 'probe.smtp'] as const).map((kind) => ({
      kind,
      fact: context.organizationFact(kind),
    }));
    const read = facts.flatMap(({ fact }) =>
      (optional(fact) ?? []).flatMap((o) =>
        o.certificate !== undefined && !('reason' in o.certificate)
          ? [{ o, fact, certificate: o.certificate }]
          : [],
      ),
    );
    if (read.length === 0) {
      return notAssessed(
        'no probed target presented a certificate Node could read',
        facts.map(({ kind }) => `organization:${kind}`),
      );
    }

    const findings = read.flatMap(({ o, fact, certificate }) =>
      certificateFindings(o, fact, certificate, context.asOf),
    );
    if (findings.length > 0)
      return fail('a certificate presented to the network has a problem', findings);
    return pass(
      `the certificates of ${read.map(({ o }) => targetName(o)).join(', ')} are current, trusted and matching`,
      facts.flatMap(({ fact }) => fact.provenance),
    );
  },
};

function certificateFindings(
  o: ProbeObservation,
  fact: Fact<ProbeObservation[]>,
  c: CertificateResult,
  asOf: string,
): Finding[] {
  const problems: string[] = [];
  if (c.validTo < asOf) problems.push(`expired on ${c.validTo.slice(0, 10)}`);
  if (c.validFrom > asOf) problems.push(`not valid before ${c.validFrom.slice(0, 10)}`);
  if (c.chainError !== null) problems.push(`not trusted (${c.chainError})`);
  if (!c.nameMatches) problems.push(`does not cover ${c.checkedName}`);
  if (c.keyType === 'rsa' && c.keyBits !== null && c.keyBits < MINIMUM_RSA_BITS)
    problems.push(`RSA key of ${c.keyBits} bits`);
  if (/sha1|md5/i.test(c.signatureAlgorithm)) problems.push(`signed with ${c.signatureAlgorithm}`);
  return problems.map((problem) =>
    findingAt(o, fact, `certificate ${c.subject}: ${problem}`, c.fingerprint256),
  );
}
