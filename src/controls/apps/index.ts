import type { Control } from '../model.js';

/** The apps controls, in id order; one module per control beside this file. */
export const APPS_CONTROLS: Control[] = [];
