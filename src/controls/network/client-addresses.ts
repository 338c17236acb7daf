/**
 * EXZT.NET.10: clients reach Exchange only from the networks the policy names, and never from a
 * server network — as the logs show. A request from a server network is a server acting as a
 * client (a compromised host, a misrouted proxy); one from nowhere the policy knows is unplanned.
 */
import type { Control } from '../model.js';
import { fail, pass, required } from '../outcomes.js';
import { usageFindings } from '../log-usage-findings.js';

const FINDINGS_SHOWN = 200;

export const clientAddresses: Control = {
  id: 'EXZT.NET.10',
  area: 'network',
  title: 'Clients connect only from the policy networks, never from server networks',
  rationale:
    'A Zero Trust policy names where clients may come from. Traffic from outside those networks ' +
    'is unplanned exposure; client traffic from a server network breaks the separation the ' +
    'policy relies on. The logs show the addresses actually seen.',
  remediation: {
    text:
      'For each address: add it to the policy if it is a legitimate client network (a VPN, a ' +
      'reverse proxy), or block it at the firewall. Investigate client traffic from server ' +
      'networks.',
  },
  severity: 'medium',
  criticality: 'should',
  waivable: true,
  scope: 'organization',
  requires: { organization: ['logs.client-addresses'] },
  policyKeys: ['networks', 'network.zones'],
  mappings: {
    cisV8: ['12.2', '13.4'],
    nist800207: ['T1', 'T5'],
    iso27001: ['A.8.20', 'A.8.22'],
    nist80053: ['SC-7', 'AC-17'],
    disaStig: [],
    ztmm: [{ pillar: 'networks', function: 'Network Segmentation' }],
  },
  evaluate(context) {
    const fact = context.fact('logs.client-addresses');
    const addresses = required(fact, 'logs.client-addresses');
    if (addresses.length === 0) {
      return pass(
        'every client address seen lies in a policy network outside the server zone',
        fact.provenance,
      );
    }
    const ordered = [...addresses].sort((a, b) => b.count - a.count).slice(0, FINDINGS_SHOWN);
    return fail(
      `${addresses.length} client addresses outside the policy networks or inside server networks`,
      usageFindings(fact, ordered),
    );
  },
};
