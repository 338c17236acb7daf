/**
 * EXZT.NET.15: what anonymous answers give away to anyone outside the admin networks: the NTLM
 * challenge's NetBIOS and DNS names of domain, host and forest and the Windows build
 * ([MS-NLMP] §2.2.2.1), and an SMTP banner naming the internal host or the product version.
 */
import type { Control, Finding } from '../model.js';
import { fail, notApplicable, notAssessed, optional, pass } from '../outcomes.js';
import { findingAt, placeOf, targetName } from './probe-view.js';

export const probeDisclosure: Control = {
  id: 'EXZT.NET.15',
  area: 'network',
  title: 'Anonymous answers do not disclose internal names outside the admin networks',
  rationale:
    'Internal domain, host and forest names and exact versions help an attacker aim: spraying ' +
    'needs the domain, relaying needs the host, exploits need the version. NTLM offered to the ' +
    'internet hands these out to anyone who asks, with no password.',
  remediation: {
    text:
      'Stop offering NTLM (and Negotiate falling back to it) on internet-facing endpoints: publish ' +
      'them through a pre-authenticating gateway or disable Windows authentication on their external ' +
      'virtual directories; set a receive connector banner that names no internal host.',
    powershell: 'Set-ReceiveConnector "EX01\\Default Frontend EX01" -Banner "220 mail.contoso.com"',
  },
  severity: 'medium',
  criticality: 'should',
  waivable: true,
  scope: 'organization',
  requires: {},
  mappings: {
    cisV8: ['4.6'],
    nist800207: ['T3'],
    iso27001: ['A.8.20'],
    nist80053: ['SC-7', 'CM-7'],
    disaStig: [],
    ztmm: [{ pillar: 'networks', function: 'Network Segmentation' }],
  },
  policyKeys: ['apps.adminFrom'],
  evaluate(context) {
    const https = context.organizationFact('probe.https');
    const smtp = context.organizationFact('probe.smtp');
    const all = [...(optional(https) ?? []), ...(optional(smtp) ?? [])].filter(
      (o) => o.status === 'assessed',
    );
    if (all.length === 0)
      return notAssessed('no probed target answered', [
        'organization:probe.https',
        'organization:probe.smtp',
      ]);
    const outside = all.filter((o) => placeOf(o.vantage, context.policy) !== 'admin');
    if (outside.length === 0) return notApplicable('probed only from the admin networks');

    const findings: Finding[] = [];
    for (const o of outside) {
      const fact = o.target.service === 'https' ? https : smtp;
      const ntlm = o.https?.ntlm;
      if (ntlm !== undefined) {
        const { endpoint, ...names } = ntlm;
        const told = Object.entries(names)
          .map(([key, value]) => `${key} ${value}`)
          .join(', ');
        findings.push(
          findingAt(o, fact, `NTLM on ${endpoint} discloses ${told} to ${o.vantage}`, names),
        );
      }
      // The product name alone is the stock banner; a host name or a version is what helps aim.
      for (const disclosure of (o.smtp?.bannerDisclosure ?? []).filter(
        (d) => !d.startsWith('product'),
      )) {
        findings.push(
          findingAt(o, fact, `SMTP banner discloses ${disclosure} to ${o.vantage}`, o.smtp?.banner),
        );
      }
    }
    if (findings.length > 0)
      return fail('anonymous answers disclose internal names or versions', findings);
    return pass(`${outside.map(targetName).join(', ')} disclose no internal names`, [
      ...https.provenance,
      ...smtp.provenance,
    ]);
  },
};
