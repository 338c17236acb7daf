import type { ParseArgsConfig } from 'node:util';
import type { Logger } from './logger.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** What every command gets: parsed options, positionals, a logger and where results go. */
export interface CommandContext {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  logger: Logger;
  stdout: NodeJS.WritableStream;
  /** True when results go to a terminal: colour and tables may be used. */
  stdoutIsTty: boolean;
  /** Colour allowed on stdout (TTY, NO_COLOR, FORCE_COLOR). */
  colour: boolean;
  cwd: string;
}

/** A command's module: its words and summary are in commands/index.ts, which loads it to run. */
export interface Command {
  usage: string;
  options: OptionSpec;
  /** Returns the exit code: 0 done, 1 done with something at or above the threshold. */
  run(context: CommandContext): Promise<number>;
}

/** Options every command understands. */
export const COMMON_OPTIONS: OptionSpec = {
  help: { type: 'boolean', short: 'h' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean', short: 'v' },
};

/** Reads a string option; undefined when absent. */
export function stringOption(context: CommandContext, name: string): string | undefined {
  const value = context.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Reads a repeatable string option as a list. */
export function listOption(context: CommandContext, name: string): string[] {
  const value = context.values[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

export function flagOption(context: CommandContext, name: string): boolean {
  return context.values[name] === true;
}
