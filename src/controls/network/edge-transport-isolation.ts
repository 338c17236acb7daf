/**
 * EXZT.NET.9: an Edge Transport server stands in the perimeter outside the Active Directory
 * domain, and reaches the organisation only through its Edge subscription (EdgeSync), whose send
 * connectors name it as their source. What Get-ExchangeServer and Get-SendConnector show.
 */
import { factOf } from '../../evidence/evidence-set.js';
import type { SendConnector } from '../../evidence/importers/send-connectors.js';
import { USABLE_STATUSES } from '../../evidence/model.js';
import type { RuleContext } from '../context.js';
import type { Control, Finding } from '../model.js';
import { fail, notApplicable, notAssessed, optional, pass, required } from '../outcomes.js';

/** New-EdgeSubscription names the connectors it creates "EdgeSync - <site> to Internet" and "EdgeSync - Inbound to <site>". */
const EDGE_SYNC_CONNECTOR = /^EdgeSync - /i;

export const edgeTransportIsolation: Control = {
  id: 'EXZT.NET.9',
  area: 'network',
  title: 'Edge Transport servers stay outside the domain and talk through an Edge subscription',
  rationale:
    'The Edge role faces the Internet by design. Joined to the domain, a compromised Edge hands the ' +
    'attacker a domain computer account in the perimeter; without an Edge subscription, mail flow ' +
    'to it is configured by hand and tends to be opened wider than EdgeSync would.',
  remediation: {
    text:
      'Run the Edge Transport server in a workgroup in the perimeter network and subscribe it to ' +
      'its Active Directory site with New-EdgeSubscription.',
    powershell:
      '# On the Edge server:\nNew-EdgeSubscription -FileName C:\\Temp\\Edge.xml\n' +
      '# On a Mailbox server:\nNew-EdgeSubscription -FileData ([System.IO.File]::ReadAllBytes("C:\\Temp\\Edge.xml")) -Site "<AD site>"',
  },
  severity: 'medium',
  criticality: 'should',
  waivable: true,
  scope: 'server',
  requires: { subject: ['exchange.server'] },
  mappings: {
    cisV8: ['12.2', '4.1'],
    nist800207: ['T1', 'T5'],
    iso27001: ['A.8.22', 'A.8.20'],
    nist80053: ['SC-7', 'SC-7(21)'],
    disaStig: ['V-259593'],
    ztmm: [{ pillar: 'networks', function: 'Network Segmentation' }],
  },
  policyKeys: [],
  evaluate(context) {
    const server = required(context.fact('exchange.server'), 'exchange.server');
    if (!server.isEdgeServer)
      return notApplicable(`${server.name} is not an Edge Transport server`);

    const sendFact = context.organizationFact('exchange.send-connectors');
    const connectors = optional(sendFact);
    if (connectors === undefined) {
      return notAssessed('whether the Edge is subscribed shows in the send connectors', [
        'organization:exchange.send-connectors',
      ]);
    }

    const evidence = context.fact('exchange.server').provenance;
    const findings: Finding[] = [];
    const domain = internalDomainOf(context, server.fqdn);
    if (domain !== undefined) {
      findings.push({
        object: server.name,
        message: `FQDN ${server.fqdn} is in the internal domain ${domain}`,
        value: server.fqdn,
        evidence,
      });
    }
    if (!subscribed(server.name, connectors)) {
      findings.push({
        object: server.name,
        message: 'no EdgeSync send connector names it: no Edge subscription',
        evidence: sendFact.provenance,
      });
    }
    if (findings.length > 0)
      return fail(`${server.name} is not isolated as an Edge should be`, findings);

    return pass(
      `${server.name} is outside the internal domain and subscribed through EdgeSync`,
      evidence,
    );
  },
};

/**
 * The internal DNS domain the Edge's FQDN shares with a domain-joined Exchange server, if any.
 * TODO(#3): an FQDN suffix is a hint, not proof; the computer object in AD
 * (exchange.server-ad-object) would settle domain membership once it has a typed importer.
 */
function internalDomainOf(context: RuleContext, fqdn: string | undefined): string | undefined {
  const suffix = domainOf(fqdn);
  if (suffix === undefined) return undefined;

  const internal = context.servers().flatMap((subject) => {
    const fact = factOf(subject, 'exchange.server');
    const other = USABLE_STATUSES.has(fact.status) ? fact.value : undefined;
    return other === undefined || other.isEdgeServer ? [] : [domainOf(other.fqdn)];
  });
  return internal.includes(suffix) ? suffix : undefined;
}

function domainOf(fqdn: string | undefined): string | undefined {
  const dot = fqdn?.indexOf('.') ?? -1;
  return fqdn !== undefined && dot > 0 ? fqdn.slice(dot + 1).toLowerCase() : undefined;
}

function subscribed(edgeName: string, connectors: SendConnector[]): boolean {
  const name = edgeName.toLowerCase();
  return connectors.some(
    (connector) =>
      EDGE_SYNC_CONNECTOR.test(connector.name) &&
      (connector.sourceTransportServers.length === 0 ||
        connector.sourceTransportServers.some((source) => source.toLowerCase() === name)),
  );
}
