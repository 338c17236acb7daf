/**
 * What the knowledge base holds and how old it is. The age is judged against a date the caller
 * passes (evidence collected-at or --as-of); nothing here reads the clock.
 */
import kbData from './data/kb.json' with { type: 'json' };
import sourcesData from './data/sources.json' with { type: 'json' };
import { allProducts, type ExchangeProduct } from './catalogue.js';
import { latestSecurityUpdateForProduct } from './currency.js';
import {
  BUILD_KEYED_CVES,
  EMERGENCY_MITIGATIONS,
  KNOWN_EXPLOITED,
  MITIGATION_SERVICE_MINIMUM,
  allCveIds,
  type MitigationServiceMinimum,
} from './cve-catalogue.js';

export const KB_MAX_AGE_DAYS = 45;
const DAY_MS = 86_400_000;

export interface KnowledgeSource {
  id: string;
  citation: string;
  url: string;
  date: string;
}

export interface KbInfo {
  asOf: string;
  products: {
    product: ExchangeProduct;
    cus: number;
    securityUpdates: number;
    hotfixUpdates: number;
    newestSecurityUpdate?: { cu: string; name: string; build: string; releaseDate?: string };
  }[];
  cves: number;
  knownExploited: number;
  updatesWithCves: number;
  mitigations: { id: string; cves: string[]; published?: string }[];
  /** From `from` on, the Emergency Mitigation Service takes new mitigations only at `update`+. */
  mitigationServiceMinimum: MitigationServiceMinimum;
  sources: KnowledgeSource[];
}

export const KB_AS_OF: string = kbData.asOf;
export const KNOWLEDGE_SOURCES = sourcesData.sources as KnowledgeSource[];

export function kbInfo(): KbInfo {
  const products = allProducts().map((entry) => {
    const updates = entry.cus.flatMap((cu) => cu.updates);
    const newest = latestSecurityUpdateForProduct(entry.product);
    return {
      product: entry.product,
      cus: entry.cus.length,
      securityUpdates: updates.filter((update) => update.kind === 'SU').length,
      hotfixUpdates: updates.filter((update) => update.kind === 'HU').length,
      ...(newest === undefined ? {} : { newestSecurityUpdate: newest }),
    };
  });
  return {
    asOf: KB_AS_OF,
    products,
    cves: allCveIds().length,
    knownExploited: KNOWN_EXPLOITED.length,
    updatesWithCves: new Set(BUILD_KEYED_CVES.map((entry) => entry.update)).size,
    mitigations: EMERGENCY_MITIGATIONS.map(({ id, cves, published }) => ({
      id,
      cves,
      ...(published === undefined ? {} : { published }),
    })),
    mitigationServiceMinimum: MITIGATION_SERVICE_MINIMUM,
    sources: KNOWLEDGE_SOURCES,
  };
}

/** Days from the knowledge base's as-of date to `now` (ISO date or Date). */
export function kbAgeDays(asOf: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(`${asOf}T00:00:00Z`)) / DAY_MS);
}

/** A warning when the knowledge base is older than 45 days at `now`; undefined otherwise. */
export function kbAgeWarning(asOf: string, now: Date): string | undefined {
  const age = kbAgeDays(asOf, now);
  if (age <= KB_MAX_AGE_DAYS) return undefined;

  return (
    `the Exchange knowledge base is ${age} days old (as of ${asOf}, more than ` +
    `${KB_MAX_AGE_DAYS} days before ${now.toISOString().slice(0, 10)}); a newer SU may exist, ` +
    'so "latest SU" and CVE results may be out of date'
  );
}
