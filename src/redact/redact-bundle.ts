/**
 * Redacts an EvidenceSet into a new bundle, in memory: every imported file rewritten under
 * servers/<pseudonym>/ or organization/ by its kind's bundle file name, and a manifest.json
 * marked `"redacted": true` with the SHA-256 of the redacted files. `exzt evidence redact`
 * writes it to disk; `--redact` on assess and version-report loads it straight back.
 */
import { createHash } from 'node:crypto';
import { parseCliXml } from '../evidence/clixml/reader.js';
import type { CliDocument } from '../evidence/clixml/model.js';
import {
  organizationSubject,
  type EvidenceFile,
  type EvidenceSet,
  type KindEvidence,
} from '../evidence/evidence-set.js';
import type { SubjectRef } from '../evidence/model.js';
import { findKind } from '../evidence/kinds.js';
import type { EvidenceKind } from '../evidence/kinds/kind.js';
import { MANIFEST_FILE, MANIFEST_SCHEMA } from '../evidence/manifest.js';
import { decodeText } from '../evidence/raw-content.js';
import { EXZT_VERSION } from '../version.js';
import { redactClixml } from './clixml-redact.js';
import { collectFromCsv, collectFromDocument } from './collect.js';
import type { EvidenceFiles } from './evidence-files.js';
import type { RedactionKey } from './key.js';
import { redactConfigXml } from './config-redact.js';
import { TextRedactor } from './text-redactor.js';
import { addHost, addUser, emptyVocabulary, type Vocabulary } from './vocabulary.js';

export interface RedactedBundle {
  /** Bundle member path → bytes, manifest.json included. */
  files: Map<string, Buffer>;
  redactor: TextRedactor;
  vocabulary: Vocabulary;
  manifest: { files: object[] };
  /** Files not carried over (alternates, unrecognised, conflicting), by source and member. */
  left: string[];
}

interface Entry {
  kind: EvidenceKind;
  subjectName: string;
  serverFolder: string | undefined;
  evidence: KindEvidence;
  file: EvidenceFile;
  document?: CliDocument;
  text?: string;
}

export async function redactEvidenceSet(
  set: EvidenceSet,
  files: EvidenceFiles,
  key: RedactionKey,
  userPatterns: readonly string[],
): Promise<RedactedBundle> {
  const vocabulary = emptyVocabulary();
  const entries = await readEntries(set, files, vocabulary);
  const redactor = new TextRedactor(key, vocabulary, userPatterns);
  const out = new Map<string, Buffer>();
  const manifestFiles: object[] = [];
  for (const entry of entries) {
    const folder =
      entry.serverFolder === undefined
        ? 'organization'
        : `servers/${redactor.pseudonyms.label(entry.serverFolder)}`;
    const member = `${folder}/${entry.kind.bundleFile}`;
    const bytes = redactEntry(entry, redactor);
    out.set(member, bytes);
    manifestFiles.push(manifestEntry(member, bytes, entry, redactor));
  }
  const manifest = {
    schema: MANIFEST_SCHEMA,
    tool: 'exzt evidence redact',
    toolVersion: EXZT_VERSION,
    ...(set.collectedAt === undefined ? {} : { collectedAt: set.collectedAt }),
    organization: redactor.redact(organizationName(set)),
    redacted: true,
    files: manifestFiles,
    failures: failuresOf(set, redactor),
  };
  out.set(MANIFEST_FILE, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  const used = new Set(entries.map((entry) => entry.file));
  const left = set.files.filter((f) => !used.has(f)).map((f) => `${f.source}/${f.member}`);
  return { files: out, redactor, vocabulary, left, manifest };
}

/** Adds a file beside the evidence (the translated policy), listed in the manifest too. */
export function addBundleFile(bundle: RedactedBundle, member: string, bytes: Buffer): void {
  bundle.files.set(member, bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  bundle.manifest.files.push({ path: member, sha256 });
  const text = `${JSON.stringify(bundle.manifest, null, 2)}\n`;
  bundle.files.set(MANIFEST_FILE, Buffer.from(text, 'utf8'));
}

function organizationName(set: EvidenceSet): string {
  return (
    set.subjects.find((s) => s.subject.type === 'organization')?.subject.name ?? 'organization'
  );
}

// TODO(#5): every parsed document is held between the two passes (collect, then rewrite), and a
// long export (100,000 Get-CASMailbox objects) is parsed whole; a streamed second read would keep
// memory flat on large estates.
async function readEntries(
  set: EvidenceSet,
  files: EvidenceFiles,
  vocabulary: Vocabulary,
): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const { subject, kinds } of set.subjects) {
    addSubjectName(vocabulary, subject);
    for (const evidence of kinds) {
      const kind = findKind(evidence.kind);
      const file = evidence.files.find((f) => f.status === 'imported');
      if (kind === undefined || file === undefined || evidence.status === 'conflicting') continue;
      const serverFolder = subject.type === 'server' ? subject.name : undefined;
      const entry: Entry = { kind, subjectName: subject.name, serverFolder, evidence, file };
      await readContent(entry, files, vocabulary);
      entries.push(entry);
    }
  }
  return entries;
}

function addSubjectName(vocabulary: Vocabulary, subject: SubjectRef): void {
  // The organisation subject of a source without a manifest is just called "organization".
  if (subject.type === 'organization' && subject.name === organizationSubject().name) return;
  if (subject.name.includes(' ')) addUser(vocabulary, subject.name);
  else addHost(vocabulary, subject.name);
}

async function readContent(entry: Entry, files: EvidenceFiles, vocabulary: Vocabulary) {
  const bytes = await files.read(entry.file);
  const label = `${entry.file.source}/${entry.file.member}`;
  if (entry.kind.format === 'clixml') {
    entry.document = parseCliXml(bytes, { file: label });
    collectFromDocument(vocabulary, entry.kind.id, entry.document);
    return;
  }
  entry.text = decodeText(bytes);
  if (entry.kind.format === 'csv') collectFromCsv(vocabulary, entry.kind.id, entry.text, label);
}

function redactEntry(entry: Entry, redactor: TextRedactor): Buffer {
  if (entry.document !== undefined) return redactClixml(entry.document, redactor);
  const text = entry.text ?? '';
  const redacted =
    entry.kind.format === 'xml-config' ? redactConfigXml(text, redactor) : redactor.redact(text);
  return Buffer.from(redacted, 'utf8');
}

function manifestEntry(member: string, bytes: Buffer, entry: Entry, redactor: TextRedactor) {
  const collectedAt = entry.evidence.fact.provenance[0]?.collectedAt;
  const command = entry.evidence.fact.provenance[0]?.command ?? entry.kind.command;
  return {
    path: member,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    kind: entry.kind.id,
    subject: redactor.redact(entry.subjectName),
    command: redactor.redact(command),
    ...(collectedAt === undefined ? {} : { collectedAt }),
  };
}

function failuresOf(set: EvidenceSet, redactor: TextRedactor): object[] {
  const failures: object[] = [];
  for (const { subject, kinds } of set.subjects) {
    for (const evidence of kinds) {
      if (evidence.status !== 'collection-failed') continue;
      failures.push({
        kind: evidence.kind,
        ...(subject.type === 'server' ? { subject: redactor.redact(subject.name) } : {}),
        error: redactor.redact(evidence.note ?? 'collection failed'),
      });
    }
  }
  return failures;
}
