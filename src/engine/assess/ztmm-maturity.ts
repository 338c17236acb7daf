/**
 * A CISA ZTMM stage per pillar from the stage criteria: a pillar reaches a stage when every
 * criterion of that stage and of every stage below it is met. Each unmet criterion says why.
 */
import type { Control, ZtmmPillar } from '../../controls/model.js';
import { ZTMM_MODEL, type ZtmmStage } from '../../knowledge/frameworks/index.js';
import {
  STAGES_ABOVE_TRADITIONAL,
  resolveStageCriteria,
  type ResolvedCriterion,
  type StageCriteriaSet,
} from '../../knowledge/frameworks/ztmm-stages.js';
import type { ControlResult } from './result.js';

/** met; not-met (a control fails or is waived); not-shown (not assessed); unreachable on-prem. */
export type CriterionStatus = 'met' | 'not-met' | 'not-shown' | 'unreachable';

export interface CriterionResult {
  id: string;
  title: string;
  stage: ZtmmStage;
  status: CriterionStatus;
  controls: string[];
  reasons: string[];
}

export interface PillarMaturity {
  pillar: ZtmmPillar;
  name: string;
  stage: ZtmmStage;
  /** The stage above the one reached; absent at Optimal. */
  nextStage?: ZtmmStage;
  /** Why the next stage is not reached: its unmet criteria (and unmet ones below it). */
  reasons: string[];
  criteria: CriterionResult[];
}

export function ztmmMaturity(
  results: readonly ControlResult[],
  controls: readonly Control[],
  criteriaSet: StageCriteriaSet,
): PillarMaturity[] {
  const criteria = resolveStageCriteria(criteriaSet, controls);

  return ZTMM_MODEL.pillars.map((pillar) => {
    const judged = criteria
      .filter((criterion) => criterion.pillar === pillar.id)
      .map((criterion) => judgeCriterion(criterion, results));
    return { pillar: pillar.id, name: pillar.name, ...stageReached(judged), criteria: judged };
  });
}

function stageReached(
  judged: CriterionResult[],
): Omit<PillarMaturity, 'pillar' | 'name' | 'criteria'> {
  let stage: ZtmmStage = 'traditional';
  for (const next of STAGES_ABOVE_TRADITIONAL) {
    const unmet = judged.filter((c) => c.stage === next && c.status !== 'met');
    if (unmet.length > 0) {
      const reasons = unmet.map((c) => `${c.title}: ${c.reasons.join('; ')}`);
      return { stage, nextStage: next, reasons };
    }

    stage = next;
  }
  return { stage, reasons: [] };
}

function judgeCriterion(
  criterion: ResolvedCriterion,
  results: readonly ControlResult[],
): CriterionResult {
  const base = {
    id: criterion.id,
    title: criterion.title,
    stage: criterion.stage,
    controls: criterion.controlIds,
  };
  if (criterion.unreachable !== undefined) {
    return { ...base, status: 'unreachable', reasons: [criterion.unreachable] };
  }

  const blocking: string[] = [];
  const unshown: string[] = [];
  for (const id of criterion.controlIds) {
    const own = results.filter((result) => result.control === id);
    if (own.length === 0) unshown.push(`${id} was not run`);
    blocking.push(...verdictReasons(id, own, ['fail', 'warn'], 'fails'));
    blocking.push(...verdictReasons(id, own, ['waived'], 'is waived (accepted risk, not met)'));
    unshown.push(...verdictReasons(id, own, ['not-assessed'], 'is not assessed'));
    unshown.push(...verdictReasons(id, own, ['error'], 'could not be evaluated (rule error)'));
  }
  if (blocking.length > 0)
    return { ...base, status: 'not-met', reasons: [...blocking, ...unshown] };
  if (unshown.length > 0) return { ...base, status: 'not-shown', reasons: unshown };

  return { ...base, status: 'met', reasons: [] };
}

/** "EXZT.IDN.2 fails on EX01, EX02" for the results of one control with one of `verdicts`. */
function verdictReasons(
  control: string,
  results: readonly ControlResult[],
  verdicts: readonly ControlResult['verdict'][],
  says: string,
): string[] {
  const subjects = results.filter((r) => verdicts.includes(r.verdict)).map((r) => r.subject.name);
  if (subjects.length === 0) return [];

  return [`${control} ${says} on ${subjects.join(', ')}`];
}
