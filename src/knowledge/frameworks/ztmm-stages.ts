/**
 * CISA ZTMM stage criteria (data/ztmm-stages.json): per pillar and stage, what must pass for the
 * pillar to reach that stage. A criterion names controls by id, selects them by area and ZTMM
 * function, or says why on-premises evidence can never show it.
 */
import type { Area, Control, ZtmmPillar } from '../../controls/model.js';
import { ExztError } from '../../errors.js';
import stageData from './data/ztmm-stages.json' with { type: 'json' };
import { hasZtmmFunction } from './index.js';
import { ZTMM_STAGES, type ZtmmStage } from './model.js';

export type StageAbove = Exclude<ZtmmStage, 'traditional'>;

export interface StageCriterion {
  /** Stable id, e.g. "identity.initial.no-basic-auth". */
  id: string;
  title: string;
  /** Controls that must pass, by id. */
  controls?: string[];
  /**
   * Controls that must pass, selected by area and ZTMM function of the same pillar.
   * TODO(#3): controls carry no tags, so "area + tag" selection is area + ZTMM function only.
   */
  select?: { area?: Area; ztmmFunction: string };
  /** Why on-premises evidence cannot show this; the criterion is never met. */
  unreachable?: string;
}

export interface PillarStageCriteria {
  pillar: ZtmmPillar;
  stages: Record<StageAbove, StageCriterion[]>;
}

export interface StageCriteriaSet {
  model: string;
  version: string;
  source: string;
  pillars: PillarStageCriteria[];
}

/** A criterion with its control selection made concrete against one control catalogue. */
export interface ResolvedCriterion extends StageCriterion {
  pillar: ZtmmPillar;
  stage: StageAbove;
  controlIds: string[];
}

export const ZTMM_STAGE_CRITERIA = stageData as StageCriteriaSet;

const PILLARS: readonly ZtmmPillar[] = ['identity', 'devices', 'networks', 'applications', 'data'];
export const STAGES_ABOVE_TRADITIONAL = ZTMM_STAGES.slice(1) as StageAbove[];

/**
 * Every criterion with the control ids it stands on. Throws when a criterion names a control
 * the catalogue lacks, selects none, or is malformed: a stage must never rest on nothing.
 */
export function resolveStageCriteria(
  criteria: StageCriteriaSet,
  controls: readonly Control[],
): ResolvedCriterion[] {
  const problems = structureProblems(criteria);
  const resolved = criteria.pillars.flatMap((entry) =>
    STAGES_ABOVE_TRADITIONAL.flatMap((stage) =>
      (entry.stages[stage] ?? []).map((criterion) => {
        const controlIds = selectControls(entry.pillar, criterion, controls);
        problems.push(...criterionProblems(entry.pillar, criterion, controlIds, controls));
        return { ...criterion, pillar: entry.pillar, stage, controlIds };
      }),
    ),
  );
  if (problems.length > 0) {
    throw new ExztError(
      'KNOWLEDGE',
      `ZTMM stage criteria are not usable with this control catalogue:\n  ${problems.join('\n  ')}`,
    );
  }

  return resolved;
}

function selectControls(
  pillar: ZtmmPillar,
  criterion: StageCriterion,
  controls: readonly Control[],
): string[] {
  if (criterion.controls !== undefined) return [...criterion.controls];
  const select = criterion.select;
  if (select === undefined) return [];

  return controls
    .filter((control) => select.area === undefined || control.area === select.area)
    .filter((control) =>
      control.mappings.ztmm.some((m) => m.pillar === pillar && m.function === select.ztmmFunction),
    )
    .map((control) => control.id);
}

function criterionProblems(
  pillar: ZtmmPillar,
  criterion: StageCriterion,
  controlIds: string[],
  controls: readonly Control[],
): string[] {
  const where = `${pillar} ${criterion.id}`;
  const ways = [criterion.controls, criterion.select, criterion.unreachable].filter(
    (way) => way !== undefined,
  );
  if (ways.length !== 1) {
    return [`${where}: give exactly one of controls, select or unreachable (found ${ways.length})`];
  }

  const known = new Set(controls.map((control) => control.id));
  const problems = controlIds
    .filter((id) => !known.has(id))
    .map((id) => `${where}: names ${id}, which is not in the control catalogue`);
  const select = criterion.select;
  if (select !== undefined && !hasZtmmFunction(pillar, select.ztmmFunction)) {
    problems.push(`${where}: '${select.ztmmFunction}' is not a ZTMM function of ${pillar}`);
  } else if (criterion.unreachable === undefined && controlIds.length === 0) {
    problems.push(`${where}: selects no control`);
  }
  return problems;
}

function structureProblems(criteria: StageCriteriaSet): string[] {
  const problems: string[] = [];
  for (const entry of criteria.pillars) {
    const unknown = Object.keys(entry.stages).filter(
      (stage) => !STAGES_ABOVE_TRADITIONAL.includes(stage as StageAbove),
    );
    for (const stage of unknown) {
      problems.push(`${entry.pillar}: stage '${stage}' is not one of initial, advanced, optimal`);
    }
    // A stage without criteria would be reached on no evidence at all.
    for (const stage of STAGES_ABOVE_TRADITIONAL.filter((s) => !entry.stages[s]?.length)) {
      problems.push(`${entry.pillar}: stage ${stage} has no criterion`);
    }
  }
  const pillars = criteria.pillars.map((entry) => entry.pillar);
  for (const pillar of PILLARS) {
    const count = pillars.filter((p) => p === pillar).length;
    if (count !== 1) problems.push(`pillar ${pillar} appears ${count} times, expected once`);
  }
  const ids = criteria.pillars.flatMap((entry) =>
    STAGES_ABOVE_TRADITIONAL.flatMap((stage) => (entry.stages[stage] ?? []).map((c) => c.id)),
  );
  for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) {
    problems.push(`criterion id ${id} is used more than once`);
  }
  return problems;
}
