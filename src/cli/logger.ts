/**
 * The one logger: diagnostics go to stderr, never mixed with results on stdout.
 */
export type LogLevel = 'quiet' | 'normal' | 'verbose';

export interface Logger {
  level: LogLevel;
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

export function createLogger(
  level: LogLevel,
  stream: NodeJS.WritableStream = process.stderr,
): Logger {
  const colour = useColour(stream);
  const paint = (code: string, text: string): string =>
    colour ? `\u001b[${code}m${text}\u001b[0m` : text;

  return {
    level,
    error: (message) => stream.write(`${paint('31', 'error')}: ${message}\n`),
    warn: (message) => {
      if (level !== 'quiet') stream.write(`${paint('33', 'warning')}: ${message}\n`);
    },
    info: (message) => {
      if (level !== 'quiet') stream.write(`${message}\n`);
    },
    debug: (message) => {
      if (level === 'verbose') stream.write(`${paint('2', message)}\n`);
    },
  };
}

/** Colour only on a TTY, honouring NO_COLOR (https://no-color.org) and FORCE_COLOR. */
export function useColour(stream: NodeJS.WritableStream): boolean {
  const force = process.env['FORCE_COLOR'];
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (force === '0' || force === 'false') return false;
  if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') return false;
  return (stream as NodeJS.WriteStream).isTTY === true;
}
