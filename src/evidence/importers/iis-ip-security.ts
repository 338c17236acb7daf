/**
 * IIS IP address restrictions (system.webServer/security/ipSecurity) of one applicationHost.config
 * location: whether addresses not listed are allowed, and each listed entry. IIS matches an entry
 * by ipAddress and subnetMask (an IPv4 mask or a prefix length); `allowed` defaults to false.
 * Source: IIS configuration reference, <ipSecurity> and its <add> element.
 */
import { attribute, childrenNamed, type XmlElement } from '../xml-config/xml-reader.js';

export interface IpSecurityEntry {
  /** ipAddress as written, or undefined for a domainName entry. */
  ipAddress?: string;
  /** subnetMask as written ("255.255.255.0" or "24"); absent means the single address. */
  subnetMask?: string;
  domainName?: string;
  allowed: boolean;
  /** 1-based line of the <add> element. */
  line: number;
}

export interface IisIpSecurity {
  /** allowUnlisted as written ("true", "false"); IIS's default is true. */
  allowUnlisted?: string;
  /** How many <add> entries the element lists. */
  entries: number;
  rules: IpSecurityEntry[];
}

export function readIpSecurity(element: XmlElement): IisIpSecurity {
  const rules = childrenNamed(element, 'add').map(readEntry);
  const allowUnlisted = attribute(element, 'allowUnlisted');
  const security: IisIpSecurity = { entries: rules.length, rules };
  if (allowUnlisted !== undefined) security.allowUnlisted = allowUnlisted;
  return security;
}

function readEntry(element: XmlElement): IpSecurityEntry {
  const entry: IpSecurityEntry = {
    allowed: attribute(element, 'allowed')?.toLowerCase() === 'true',
    line: element.line,
  };
  const ipAddress = attribute(element, 'ipAddress');
  const subnetMask = attribute(element, 'subnetMask');
  const domainName = attribute(element, 'domainName');
  if (ipAddress !== undefined) entry.ipAddress = ipAddress;
  if (subnetMask !== undefined) entry.subnetMask = subnetMask;
  if (domainName !== undefined) entry.domainName = domainName;
  return entry;
}

/** The entry as a CIDR block ("10.10.0.0/24"), or undefined for a domain name or bad mask. */
export function entryCidr(entry: IpSecurityEntry): string | undefined {
  if (entry.ipAddress === undefined) return undefined;
  if (entry.subnetMask === undefined) return entry.ipAddress;
  if (/^\d{1,3}$/.test(entry.subnetMask)) return `${entry.ipAddress}/${entry.subnetMask}`;

  const bits = entry.subnetMask
    .split('.')
    .map((octet) => Number(octet).toString(2).padStart(8, '0'))
    .join('');
  if (!/^[01]{32}$/.test(bits) || !/^1*0*$/.test(bits)) return undefined;
  const prefix = bits.indexOf('0') < 0 ? 32 : bits.indexOf('0');
  return `${entry.ipAddress}/${prefix}`;
}
