/**
 * Builds the version report from evidence and the knowledge base. Pure: the as-of time is given,
 * never read from the clock, so the same evidence gives the same report.
 */
import {
  ORGANIZATION_KEY,
  factOf,
  findSubject,
  type EvidenceSet,
  type SubjectEvidence,
} from '../../evidence/evidence-set.js';
import type { ApplicationHostConfig } from '../../evidence/importers/application-host.js';
import type { LsaSettings } from '../../evidence/importers/registry-values.js';
import type { SettingOverride } from '../../evidence/importers/setting-overrides.js';
import {
  judgeVirtualDirectories,
  supportsExtendedProtection,
} from '../../controls/data/extended-protection-expectations.js';
import { USABLE_STATUSES, type Fact } from '../../evidence/model.js';
import {
  KB_AS_OF,
  PRODUCT_NAMES,
  evaluateLifecycle,
  kbAgeDays,
  kbAgeWarning,
  latestSecurityUpdate,
  latestSecurityUpdateForProduct,
  nextStep,
  securityUpdateLag,
  settingsInForce,
  type BuildIdentity,
  type CveEvaluationOptions,
  type ExtendedProtectionState,
  type LifecycleVerdict,
  type SecurityUpdateLag,
} from '../../knowledge/index.js';
import { resolveBuild, type ResolvedBuild } from './build-source.js';
import { countCves, cveRows, sortByRisk } from './cves.js';
import {
  VERSION_REPORT_SCHEMA_VERSION,
  type CveRow,
  type RebootState,
  type ServerVersionRow,
  type UpdateRef,
  type VersionReport,
  type VersionReportSummary,
} from './model.js';
import { evaluateReboot } from './reboot.js';
import { remoteSubjects, type RemoteSubject } from './remote-rows.js';

export interface VersionReportOptions {
  /** ISO 8601 instant the report is made for: --as-of, the evidence's collected-at, or now. */
  asOf: string;
  asOfSource: VersionReport['asOfSource'];
}

const DAY_MS = 86_400_000;

export function buildVersionReport(
  evidence: EvidenceSet,
  options: VersionReportOptions,
): VersionReport {
  const overrides = factOf(findSubject(evidence, ORGANIZATION_KEY), 'exchange.setting-overrides');
  const serverSubjects = evidence.subjects.filter((subject) => subject.subject.type === 'server');
  const servers =
    serverSubjects.length > 0
      ? serverSubjects.map((subject) => serverRow(subject, options.asOf, overrides))
      : remoteSubjects(evidence).map((remote) => remoteRow(remote, options.asOf, overrides));
  const asOfDate = new Date(options.asOf);

  return {
    schemaVersion: VERSION_REPORT_SCHEMA_VERSION,
    kb: {
      asOf: KB_AS_OF,
      ageDays: kbAgeDays(KB_AS_OF, asOfDate),
      warning: kbAgeWarning(KB_AS_OF, asOfDate) ?? null,
    },
    asOf: options.asOf,
    asOfSource: options.asOfSource,
    collectedAt: evidence.collectedAt ?? null,
    servers,
    summary: summarise(servers),
  };
}

/** A row from a probed target's leaked build: built like a server's, sourced to the probe. */
function remoteRow(
  remote: RemoteSubject,
  asOf: string,
  overrides: Fact<SettingOverride[]>,
): ServerVersionRow {
  const row = serverRow(remote.subject, asOf, overrides);
  const serverNotes = row.notes.filter((note) => !/AdminDisplayVersion|ExSetup/.test(note));
  return { ...row, source: 'probe', notes: [remote.note, ...serverNotes] };
}

function serverRow(
  subject: SubjectEvidence,
  asOf: string,
  overrides: Fact<SettingOverride[]>,
): ServerVersionRow {
  const serverFact = factOf(subject, 'exchange.server');
  const server = USABLE_STATUSES.has(serverFact.status) ? serverFact.value : undefined;
  const build = resolveBuild(serverFact, factOf(subject, 'exchange.setup-version'));
  const identity = build.identity;
  const reboot = evaluateReboot({
    reboot: factOf(subject, 'os.reboot-pending'),
    os: factOf(subject, 'os.operating-system'),
    installedUpdates: factOf(subject, 'exchange.installed-updates'),
    hasUpdate: build.precision === 'cu' || identity?.update !== undefined,
  });

  const base = {
    key: subject.subject.key,
    name: server?.name ?? subject.subject.name,
    roles: server?.serverRoles ?? [],
    isEdgeServer: server?.isEdgeServer ?? null,
    adminDisplayVersion: build.adminDisplayVersion,
    source: build.source,
    precision: build.precision,
    rebootPending: reboot.pending,
    reboot,
    evidence: {
      build: build.provenance,
      reboot: factOf(subject, 'os.reboot-pending').provenance,
      installedUpdates: factOf(subject, 'exchange.installed-updates').provenance,
    },
  };
  const extendedProtection = extendedProtectionState(
    factOf(subject, 'iis.application-host'),
    factOf(subject, 'os.lsa-settings'),
    server?.isEdgeServer,
    build,
  );
  const cveOptions: CveEvaluationOptions = {
    mitigationsApplied: server?.mitigationsApplied ?? [],
    ...overridesInForce(overrides, server?.name ?? subject.subject.name, build.identity),
    ...(extendedProtection === undefined ? {} : { extendedProtection }),
  };
  const placement =
    identity === undefined ? unplaced(build) : placed(identity, build, reboot, asOf, cveOptions);
  return inContractOrder({ ...base, ...placement });
}

/**
 * Which config-gated fixes are in force, from Get-SettingOverride; without that evidence the
 * question stays open and those CVEs are "unknown".
 */
function overridesInForce(
  overrides: Fact<SettingOverride[]>,
  serverName: string,
  identity: BuildIdentity | undefined,
): Pick<CveEvaluationOptions, 'settingsInForce'> {
  if (!USABLE_STATUSES.has(overrides.status) || identity === undefined) return {};

  return { settingsInForce: settingsInForce(overrides.value ?? [], serverName, identity.build) };
}

/**
 * Extended Protection for the CVEs it gates, judged as EXZT.DAT.7 judges it: the build must
 * support it (an SU from August 2022 on) and every virtual directory carry its expected value.
 * A CU whose first build supports it does so at any SU; one that never received a supporting SU
 * never does; otherwise only the exact build decides. The LSA value SuppressExtendedProtection,
 * when the export carries it and it is not 0, switches it off; without it, IIS decides.
 */
function extendedProtectionState(
  iis: Fact<ApplicationHostConfig>,
  lsa: Fact<LsaSettings>,
  isEdgeServer: boolean | undefined,
  build: ResolvedBuild,
): ExtendedProtectionState | undefined {
  if (isEdgeServer === true) return 'not-applicable';
  const identity = build.identity;
  if (identity === undefined) return undefined;
  let version = identity.version;
  if (build.precision !== 'build') {
    const cu = identity.cu;
    if (supportsExtendedProtection(cu.version)) version = cu.version;
    else if (!cu.updates.some((update) => supportsExtendedProtection(update.version))) {
      return 'unsupported';
    } else return undefined;
  }
  if (!supportsExtendedProtection(version)) return 'unsupported';
  if (!USABLE_STATUSES.has(iis.status) || iis.value === undefined) return undefined;
  const verdicts = judgeVirtualDirectories(iis.value, version);
  if (!verdicts.every((verdict) => verdict.secure)) return 'insecure';
  const suppress = USABLE_STATUSES.has(lsa.status)
    ? lsa.value?.suppressExtendedProtection
    : undefined;
  return typeof suppress === 'number' && suppress !== 0 ? 'suppressed' : 'secure';
}

/** The JSON contract's field order (docs/version-report.md), so output reads top-down. */
const FIELD_ORDER: ReadonlyArray<keyof ServerVersionRow> = [
  'key',
  'name',
  'roles',
  'isEdgeServer',
  'product',
  'productName',
  'cu',
  'su',
  'build',
  'adminDisplayVersion',
  'source',
  'precision',
  'latestSu',
  'suBehind',
  'updatesBehind',
  'daysSinceMissingSu',
  'status',
  'statusReasons',
  'supported',
  'endOfLife',
  'endOfSupport',
  'rebootPending',
  'reboot',
  'cveCounts',
  'cves',
  'nextStep',
  'notes',
  'evidence',
];

function inContractOrder(row: ServerVersionRow): ServerVersionRow {
  return Object.fromEntries(
    FIELD_ORDER.map((field) => [field, row[field]]),
  ) as unknown as ServerVersionRow;
}

type Placement = Omit<
  ServerVersionRow,
  | 'key'
  | 'name'
  | 'roles'
  | 'isEdgeServer'
  | 'adminDisplayVersion'
  | 'source'
  | 'precision'
  | 'rebootPending'
  | 'reboot'
  | 'evidence'
>;

function placed(
  identity: BuildIdentity,
  build: ResolvedBuild,
  reboot: RebootState,
  asOf: string,
  cveOptions: CveEvaluationOptions,
): Placement {
  const exact = build.precision === 'build';
  const lag = securityUpdateLag(identity.cu, identity.version);
  const inactive = reboot.suActivation === 'restart-needed' ? identity.update?.name : undefined;
  const lifecycle = withInactiveSu(lifecycleAt(identity, lag, asOf, exact), inactive);
  const cves = sortByRisk(
    inactiveSuExposure(cveRows(identity, build.precision, cveOptions), inactive),
  );
  const notes = [...build.notes];
  if (identity.newerThanKnown) {
    notes.push(
      `build ${identity.build} is newer than the knowledge base (as of ${KB_AS_OF}): update exzt`,
    );
  }

  return {
    product: identity.product,
    productName: PRODUCT_NAMES[identity.product],
    cu: identity.cu.name,
    su: exact ? (identity.update?.name ?? null) : null,
    build: exact ? identity.build : null,
    latestSu: latestUpdates(identity),
    suBehind: exact ? lag.securityUpdatesBehind : null,
    updatesBehind: exact ? lag.updatesBehind : null,
    daysSinceMissingSu: exact ? daysSince(lag.oldestMissingReleaseDate, asOf) : null,
    status: lifecycle.status,
    statusReasons: lifecycle.reasons,
    supported: lifecycle.status === 'supported',
    endOfLife: lifecycle.status === 'end-of-life',
    endOfSupport: lifecycle.endOfSupport,
    cveCounts: countCves(cves),
    cves,
    nextStep: stepWithRestart(stepFor(identity, lag, lifecycle), reboot, exact),
    notes,
  };
}

function unplaced(build: ResolvedBuild): Placement {
  return {
    product: null,
    productName: null,
    cu: null,
    su: null,
    build: null,
    latestSu: { forCu: null, forProduct: null },
    suBehind: null,
    updatesBehind: null,
    daysSinceMissingSu: null,
    status: 'unknown',
    statusReasons: ['the build could not be determined'],
    supported: null,
    endOfLife: null,
    endOfSupport: null,
    cveCounts: { exposed: 0, mitigated: 0, unknown: 0, fixed: 0, knownExploitedOpen: 0 },
    cves: [],
    nextStep: "collect ExSetup.exe's file version (Get-Command ExSetup.exe) for this server",
    notes: build.notes,
  };
}

/** At CU precision only the CU and the product's lifecycle are known, not the SU level. */
function lifecycleAt(
  identity: BuildIdentity,
  lag: SecurityUpdateLag,
  asOf: string,
  exact: boolean,
): LifecycleVerdict | { status: 'unknown'; reasons: string[]; endOfSupport: string | null } {
  const verdict = evaluateLifecycle(identity, lag, asOf.slice(0, 10));
  if (verdict === undefined) {
    return {
      status: 'unknown',
      reasons: ['no lifecycle data for the product'],
      endOfSupport: null,
    };
  }
  if (exact || verdict.status === 'end-of-life' || !identity.cuSupported) return verdict;

  return { ...verdict, status: 'unknown', reasons: ['the SU level is unknown (CU precision)'] };
}

/** An SU installed but not yet active leaves the server as it was: out of date. */
function withInactiveSu(
  lifecycle: ReturnType<typeof lifecycleAt>,
  inactive: string | undefined,
): ReturnType<typeof lifecycleAt> {
  if (inactive === undefined || lifecycle.status !== 'supported') return lifecycle;

  const reason = `${inactive} is installed but not active until the server restarts`;
  return { ...lifecycle, status: 'out-of-date', reasons: [...lifecycle.reasons, reason] };
}

/** What the inactive SU fixes is still open: its files are not loaded yet. */
function inactiveSuExposure(rows: CveRow[], inactive: string | undefined): CveRow[] {
  if (inactive === undefined) return rows;

  return rows.map((row) =>
    row.state === 'fixed' && row.update === inactive
      ? {
          ...row,
          state: 'exposed',
          reason: `${inactive} is installed but not active until a restart`,
        }
      : row,
  );
}

function stepFor(
  identity: BuildIdentity,
  lag: SecurityUpdateLag,
  lifecycle: ReturnType<typeof lifecycleAt>,
): string {
  if (lifecycle.status !== 'unknown') return nextStep(identity, lag, lifecycle);

  const latest = latestSecurityUpdate(identity.product, identity.cu.name);
  const target = latest === undefined ? '' : ` (latest for ${identity.cu.name}: ${latest.name})`;
  return `collect ExSetup.exe's file version to see the installed SU${target}`;
}

function latestUpdates(identity: BuildIdentity): ServerVersionRow['latestSu'] {
  const forCu = latestSecurityUpdate(identity.product, identity.cu.name);
  const forProduct = latestSecurityUpdateForProduct(identity.product);
  return {
    forCu: forCu === undefined ? null : updateRef(forCu),
    forProduct: forProduct === undefined ? null : { ...updateRef(forProduct), cu: forProduct.cu },
  };
}

function updateRef(update: { name: string; build: string; releaseDate?: string }): UpdateRef {
  return { name: update.name, build: update.build, releaseDate: update.releaseDate ?? null };
}

function daysSince(date: string | undefined, asOf: string): number | null {
  if (date === undefined) return null;

  return Math.floor((Date.parse(asOf) - Date.parse(`${date}T00:00:00Z`)) / DAY_MS);
}

function stepWithRestart(step: string, reboot: RebootState, exact: boolean): string {
  if (reboot.suActivation !== 'restart-needed') return step;

  const restart = 'restart the server to activate the installed SU';
  return exact && step.startsWith('none') ? restart : `${restart}; then ${step}`;
}

function summarise(servers: ServerVersionRow[]): VersionReportSummary {
  const count = (predicate: (row: ServerVersionRow) => boolean): number =>
    servers.filter(predicate).length;
  const open = (row: ServerVersionRow): number =>
    row.cveCounts.exposed + row.cveCounts.mitigated + row.cveCounts.unknown;

  return {
    servers: servers.length,
    supported: count((row) => row.status === 'supported'),
    outOfDate: count((row) => row.status === 'out-of-date'),
    endOfLife: count((row) => row.status === 'end-of-life'),
    unknown: count((row) => row.status === 'unknown'),
    restartNeeded: count((row) => row.reboot.suActivation === 'restart-needed'),
    serversWithOpenCves: count((row) => open(row) > 0),
    openCves: servers.reduce((sum, row) => sum + open(row), 0),
    knownExploitedOpen: servers.reduce((sum, row) => sum + row.cveCounts.knownExploitedOpen, 0),
  };
}
