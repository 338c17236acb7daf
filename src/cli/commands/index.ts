import type { Command } from '../command.js';
import { kbInfoCommand } from './kb-info.js';

/** Every command exzt has; `exzt --help` lists them in this order. */
export const COMMANDS: Command[] = [kbInfoCommand];
