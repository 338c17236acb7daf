/**
 * EXZT.NET.8: client traffic cannot come from the server networks and backup traffic stays on the
 * backup network, as far as configuration shows it: the policy's zones share no address, and no
 * server carries an address in a client or admin network.
 */
import type { Policy } from '../../policy/model.js';
import { inNetworks, parseCidr, rangesOverlap, zoneNetworks } from '../../policy/networks.js';
import { SEPARATED_ZONES } from '../../policy/zone-overlaps.js';
import type { Control, Finding } from '../model.js';
import { fail, notApplicable, notAssessed, pass } from '../outcomes.js';
import { INTERFACE_KINDS, serverAddresses } from './interface-addresses.js';

export const trafficZones: Control = {
  id: 'EXZT.NET.8',
  area: 'network',
  title: 'Client, admin, server and backup zones are separate networks',
  rationale:
    'Rules that trust "the server network" or "the backup network" mean nothing when clients share ' +
    'its addresses. Zones that do not overlap, and servers with no foot in the client or admin ' +
    'networks, are what lets traffic be told apart by where it comes from.',
  remediation: {
    text:
      'Give each zone its own address ranges in the policy (network.zones and networks) and move ' +
      'server interfaces out of client and admin networks.',
  },
  severity: 'medium',
  criticality: 'should',
  waivable: true,
  scope: 'organization',
  requires: {},
  mappings: {
    cisV8: ['12.2', '13.4'],
    nist800207: ['T1', 'T4'],
    iso27001: ['A.8.22'],
    nist80053: ['SC-7', 'AC-4'],
    disaStig: [],
    ztmm: [{ pillar: 'networks', function: 'Network Segmentation' }],
  },
  policyKeys: ['network.separateBackupTraffic', 'network.zones', 'networks'],
  evaluate(context) {
    if (!context.policy.network.separateBackupTraffic) {
      return notApplicable(
        'the policy does not separate traffic by zone (network.separateBackupTraffic)',
      );
    }

    const findings = [...zoneOverlaps(context.policy)];
    const servers = context
      .servers()
      .map((subject) => ({ subject, addresses: serverAddresses(subject) }));
    const seen = servers.filter((server) => server.addresses !== undefined);
    const shared = [
      ...zoneNetworks(context.policy, 'clients'),
      ...zoneNetworks(context.policy, 'admin'),
    ];
    for (const { subject, addresses } of seen) {
      for (const { text, address, evidence } of addresses ?? []) {
        if (!inNetworks(address, shared)) continue;
        findings.push({
          object: subject.subject.name,
          message: `${text} lies in a client or admin network`,
          value: text,
          evidence,
        });
      }
    }
    if (findings.length > 0) return fail('traffic zones are not kept apart', findings);
    if (seen.length === 0)
      return notAssessed('no server interface export to place servers in zones', [
        ...INTERFACE_KINDS,
      ]);

    // TODO(#3): configuration only; the traffic itself (who connects from where) comes with the
    // log evidence of a later issue.
    return pass(
      `zones share no address and ${seen.length} server(s) stay out of client and admin networks; traffic itself is not seen`,
    );
  },
};

function zoneOverlaps(policy: Policy): Finding[] {
  return SEPARATED_ZONES.flatMap(([a, b]) => {
    const overlaps = pairsOf(zoneNetworks(policy, a), zoneNetworks(policy, b)).filter(([x, y]) => {
      const left = parseCidr(x);
      const right = parseCidr(y);
      return left !== undefined && right !== undefined && rangesOverlap(left, right);
    });
    return overlaps.map(([x, y]) => ({
      object: `zones ${a} and ${b}`,
      message: `${x} (${a}) overlaps ${y} (${b})`,
      value: [x, y],
      evidence: [],
    }));
  });
}

function pairsOf(left: string[], right: string[]): [string, string][] {
  return left.flatMap((x) => right.map((y): [string, string] => [x, y]));
}
