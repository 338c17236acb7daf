import type { Control } from '../model.js';

/** The identity controls, in id order; one module per control beside this file. */
export const IDENTITY_CONTROLS: Control[] = [];
