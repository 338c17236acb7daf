/**
 * Per framework: which mapped ids have a failing control, and how much of what the controls map
 * was assessed at all. exzt reports "no failing mapped control, coverage N%"; it never says
 * "compliant", because an assessment of Exchange configuration cannot certify anyone.
 */
import type { Control } from '../../controls/model.js';
import {
  FRAMEWORK_IDS,
  frameworkCatalogue,
  frameworkEntry,
  mappedIds,
  type FrameworkId,
} from '../../knowledge/frameworks/index.js';
import type { ControlResult, Verdict } from './result.js';

/** failing: a mapped result fails or warns; waived: accepted risk; incomplete: partly assessed. */
export type FrameworkIdStatus = 'satisfied' | 'failing' | 'waived' | 'incomplete' | 'not-assessed';

export interface FrameworkIdView {
  id: string;
  title: string;
  status: FrameworkIdStatus;
  /** Controls mapped to the id, and those among them with a result of each kind. */
  controls: string[];
  failing: string[];
  waived: string[];
  notAssessed: string[];
}

export interface FrameworkView {
  framework: FrameworkId;
  name: string;
  version: string;
  /** "no failing mapped control, coverage 83%" or "3 ids with a failing control, coverage 83%". */
  summary: string;
  catalogueIds: number;
  mappedIds: number;
  assessedIds: number;
  failingIds: number;
  waivedIds: number;
  /** Assessed ids / mapped ids, floored; null when no control maps to the framework. */
  coveragePercent: number | null;
  ids: FrameworkIdView[];
}

const UNKNOWN: ReadonlySet<Verdict> = new Set(['not-assessed', 'error']);

export function frameworkViews(
  results: readonly ControlResult[],
  controls: readonly Control[],
): FrameworkView[] {
  return FRAMEWORK_IDS.map((framework) => frameworkView(framework, results, controls));
}

function frameworkView(
  framework: FrameworkId,
  results: readonly ControlResult[],
  controls: readonly Control[],
): FrameworkView {
  const catalogue = frameworkCatalogue(framework);
  const ids = [...controlsById(framework, controls)].map(([id, mapped]) =>
    idView(framework, id, mapped, results),
  );
  const count = (statuses: FrameworkIdStatus[]) =>
    ids.filter((view) => statuses.includes(view.status)).length;
  const assessedIds = ids.length - count(['not-assessed']);
  const failingIds = count(['failing']);
  const waivedIds = count(['waived']);
  const coveragePercent = ids.length === 0 ? null : Math.floor((100 * assessedIds) / ids.length);
  const { name, version } = catalogue;

  return {
    framework,
    name,
    version,
    summary: summarise(failingIds, waivedIds, coveragePercent),
    catalogueIds: catalogue.entries.length,
    mappedIds: ids.length,
    assessedIds,
    failingIds,
    waivedIds,
    coveragePercent,
    ids,
  };
}

/** Canonical catalogue id → the controls mapping it, in catalogue order; unknown ids left out. */
function controlsById(framework: FrameworkId, controls: readonly Control[]): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const control of controls) {
    for (const id of mappedIds(control.mappings, framework)) {
      const entry = frameworkEntry(framework, id);
      if (entry === undefined) continue;

      const mapped = byId.get(entry.id) ?? [];
      if (!mapped.includes(control.id)) mapped.push(control.id);
      byId.set(entry.id, mapped);
    }
  }
  const order = frameworkCatalogue(framework).entries.map((entry) => entry.id);
  return new Map([...byId].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
}

function idView(
  framework: FrameworkId,
  id: string,
  controls: string[],
  results: readonly ControlResult[],
): FrameworkIdView {
  const own = results.filter((result) => controls.includes(result.control));
  const controlsWith = (verdicts: Verdict[]) => [
    ...new Set(own.filter((r) => verdicts.includes(r.verdict)).map((r) => r.control)),
  ];
  const failing = controlsWith(['fail', 'warn']);
  const waived = controlsWith(['waived']);
  const notAssessed = [
    ...new Set([
      ...controlsWith(['not-assessed', 'error']),
      ...controls.filter((c) => !ran(c, own)),
    ]),
  ];
  const title = frameworkEntry(framework, id)?.title ?? id;

  return {
    id,
    title,
    status: idStatus(own, failing, waived, notAssessed),
    controls,
    failing,
    waived,
    notAssessed,
  };
}

function idStatus(
  own: readonly ControlResult[],
  failing: string[],
  waived: string[],
  notAssessed: string[],
): FrameworkIdStatus {
  if (failing.length > 0) return 'failing';
  if (waived.length > 0) return 'waived';
  if (own.every((result) => UNKNOWN.has(result.verdict))) return 'not-assessed';
  if (notAssessed.length > 0) return 'incomplete';

  return 'satisfied';
}

function ran(control: string, results: readonly ControlResult[]): boolean {
  return results.some((result) => result.control === control);
}

function summarise(failingIds: number, waivedIds: number, coverage: number | null): string {
  const coverageText = coverage === null ? 'no control maps here' : `coverage ${coverage}%`;
  const failingText =
    failingIds === 0
      ? 'no failing mapped control'
      : `${failingIds} id${failingIds === 1 ? '' : 's'} with a failing control`;
  const waivedText = waivedIds === 0 ? '' : `, ${waivedIds} waived`;
  return `${failingText}${waivedText}, ${coverageText}`;
}
