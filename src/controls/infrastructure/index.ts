import type { Control } from '../model.js';
import { latestSecurityUpdate } from './latest-su.js';

/** The infrastructure controls, in id order; one module per control beside this file. */
export const INFRASTRUCTURE_CONTROLS: Control[] = [latestSecurityUpdate];
