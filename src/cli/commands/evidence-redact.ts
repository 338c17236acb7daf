/**
 * `exzt evidence redact <bundle> --key-file FILE --out DIR`: a copy of the evidence to share,
 * with user, host and domain names, e-mail and IP addresses pseudonymised under the user's key
 * (docs/redaction.md). The input is never touched; --out must be new or empty.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ExztError } from '../../errors.js';
import { loadPolicy } from '../../policy/load.js';
import { EvidenceFiles } from '../../redact/evidence-files.js';
import { redactYamlText } from '../../redact/policy-redact.js';
import {
  addBundleFile,
  redactEvidenceSet,
  type RedactedBundle,
} from '../../redact/redact-bundle.js';
import { DEFAULT_USER_PATTERNS } from '../../redact/redact-inputs.js';
import { stringOption, type Command, type CommandContext } from '../command.js';
import { EVIDENCE_OPTIONS, EVIDENCE_USAGE, loadEvidenceFromContext } from '../evidence-options.js';
import { requireKey } from '../redact-option.js';

export const evidenceRedactCommand: Command = {
  usage: [
    'Usage: exzt evidence redact <evidence>... --key-file FILE --out DIR',
    '                            [--policy FILE] [--waivers FILE] [--attestations FILE]',
    '',
    '  --key-file FILE      the secret key (one line, 32+ random bytes in hex or base64:',
    '                       openssl rand -hex 32 > exzt.key); keep it, share only the output',
    '  --out DIR            the redacted bundle is written here; it must not exist or be empty',
    '  --policy FILE        also write the policy with its networks translated (DIR/policy.yaml);',
    "                       its service-account patterns shape the users' pseudonyms",
    '  --waivers FILE       also write the waivers with their servers translated',
    '  --attestations FILE  also write the attestations, redacted',
    EVIDENCE_USAGE,
  ].join('\n'),
  options: {
    ...EVIDENCE_OPTIONS,
    'key-file': { type: 'string' },
    out: { type: 'string' },
    policy: { type: 'string' },
    waivers: { type: 'string' },
    attestations: { type: 'string' },
  },
  run: runEvidenceRedact,
};

async function runEvidenceRedact(context: CommandContext): Promise<number> {
  const out = stringOption(context, 'out');
  if (out === undefined) throw new ExztError('USAGE', '--out DIR is required; see --help');
  const outDir = path.resolve(context.cwd, out);
  await refuseUsedFolder(out, outDir);
  const key = await requireKey(context);
  const policyFile = stringOption(context, 'policy');
  const patterns =
    policyFile === undefined
      ? DEFAULT_USER_PATTERNS
      : (await loadPolicy(path.resolve(context.cwd, policyFile))).policy.identity
          .serviceAccountPatterns;

  const evidence = await loadEvidenceFromContext(context);
  const bundle = await redactEvidenceSet(evidence, new EvidenceFiles(context.cwd), key, patterns);
  for (const option of ['policy', 'waivers', 'attestations'])
    await addYaml(context, option, bundle);
  for (const [member, bytes] of bundle.files) {
    const target = path.join(outDir, ...member.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes, { flag: 'wx' });
  }
  context.logger.info(`wrote ${bundle.files.size} files to ${out}`);
  for (const file of bundle.left) context.logger.info(`not carried over (not imported): ${file}`);
  return 0;
}

async function refuseUsedFolder(out: string, outDir: string): Promise<void> {
  const entries = await readdir(outDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw new ExztError('USAGE', `--out ${out}: not a folder exzt can write to`, { cause: error });
  });
  if (entries.length > 0)
    throw new ExztError(
      'USAGE',
      `--out ${out}: the folder exists and is not empty; name a new or empty folder (nothing is overwritten)`,
    );
}

async function addYaml(
  context: CommandContext,
  option: string,
  bundle: RedactedBundle,
): Promise<void> {
  const file = stringOption(context, option);
  if (file === undefined) return;
  const text = await readFile(path.resolve(context.cwd, file), 'utf8').catch((error: unknown) => {
    throw new ExztError('INPUT', `--${option} ${file}: cannot read it`, { cause: error });
  });
  const redacted = redactYamlText(text, bundle.redactor);
  addBundleFile(bundle, `${option}.yaml`, Buffer.from(redacted, 'utf8'));
}
