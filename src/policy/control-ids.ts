/**
 * Control ids as waivers and `exzt policy explain` write them: EXZT.<AREA>.<n>, and one that
 * exists in the catalogue, else the nearest one that does.
 */
import { AREA_CODES, type Control } from '../controls/model.js';
import { editDistance } from './nearest.js';

const CONTROL_ID = new RegExp(`^EXZT\\.(${Object.values(AREA_CODES).join('|')})\\.[1-9]\\d*$`, 'i');

/** Undefined when `id` names a control; else what is wrong, with the nearest existing id. */
export function controlIdProblem(id: string, controls: readonly Control[]): string | undefined {
  if (controls.some((control) => control.id.toLowerCase() === id.toLowerCase())) return undefined;

  const form = CONTROL_ID.test(id)
    ? ''
    : `; ids have the form EXZT.<AREA>.<n>, AREA one of ${Object.values(AREA_CODES).join(' ')}`;
  const suggestion = closestControlId(id, controls);
  return `no control ${id}${form}${suggestion === undefined ? '' : `; did you mean ${suggestion}?`}`;
}

/** The existing id fewest edits away; among equals, the one in the same area, then the first. */
export function closestControlId(id: string, controls: readonly Control[]): string | undefined {
  const area = id.split('.')[1]?.toUpperCase();
  let best: { id: string; score: number } | undefined;
  for (const control of controls) {
    const sameArea = control.id.split('.')[1] === area ? 0 : 0.5;
    const score = editDistance(id, control.id) + sameArea;
    if (best === undefined || score < best.score) best = { id: control.id, score };
  }
  return best?.id;
}
