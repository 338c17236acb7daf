/**
 * EXZT.DAT.4: send connectors never ignore STARTTLS and, when the policy requires SMTP TLS,
 * require it with certificate validation wherever the destination is known: smart hosts
 * (Exchange Online, relays) and named partner domains. HealthChecker flags the Exchange Online
 * connector without a TLS authentication level the same way (healthchecker-checks.md §11, §12).
 */
import type { SendConnector } from '../../evidence/importers/send-connectors.js';
import type { Provenance } from '../../evidence/model.js';
import type { Control, Finding } from '../model.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';

const VALIDATING_LEVELS = ['CertificateValidation', 'DomainValidation'];

export const sendConnectorTls: Control = {
  id: 'EXZT.DAT.4',
  area: 'data',
  title: 'Send connectors require validated TLS to known destinations',
  rationale:
    'Mail leaving through a smart host or to a partner domain takes a path the organisation knows, ' +
    'so it can insist on TLS and check the certificate; without that, anyone who can redirect the ' +
    'connection reads the mail. Ignoring STARTTLS sends every message in the clear.',
  remediation: {
    text:
      'Turn IgnoreSTARTTLS off everywhere; on smart-host and partner-domain connectors set ' +
      'RequireTLS and a TlsAuthLevel of CertificateValidation or DomainValidation (with TlsDomain).',
    powershell:
      "Set-SendConnector -Identity '<connector>' -RequireTLS $true -TlsAuthLevel DomainValidation " +
      "-TlsDomain 'mail.protection.outlook.com' -IgnoreSTARTTLS $false",
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { organization: ['exchange.send-connectors'] },
  mappings: {
    cisV8: ['3.10'],
    nist800207: ['T2'],
    iso27001: ['A.5.14', 'A.8.24'],
    nist80053: ['SC-8', 'SC-8(1)', 'SC-23'],
    disaStig: ['V-259710', 'V-259594', 'V-259642'],
    ztmm: [{ pillar: 'networks', function: 'Traffic Encryption' }],
  },
  policyKeys: ['data.smtpTls'],
  evaluate(context) {
    const fact = context.organizationFact('exchange.send-connectors');
    const connectors = required(fact, 'exchange.send-connectors');
    const enabled = connectors.filter((connector) => connector.enabled).length;
    if (enabled === 0) return notApplicable('the organisation has no enabled send connector');

    const requireTls = context.policy.data.smtpTls === 'required';
    const findings = connectors.flatMap((connector, index) =>
      connector.enabled ? connectorFindings(connector, requireTls, fact.provenance[index]) : [],
    );
    if (findings.length > 0) {
      return fail(`${findings.length} send connector setting(s) weaken outbound TLS`, findings);
    }

    return pass(`${enabled} enabled send connector(s) use TLS as the policy asks`, fact.provenance);
  },
};

/** Smart hosts, or address spaces that name domains rather than "*". */
function hasKnownDestination(connector: SendConnector): boolean {
  if (connector.smartHosts.length > 0) return true;

  return connector.addressSpaces.some((space) => !/^(smtp:)?\*(;\d+)?$/i.test(space.trim()));
}

function connectorFindings(
  connector: SendConnector,
  requireTls: boolean,
  provenance: Provenance | undefined,
): Finding[] {
  const evidence = provenance === undefined ? [] : [provenance];
  const object = connector.name;
  const findings: Finding[] = [];
  if (connector.ignoreStartTls) {
    findings.push({
      object,
      message: 'IgnoreSTARTTLS is on: mail always leaves in the clear',
      evidence,
    });
  }
  if (!requireTls || !hasKnownDestination(connector)) return findings;

  if (!connector.requireTls) {
    findings.push({ object, message: 'known destination, yet RequireTLS is off', evidence });
  }
  if (!VALIDATING_LEVELS.includes(connector.tlsAuthLevel ?? '')) {
    const message = `TlsAuthLevel is ${connector.tlsAuthLevel ?? 'not set'}: the certificate is not validated`;
    findings.push({ object, message, evidence });
  }
  return findings;
}
