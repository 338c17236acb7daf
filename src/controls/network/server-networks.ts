/**
 * EXZT.NET.6: every address of an Exchange server lies in the networks the policy declares for
 * servers (network.zones.servers), or for DAG replication (network.zones.backup). A server with a
 * leg in a client or unknown network bridges segments the policy keeps apart.
 */
import { networkOf, zoneNetworks, inNetworks } from '../../policy/networks.js';
import type { Control, Finding } from '../model.js';
import { fail, notApplicable, notAssessed, optional, pass } from '../outcomes.js';
import { INTERFACE_KINDS, serverAddresses } from './interface-addresses.js';

export const serverNetworks: Control = {
  id: 'EXZT.NET.6',
  area: 'network',
  title: 'Server network interfaces sit only in the declared server and backup networks',
  rationale:
    'Segmentation only holds if servers have no address in the networks they are separated from. ' +
    'An Exchange server with an interface in a client or undeclared network can be reached, and ' +
    'can reach out, around every filter between the segments.',
  remediation: {
    text:
      'Move the interface into a server (or, for DAG replication, backup) network, or declare the ' +
      'network in the policy if it is one; remove interfaces the server does not need.',
  },
  severity: 'medium',
  criticality: 'should',
  waivable: true,
  scope: 'server',
  requires: {},
  mappings: {
    cisV8: ['12.2', '13.4'],
    nist800207: ['T1'],
    iso27001: ['A.8.22'],
    nist80053: ['SC-7', 'SC-32'],
    disaStig: [],
    ztmm: [{ pillar: 'networks', function: 'Network Segmentation' }],
  },
  policyKeys: ['network.zones.servers', 'network.zones.backup', 'networks'],
  evaluate(context) {
    const server = optional(context.fact('exchange.server'));
    // TODO(#3): the policy has no perimeter zone yet; Edge placement is judged by EXZT.NET.9.
    if (server?.isEdgeServer === true)
      return notApplicable('an Edge Transport server sits in the perimeter');

    const addresses = serverAddresses(context.subject);
    if (addresses === undefined)
      return notAssessed('no interface export for the server', [...INTERFACE_KINDS]);
    if (addresses.length === 0)
      return notAssessed('the interface export holds no routable address', [...INTERFACE_KINDS]);

    const servers = zoneNetworks(context.policy, 'servers');
    const allowed = [...servers, ...zoneNetworks(context.policy, 'backup')];
    const findings: Finding[] = addresses
      .filter(({ address }) => !inNetworks(address, allowed))
      .map(({ interfaceName, text, address, evidence }) => {
        const names = networkOf(address, context.policy);
        const where = names.length === 0 ? 'no declared network' : `network ${names.join(', ')}`;
        return {
          object: interfaceName,
          message: `${text} lies in ${where}`,
          value: text,
          evidence,
        };
      });
    if (!addresses.some(({ address }) => inNetworks(address, servers))) {
      const evidence = addresses[0]?.evidence ?? [];
      findings.push({
        object: context.subject.subject.name,
        message: 'no address in a server network',
        evidence,
      });
    }
    if (findings.length > 0) return fail('the server has addresses outside its zones', findings);

    const evidence = addresses.flatMap((a) => a.evidence).slice(0, 1);
    return pass(`${addresses.length} address(es) in the server and backup networks`, evidence);
  },
};
