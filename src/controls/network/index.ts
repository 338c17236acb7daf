import type { Control } from '../model.js';

/** The network controls, in id order; one module per control beside this file. */
export const NETWORK_CONTROLS: Control[] = [];
