import { parseArgs } from 'node:util';
import { ExztError } from '../errors.js';
import { EXZT_VERSION } from '../version.js';
import { COMMON_OPTIONS } from './command.js';
import { COMMANDS, type CommandEntry } from './commands/index.js';
import { createLogger, useColour, type LogLevel } from './logger.js';

/** Exit codes, the same for every command (docs: README "Exit codes"). */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export async function main(argv: string[]): Promise<number> {
  const logger = createLogger(levelFrom(argv));
  // `exzt … | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT_OK);
    throw error;
  });

  try {
    return await dispatch(argv, logger);
  } catch (error) {
    reportError(error, logger);
    return EXIT_ERROR;
  }
}

async function dispatch(argv: string[], logger: ReturnType<typeof createLogger>): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(overview());
    return EXIT_OK;
  }
  if (argv[0] === '--version' || argv[0] === '-V') {
    process.stdout.write(`exzt ${EXZT_VERSION}\n`);
    return EXIT_OK;
  }

  const { entry, rest } = findCommand(argv);
  const command = await entry.load();
  const { values, positionals } = parseArgs({
    args: rest,
    options: { ...COMMON_OPTIONS, ...command.options },
    allowPositionals: true,
    strict: true,
  });
  if (values['help'] === true) {
    process.stdout.write(`${command.usage.trimEnd()}\n`);
    return EXIT_OK;
  }

  return command.run({
    values,
    positionals,
    logger,
    stdout: process.stdout,
    stdoutIsTty: process.stdout.isTTY === true,
    colour: useColour(process.stdout),
    cwd: process.cwd(),
  });
}

function findCommand(argv: string[]): { entry: CommandEntry; rest: string[] } {
  const matches = COMMANDS.filter((entry) =>
    entry.path.every((word, index) => argv[index] === word),
  ).sort((a, b) => b.path.length - a.path.length);
  const entry = matches[0];
  if (entry === undefined) {
    const known = COMMANDS.map((c) => c.path.join(' ')).join(', ');
    throw new ExztError(
      'USAGE',
      `unknown command '${argv.slice(0, 2).join(' ')}'; commands: ${known}`,
    );
  }

  return { entry, rest: argv.slice(entry.path.length) };
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.path.join(' ').length));
  const lines = COMMANDS.map((c) => `  exzt ${c.path.join(' ').padEnd(width)}  ${c.summary}`);
  return [
    `exzt ${EXZT_VERSION}: holds an on-premises Exchange organisation to a Zero Trust policy`,
    '',
    'Commands:',
    ...lines,
    '',
    'Every command takes --help, --quiet and --verbose.',
    'Exit codes: 0 done; 1 done, with something at or above the failure threshold;',
    '2 usage, input or internal error.',
    '',
  ].join('\n');
}

function levelFrom(argv: string[]): LogLevel {
  if (argv.includes('--quiet') || argv.includes('-q')) return 'quiet';
  if (argv.includes('--verbose') || argv.includes('-v')) return 'verbose';
  return 'normal';
}

function reportError(error: unknown, logger: ReturnType<typeof createLogger>): void {
  if (error instanceof ExztError) {
    logger.error(error.describe());
    if (error.cause instanceof Error) logger.debug(`caused by: ${error.cause.message}`);
    return;
  }
  if (isParseArgsError(error)) {
    logger.error(`${error.message}; see 'exzt --help'`);
    return;
  }

  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  logger.error(`internal error, please report it with the command you ran:\n${detail}`);
}

function isParseArgsError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
