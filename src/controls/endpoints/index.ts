import type { Control } from '../model.js';

/** The endpoints controls, in id order; one module per control beside this file. */
export const ENDPOINTS_CONTROLS: Control[] = [];
