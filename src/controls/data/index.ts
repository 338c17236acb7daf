import type { Control } from '../model.js';

/** The data controls, in id order; one module per control beside this file. */
export const DATA_CONTROLS: Control[] = [];
