import type { Command } from '../command.js';

/** Every command exzt has; `exzt --help` lists them in this order. */
export const COMMANDS: Command[] = [];
