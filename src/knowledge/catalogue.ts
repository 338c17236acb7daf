/**
 * The build catalogue: every CU of every Exchange product with its security (SU) and hotfix
 * (HU) updates, read once from data/builds.json.
 */
import buildsData from './data/builds.json' with { type: 'json' };
import { compareVersions, requireExchangeVersion, type ExchangeVersion } from './version.js';

export type ExchangeProduct = 'Exchange2013' | 'Exchange2016' | 'Exchange2019' | 'ExchangeSE';

/** Product names as people write them, for every message and report. */
export const PRODUCT_NAMES: Readonly<Record<ExchangeProduct, string>> = {
  Exchange2013: 'Exchange 2013',
  Exchange2016: 'Exchange 2016',
  Exchange2019: 'Exchange 2019',
  ExchangeSE: 'Exchange Server SE',
};

export const EXCHANGE_PRODUCTS: readonly ExchangeProduct[] = [
  'Exchange2013',
  'Exchange2016',
  'Exchange2019',
  'ExchangeSE',
];

/** SU = security update, HU = hotfix update (no CVE fixes of its own). */
export type UpdateKind = 'SU' | 'HU';

export interface UpdateEntry {
  /** "Feb26SU", "Apr25HU", "Aug23SUv2": month, two-digit year, kind, re-release suffix. */
  name: string;
  kind: UpdateKind;
  build: string;
  version: ExchangeVersion;
  releaseDate?: string;
  dateSource?: string;
  /** Set when a fact about this update could not be checked against a primary source. */
  unverified?: string;
  source: string;
}

export interface CumulativeUpdateEntry {
  product: ExchangeProduct;
  /** "CU14", or "RTM" for a product's first release. */
  name: string;
  build: string;
  version: ExchangeVersion;
  releaseDate: string;
  supported: boolean;
  source: string;
  /** Oldest first, builds strictly increasing. */
  updates: UpdateEntry[];
}

export interface ProductEntry {
  product: ExchangeProduct;
  friendlyPrefix: string;
  /** Oldest first. */
  cus: CumulativeUpdateEntry[];
}

interface RawUpdate {
  name: string;
  kind: string;
  build: string;
  releaseDate?: string;
  dateSource?: string;
  unverified?: string;
  source: string;
}

interface RawCumulativeUpdate {
  name: string;
  build: string;
  releaseDate: string;
  supported: boolean;
  source: string;
  updates: RawUpdate[];
}

interface RawProduct {
  product: string;
  friendlyPrefix: string;
  cus: RawCumulativeUpdate[];
}

// TODO(#2): SUs from before 2021 carry no release date (Microsoft's table lists none), and the
// March 2021 SUs Microsoft built for CUs HealthChecker does not list (e.g. 15.2.221.18) are left
// out to keep agreement with HealthChecker; Exchange SE CU1 is not known yet.
const PRODUCTS: readonly ProductEntry[] = (buildsData.products as RawProduct[]).map(toProduct);

function toProduct(raw: RawProduct): ProductEntry {
  const product = raw.product as ExchangeProduct;
  const cus = raw.cus
    .map((cu) => toCumulativeUpdate(product, cu))
    .sort((a, b) => compareVersions(a.version, b.version));
  return { product, friendlyPrefix: raw.friendlyPrefix, cus };
}

function toCumulativeUpdate(
  product: ExchangeProduct,
  raw: RawCumulativeUpdate,
): CumulativeUpdateEntry {
  const updates = raw.updates
    .map((update) => ({
      ...update,
      kind: update.kind === 'HU' ? ('HU' as const) : ('SU' as const),
      version: requireExchangeVersion(update.build),
    }))
    .sort((a, b) => compareVersions(a.version, b.version));
  return { ...raw, product, version: requireExchangeVersion(raw.build), updates };
}

export function allProducts(): readonly ProductEntry[] {
  return PRODUCTS;
}

export function productEntry(product: ExchangeProduct): ProductEntry | undefined {
  return PRODUCTS.find((entry) => entry.product === product);
}

export function cumulativeUpdate(
  product: ExchangeProduct,
  cu: string,
): CumulativeUpdateEntry | undefined {
  const wanted = cu.toUpperCase();
  return productEntry(product)?.cus.find((entry) => entry.name.toUpperCase() === wanted);
}

/**
 * The build of a CU, or of one of its updates. Unlike HealthChecker, an update the CU never
 * received gives undefined rather than the CU's own build, so a caller cannot mistake it.
 */
export function buildOf(product: ExchangeProduct, cu: string, update?: string): string | undefined {
  const entry = cumulativeUpdate(product, cu);
  if (entry === undefined || update === undefined) return entry?.build;

  const wanted = update.toLowerCase();
  return entry.updates.find((candidate) => candidate.name.toLowerCase() === wanted)?.build;
}

/** Every build carrying an update name for a product (the fixing builds, one per CU). */
export function buildsNamed(
  product: ExchangeProduct,
  update: string,
): { cu: CumulativeUpdateEntry; update: UpdateEntry }[] {
  const found: { cu: CumulativeUpdateEntry; update: UpdateEntry }[] = [];
  for (const cu of productEntry(product)?.cus ?? []) {
    for (const candidate of cu.updates) {
      if (candidate.name === update) found.push({ cu, update: candidate });
    }
  }
  return found;
}
