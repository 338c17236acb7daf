/**
 * Networks of zones kept apart that share addresses. The zones tell admin, client, server and
 * backup traffic apart; an address in two of them (an admin range inside the client range, one
 * network named in two zones) counts as both, so a check that tells those zones apart cannot
 * tell them apart there. A policy may mean it (a small site), so it is a warning, not an error;
 * EXZT.NET.8 fails it when the policy asks for the zones to be kept apart.
 */
import type { Policy } from './model.js';
import { parseNetworks, rangesOverlap, type NetworkZone } from './networks.js';

export interface ZoneOverlap {
  /**
   * The keys the warning is about, best first: the two zone entries naming the networks, then
   * the networks themselves (the loader points at the first the file wrote).
   */
  paths: string[];
  message: string;
}

/**
 * The zone pairs that must not share an address: clients apart from servers, backup and admin,
 * and backup apart from servers. Admin workstations may sit in a server network (jump hosts).
 * EXZT.NET.8 fails the same pairs.
 */
export const SEPARATED_ZONES: readonly (readonly [NetworkZone, NetworkZone])[] = [
  ['clients', 'servers'],
  ['clients', 'backup'],
  ['servers', 'backup'],
  ['admin', 'clients'],
];

export function zoneOverlaps(policy: Pick<Policy, 'networks' | 'network'>): ZoneOverlap[] {
  const overlaps: ZoneOverlap[] = [];
  const seen = new Set<string>();
  for (const [zone, other] of SEPARATED_ZONES) {
    policy.network.zones[other].forEach((otherName, otherIndex) => {
      policy.network.zones[zone].forEach((name, index) => {
        const message = overlapOf(policy, zone, name, other, otherName);
        const key = `${zone}/${name}/${other}/${otherName}`;
        if (message === undefined || seen.has(key)) return;
        seen.add(key);
        const paths = [
          `network.zones.${other}[${otherIndex}]`,
          `network.zones.${zone}[${index}]`,
          `networks.${otherName}`,
          `networks.${name}`,
        ];
        overlaps.push({ paths, message });
      });
    });
  }
  return overlaps;
}

function overlapOf(
  policy: Pick<Policy, 'networks'>,
  zone: NetworkZone,
  name: string,
  other: NetworkZone,
  otherName: string,
): string | undefined {
  const consequence = `an address there counts as both ${zone} and ${other}, so checks that tell them apart cannot`;
  if (name === otherName)
    return `network ${name} is in both zones ${zone} and ${other}: ${consequence}`;

  const ranges = parseNetworks(policy.networks[name] ?? []);
  const otherRanges = parseNetworks(policy.networks[otherName] ?? []);
  for (const range of ranges) {
    const shared = otherRanges.find((candidate) => rangesOverlap(range, candidate));
    if (shared === undefined) continue;
    return (
      `${shared.text} of network ${otherName} (zone ${other}) overlaps ${range.text} of ` +
      `network ${name} (zone ${zone}): ${consequence}`
    );
  }
  return undefined;
}
