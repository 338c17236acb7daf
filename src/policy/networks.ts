/**
 * The policy's named networks (`networks:` name → CIDR list) and the address arithmetic every
 * network control shares: IPv4 and IPv6 addresses, CIDR blocks, and ranges written the way
 * Exchange writes RemoteIPRanges ("10.0.0.1-10.0.0.50", "10.0.0.0/24", "10.0.0.0(255.255.255.0)",
 * a single address). Pure: no I/O, no clock.
 */
import { ExztError } from '../errors.js';
import type { NetworkPolicy, Policy } from './model.js';

export type IpVersion = 4 | 6;

export interface IpAddress {
  version: IpVersion;
  value: bigint;
}

/** An inclusive span of addresses of one version, with the text it was read from. */
export interface IpRange {
  version: IpVersion;
  first: bigint;
  last: bigint;
  text: string;
}

export type NetworkZone = keyof NetworkPolicy['zones'];

const BITS: Readonly<Record<IpVersion, number>> = { 4: 32, 6: 128 };

/** An IPv4 or IPv6 address; IPv4-mapped IPv6 (::ffff:a.b.c.d) reads as IPv4; a zone id is dropped. */
export function parseIpAddress(text: string): IpAddress | undefined {
  const bare = text.trim().replace(/%[\w.-]+$/, '');
  const v4 = parseIpv4(bare);
  if (v4 !== undefined) return { version: 4, value: v4 };

  const v6 = parseIpv6(bare);
  if (v6 === undefined) return undefined;
  const mappedPrefix = 0xffffn << 32n;
  if (v6 >> 32n === 0xffffn) return { version: 4, value: v6 - mappedPrefix };
  return { version: 6, value: v6 };
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return undefined;

  const octets = parts.map(Number);
  if (octets.some((octet) => octet > 255)) return undefined;
  return octets.reduce((value, octet) => (value << 8n) | BigInt(octet), 0n);
}

function parseIpv6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.split('::').length > 2) return undefined;

  const [head = '', tail] = text.split('::');
  const headGroups = groupsOf(head);
  const tailGroups = tail === undefined ? [] : groupsOf(tail);
  if (headGroups === undefined || tailGroups === undefined) return undefined;
  const missing = 8 - headGroups.length - tailGroups.length;
  if ((tail === undefined && missing !== 0) || (tail !== undefined && missing < 1)) {
    return undefined;
  }

  const groups = [...headGroups, ...new Array<number>(Math.max(missing, 0)).fill(0), ...tailGroups];
  return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

/** Hex groups of one side of "::"; a trailing dotted IPv4 counts as two groups. */
function groupsOf(side: string): number[] | undefined {
  if (side === '') return [];

  const groups: number[] = [];
  const parts = side.split(':');
  for (const [index, part] of parts.entries()) {
    const v4 = index === parts.length - 1 ? parseIpv4(part) : undefined;
    if (v4 !== undefined) {
      groups.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
    } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
      groups.push(parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return groups;
}

/** "10.0.0.0/8" or "2001:db8::/32" (a bare address is a /32 or /128); undefined when malformed. */
export function parseCidr(text: string): IpRange | undefined {
  const [addressText = '', prefixText, extra] = text.trim().split('/');
  const address = parseIpAddress(addressText);
  if (address === undefined || extra !== undefined) return undefined;

  const bits = BITS[address.version];
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) return undefined;
  return blockOf(address, prefix, text.trim());
}

function blockOf(address: IpAddress, prefix: number, text: string): IpRange {
  const hostBits = BigInt(BITS[address.version] - prefix);
  const first = (address.value >> hostBits) << hostBits;
  return { version: address.version, first, last: first + (1n << hostBits) - 1n, text };
}

/**
 * A range as Exchange writes it in RemoteIPRanges or a client access rule: an address, a CIDR
 * block, "low-high", or "address(mask)"; undefined when malformed.
 */
export function parseIpRange(text: string): IpRange | undefined {
  const trimmed = text.trim();
  const masked = /^([^()]+)\(([^()]+)\)$/.exec(trimmed);
  if (masked !== null) return maskedRange(masked[1] ?? '', masked[2] ?? '', trimmed);

  const dash = trimmed.indexOf('-');
  if (dash < 0) return parseCidr(trimmed);

  const low = parseIpAddress(trimmed.slice(0, dash));
  const high = parseIpAddress(trimmed.slice(dash + 1));
  if (low === undefined || high === undefined || low.version !== high.version) return undefined;
  if (low.value > high.value) return undefined;
  return { version: low.version, first: low.value, last: high.value, text: trimmed };
}

function maskedRange(addressText: string, maskText: string, text: string): IpRange | undefined {
  const address = parseIpAddress(addressText);
  const mask = parseIpAddress(maskText);
  if (address === undefined || mask?.version !== 4 || address.version !== 4) return undefined;

  const maskBits = mask.value.toString(2).padStart(32, '0');
  if (!/^1*0*$/.test(maskBits)) return undefined;
  const prefix = maskBits.indexOf('0') < 0 ? 32 : maskBits.indexOf('0');
  return blockOf(address, prefix, text);
}

/** Every CIDR of the list, parsed; a malformed one is a POLICY error naming it. */
export function parseNetworks(cidrs: readonly string[]): IpRange[] {
  return cidrs.map((cidr) => {
    const range = parseCidr(cidr);
    if (range === undefined) {
      throw new ExztError(
        'POLICY',
        `network "${cidr}" is not a CIDR block; expected e.g. 10.10.0.0/24 or 2001:db8::/48`,
      );
    }
    return range;
  });
}

/** True when the address (text or parsed) lies in one of the CIDR blocks. */
export function inNetworks(ip: string | IpAddress, cidrs: readonly string[]): boolean {
  const address = typeof ip === 'string' ? parseIpAddress(ip) : ip;
  if (address === undefined) return false;

  return parseNetworks(cidrs).some(
    (block) =>
      block.version === address.version &&
      block.first <= address.value &&
      address.value <= block.last,
  );
}

/** True when every address of the range lies in the union of the CIDR blocks. */
export function rangeInNetworks(range: IpRange, cidrs: readonly string[]): boolean {
  const blocks = parseNetworks(cidrs)
    .filter((block) => block.version === range.version)
    .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));

  let covered = range.first;
  for (const block of blocks) {
    if (block.first > covered) break;
    if (block.last >= covered) covered = block.last + 1n;
    if (covered > range.last) return true;
  }
  return false;
}

/** True when the two ranges share at least one address. */
export function rangesOverlap(a: IpRange, b: IpRange): boolean {
  return a.version === b.version && a.first <= b.last && b.first <= a.last;
}

/** Names of the policy's networks that contain the address, sorted. */
export function networkOf(ip: string | IpAddress, policy: Pick<Policy, 'networks'>): string[] {
  return Object.entries(policy.networks)
    .filter(([, cidrs]) => inNetworks(ip, cidrs))
    .map(([name]) => name)
    .sort();
}

/** The CIDR blocks of the named networks; a name the policy does not define is a POLICY error. */
export function networksNamed(
  names: readonly string[],
  policy: Pick<Policy, 'networks'>,
): string[] {
  return names.flatMap((name) => {
    const cidrs = policy.networks[name];
    if (cidrs === undefined) {
      const known = Object.keys(policy.networks).sort().join(', ');
      throw new ExztError('POLICY', `network "${name}" is not defined in networks (${known})`);
    }
    return cidrs;
  });
}

/** The CIDR blocks of a zone (network.zones.<zone>). */
export function zoneNetworks(policy: Pick<Policy, 'networks' | 'network'>, zone: NetworkZone) {
  return networksNamed(policy.network.zones[zone], policy);
}

/** Every declared CIDR block of the policy. */
export function allNetworks(policy: Pick<Policy, 'networks'>): string[] {
  return Object.values(policy.networks).flat();
}

/** Loopback, link-local, unspecified: addresses that never cross a network. */
export function isLocalOnly(address: IpAddress): boolean {
  if (address.version === 4) {
    const firstOctet = address.value >> 24n;
    return firstOctet === 127n || address.value >> 16n === 0xa9fen || address.value === 0n;
  }
  return address.value <= 1n || address.value >> 118n === 0x3fan;
}

/** The whole address space of a version: "0.0.0.0-255.255.255.255" or "::-ffff:…:ffff". */
export function isEveryAddress(range: IpRange): boolean {
  return range.first === 0n && range.last === (1n << BigInt(BITS[range.version])) - 1n;
}
