/**
 * `exzt policy validate <policy> [--waivers f] [--attestations f] [--as-of date]`: checks the
 * policy and its companion files and reports every mistake of all of them at once (exit 2), or
 * says what was read and which keys took their defaults (exit 0).
 */
import { usageError } from '../../errors.js';
import { loadAttestations, unreadFacts } from '../../policy/attestations.js';
import { loadPolicy, type LoadedPolicy } from '../../policy/load.js';
import type { Attestation, Waiver } from '../../policy/model.js';
import { loadWaivers } from '../../policy/waivers.js';
import { PolicyError } from '../../policy/yaml-source.js';
import { stringOption, type Command, type CommandContext } from '../command.js';

// TODO(#3): text output only; a --format json listing the issues would suit editors and CI.
export const policyValidateCommand: Command = {
  usage: [
    'Usage: exzt policy validate <policy.yaml> [--waivers FILE] [--attestations FILE] [--as-of YYYY-MM-DD]',
    '',
    '  --waivers       also check this waivers file',
    '  --attestations  also check this attestations file',
    '  --as-of         warn about waivers and attestations expired at this date (default: today)',
    '',
    'Exit 0 when every file is valid; 2 with every mistake as file:line:column: key = value: expected.',
  ].join('\n'),
  options: {
    waivers: { type: 'string' },
    attestations: { type: 'string' },
    'as-of': { type: 'string' },
  },
  run: runPolicyValidate,
};

async function runPolicyValidate(context: CommandContext): Promise<number> {
  const [file, extra] = context.positionals;
  if (file === undefined || extra !== undefined) {
    throw usageError('exzt policy validate takes one policy file; see --help');
  }
  const day = asOfDay(stringOption(context, 'as-of'));
  const waiversFile = stringOption(context, 'waivers');
  const attestationsFile = stringOption(context, 'attestations');

  const failed: PolicyError[] = [];
  const policy = await collect(loadPolicy(file), failed);
  const waivers = waiversFile === undefined ? [] : await collect(loadWaivers(waiversFile), failed);
  const attestations =
    attestationsFile === undefined ? [] : await collect(loadAttestations(attestationsFile), failed);
  const issues = failed.flatMap((error) => error.issues);
  if (failed.length === 1) throw failed[0];
  if (failed.length > 1) throw new PolicyError('the policy files have mistakes', issues);

  context.stdout.write(describePolicy(file, policy as LoadedPolicy));
  if (waiversFile !== undefined) context.stdout.write(describeWaivers(waiversFile, waivers ?? []));
  if (attestationsFile !== undefined) {
    context.stdout.write(
      `${attestationsFile}: valid, ${count(attestations ?? [], 'attestation')}\n`,
    );
  }
  warnAboutExpiry(context, waivers ?? [], attestations ?? [], day);
  return 0;
}

/** The loaded value, or undefined with the file's mistakes added to `failed`. */
async function collect<T>(loading: Promise<T>, failed: PolicyError[]): Promise<T | undefined> {
  try {
    return await loading;
  } catch (error) {
    if (!(error instanceof PolicyError)) throw error;
    failed.push(error);
    return undefined;
  }
}

function describePolicy(file: string, loaded: LoadedPolicy): string {
  const lines = [`${file}: valid policy for ${loaded.policy.organization} (sha256 ${loaded.hash})`];
  if (loaded.defaulted.length === 0) lines.push('  every key is given');
  else {
    lines.push(
      '  a policy may be partial; these keys take their defaults (exzt policy init shows them):',
    );
    lines.push(`  ${loaded.defaulted.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

function describeWaivers(file: string, waivers: readonly Waiver[]): string {
  const controls = [...new Set(waivers.map((waiver) => waiver.control))].sort();
  const which = controls.length === 0 ? '' : ` for ${controls.join(', ')}`;
  return `${file}: valid, ${count(waivers, 'waiver')}${which}\n`;
}

function warnAboutExpiry(
  context: CommandContext,
  waivers: readonly Waiver[],
  attestations: readonly Attestation[],
  day: string,
): void {
  for (const entry of [...waivers, ...attestations].filter((e) => e.expires < day)) {
    const what =
      'control' in entry ? `waiver for ${entry.control}` : `attestation of ${entry.fact}`;
    context.logger.warn(
      `${entry.source.file}:${entry.source.line}: ${what} expired on ${entry.expires}`,
    );
  }
  for (const fact of unreadFacts(attestations)) {
    context.logger.warn(`no control reads the attested fact ${fact}; it has no effect`);
  }
}

function count(items: readonly unknown[], noun: string): string {
  return `${items.length} ${noun}${items.length === 1 ? '' : 's'}`;
}

function asOfDay(text: string | undefined): string {
  if (text === undefined) return new Date().toISOString().slice(0, 10);

  const date = new Date(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(date.getTime())) {
    throw usageError(`--as-of '${text}' is not a date; expected YYYY-MM-DD`);
  }
  return text;
}
