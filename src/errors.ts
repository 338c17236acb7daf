/**
 * Typed errors with stable codes. Everything below src/cli throws these; src/cli/main.ts is the
 * one place that turns them into messages and exit codes.
 */
export type ErrorCode =
  | 'USAGE'
  | 'INPUT'
  | 'CLIXML_SYNTAX'
  | 'CLIXML_LIMIT'
  | 'ZIP_UNSAFE'
  | 'ZIP_LIMIT'
  | 'MANIFEST'
  | 'INTEGRITY'
  | 'EVIDENCE'
  | 'KNOWLEDGE'
  | 'POLICY'
  | 'INTERNAL';

/** Where in a file something went wrong; line and column are 1-based. */
export interface SourcePosition {
  file: string;
  line?: number;
  column?: number;
  offset?: number;
}

export class ExztError extends Error {
  readonly code: ErrorCode;
  readonly position: SourcePosition | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { position?: SourcePosition; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ExztError';
    this.code = code;
    this.position = options.position;
  }

  /** "file:line:column: message", the form editors and CI logs link to. */
  describe(): string {
    const where = formatPosition(this.position);
    return where === '' ? this.message : `${where}: ${this.message}`;
  }
}

export function formatPosition(position: SourcePosition | undefined): string {
  if (position === undefined) return '';

  let text = position.file;
  if (position.line !== undefined) text += `:${position.line}`;
  if (position.line !== undefined && position.column !== undefined) text += `:${position.column}`;
  return text;
}

export function usageError(message: string): ExztError {
  return new ExztError('USAGE', message);
}
