/**
 * `exzt evidence inspect`: what the evidence holds, per subject and kind, with provenance, and
 * what was not imported and why. Stops after the import (DESIGN.md "Pipeline").
 */
import { usageError } from '../../errors.js';
import type {
  EvidenceFile,
  EvidenceSet,
  KindEvidence,
  SubjectEvidence,
} from '../../evidence/evidence-set.js';
import { EVIDENCE_KINDS, findKind } from '../../evidence/kinds.js';
import type { Provenance } from '../../evidence/model.js';
import { stringOption, type Command, type CommandContext } from '../command.js';
import { EVIDENCE_OPTIONS, EVIDENCE_USAGE, loadEvidenceFromContext } from '../evidence-options.js';

export const evidenceInspectCommand: Command = {
  usage: [
    'Usage: exzt evidence inspect <path>... [--use CANONICAL=ALTERNATE]... [--allow-modified]',
    '                             [--format text|json]',
    '',
    'Paths: evidence bundles (folder or .zip), HealthChecker-layout folders (or a folder of them),',
    'or loose CliXml exports.',
    '  --format text|json               output format (default text)',
    EVIDENCE_USAGE,
  ].join('\n'),
  options: { ...EVIDENCE_OPTIONS, format: { type: 'string' } },
  run: runInspect,
};

async function runInspect(context: CommandContext): Promise<number> {
  const format = stringOption(context, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json')
    throw usageError(`--format ${format}: expected text or json`);
  if (context.positionals.length === 0)
    throw usageError('evidence inspect needs at least one path; see --help');

  const set = await loadEvidenceFromContext(context);

  const output =
    format === 'json' ? `${JSON.stringify(inspectionJson(set), null, 2)}\n` : inspectionText(set);
  context.stdout.write(output);
  return 0;
}

/** Server kinds of the registry that a server has no entry for. */
function notCollected(subject: SubjectEvidence): string[] {
  const present = new Set(subject.kinds.map((kind) => kind.kind));
  return EVIDENCE_KINDS.filter(
    (kind) => kind.scope === subject.subject.type && !present.has(kind.id),
  ).map((kind) => kind.id);
}

function inspectionJson(set: EvidenceSet): unknown {
  return {
    collectedAt: set.collectedAt ?? null,
    sources: set.sources,
    subjects: set.subjects.map((subject) => ({
      subject: subject.subject,
      kinds: subject.kinds.map((kind) => ({
        kind: kind.kind,
        status: kind.status,
        ...(kind.note === undefined ? {} : { note: kind.note }),
        files: kind.files.map((file) => `${file.source}/${file.member}`),
        provenance: kind.fact.provenance,
        ...(findKind(kind.kind)?.importer === undefined ? {} : { value: kind.fact.value }),
      })),
      notCollected: notCollected(subject),
    })),
    files: set.files,
    warnings: set.warnings,
  };
}

function inspectionText(set: EvidenceSet): string {
  const lines: string[] = ['Sources'];
  for (const source of set.sources) {
    const where = source.root === '' ? source.path : `${source.path} (${source.root.slice(0, -1)})`;
    lines.push(`  ${where}: ${source.type}; integrity ${integrityText(source)}`);
  }
  if (set.collectedAt !== undefined) lines.push(`Collected at ${set.collectedAt}`);

  for (const subject of set.subjects) lines.push('', ...subjectText(subject));
  lines.push(
    ...fileSection(
      'Not imported (alternates)',
      set.files,
      (f) => f.status === 'not-imported-alternate' || f.status === 'not-imported-replaced',
      (f) =>
        f.status === 'not-imported-replaced'
          ? (f.note ?? '')
          : `alternate of ${f.alternateOf ?? '?'}`,
    ),
  );
  lines.push(
    ...fileSection(
      'Unrecognised',
      set.files,
      (f) => f.status === 'unrecognised',
      (f) => f.note ?? 'no kind of the registry',
    ),
  );
  lines.push(
    ...fileSection(
      'Conflicts',
      set.files,
      (f) => f.status === 'conflict',
      (f) => `sha256 ${f.sha256.slice(0, 12)}`,
    ),
  );
  return `${lines.join('\n')}\n`;
}

function integrityText(source: EvidenceSet['sources'][number]): string {
  const { integrity } = source;
  if (integrity.verdict === 'no-manifest') return 'not checked (no manifest)';
  const tool =
    source.manifest?.tool === undefined
      ? ''
      : `; ${source.manifest.tool} ${source.manifest.toolVersion ?? ''}`.trimEnd();
  if (integrity.verdict === 'verified')
    return `verified (${integrity.checked} files match manifest.json)${tool}`;
  return `MODIFIED (${integrity.mismatched.length} changed, ${integrity.missing.length} missing; allowed by --allow-modified)${tool}`;
}

function subjectText(subject: SubjectEvidence): string[] {
  const { name, key, type } = subject.subject;
  const lines = [`${type === 'server' ? 'Server' : 'Organization'} ${name} (${key})`];
  const width = Math.max(...subject.kinds.map((kind) => kind.kind.length));
  for (const kind of subject.kinds) lines.push(...kindText(kind, width));

  const missing = notCollected(subject);
  if (missing.length > 0) lines.push(`  not collected (${missing.length}): ${missing.join(', ')}`);
  return lines;
}

function kindText(kind: KindEvidence, width: number): string[] {
  const head = `  ${kind.kind.padEnd(width)}  ${kind.status}`;
  const [provenance] = kind.fact.provenance;
  if (provenance === undefined) return [kind.note === undefined ? head : `${head}: ${kind.note}`];

  const lines = [`${head}  ${provenanceText(provenance)}`];
  if (kind.note !== undefined) lines.push(`      note: ${kind.note}`);
  return lines;
}

function provenanceText(provenance: Provenance): string {
  const parts = [provenance.member, `sha256 ${provenance.sha256.slice(0, 12)}`];
  if (provenance.collectedAt !== undefined) parts.push(`collected ${provenance.collectedAt}`);
  if (provenance.command !== undefined) parts.push(`command: ${provenance.command}`);
  return parts.join('  ');
}

function fileSection(
  title: string,
  files: readonly EvidenceFile[],
  include: (file: EvidenceFile) => boolean,
  describe: (file: EvidenceFile) => string,
): string[] {
  const selected = files.filter(include);
  if (selected.length === 0) return [];
  return [
    '',
    `${title} (${selected.length})`,
    ...selected.map((file) => `  ${file.member}: ${describe(file)}`),
  ];
}
