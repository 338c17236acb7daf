/**
 * The Exchange knowledge base: builds, updates, lifecycle, CVEs and mitigations as data, with
 * pure functions over it. Nothing here reads the clock; callers pass the date that matters.
 */
export {
  EXCHANGE_PRODUCTS,
  allProducts,
  buildOf,
  buildsNamed,
  cumulativeUpdate,
  productEntry,
  type CumulativeUpdateEntry,
  type ExchangeProduct,
  type ProductEntry,
  type UpdateEntry,
  type UpdateKind,
} from './catalogue.js';
export {
  latestSecurityUpdate,
  latestSecurityUpdateForProduct,
  latestUpdate,
  newestSupportedCu,
  securityUpdateLag,
  type SecurityUpdateLag,
  type UpdateSummary,
} from './currency.js';
export {
  compareVersions,
  formatVersion,
  parseExchangeVersion,
  type ExchangeVersion,
} from './version.js';
