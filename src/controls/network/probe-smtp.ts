/**
 * EXZT.NET.18: the SMTP ports the probe reached offer STARTTLS, and no password
 * authentication (AUTH LOGIN or PLAIN) before TLS, which would send passwords readable on the
 * path (reference/probe-and-logs.md A9).
 */
import type { Control, Finding } from '../model.js';
import { fail, pass, required } from '../outcomes.js';
import { answered, findingAt, targetName } from './probe-view.js';

const CLEARTEXT_MECHANISMS = new Set(['LOGIN', 'PLAIN', 'CRAM-MD5']);

export const probeSmtp: Control = {
  id: 'EXZT.NET.18',
  area: 'network',
  title: 'SMTP offers STARTTLS and no password authentication before TLS',
  rationale:
    'Without STARTTLS mail crosses the network in clear; AUTH LOGIN or PLAIN offered before TLS ' +
    'invites clients to send passwords anyone on the path can read. Encrypt all traffic, ' +
    'including the hop between mail servers.',
  remediation: {
    text:
      'Bind a certificate to SMTP so STARTTLS is offered, and require TLS before basic ' +
      'authentication on the receive connectors (AuthMechanism BasicAuthRequireTLS, never ' +
      'BasicAuth alone).',
    powershell:
      'Get-ReceiveConnector | Where-Object { $_.AuthMechanism -match "BasicAuth" } | ' +
      'Set-ReceiveConnector -AuthMechanism Tls,Integrated,BasicAuth,BasicAuthRequireTLS',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { organization: ['probe.smtp'] },
  mappings: {
    cisV8: ['3.10'],
    nist800207: ['T2'],
    iso27001: ['A.8.24'],
    nist80053: ['SC-8'],
    disaStig: [],
    ztmm: [{ pillar: 'networks', function: 'Traffic Encryption' }],
  },
  policyKeys: [],
  evaluate(context) {
    const fact = context.organizationFact('probe.smtp');
    required(fact, 'probe.smtp');
    const seen = answered(fact, 'probe.smtp');
    if (!Array.isArray(seen)) return seen;

    const findings: Finding[] = [];
    for (const o of seen) {
      if (o.smtp === undefined) continue;
      if (!o.smtp.starttls)
        findings.push(
          findingAt(o, fact, 'STARTTLS is not offered: mail crosses the network in clear'),
        );
      const cleartext = o.smtp.authBeforeTls.filter((m) => CLEARTEXT_MECHANISMS.has(m));
      if (cleartext.length > 0)
        findings.push(
          findingAt(o, fact, `AUTH ${cleartext.join(' ')} offered before TLS`, cleartext),
        );
    }
    if (findings.length > 0)
      return fail('SMTP lets mail or passwords cross the network in clear', findings);
    return pass(
      `${seen.map(targetName).join(', ')} offer STARTTLS and no password AUTH before TLS`,
      fact.provenance,
    );
  },
};
