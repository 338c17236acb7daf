/**
 * `exzt policy init [--out file] [--force]`: the default Zero Trust policy, every key commented,
 * to stdout or a file. An existing file is never overwritten without --force: it is likely a
 * policy someone tailored.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ExztError, usageError } from '../../errors.js';
import { renderDefaultPolicy } from '../../policy/init.js';
import { flagOption, stringOption, type Command, type CommandContext } from '../command.js';

export const policyInitCommand: Command = {
  usage: [
    'Usage: exzt policy init [--out FILE] [--force]',
    '',
    '  --out    write to FILE instead of stdout; an existing FILE is left alone',
    '  --force  overwrite FILE if it exists',
  ].join('\n'),
  options: {
    out: { type: 'string' },
    force: { type: 'boolean' },
  },
  run: runPolicyInit,
};

async function runPolicyInit(context: CommandContext): Promise<number> {
  if (context.positionals.length > 0) {
    throw usageError(`unexpected argument '${context.positionals[0]}'; to write a file use --out`);
  }

  const text = renderDefaultPolicy();
  const out = stringOption(context, 'out');
  if (out === undefined) {
    context.stdout.write(text);
    return 0;
  }

  await writePolicyFile(path.resolve(context.cwd, out), out, text, flagOption(context, 'force'));
  context.logger.info(`wrote the default policy to ${out}`);
  return 0;
}

/** Writes `file`; `shown` is the path as the user gave it, for messages. */
async function writePolicyFile(
  file: string,
  shown: string,
  text: string,
  force: boolean,
): Promise<void> {
  try {
    // 'wx' fails when the file exists, with no window between a check and the write.
    await writeFile(file, text, { flag: force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      throw new ExztError(
        'USAGE',
        `${shown} exists; exzt policy init does not overwrite it (give --force to replace it)`,
      );
    }
    throw new ExztError('INPUT', `cannot write ${file}: ${code ?? String(error)}`, {
      cause: error,
    });
  }
}
