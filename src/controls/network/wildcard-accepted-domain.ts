/**
 * EXZT.NET.2: no accepted domain is "*". A catch-all accepted domain makes Exchange accept mail
 * for every domain on the Internet and relay it: an open relay. Same verdict as HealthChecker's
 * "Open Relay Wild Card Domain" (reference/healthchecker-checks.md §11).
 */
import type { Control } from '../model.js';
import { fail, pass, required } from '../outcomes.js';

export const wildcardAcceptedDomain: Control = {
  id: 'EXZT.NET.2',
  area: 'network',
  title: 'No accepted domain makes the organisation an open relay',
  rationale:
    'An accepted domain of "*" tells transport that every recipient domain is its own, so any ' +
    'sender that reaches a receive connector can relay mail to anyone. Spammers find open relays ' +
    'within hours, and an InternalRelay "*" domain can also crash transport on current CUs.',
  remediation: {
    text:
      'Remove the "*" accepted domain. To relay for internal applications, use a dedicated receive ' +
      'connector scoped to their addresses instead.',
    powershell:
      'Get-AcceptedDomain | Where-Object { $_.DomainName -eq "*" } | Remove-AcceptedDomain',
  },
  severity: 'critical',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { organization: ['exchange.accepted-domains'] },
  mappings: {
    cisV8: ['4.1', '12.2'],
    nist800207: ['T4'],
    iso27001: ['A.8.20', 'A.8.21'],
    nist80053: ['SC-7', 'CM-7'],
    disaStig: ['V-259579'],
    ztmm: [{ pillar: 'networks', function: 'Network Traffic Management' }],
  },
  policyKeys: [],
  evaluate(context) {
    const fact = context.organizationFact('exchange.accepted-domains');
    const domains = required(fact, 'exchange.accepted-domains');

    const findings = domains.flatMap((domain, index) => {
      if (domain.domainName !== '*') return [];

      // HealthChecker adds a second error for InternalRelay: transport may crash (E2016 CU22+,
      // E2019 CU11+). TODO(#3): said for every build here; HealthChecker only warns on older CUs.
      const crash =
        domain.domainType === 'InternalRelay' ? '; InternalRelay may crash transport' : '';
      const provenance = fact.provenance[index];
      return [
        {
          object: domain.name,
          message: `accepted domain "*" (${domain.domainType}) makes an open relay${crash}`,
          value: domain.domainType,
          evidence: provenance === undefined ? [] : [provenance],
        },
      ];
    });
    if (findings.length > 0) return fail('an accepted domain accepts every domain', findings);

    return pass(`none of ${domains.length} accepted domain(s) is "*"`, fact.provenance);
  },
};
