import type { Command } from '../command.js';
import { kbInfoCommand } from './kb-info.js';
import { evidenceInspectCommand } from './evidence-inspect.js';
import { versionReportCommand } from './version-report.js';

/** Every command exzt has; `exzt --help` lists them in this order. */
export const COMMANDS: Command[] = [versionReportCommand, evidenceInspectCommand, kbInfoCommand];
