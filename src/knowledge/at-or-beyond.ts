/**
 * HealthChecker's "at or beyond SU X" rule (Shared/CompareExchangeBuildLevel.ps1,
 * Test-ExchangeBuildGreaterOrEqualThanSecurityPatch), which every SU-gated check uses.
 */
import { buildsNamed, type ExchangeProduct } from './catalogue.js';
import { identifyBuild, productOf } from './identify.js';
import { compareVersions, type ExchangeVersion } from './version.js';

/**
 * True when the build carries update X or something newer: no build of the product carries X
 * (treated as not affected); the build is at or past X on the newest CU that got X; or the
 * server's own CU got X and the build is at or past it. A CU that never got X is not patched.
 */
export function isAtOrBeyondUpdate(version: ExchangeVersion, update: string): boolean {
  const product = productOf(version);
  if (product === undefined) return false;

  return isAtOrBeyondUpdateFor(product, version, update);
}

export function isAtOrBeyondUpdateFor(
  product: ExchangeProduct,
  version: ExchangeVersion,
  update: string,
): boolean {
  const carriers = buildsNamed(product, update);
  if (carriers.length === 0) return true;

  const newest = [...carriers].sort((a, b) => b.cu.releaseDate.localeCompare(a.cu.releaseDate))[0];
  if (newest !== undefined && compareVersions(version, newest.update.version) >= 0) return true;

  const ownCu = identifyBuild(version)?.cu;
  const own = carriers.find((carrier) => carrier.cu === ownCu);
  return own !== undefined && compareVersions(version, own.update.version) >= 0;
}
