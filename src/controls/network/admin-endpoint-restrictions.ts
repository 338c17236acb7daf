/**
 * The two ways an Exchange server itself keeps an IIS endpoint to the admin networks (EXZT.NET.1):
 * IIS IP address restrictions on the front-end virtual directory, and client access rules.
 */
import type { IisLocation } from '../../evidence/importers/application-host.js';
import type { ClientAccessRule } from '../../evidence/importers/client-access-rules.js';
import { entryCidr } from '../../evidence/importers/iis-ip-security.js';
import { parseIpRange, rangeInNetworks } from '../../policy/networks.js';

export const FRONT_END_SITE = 'Default Web Site';

export interface IisRestriction {
  restricted: boolean;
  reason: string;
  /** Index of the location in the config, for provenance. */
  index: number;
}

/**
 * The nearest location with an ipSecurity element governs the virtual directory.
 * TODO(#3): IIS merges <add> entries down the path and the server-wide element under
 * system.webServer; the nearest location alone is read here, and only on the front-end site
 * (the back end on port 444 should be reachable from Exchange servers only, unchecked).
 */
export function iisRestriction(
  locations: IisLocation[],
  vdir: string,
  admin: string[],
): IisRestriction {
  const index =
    [`${FRONT_END_SITE}/${vdir}`, FRONT_END_SITE]
      .map((path) =>
        locations.findIndex((l) => l.path.toLowerCase() === path.toLowerCase() && l.ipSecurity),
      )
      .find((found) => found >= 0) ?? -1;
  const security = locations[index]?.ipSecurity;
  if (security === undefined || security.allowUnlisted?.toLowerCase() !== 'false') {
    return {
      restricted: false,
      reason: 'IIS allows every address (no ipSecurity allowUnlisted="false")',
      index,
    };
  }

  const outside = security.rules
    .filter((rule) => rule.allowed)
    .map((rule) => entryCidr(rule) ?? rule.domainName ?? '?')
    .filter((cidr) => !withinAdmin(cidr, admin));
  if (outside.length === 0) return { restricted: true, reason: '', index };
  return {
    restricted: false,
    reason: `IIS allows ${outside.join(', ')} outside the admin networks`,
    index,
  };
}

/**
 * True when an enabled rule denies the protocol to every address outside the admin networks before
 * any rule allows such an address (rules apply in Priority order, the first match wins).
 */
export function rulesRestrict(
  rules: ClientAccessRule[],
  protocol: string,
  admin: string[],
): boolean {
  const relevant = rules
    .filter((rule) => rule.enabled && coversProtocol(rule, protocol))
    .sort((a, b) => a.priority - b.priority);
  if (relevant.length === 0) return false;

  for (const rule of relevant) {
    const reachesOutside =
      rule.anyOfClientIPAddressesOrRanges.length === 0 ||
      rule.anyOfClientIPAddressesOrRanges.some((range) => !withinAdmin(range, admin));
    if (rule.action === 'AllowAccess' && reachesOutside) return false;
    if (
      rule.action === 'DenyAccess' &&
      appliesToEveryone(rule) &&
      rule.anyOfClientIPAddressesOrRanges.length === 0
    ) {
      return rule.exceptAnyOfClientIPAddressesOrRanges.every((range) => withinAdmin(range, admin));
    }
  }
  return false;
}

function coversProtocol(rule: ClientAccessRule, protocol: string): boolean {
  return rule.anyOfProtocols.length === 0 || rule.anyOfProtocols.includes(protocol);
}

function appliesToEveryone(rule: ClientAccessRule): boolean {
  return (
    rule.usernameMatchesAnyOfPatterns.length === 0 &&
    rule.userRecipientFilter === undefined &&
    rule.anyOfAuthenticationTypes.length === 0
  );
}

function withinAdmin(text: string, admin: string[]): boolean {
  const range = parseIpRange(text);
  return range !== undefined && rangeInNetworks(range, admin);
}
