/**
 * `--redact --key-file FILE`, shared by assess and version-report: the options, and the key
 * they name (src/redact/key.ts says what a key file holds).
 */
import { ExztError } from '../errors.js';
import { readKeyFile, type RedactionKey } from '../redact/key.js';
import path from 'node:path';
import { flagOption, stringOption, type CommandContext, type OptionSpec } from './command.js';

export const REDACT_OPTIONS: OptionSpec = {
  redact: { type: 'boolean' },
  'key-file': { type: 'string' },
};

export const REDACT_USAGE = [
  '  --redact --key-file FILE         pseudonymise user, host and domain names, e-mail and IP',
  '                                   addresses in every output, under the key in FILE',
  '                                   (docs/redaction.md)',
].join('\n');

/** The key, when --redact is given (or `required`); undefined otherwise. */
export async function keyFromContext(
  context: CommandContext,
  required = flagOption(context, 'redact'),
): Promise<RedactionKey | undefined> {
  const file = stringOption(context, 'key-file');
  if (!required) {
    if (file !== undefined)
      throw new ExztError('USAGE', '--key-file is used with --redact; add --redact');
    return undefined;
  }
  return requireKey(context);
}

/** The key named by --key-file, which must be given. */
export async function requireKey(context: CommandContext): Promise<RedactionKey> {
  const file = stringOption(context, 'key-file');
  if (file === undefined)
    throw new ExztError(
      'USAGE',
      '--key-file FILE is required to redact (make one: openssl rand -hex 32 > exzt.key)',
    );
  return readKeyFile(path.resolve(context.cwd, file));
}
