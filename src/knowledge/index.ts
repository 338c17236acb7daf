/**
 * The Exchange knowledge base: builds, updates, lifecycle, CVEs and mitigations as data, with
 * pure functions over it. Nothing here reads the clock; callers pass the date that matters.
 */
export {
  EXCHANGE_PRODUCTS,
  PRODUCT_NAMES,
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
export { isAtOrBeyondUpdate, isAtOrBeyondUpdateFor } from './at-or-beyond.js';
export {
  BUILD_KEYED_CVES,
  CONFIG_GATED_CVES,
  EXTENDED_PROTECTION_GATED_CVES,
  EMERGENCY_MITIGATIONS,
  MITIGATION_SERVICE_MINIMUM,
  KNOWN_EXPLOITED,
  allCveIds,
  knownExploited,
  mitigationsFor,
  updateMonth,
  type BuildKeyedCves,
  type ConfigGatedCve,
  type EmergencyMitigation,
  type MitigationServiceMinimum,
  type FixSwitchOverride,
  type KnownExploitedEntry,
} from './cve-catalogue.js';
export { settingsInForce, type SettingOverrideLike } from './config-gated.js';
export {
  evaluateCves,
  openFindings,
  updateReleaseDate,
  type CveEvaluationOptions,
  type CveFinding,
  type CveState,
  type ExtendedProtectionState,
} from './cve-exposure.js';
export { identifyBuild, productOf, type BuildIdentity } from './identify.js';
export {
  KB_AS_OF,
  KB_MAX_AGE_DAYS,
  KNOWLEDGE_SOURCES,
  kbAgeDays,
  kbAgeWarning,
  kbInfo,
  type KbInfo,
  type KnowledgeSource,
} from './kb-info.js';
export {
  evaluateLifecycle,
  lastSecurityFixDate,
  productLifecycle,
  type EsuPeriod,
  type LifecycleStatus,
  type LifecycleVerdict,
  type ProductLifecycle,
} from './lifecycle.js';
export { nextStep } from './next-step.js';
