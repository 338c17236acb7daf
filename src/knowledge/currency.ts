/**
 * How current a build is: the newest security update for its CU and for its product, and how
 * many security updates it is behind. Hotfix updates (HU) carry no CVE fixes of their own, so
 * "behind" counts SUs only; the newest update of any kind is reported alongside.
 */
import {
  cumulativeUpdate,
  productEntry,
  type CumulativeUpdateEntry,
  type ExchangeProduct,
  type UpdateEntry,
} from './catalogue.js';
import { compareVersions, type ExchangeVersion } from './version.js';

export interface UpdateSummary {
  name: string;
  build: string;
  releaseDate?: string;
}

/** The newest SU (not HU) released for a CU; undefined when the CU never got one. */
export function latestSecurityUpdate(
  product: ExchangeProduct,
  cu: string,
): UpdateSummary | undefined {
  const entry = cumulativeUpdate(product, cu);
  const newest = entry?.updates.filter((update) => update.kind === 'SU').at(-1);
  return newest === undefined ? undefined : summarise(newest);
}

/** The newest update of either kind for a CU (an HU may follow the last SU). */
export function latestUpdate(product: ExchangeProduct, cu: string): UpdateSummary | undefined {
  const newest = cumulativeUpdate(product, cu)?.updates.at(-1);
  return newest === undefined ? undefined : summarise(newest);
}

/** The newest supported CU of a product (for Exchange 2013, its last CU). */
export function newestSupportedCu(product: ExchangeProduct): CumulativeUpdateEntry | undefined {
  const cus = productEntry(product)?.cus ?? [];
  return cus.filter((cu) => cu.supported).at(-1) ?? cus.at(-1);
}

/** The newest SU of the product: the latest SU on its newest supported CU. */
export function latestSecurityUpdateForProduct(
  product: ExchangeProduct,
): (UpdateSummary & { cu: string }) | undefined {
  const cu = newestSupportedCu(product);
  const latest = cu === undefined ? undefined : latestSecurityUpdate(product, cu.name);
  return cu === undefined || latest === undefined ? undefined : { ...latest, cu: cu.name };
}

export interface SecurityUpdateLag {
  /** SUs released for the CU that are newer than the installed build. */
  securityUpdatesBehind: number;
  /** Updates of either kind (SU and HU) newer than the installed build. */
  updatesBehind: number;
  missing: UpdateSummary[];
  /** Release date of the oldest missing SU, for "days since"; undefined when none is missing. */
  oldestMissingReleaseDate?: string;
}

/** Counts the updates of the server's own CU that are newer than its build. */
export function securityUpdateLag(
  cu: CumulativeUpdateEntry,
  version: ExchangeVersion,
): SecurityUpdateLag {
  const newer = cu.updates.filter((update) => compareVersions(update.version, version) > 0);
  const missing = newer.filter((update) => update.kind === 'SU');
  const oldest = missing[0];
  return {
    securityUpdatesBehind: missing.length,
    updatesBehind: newer.length,
    missing: missing.map(summarise),
    ...(oldest?.releaseDate === undefined ? {} : { oldestMissingReleaseDate: oldest.releaseDate }),
  };
}

function summarise(update: UpdateEntry): UpdateSummary {
  return {
    name: update.name,
    build: update.build,
    ...(update.releaseDate === undefined ? {} : { releaseDate: update.releaseDate }),
  };
}
