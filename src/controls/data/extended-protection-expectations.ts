/**
 * HealthChecker's Extended Protection expectations and verdicts (healthchecker-checks.md §5;
 * Shared/IISFunctions/ExtendedProtection/Get-ExtendedProtectionConfigurationResult.ps1): the
 * value each virtual directory should have per site, and whether the value found is secure.
 */
import type {
  ApplicationHostConfig,
  IisLocation,
} from '../../evidence/importers/application-host.js';
import type { ExchangeVersion } from '../../knowledge/index.js';

export type TokenChecking = 'None' | 'Allow' | 'Require';

const FRONT_END = 'Default Web Site';
const BACK_END = 'Exchange Back End';

/** [virtual directory, front-end value, back-end value]; undefined = not on that site. */
const EXPECTED: [string, TokenChecking | undefined, TokenChecking | undefined][] = [
  ['API', 'Require', 'Require'],
  ['Autodiscover', 'None', 'None'],
  ['ECP', 'Require', 'Require'],
  ['EWS', 'Allow', 'Require'],
  ['Microsoft-Server-ActiveSync', 'Allow', 'Require'],
  ['Microsoft-Server-ActiveSync/Proxy', 'Allow', 'Require'],
  ['OAB', 'Allow', 'Require'],
  ['Powershell', 'None', 'Require'],
  ['OWA', 'Require', 'Require'],
  ['RPC', 'Require', 'Require'],
  ['MAPI', 'Require', undefined],
  ['PushNotifications', undefined, 'Require'],
  ['RPCWithCert', undefined, 'Require'],
  ['MAPI/emsmdb', undefined, 'Require'],
  ['MAPI/nspi', undefined, 'Require'],
];

/** Where IP filtering (allowUnlisted=false) stands in for Require. */
const IP_FILTER_MITIGABLE = new Set([`${BACK_END}/EWS`.toLowerCase()]);

export interface VirtualDirectoryVerdict {
  path: string;
  current: TokenChecking;
  expected: TokenChecking;
  /** Current at or above expected, or mitigated by IP filtering. */
  secure: boolean;
  /** Current above expected: clients may break (HealthChecker's unsupported, Yellow). */
  aboveExpected: boolean;
  location?: IisLocation;
}

/** E2013 build ≥ 1497.38; E2016 > 2507, 2507.11+, 2375.30+; E2019 > 1118, 1118.11+, 986.28+. */
export function supportsExtendedProtection(version: ExchangeVersion): boolean {
  const { major, minor, build, revision } = version;
  if (major !== 15) return false;
  if (minor === 2)
    return build > 1118 || (build === 1118 && revision >= 11) || (build === 986 && revision >= 28);
  if (minor === 1)
    return build > 2507 || (build === 2507 && revision >= 11) || (build === 2375 && revision >= 30);
  return minor === 0 && (build > 1497 || (build === 1497 && revision >= 38));
}

export function judgeVirtualDirectories(
  config: ApplicationHostConfig,
  version: ExchangeVersion,
): VirtualDirectoryVerdict[] {
  const supported = supportsExtendedProtection(version);
  const isExchange2013 = version.minor === 0;
  return EXPECTED.flatMap(([directory, front, back]) =>
    (
      [
        [FRONT_END, front],
        [BACK_END, back],
      ] as const
    ).flatMap(([site, value]) => {
      if (value === undefined || (isExchange2013 && directory === 'API')) return [];
      return [judge(config, `${site}/${directory}`, supported ? value : 'None')];
    }),
  );
}

function judge(
  config: ApplicationHostConfig,
  path: string,
  expected: TokenChecking,
): VirtualDirectoryVerdict {
  const location = findLocation(config, path);
  const current = location === undefined ? 'None' : currentValue(config, location, path);
  const rank = { None: 0, Allow: 1, Require: 2 } as const;
  const mitigated =
    IP_FILTER_MITIGABLE.has(path.toLowerCase()) &&
    location?.ipSecurity?.allowUnlisted?.toLowerCase() === 'false';
  const secure =
    expected === 'None' || rank[current] >= rank[expected] || (expected === 'Require' && mitigated);
  const verdict: VirtualDirectoryVerdict = {
    path,
    current,
    expected,
    secure,
    aboveExpected: rank[current] > rank[expected] && expected !== 'Require',
  };
  if (location !== undefined) verdict.location = location;
  return verdict;
}

/** The location's own tokenChecking, else its parent location's, else None. */
function currentValue(
  config: ApplicationHostConfig,
  location: IisLocation,
  path: string,
): TokenChecking {
  const parentPath = path.slice(0, path.lastIndexOf('/'));
  const written =
    location.tokenChecking || findLocation(config, parentPath)?.tokenChecking || 'None';
  const normal = (['None', 'Allow', 'Require'] as const).find(
    (v) => v.toLowerCase() === written.toLowerCase(),
  );
  return normal ?? 'None';
}

function findLocation(config: ApplicationHostConfig, path: string): IisLocation | undefined {
  const wanted = path.toLowerCase();
  return config.locations.find((location) => location.path.toLowerCase() === wanted);
}
