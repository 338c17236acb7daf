/**
 * Which product, CU and update a build number is. Follows HealthChecker's identification
 * (microsoft/CSS-Exchange Shared/Get-ExchangeBuildVersionInformation.ps1) with two deliberate
 * differences: RTM builds of Exchange 2013/2016 are called RTM (HealthChecker says CU1), and a
 * build newer than everything known is flagged instead of passing for the newest update.
 */
import {
  productEntry,
  type CumulativeUpdateEntry,
  type ExchangeProduct,
  type UpdateEntry,
} from './catalogue.js';
import {
  compareVersions,
  formatVersion,
  parseExchangeVersion,
  type ExchangeVersion,
} from './version.js';

// Exchange SE shares 15.2 with Exchange 2019; its builds start at 2562 (HealthChecker's rule).
const SE_FIRST_BUILD = 2562;

export interface BuildIdentity {
  product: ExchangeProduct;
  version: ExchangeVersion;
  build: string;
  cu: CumulativeUpdateEntry;
  /** The SU or HU whose build this is exactly; undefined for a CU build or an unknown build. */
  update?: UpdateEntry;
  cuReleaseDate: string;
  cuSupported: boolean;
  /** "Exchange 2019 CU14 Feb26SU". */
  friendlyName: string;
  /** True when the build matches no CU or update the knowledge base knows. */
  unknownBuild: boolean;
  /** True when the build is newer than every build the knowledge base knows for its product. */
  newerThanKnown: boolean;
}

export function productOf(version: ExchangeVersion): ExchangeProduct | undefined {
  if (version.major !== 15) return undefined;
  if (version.minor === 0) return 'Exchange2013';
  if (version.minor === 1) return 'Exchange2016';
  if (version.minor !== 2) return undefined;
  return version.build >= SE_FIRST_BUILD ? 'ExchangeSE' : 'Exchange2019';
}

/** Identifies a build given as text or as a parsed version; undefined when not Exchange 2013+. */
export function identifyBuild(input: string | ExchangeVersion): BuildIdentity | undefined {
  const version = typeof input === 'string' ? parseExchangeVersion(input) : input;
  const product = version === undefined ? undefined : productOf(version);
  const entry = product === undefined ? undefined : productEntry(product);
  if (version === undefined || product === undefined || entry === undefined) return undefined;

  const cu = entry.cus
    .filter((candidate) => compareVersions(candidate.version, version) <= 0)
    .at(-1);
  if (cu === undefined) return undefined;

  const update = cu.updates.find((candidate) => compareVersions(candidate.version, version) === 0);
  const exactCu = compareVersions(cu.version, version) === 0;
  return {
    product,
    version,
    build: formatVersion(version),
    cu,
    ...(update === undefined ? {} : { update }),
    cuReleaseDate: cu.releaseDate,
    cuSupported: cu.supported,
    friendlyName: [entry.friendlyPrefix, cu.name, update?.name].filter(Boolean).join(' '),
    unknownBuild: update === undefined && !exactCu,
    newerThanKnown: isNewerThanKnown(cu, version, entry.cus.at(-1)),
  };
}

function isNewerThanKnown(
  cu: CumulativeUpdateEntry,
  version: ExchangeVersion,
  newestCu: CumulativeUpdateEntry | undefined,
): boolean {
  if (cu !== newestCu) return false;

  const newestKnown = cu.updates.at(-1)?.version ?? cu.version;
  return compareVersions(version, newestKnown) > 0;
}
