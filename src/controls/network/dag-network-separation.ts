/**
 * EXZT.NET.7: DAG replication runs only on the backup networks and client (MAPI) traffic only on
 * the server networks (network.separateBackupTraffic). Exchange replicates over every network
 * with ReplicationEnabled, the MAPI network included, until that is switched off.
 */
import type { DagNetwork } from '../../evidence/importers/dag-networks.js';
import { parseCidr, rangeInNetworks, zoneNetworks } from '../../policy/networks.js';
import type { Control, Finding } from '../model.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';

export const dagNetworkSeparation: Control = {
  id: 'EXZT.NET.7',
  area: 'network',
  title: 'DAG replication stays on the backup network, client traffic on the server network',
  rationale:
    'Database copies carry every mailbox in bulk. Keeping replication on its own network keeps ' +
    'that stream away from clients and lets it be filtered and watched on its own, and a MAPI ' +
    'network that also replicates makes the separation the policy asks for a fiction.',
  remediation: {
    text:
      'Turn replication off on the MAPI network and MAPI access off on the replication network; ' +
      'place each network’s subnets in the zone the policy gives it.',
    powershell:
      'Set-DatabaseAvailabilityGroupNetwork -Identity "DAG1\\MapiDagNetwork" -ReplicationEnabled:$false\n' +
      'Set-DatabaseAvailabilityGroupNetwork -Identity "DAG1\\ReplicationDagNetwork01" -MapiAccessEnabled:$false',
  },
  severity: 'medium',
  criticality: 'should',
  waivable: true,
  scope: 'organization',
  requires: { organization: ['exchange.dag-networks'] },
  mappings: {
    cisV8: ['12.2', '13.4'],
    nist800207: ['T2'],
    iso27001: ['A.8.22', 'A.8.14'],
    nist80053: ['SC-7', 'SC-32'],
    disaStig: [],
    ztmm: [
      { pillar: 'networks', function: 'Network Segmentation' },
      { pillar: 'networks', function: 'Network Resilience' },
    ],
  },
  policyKeys: [
    'network.separateBackupTraffic',
    'network.zones.backup',
    'network.zones.servers',
    'networks',
  ],
  evaluate(context) {
    if (!context.policy.network.separateBackupTraffic) {
      return notApplicable(
        'the policy does not separate backup traffic (network.separateBackupTraffic)',
      );
    }

    const fact = context.organizationFact('exchange.dag-networks');
    const networks = required(fact, 'exchange.dag-networks');
    const used = networks.filter((network) => !network.ignoreNetwork);
    if (used.length === 0) return notApplicable('no database availability group network is in use');

    const zones = {
      backup: zoneNetworks(context.policy, 'backup'),
      servers: zoneNetworks(context.policy, 'servers'),
    };
    const findings = networks.flatMap((network, index) => {
      const provenance = fact.provenance[index];
      const evidence = provenance === undefined ? [] : [provenance];
      return network.ignoreNetwork
        ? []
        : networkFindings(network, zones).map((f) => ({ ...f, evidence }));
    });
    if (findings.length > 0) return fail('DAG traffic is not kept to its networks', findings);

    return pass(
      `${used.length} DAG network(s) keep replication and client traffic apart`,
      fact.provenance,
    );
  },
};

function networkFindings(
  network: DagNetwork,
  zones: { backup: string[]; servers: string[] },
): Omit<Finding, 'evidence'>[] {
  const object = network.dag === undefined ? network.name : `${network.dag}\\${network.name}`;
  const findings: Omit<Finding, 'evidence'>[] = [];
  if (network.replicationEnabled && network.mapiAccessEnabled) {
    findings.push({ object, message: 'carries both client (MAPI) and replication traffic' });
  }
  if (network.replicationEnabled) {
    const outside = subnetsOutside(network.subnets, zones.backup);
    if (outside.length > 0) {
      findings.push({
        object,
        message: `replicates on ${outside.join(', ')}, outside the backup networks`,
        value: outside,
      });
    }
  }
  if (network.mapiAccessEnabled) {
    const outside = subnetsOutside(network.subnets, zones.servers);
    if (outside.length > 0) {
      findings.push({
        object,
        message: `serves clients on ${outside.join(', ')}, outside the server networks`,
        value: outside,
      });
    }
  }
  return findings;
}

function subnetsOutside(subnets: string[], zone: string[]): string[] {
  return subnets.filter((subnet) => {
    const range = parseCidr(subnet);
    return range === undefined || !rangeInNetworks(range, zone);
  });
}
