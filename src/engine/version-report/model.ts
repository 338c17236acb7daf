/**
 * The version report: one row per server answering "which build, is the latest SU installed
 * and active, which CVEs are still open". Its JSON form is a documented contract
 * (docs/version-report.md); change it only with a schemaVersion bump.
 */
import type { Provenance } from '../../evidence/model.js';
import type { CveState, ExchangeProduct, LifecycleStatus } from '../../knowledge/index.js';

export const VERSION_REPORT_SCHEMA_VERSION = 1;

/**
 * Where the build came from: ExSetup.exe's file version is exact; AdminDisplayVersion shows the
 * CU only; probe: remote evidence from `exzt probe` when no server evidence was given (its
 * precision says which leak it was: X-OWA-Version exact, the OWA asset path CU only).
 */
export type BuildSource = 'ExSetup' | 'AdminDisplayVersion' | 'probe' | 'none';
export type BuildPrecision = 'build' | 'cu' | 'none';

/** active: the installed SU's files are in use; restart-needed: installed after the last boot. */
export type SuActivation = 'active' | 'restart-needed' | 'unknown' | 'not-applicable';

export interface UpdateRef {
  name: string;
  build: string;
  releaseDate: string | null;
  cu?: string;
}

export interface CveRow {
  id: string;
  state: CveState;
  knownExploited: boolean;
  /** The update that fixes it, e.g. "Feb26SU". */
  update: string;
  /** Builds of the server's product that fix it, one per CU ("CU14 15.2.1544.39"). */
  fixedBy: string[];
  reason: string;
  unknownSince?: string;
  mitigatedBy?: string[];
}

export interface CveCounts {
  exposed: number;
  mitigated: number;
  unknown: number;
  fixed: number;
  /** Open (exposed, mitigated only, or unknown) CVEs on CISA's Known Exploited list. */
  knownExploitedOpen: number;
}

export interface RebootState {
  /** Null when the reboot-pending evidence was not collected. */
  pending: boolean | null;
  /** Registry locations that say a restart is pending; pending file renames alone are noise. */
  reasons: string[];
  suActivation: SuActivation;
  suActivationReason: string;
  lastBootUpTime: string | null;
  suInstallDate: string | null;
}

export interface ServerVersionRow {
  key: string;
  name: string;
  roles: string[];
  isEdgeServer: boolean | null;
  product: ExchangeProduct | null;
  productName: string | null;
  cu: string | null;
  /** The SU or HU installed, or null: none since the CU, or unknown at CU precision. */
  su: string | null;
  build: string | null;
  adminDisplayVersion: string | null;
  source: BuildSource;
  precision: BuildPrecision;
  /** Newest SU for the server's CU, and for its product (on the newest supported CU). */
  latestSu: { forCu: UpdateRef | null; forProduct: UpdateRef | null };
  suBehind: number | null;
  updatesBehind: number | null;
  /** Days from the release of the oldest missing SU to the report's as-of date. */
  daysSinceMissingSu: number | null;
  status: LifecycleStatus | 'unknown';
  statusReasons: string[];
  supported: boolean | null;
  endOfLife: boolean | null;
  endOfSupport: string | null;
  rebootPending: boolean | null;
  reboot: RebootState;
  cveCounts: CveCounts;
  cves: CveRow[];
  nextStep: string;
  notes: string[];
  evidence: { build: Provenance[]; reboot: Provenance[]; installedUpdates: Provenance[] };
}

export interface VersionReportSummary {
  servers: number;
  supported: number;
  outOfDate: number;
  endOfLife: number;
  unknown: number;
  restartNeeded: number;
  serversWithOpenCves: number;
  openCves: number;
  knownExploitedOpen: number;
}

export interface VersionReport {
  schemaVersion: number;
  kb: { asOf: string; ageDays: number; warning: string | null };
  asOf: string;
  asOfSource: 'option' | 'collected-at' | 'clock';
  collectedAt: string | null;
  servers: ServerVersionRow[];
  summary: VersionReportSummary;
}
