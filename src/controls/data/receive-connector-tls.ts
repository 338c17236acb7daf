/**
 * EXZT.DAT.3: every enabled receive connector offers STARTTLS, takes Basic credentials only
 * inside TLS, and, when the policy requires SMTP TLS, requires it wherever senders authenticate.
 * Connectors open to anonymous Internet senders cannot require TLS without refusing mail.
 */
import type { ReceiveConnector } from '../../evidence/importers/receive-connectors.js';
import type { Provenance } from '../../evidence/model.js';
import type { Control, Finding } from '../model.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';

// TODO(#3): partner TLS on Internet connectors (TlsDomainCapabilities, domain security with
// TLSReceiveDomainSecureList) is not judged; only whether anonymous connectors offer STARTTLS.

export const receiveConnectorTls: Control = {
  id: 'EXZT.DAT.3',
  area: 'data',
  title: 'Receive connectors offer and, where senders authenticate, require TLS',
  rationale:
    'SMTP without TLS exposes message content and, with Basic authentication, the credentials of ' +
    'the account that submits it. Servers, devices and clients that authenticate to Exchange can ' +
    'all do TLS, so there is no reason to accept their mail in the clear.',
  remediation: {
    text:
      "Add Tls to the connector's AuthMechanism, replace BasicAuth with BasicAuthRequireTLS, and " +
      'set RequireTLS on connectors that do not accept anonymous Internet mail.',
    powershell:
      'Get-ReceiveConnector -Server $env:COMPUTERNAME | Where-Object { $_.PermissionGroups -notmatch "AnonymousUsers" } |\n' +
      '  Set-ReceiveConnector -RequireTLS $true',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'server',
  requires: { subject: ['exchange.receive-connectors'] },
  mappings: {
    cisV8: ['3.10'],
    nist800207: ['T2'],
    iso27001: ['A.5.14', 'A.8.24'],
    nist80053: ['SC-8', 'SC-8(1)'],
    disaStig: ['V-259710', 'V-259641', 'V-259595'],
    ztmm: [{ pillar: 'networks', function: 'Traffic Encryption' }],
  },
  policyKeys: ['data.smtpTls'],
  evaluate(context) {
    const fact = context.fact('exchange.receive-connectors');
    const connectors = required(fact, 'exchange.receive-connectors');
    const enabled = connectors.filter((connector) => connector.enabled).length;
    if (enabled === 0) return notApplicable('the server has no enabled receive connector');

    // The importer gives one provenance entry per connector, in export order.
    const requireTls = context.policy.data.smtpTls === 'required';
    const findings = connectors.flatMap((connector, index) =>
      connector.enabled ? connectorFindings(connector, requireTls, fact.provenance[index]) : [],
    );
    if (findings.length > 0) {
      return fail(
        `${findings.length} receive connector setting(s) let SMTP run without TLS`,
        findings,
      );
    }

    return pass(`${enabled} enabled receive connector(s) protect SMTP with TLS`, fact.provenance);
  },
};

function connectorFindings(
  connector: ReceiveConnector,
  requireTls: boolean,
  provenance: Provenance | undefined,
): Finding[] {
  const evidence = provenance === undefined ? [] : [provenance];
  const object = connector.identity ?? connector.name;
  const has = (mechanism: string) => connector.authMechanism.includes(mechanism);
  const findings: Finding[] = [];
  if (!has('Tls')) {
    findings.push({
      object,
      message: 'STARTTLS is not offered',
      value: connector.authMechanism,
      evidence,
    });
  }
  if (has('BasicAuth') && !has('BasicAuthRequireTLS')) {
    const message = 'Basic authentication is accepted before TLS';
    findings.push({ object, message, value: connector.authMechanism, evidence });
  }
  const anonymous = connector.permissionGroups.includes('AnonymousUsers');
  if (requireTls && !anonymous && !connector.requireTls) {
    const message = 'senders authenticate here, yet RequireTLS is off';
    findings.push({ object, message, value: connector.permissionGroups, evidence });
  }
  return findings;
}
