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

export const policyValidateCommand: Command = {
  usage: [
    'Usage: exzt policy validate <policy.yaml> [--waivers FILE] [--attestations FILE] [--as-of YYYY-MM-DD]',
    '                            [--format text|json]',
    '',
    '  --waivers       also check this waivers file',
    '  --attestations  also check this attestations file',
    '  --as-of         warn about waivers and attestations expired at this date (default: today)',
    '  --format        text (default) or json: the files, every mistake and every warning, for',
    '                  editors and CI (docs/policy.md, "validate --format json")',
    '',
    'Exit 0 when every file is valid; 2 with every mistake as file:line:column: key = value: expected.',
  ].join('\n'),
  options: {
    waivers: { type: 'string' },
    attestations: { type: 'string' },
    'as-of': { type: 'string' },
    format: { type: 'string' },
  },
  run: runPolicyValidate,
};

/** What `--format json` prints: a stable contract (docs/policy.md). */
interface ValidationReport {
  valid: boolean;
  files: ValidatedFile[];
  issues: Array<{
    file: string;
    line: number;
    column: number;
    path?: string;
    given?: string;
    allowed: string;
  }>;
  warnings: Array<{ file?: string; line?: number; message: string }>;
}

type ValidatedFile =
  | {
      role: 'policy';
      file: string;
      valid: boolean;
      organization?: string;
      sha256?: string;
      defaulted?: string[];
    }
  | CompanionFile;

/** A waivers or attestations file; `controls` for waivers only. */
interface CompanionFile {
  role: 'waivers' | 'attestations';
  file: string;
  valid: boolean;
  entries?: number;
  controls?: string[];
}

/** A warning about a valid file: expiry, an unread attested fact, networks two zones share. */
interface Expiry {
  file?: string;
  line?: number;
  column?: number;
  path?: string;
  message: string;
}

async function runPolicyValidate(context: CommandContext): Promise<number> {
  const [file, extra] = context.positionals;
  if (file === undefined || extra !== undefined) {
    throw usageError('exzt policy validate takes one policy file; see --help');
  }
  const format = stringOption(context, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw usageError(`--format ${format}: expected text or json`);
  }
  const day = asOfDay(stringOption(context, 'as-of'));
  const waiversFile = stringOption(context, 'waivers');
  const attestationsFile = stringOption(context, 'attestations');

  const failed: PolicyError[] = [];
  const policy = await collect(loadPolicy(file), failed);
  const waivers = waiversFile === undefined ? [] : await collect(loadWaivers(waiversFile), failed);
  const attestations =
    attestationsFile === undefined ? [] : await collect(loadAttestations(attestationsFile), failed);
  const warnings =
    failed.length > 0
      ? []
      : [
          ...(policy?.warnings ?? []).map(({ position, path, message }) => ({
            ...position,
            path,
            message,
          })),
          ...expiryWarnings(waivers ?? [], attestations ?? [], day),
        ];

  if (format === 'json') {
    const report = validationReport(
      { file, policy, waiversFile, waivers, attestationsFile, attestations },
      failed,
      warnings,
    );
    context.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    for (const warning of warnings) context.logger.warn(describeWarning(warning));
    return report.valid ? 0 : 2;
  }

  if (failed.length === 1) throw failed[0];
  if (failed.length > 1) {
    throw new PolicyError(
      'the policy files have mistakes',
      failed.flatMap((error) => error.issues),
    );
  }
  context.stdout.write(describePolicy(file, policy as LoadedPolicy));
  if (waiversFile !== undefined) context.stdout.write(describeWaivers(waiversFile, waivers ?? []));
  if (attestationsFile !== undefined) {
    context.stdout.write(
      `${attestationsFile}: valid, ${count(attestations ?? [], 'attestation')}\n`,
    );
  }
  for (const warning of warnings) context.logger.warn(describeWarning(warning));
  return 0;
}

interface Loaded {
  file: string;
  policy: LoadedPolicy | undefined;
  waiversFile: string | undefined;
  waivers: readonly Waiver[] | undefined;
  attestationsFile: string | undefined;
  attestations: readonly Attestation[] | undefined;
}

function validationReport(
  loaded: Loaded,
  failed: readonly PolicyError[],
  warnings: readonly Expiry[],
): ValidationReport {
  const issues = failed.flatMap((error) => error.issues);
  const files: ValidatedFile[] = [];

  const { policy } = loaded;
  files.push(
    policy === undefined
      ? { role: 'policy', file: loaded.file, valid: false }
      : {
          role: 'policy',
          file: loaded.file,
          valid: true,
          organization: policy.policy.organization,
          sha256: policy.hash,
          defaulted: [...policy.defaulted],
        },
  );
  if (loaded.waiversFile !== undefined) {
    const { waivers } = loaded;
    const controls = (entries: readonly Waiver[]) => ({
      controls: [...new Set(entries.map((waiver) => waiver.control))].sort(),
    });
    files.push(companion('waivers', loaded.waiversFile, waivers, controls));
  }
  if (loaded.attestationsFile !== undefined) {
    files.push(companion('attestations', loaded.attestationsFile, loaded.attestations));
  }

  return {
    valid: failed.length === 0,
    files,
    issues: issues.map((issue) => ({
      ...issue.position,
      ...(issue.path === undefined ? {} : { path: issue.path }),
      ...(issue.given === undefined ? {} : { given: issue.given }),
      allowed: issue.allowed,
    })),
    warnings: [...warnings],
  };
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

/** A waivers or attestations file as the report lists it: invalid, or valid with its entries. */
function companion<T>(
  role: 'waivers' | 'attestations',
  file: string,
  entries: readonly T[] | undefined,
  more: (entries: readonly T[]) => Pick<CompanionFile, 'controls'> = () => ({}),
): CompanionFile {
  if (entries === undefined) return { role, file, valid: false };
  return { role, file, valid: true, entries: entries.length, ...more(entries) };
}

/** Waivers and attestations expired before `day`, and attested facts no control reads. */
function expiryWarnings(
  waivers: readonly Waiver[],
  attestations: readonly Attestation[],
  day: string,
): Expiry[] {
  const warnings: Expiry[] = [];
  for (const entry of [...waivers, ...attestations].filter((e) => e.expires < day)) {
    const what =
      'control' in entry ? `waiver for ${entry.control}` : `attestation of ${entry.fact}`;
    warnings.push({
      file: entry.source.file,
      line: entry.source.line,
      message: `${what} expired on ${entry.expires}`,
    });
  }
  for (const fact of unreadFacts(attestations)) {
    warnings.push({ message: `no control reads the attested fact ${fact}; it has no effect` });
  }
  return warnings;
}

function describeWarning(warning: Expiry): string {
  const column = warning.column === undefined ? '' : `:${warning.column}`;
  const where = warning.file === undefined ? '' : `${warning.file}:${warning.line ?? 0}${column}: `;
  const path = warning.path === undefined ? '' : `${warning.path}: `;
  return `${where}${path}${warning.message}`;
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
