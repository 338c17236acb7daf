/**
 * Support lifecycle: whether a product, and the CU a server runs, is supported on a given date.
 * Dates are ISO "YYYY-MM-DD" strings, compared as text; the caller passes the date that matters
 * (evidence collected-at or --as-of), never the wall clock.
 */
import lifecycleData from './data/lifecycle.json' with { type: 'json' };
import { PRODUCT_NAMES, type ExchangeProduct } from './catalogue.js';
import type { BuildIdentity } from './identify.js';
import type { SecurityUpdateLag } from './currency.js';

export interface EsuPeriod {
  period: number;
  start: string;
  end: string;
  cus: string[];
  source: string;
  unverified?: string;
}

export interface ProductLifecycle {
  product: ExchangeProduct;
  endOfSupport: string;
  esu: EsuPeriod[];
  modernLifecycle?: boolean;
  source: string;
}

// TODO(#2): ESU period 2 is stored as 2026-05-01..2026-10-31 ('May through October 2026');
// replace with Microsoft's exact days when found.
const LIFECYCLES = lifecycleData.products as ProductLifecycle[];

export function productLifecycle(product: ExchangeProduct): ProductLifecycle | undefined {
  return LIFECYCLES.find((entry) => entry.product === product);
}

/** The last day security fixes could reach the product: its ESU end, else its end of support. */
export function lastSecurityFixDate(product: ExchangeProduct): string | undefined {
  const lifecycle = productLifecycle(product);
  return lifecycle?.esu.at(-1)?.end ?? lifecycle?.endOfSupport;
}

export type LifecycleStatus = 'supported' | 'out-of-date' | 'end-of-life';

export interface LifecycleVerdict {
  status: LifecycleStatus;
  reasons: string[];
  endOfSupport: string;
  /** The ESU period covering `asOf` for this CU, if any (fixes only with paid enrolment). */
  esu?: EsuPeriod;
}

/**
 * supported: product in support and the CU supported with no SU missing; out-of-date: the CU is
 * unsupported or SUs are missing; end-of-life: the product is past end of support and outside
 * any ESU period for its CU.
 */
export function evaluateLifecycle(
  identity: BuildIdentity,
  lag: SecurityUpdateLag,
  asOf: string,
): LifecycleVerdict | undefined {
  const lifecycle = productLifecycle(identity.product);
  if (lifecycle === undefined) return undefined;

  const esu = lifecycle.esu.find(
    (period) => period.start <= asOf && asOf <= period.end && period.cus.includes(identity.cu.name),
  );
  const pastSupport = asOf > lifecycle.endOfSupport;
  const base = { endOfSupport: lifecycle.endOfSupport, ...(esu === undefined ? {} : { esu }) };
  if (pastSupport && esu === undefined) {
    return { ...base, status: 'end-of-life', reasons: [endOfLifeReason(lifecycle)] };
  }

  const reasons = currencyReasons(identity, lag);
  if (pastSupport) reasons.push(`in ESU period ${esu?.period} until ${esu?.end} (paid enrolment)`);
  const outOfDate = !identity.cuSupported || lag.securityUpdatesBehind > 0;
  return { ...base, status: outOfDate ? 'out-of-date' : 'supported', reasons };
}

function endOfLifeReason(lifecycle: ProductLifecycle): string {
  const lastEsu = lifecycle.esu.at(-1);
  const esuText = lastEsu === undefined ? '' : ` (extended security updates ended ${lastEsu.end})`;
  return `${PRODUCT_NAMES[lifecycle.product]} reached end of support on ${lifecycle.endOfSupport}${esuText}`;
}

function currencyReasons(identity: BuildIdentity, lag: SecurityUpdateLag): string[] {
  const reasons: string[] = [];
  if (!identity.cuSupported) reasons.push(`${identity.cu.name} is not a supported CU`);
  if (lag.securityUpdatesBehind > 0) {
    reasons.push(`${lag.securityUpdatesBehind} security update(s) behind on ${identity.cu.name}`);
  }
  return reasons;
}
