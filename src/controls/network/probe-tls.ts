/**
 * EXZT.NET.13: what the hand-built hellos found on HTTPS and on SMTP after STARTTLS: no TLS
 * version below the policy's minimum (data.minimumTls) and no weak cipher suite (RC4, DES,
 * 3DES, export, NULL, anonymous) accepted. These are the checks Node's own TLS cannot make,
 * because OpenSSL 3 no longer offers what they look for.
 */
import type { ProbeObservation } from '../../evidence/kinds/probe-kinds.js';
import type { Fact } from '../../evidence/model.js';
import type { TlsVersionName } from '../../probe/model.js';
import type { Control, Finding } from '../model.js';
import { fail, notAssessed, optional, pass } from '../outcomes.js';
import { findingAt, targetName } from './probe-view.js';

// TODO(#6): HSTS is recorded (probe.https hsts) but no control judges it yet; it belongs with
// transport encryption once the policy says what max-age it requires.
const ORDER: readonly TlsVersionName[] = ['TLS 1.0', 'TLS 1.1', 'TLS 1.2', 'TLS 1.3'];

export const probeTls: Control = {
  id: 'EXZT.NET.13',
  area: 'network',
  title: 'HTTPS and SMTP accept no TLS version below the minimum and no weak cipher suite',
  rationale:
    'TLS 1.0 and 1.1 are deprecated (RFC 8996), and RC4, DES, 3DES (SWEET32), export and NULL ' +
    'suites let an observer on the path read or tamper with traffic. What the server accepts, ' +
    'not what it prefers, decides what a downgrade can reach.',
  remediation: {
    text:
      'Disable TLS 1.0 and 1.1 and the weak suites in Schannel on every Exchange server and on ' +
      'any load balancer or proxy in front (HealthChecker reports the registry settings), then ' +
      'probe again.',
    powershell:
      "New-Item 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server' -Force | " +
      'New-ItemProperty -Name Enabled -Value 0 -PropertyType DWord -Force',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: {},
  mappings: {
    cisV8: ['3.10'],
    nist800207: ['T2'],
    iso27001: ['A.8.24'],
    nist80053: ['SC-8', 'SC-13'],
    disaStig: [],
    ztmm: [{ pillar: 'networks', function: 'Traffic Encryption' }],
  },
  policyKeys: ['data.minimumTls'],
  evaluate(context) {
    const facts = (['probe.https', 'probe.smtp'] as const).map((kind) => ({
      kind,
      fact: context.organizationFact(kind),
    }));
    const minimum = `TLS ${context.policy.data.minimumTls}` as TlsVersionName;
    const scanned = facts.flatMap(({ fact }) =>
      (optional(fact) ?? [])
        .filter((o) => o.tls?.versions.some((v) => v.accepted))
        .map((o) => ({ o, fact })),
    );
    if (scanned.length === 0) {
      return notAssessed(
        'no probed target answered the TLS checks',
        facts.map(({ kind }) => `organization:${kind}`),
      );
    }

    const findings = scanned.flatMap(({ o, fact }) => tlsFindings(o, fact, minimum));
    if (findings.length > 0)
      return fail(`a TLS version below ${minimum} or a weak suite is accepted`, findings);
    return pass(
      `${scanned.map(({ o }) => targetName(o)).join(', ')} accept ${minimum} or later and no weak suite`,
      facts.flatMap(({ fact }) => fact.provenance),
    );
  },
};

function tlsFindings(
  observation: ProbeObservation,
  fact: Fact<ProbeObservation[]>,
  minimum: TlsVersionName,
): Finding[] {
  const tls = observation.tls;
  if (tls === undefined) return [];
  const below = tls.versions.filter(
    (v) => v.accepted && ORDER.indexOf(v.version) < ORDER.indexOf(minimum),
  );
  return [
    ...below.map((v) =>
      findingAt(
        observation,
        fact,
        `${v.version} accepted (chose ${v.suite ?? 'a suite'})`,
        v.version,
      ),
    ),
    ...tls.weakSuites.map((w) =>
      findingAt(observation, fact, `weak suite ${w.suite} accepted with ${w.version}`, w.suite),
    ),
  ];
}
