/**
 * Scores of an assessment, pure over its results and the control catalogue: a severity-weighted
 * score per area, a "no failing mapped control, coverage N%" view per framework, and a CISA
 * ZTMM stage per pillar. None of them is a certification.
 */
import { CONTROLS } from '../../controls/catalogue.js';
import { AREAS, type Area, type Control, type Severity } from '../../controls/model.js';
import {
  ZTMM_STAGE_CRITERIA,
  type StageCriteriaSet,
} from '../../knowledge/frameworks/ztmm-stages.js';
import { frameworkViews, type FrameworkView } from './framework-coverage.js';
import type { ControlResult, Verdict } from './result.js';
import { ztmmMaturity, type PillarMaturity } from './ztmm-maturity.js';

export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = {
  critical: 10,
  high: 6,
  medium: 3,
  low: 1,
  info: 0,
};

/** Verdicts that count in an area score; a waived failure still counts against it. */
const SCORED: ReadonlySet<Verdict> = new Set(['pass', 'fail', 'warn', 'waived']);
/** Verdicts that say nothing about the estate: reported as coverage, never scored. */
const UNKNOWN: ReadonlySet<Verdict> = new Set(['not-assessed', 'error']);

export type VerdictCounts = Record<Verdict, number>;

export interface AreaScore {
  area: Area;
  /** 0–100, floored, so 100 only when every scored result passes; null when nothing scored. */
  score: number | null;
  counts: VerdictCounts;
  /** Passing results that rest on an attestation rather than evidence. */
  attested: number;
  results: number;
  /** Results other than not-assessed and error, as a share of all, floored; null when none. */
  coveragePercent: number | null;
  /** Controls with a waived result, and with a not-assessed or error result. */
  waived: string[];
  notAssessed: string[];
}

export interface Scores {
  areas: AreaScore[];
  frameworks: FrameworkView[];
  ztmm: PillarMaturity[];
}

export function computeScores(
  results: readonly ControlResult[],
  controls: readonly Control[] = CONTROLS,
  stageCriteria: StageCriteriaSet = ZTMM_STAGE_CRITERIA,
): Scores {
  return {
    areas: AREAS.map((area) =>
      areaScore(
        area,
        results.filter((r) => r.area === area),
      ),
    ),
    frameworks: frameworkViews(results, controls),
    ztmm: ztmmMaturity(results, controls, stageCriteria),
  };
}

export function areaScore(area: Area, results: readonly ControlResult[]): AreaScore {
  const counts = countVerdicts(results);
  const assessed = results.filter((r) => !UNKNOWN.has(r.verdict)).length;
  const controlsWith = (verdicts: ReadonlySet<Verdict>) =>
    [...new Set(results.filter((r) => verdicts.has(r.verdict)).map((r) => r.control))].sort();

  return {
    area,
    score: weightedScore(results),
    counts,
    attested: results.filter((r) => r.verdict === 'pass' && r.basis === 'attested').length,
    results: results.length,
    coveragePercent: results.length === 0 ? null : Math.floor((100 * assessed) / results.length),
    waived: controlsWith(new Set(['waived'])),
    notAssessed: controlsWith(UNKNOWN),
  };
}

/**
 * Each control weighs its severity once, whatever its number of subjects, and earns that weight
 * in the share of its scored results that pass: ten servers do not outweigh one organisation.
 */
function weightedScore(results: readonly ControlResult[]): number | null {
  let earned = 0;
  let possible = 0;
  for (const own of groupByControl(results.filter((r) => SCORED.has(r.verdict)))) {
    const weight = SEVERITY_WEIGHTS[own[0]?.severity ?? 'info'];
    earned += (weight * own.filter((r) => r.verdict === 'pass').length) / own.length;
    possible += weight;
  }
  if (possible === 0) return null;

  // The epsilon keeps 69.99999… from flooring to 69 when the exact share is 70.
  return Math.floor((100 * earned) / possible + 1e-9);
}

function groupByControl(results: readonly ControlResult[]): ControlResult[][] {
  const groups = new Map<string, ControlResult[]>();
  for (const result of results) {
    groups.set(result.control, [...(groups.get(result.control) ?? []), result]);
  }
  return [...groups.values()];
}

export function countVerdicts(results: readonly ControlResult[]): VerdictCounts {
  const counts: VerdictCounts = {
    pass: 0,
    fail: 0,
    warn: 0,
    waived: 0,
    'not-applicable': 0,
    'not-assessed': 0,
    error: 0,
  };
  for (const result of results) counts[result.verdict] += 1;
  return counts;
}
