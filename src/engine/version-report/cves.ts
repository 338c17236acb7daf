/**
 * The CVE rows of a server. At CU precision (only AdminDisplayVersion known) a CVE that an SU on
 * the server's own CU fixes may or may not be fixed, so it is "unknown", never "exposed" or
 * "fixed" on a guess.
 */
import {
  evaluateCves,
  type BuildIdentity,
  type CveFinding,
  type CveEvaluationOptions,
} from '../../knowledge/index.js';
import type { BuildPrecision, CveCounts, CveRow } from './model.js';

export function cveRows(
  identity: BuildIdentity,
  precision: BuildPrecision,
  options: CveEvaluationOptions,
): CveRow[] {
  const findings = evaluateCves(identity.version, options).map((finding) =>
    precision === 'cu' ? atCuPrecision(finding, identity) : finding,
  );
  return [...newestPerCve(findings).values()].map(toRow);
}

/**
 * One row per CVE. A CVE re-fixed by a later SU (CVE-2023-21707: Feb23SU, then Mar23SU) is
 * judged by the newest, which holds the complete fix; findings come oldest update first.
 */
function newestPerCve(findings: CveFinding[]): Map<string, CveFinding> {
  const byId = new Map<string, CveFinding>();
  for (const finding of findings) byId.set(finding.cve, finding);
  return byId;
}

function atCuPrecision(finding: CveFinding, identity: BuildIdentity): CveFinding {
  const fixableOnCu = finding.fixedBy.some((fix) => fix.cu === identity.cu.name);
  if (finding.state === 'fixed' || !fixableOnCu) return finding;

  return {
    ...finding,
    state: 'unknown',
    reason: `${finding.update} for ${identity.cu.name} fixes it; the installed SU is unknown`,
  };
}

function toRow(finding: CveFinding): CveRow {
  return {
    id: finding.cve,
    state: finding.state,
    knownExploited: finding.knownExploited,
    update: finding.update,
    fixedBy: finding.fixedBy.map((fix) => `${fix.cu} ${fix.build}`),
    reason: finding.reason,
    ...(finding.unknownSince === undefined ? {} : { unknownSince: finding.unknownSince }),
    ...(finding.mitigatedBy === undefined ? {} : { mitigatedBy: finding.mitigatedBy }),
  };
}

export function countCves(rows: CveRow[]): CveCounts {
  const counts: CveCounts = {
    exposed: 0,
    mitigated: 0,
    unknown: 0,
    fixed: 0,
    knownExploitedOpen: 0,
  };
  for (const row of rows) {
    counts[row.state] += 1;
    if (row.state !== 'fixed' && row.knownExploited) counts.knownExploitedOpen += 1;
  }
  return counts;
}

/** Open CVEs first by risk: known exploited, then exposed, mitigated, unknown; then by id. */
export function sortByRisk(rows: CveRow[]): CveRow[] {
  const rank = (row: CveRow): number =>
    (row.knownExploited ? 0 : 4) + ['exposed', 'mitigated', 'unknown', 'fixed'].indexOf(row.state);
  return [...rows].sort((a, b) => rank(a) - rank(b) || compareCveIds(a.id, b.id));
}

/** CVE-2021-26855 before CVE-2021-100000: year, then number, numerically. */
export function compareCveIds(a: string, b: string): number {
  const parts = (id: string): number[] => id.split('-').slice(1).map(Number);
  const [ay = 0, an = 0] = parts(a);
  const [by = 0, bn = 0] = parts(b);
  return ay - by || an - bn || a.localeCompare(b);
}
