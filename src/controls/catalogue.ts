/**
 * The control catalogue: every control of every area. Its version is recorded in each
 * assessment, so a diff can warn when two runs used different catalogues.
 */
import { APPS_CONTROLS } from './apps/index.js';
import { DATA_CONTROLS } from './data/index.js';
import { ENDPOINTS_CONTROLS } from './endpoints/index.js';
import { IDENTITY_CONTROLS } from './identity/index.js';
import { INFRASTRUCTURE_CONTROLS } from './infrastructure/index.js';
import type { Control } from './model.js';
import { NETWORK_CONTROLS } from './network/index.js';

/** Bump when a control is added, removed, or changes what it checks. */
export const CATALOGUE_VERSION = '2026.12.3';

export const CONTROLS: readonly Control[] = [
  ...IDENTITY_CONTROLS,
  ...ENDPOINTS_CONTROLS,
  ...APPS_CONTROLS,
  ...DATA_CONTROLS,
  ...INFRASTRUCTURE_CONTROLS,
  ...NETWORK_CONTROLS,
];

export function findControl(id: string): Control | undefined {
  return CONTROLS.find((control) => control.id.toLowerCase() === id.toLowerCase());
}
