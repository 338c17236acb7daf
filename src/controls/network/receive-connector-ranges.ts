/**
 * EXZT.NET.4: receive connectors accept connections only from the networks the policy declares.
 * The connectors setup creates listen to every address by design (their permissions are what
 * protects them, EXZT.NET.3); a connector someone added, such as an internal relay, must name its
 * senders, and every range any connector names must lie inside the policy's networks.
 */
import type { ReceiveConnector } from '../../evidence/importers/receive-connectors.js';
import {
  allNetworks,
  isEveryAddress,
  parseIpRange,
  rangeInNetworks,
} from '../../policy/networks.js';
import type { Control, Finding } from '../model.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';

/** Names Exchange setup gives its receive connectors, followed by the server name. */
const DEFAULT_CONNECTOR =
  /^(Default|Client Proxy|Default Frontend|Outbound Proxy Frontend|Client Frontend|Default internal receive connector) \S+$/i;

export const receiveConnectorRanges: Control = {
  id: 'EXZT.NET.4',
  area: 'network',
  title: 'Receive connectors accept connections only from declared networks',
  rationale:
    'RemoteIPRanges decides which hosts a connector serves. A relay or partner connector open to ' +
    '0.0.0.0-255.255.255.255, or to ranges nobody declared, extends its trust to hosts nobody ' +
    'vouched for; naming every network once in the policy keeps that list reviewable.',
  remediation: {
    text:
      'Scope each added receive connector to the addresses of the hosts that use it, and declare ' +
      'those networks in the policy (networks:).',
    powershell:
      'Set-ReceiveConnector "<SERVER>\\<Connector>" -RemoteIPRanges 10.40.0.25,10.40.0.26',
  },
  severity: 'medium',
  criticality: 'should',
  waivable: true,
  scope: 'server',
  requires: { subject: ['exchange.receive-connectors'] },
  mappings: {
    cisV8: ['13.4', '12.2'],
    nist800207: ['T4'],
    iso27001: ['A.8.20', 'A.8.22'],
    nist80053: ['SC-7', 'AC-4'],
    disaStig: [],
    ztmm: [{ pillar: 'networks', function: 'Network Segmentation' }],
  },
  policyKeys: ['networks'],
  evaluate(context) {
    const fact = context.fact('exchange.receive-connectors');
    const connectors = required(fact, 'exchange.receive-connectors');
    const enabled = connectors.filter((connector) => connector.enabled);
    if (enabled.length === 0) return notApplicable('the server has no enabled receive connector');

    const declared = allNetworks(context.policy);
    const findings = connectors.flatMap((connector, index) => {
      const provenance = fact.provenance[index];
      const evidence = provenance === undefined ? [] : [provenance];
      return connector.enabled
        ? rangeFindings(connector, declared).map((f) => ({ ...f, evidence }))
        : [];
    });
    if (findings.length > 0) {
      return fail(
        `${findings.length} remote IP range(s) reach beyond the declared networks`,
        findings,
      );
    }

    return pass(
      `${enabled.length} enabled receive connector(s) serve declared networks only`,
      fact.provenance,
    );
  },
};

function rangeFindings(
  connector: ReceiveConnector,
  declared: string[],
): Omit<Finding, 'evidence'>[] {
  const object = connector.identity ?? connector.name;
  const isDefault = DEFAULT_CONNECTOR.test(connector.name);
  return connector.remoteIpRanges.flatMap((text) => {
    const range = parseIpRange(text);
    if (range === undefined)
      return [{ object, message: `unreadable remote IP range "${text}"`, value: text }];
    if (isEveryAddress(range)) {
      return isDefault
        ? []
        : [{ object, message: `added connector accepts any address (${text})`, value: text }];
    }
    if (rangeInNetworks(range, declared)) return [];

    return [{ object, message: `${text} lies outside the policy's networks`, value: text }];
  });
}
