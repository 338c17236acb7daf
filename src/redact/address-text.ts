/**
 * IP addresses as they appear in evidence and policy text: a single address, a CIDR network
 * (10.20.0.0/16) or a range (10.0.0.1-10.0.0.50), IPv4 or IPv6, redacted with the
 * prefix-preserving map. A network keeps its prefix length, with its host bits cleared again,
 * so the hosts it held before redaction are the hosts it holds after.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { PrefixPreservingMap } from './prefix-preserving.js';
import { formatIpv6, ipv6Bytes, type AddressBits } from './prefix-preserving.js';

export class AddressRedactor {
  constructor(private readonly map: PrefixPreservingMap) {}

  /** The pseudonym of an address, a CIDR or a range; undefined when `text` is none of these. */
  redact(text: string): string | undefined {
    const range = /^([^-\s]+)-([^-\s]+)$/.exec(text);
    if (range?.[1] !== undefined && range[2] !== undefined) return this.range(range[1], range[2]);
    const cidr = /^([^/\s]+)\/(\d{1,3})$/.exec(text);
    if (cidr?.[1] !== undefined && cidr[2] !== undefined)
      return this.network(cidr[1], Number(cidr[2]));
    const zone = /^([^%\s]+)(%[\w.-]+)$/.exec(text);
    if (zone?.[1] !== undefined && isIPv6(zone[1])) return `${this.address(zone[1])}${zone[2]}`;
    return parseAddress(text) === undefined ? undefined : this.address(text);
  }

  address(text: string): string | undefined {
    const parsed = parseAddress(text);
    return parsed === undefined ? undefined : format(parsed.version, this.map.map(parsed));
  }

  network(text: string, prefix: number): string | undefined {
    const parsed = parseAddress(text);
    if (parsed === undefined || prefix > parsed.bytes.length * 8) return undefined;
    const mapped = clearHostBits(this.map.map(parsed), prefix, false);
    return `${format(parsed.version, mapped)}/${prefix}`;
  }

  /** An aligned range (a whole network) becomes that network's range after redaction. */
  private range(first: string, last: string): string | undefined {
    const low = parseAddress(first);
    const high = parseAddress(last);
    if (low === undefined || high === undefined || low.version !== high.version) return undefined;
    const prefix = alignedPrefix(low.bytes, high.bytes);
    if (prefix === undefined) {
      // TODO(#5): a range that is not one network (10.0.0.5-10.0.0.9) is redacted end by end;
      // prefix preservation keeps each end's networks but not the order, so "between" may change.
      return `${this.address(first)}-${this.address(last)}`;
    }
    const mapped = this.map.map(low);
    const start = clearHostBits(mapped, prefix, false);
    const end = clearHostBits(mapped, prefix, true);
    return `${format(low.version, start)}-${format(low.version, end)}`;
  }
}

export function parseAddress(text: string): AddressBits | undefined {
  if (isIPv4(text)) return { version: 4, bytes: Buffer.from(text.split('.').map(Number)) };
  if (isIPv6(text)) return { version: 6, bytes: Buffer.from(ipv6Bytes(text)) };
  return undefined;
}

function format(version: 4 | 6, bytes: Buffer): string {
  return version === 4 ? [...bytes].join('.') : formatIpv6(bytes);
}

/** Host bits (after `prefix`) set to 0, or to 1 for the last address of the network. */
function clearHostBits(bytes: Buffer, prefix: number, ones: boolean): Buffer {
  const out = Buffer.from(bytes);
  for (let i = prefix; i < out.length * 8; i++) {
    const mask = 1 << (7 - (i & 7));
    const value = out[i >> 3] ?? 0;
    out[i >> 3] = ones ? value | mask : value & ~mask;
  }
  return out;
}

/** The prefix length when low..high is exactly one network, else undefined. */
function alignedPrefix(low: Buffer, high: Buffer): number | undefined {
  const bits = low.length * 8;
  for (let prefix = 0; prefix <= bits; prefix++) {
    const start = clearHostBits(low, prefix, false);
    const end = clearHostBits(low, prefix, true);
    if (start.equals(low) && end.equals(high)) return prefix;
  }
  return undefined;
}
