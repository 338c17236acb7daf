/**
 * Merges the files taken from every source into subjects: one entry per kind, imported, with its
 * provenance; two different files of one kind for one subject are a conflict, never a choice.
 */
import { importInBatches } from './batched-import.js';
import {
  acceptHash,
  candidateBytes,
  ensureHashed,
  modifiedCaution,
  type Candidate,
} from './candidate.js';
import { detached } from './detached.js';
import type { EvidenceFile, KindEvidence, RawEvidence, SubjectEvidence } from './evidence-set.js';
import type { EvidenceKind } from './kinds.js';
import type { Fact, Provenance, SubjectRef } from './model.js';
import { describeObjectPath, type FactAnchor } from './object-path.js';
import { parseRawEvidence } from './raw-content.js';
import { readThroughUnheld } from './unread-content.js';
import {
  importInWorker,
  wantsWorker,
  WorkerOutOfMemory,
  type WorkerImport,
} from './worker-import.js';
import type { CollectionFailure } from './source-result.js';
import { compareText } from './source-tree.js';

/** Imports one file at a time, so only one file's bytes and document are held at once. */
export async function assembleSubjects(
  candidates: readonly Candidate[],
  failures: readonly CollectionFailure[],
  warnings: string[],
): Promise<SubjectEvidence[]> {
  const groups = groupBySubjectAndKind(candidates);
  const subjects = new Map<string, { subject: SubjectRef; kinds: KindEvidence[] }>();
  const entryOf = (subject: SubjectRef) => {
    const existing = subjects.get(subject.key) ?? { subject, kinds: [] };
    subjects.set(subject.key, existing);
    return existing;
  };

  const workers = await startWorkers(groups);
  try {
    // Files a worker imports come last, so the main thread works beside it meanwhile.
    const ordered = [...groups.values()].sort(
      (a, b) => Number(workers.has(a[0])) - Number(workers.has(b[0])),
    );
    for (const group of ordered) {
      const [first] = group;
      if (first?.subject === undefined || first.kind === undefined) continue;
      const entry = entryOf(first.subject);
      const fromWorker = workers.get(first)?.result;
      entry.kinds.push(await kindEvidenceOf(first.kind, first.subject, group, fromWorker));
    }
  } finally {
    for (const worker of workers.values()) worker.stop();
  }
  for (const failure of failures) {
    const entry = entryOf(failure.subject);
    if (entry.kinds.some((kind) => kind.kind === failure.kind.id)) {
      warnings.push(
        `${failure.source}: the collector reports ${failure.kind.id} for ${failure.subject.name} as failed, yet a file of it is present; using the file`,
      );
      continue;
    }
    entry.kinds.push(failedEvidence(failure));
  }

  return [...subjects.values()]
    .map(({ subject, kinds }) => ({
      subject,
      kinds: kinds.sort((a, b) => compareText(a.kind, b.kind)),
    }))
    .sort((a, b) => compareText(a.subject.key, b.subject.key));
}

/** A worker for each lone file of a long list export (worker-import.ts). */
async function startWorkers(
  groups: ReadonlyMap<string, Candidate[]>,
): Promise<Map<Candidate | undefined, ReturnType<typeof importInWorker>>> {
  const workers = new Map<Candidate | undefined, ReturnType<typeof importInWorker>>();
  for (const group of groups.values()) {
    const [only] = group;
    if (group.length !== 1 || only?.kind === undefined) continue;
    if (!(await wantsWorker(only.kind, only))) continue;
    const worker = importInWorker(only.kind, only, displayPath(only));
    // Awaited in its turn; until then a failure must not count as unhandled.
    worker.result.catch(() => undefined);
    workers.set(only, worker);
  }
  return workers;
}

function groupBySubjectAndKind(candidates: readonly Candidate[]): Map<string, Candidate[]> {
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    if (
      candidate.file.status !== 'imported' ||
      candidate.kind === undefined ||
      candidate.subject === undefined
    )
      continue;
    const key = `${candidate.subject.key}\n${candidate.kind.id}`;
    groups.set(key, [...(groups.get(key) ?? []), candidate]);
  }
  return groups;
}

async function kindEvidenceOf(
  kind: EvidenceKind,
  subject: SubjectRef,
  group: Candidate[],
  fromWorker?: Promise<WorkerImport>,
): Promise<KindEvidence> {
  // Only files that compete for one kind are read before import, to tell copies from conflicts.
  if (group.length > 1) for (const candidate of group) await ensureHashed(candidate);
  const distinct = [
    ...new Map(group.map((candidate) => [candidate.file.sha256, candidate])).values(),
  ];
  if (distinct.length > 1) return conflictOf(kind, subject, group);

  const [chosen] = group as [Candidate, ...Candidate[]];
  for (const copy of group.slice(1)) {
    copy.file.note = `identical to ${chosen.file.source}/${chosen.file.member}; read once`;
  }
  return importedEvidence(
    kind,
    chosen,
    group.map((candidate) => candidate.file),
    fromWorker,
  );
}

function conflictOf(kind: EvidenceKind, subject: SubjectRef, group: Candidate[]): KindEvidence {
  const names = group.map((candidate) => `${candidate.file.source}/${candidate.file.member}`);
  const note = `${group.length} different ${kind.id} exports for ${subject.name}: ${names.join(' and ')}; keep one`;
  for (const candidate of group) {
    candidate.file.status = 'conflict';
    candidate.file.note = note;
  }

  const provenance = group.map((candidate) => baseProvenance(candidate));
  const files = group.map((candidate) => candidate.file);
  return {
    kind: kind.id,
    status: 'conflicting',
    files,
    fact: { status: 'conflicting', provenance, note },
    note,
  };
}

async function importedEvidence(
  kind: EvidenceKind,
  candidate: Candidate,
  files: EvidenceFile[],
  fromWorker?: Promise<WorkerImport>,
): Promise<KindEvidence> {
  const hashedWhileImporting = candidate.hashPending === true;
  const { fact, raw } =
    fromWorker === undefined
      ? await importCandidate(kind, candidate)
      : await workerFact(kind, candidate, fromWorker).then(
          (workerImported) => ({ fact: workerImported, raw: undefined }),
          (error: unknown) => {
            if (error instanceof WorkerOutOfMemory) return importCandidate(kind, candidate);
            throw error;
          },
        );
  if (hashedWhileImporting) await settleProvenance(candidate, fact);
  candidate.caution ??= modifiedCaution(candidate);
  if (candidate.caution !== undefined) fact.note = candidate.caution;

  const evidence: KindEvidence = { kind: kind.id, status: fact.status, files, fact };
  if (raw !== undefined) evidence.raw = raw;
  if (fact.note !== undefined) evidence.note = fact.note;
  return evidence;
}

/**
 * The fact, and the raw evidence only where it is the fact's value: a typed value stands for
 * its file, and keeping the parsed document beside it would hold every export in memory.
 */
async function importCandidate(
  kind: EvidenceKind,
  candidate: Candidate,
): Promise<{ fact: Fact<unknown>; raw?: RawEvidence }> {
  const { importer } = kind;
  if (kind.objectByObject === true && importer !== undefined && candidate.raw === undefined) {
    const { value, provenance } = await importInBatches(
      importer,
      candidate,
      displayPath(candidate),
      (anchor) => anchoredProvenance(candidate, anchor),
    );
    return { fact: { status: observedStatus(kind), value, provenance } };
  }
  if (importer === undefined && kind.textImporter === undefined && candidate.raw === undefined)
    return { fact: await unheldFact(kind, candidate) };

  const raw =
    candidate.raw ??
    parseRawEvidence(kind.format, await candidateBytes(candidate), displayPath(candidate));
  const fact = factOf(kind, candidate, raw);
  return fact.value === raw ? { fact, raw } : { fact };
}

/** The fact a worker imported: its places become provenance with the file's own details. */
async function workerFact(
  kind: EvidenceKind,
  candidate: Candidate,
  fromWorker: Promise<WorkerImport>,
): Promise<Fact<unknown>> {
  const { value, places, sha256, size } = await fromWorker;
  acceptHash(candidate, sha256, size);
  const base = baseProvenance(candidate);
  const provenance = places.objectPaths.map((objectPath, index): Provenance => ({
    ...base,
    line: places.lines[index] ?? 0,
    column: places.columns[index] ?? 0,
    offset: places.offsets[index] ?? 0,
    objectPath,
  }));
  return { status: observedStatus(kind), value, provenance };
}

/** A kind no importer reads: read through and hashed, its content not held (unread-content.ts). */
async function unheldFact(kind: EvidenceKind, candidate: Candidate): Promise<Fact<unknown>> {
  const value = await readThroughUnheld(kind.format, candidate, displayPath(candidate));
  const provenance = [baseProvenance(candidate)];
  if (value.objects === 0) {
    const note = 'the export is empty: the command returned nothing';
    return { status: 'absent', value, provenance, note };
  }
  return { status: observedStatus(kind), value, provenance };
}

/**
 * The file's SHA-256 is known only once its last byte was read, after the provenance was made;
 * a reader that stopped before the end (trailing bytes after the document) leaves it to be read
 * through here.
 */
async function settleProvenance(candidate: Candidate, fact: Fact<unknown>): Promise<void> {
  await ensureHashed(candidate);
  for (const provenance of fact.provenance) provenance.sha256 = candidate.file.sha256;
}

function observedStatus(kind: EvidenceKind): 'observed' | 'derived' {
  return kind.derived === true ? 'derived' : 'observed';
}

function factOf(kind: EvidenceKind, candidate: Candidate, raw: RawEvidence): Fact<unknown> {
  const observed = observedStatus(kind);
  if (raw.format !== 'clixml' && kind.textImporter !== undefined) {
    const imported = kind.textImporter(raw.text, displayPath(candidate));
    const provenance = imported.lines.map((line) => ({ ...baseProvenance(candidate), line }));
    return { status: observed, value: detached(imported.value), provenance };
  }
  if (raw.format !== 'clixml')
    return { status: observed, value: raw, provenance: [baseProvenance(candidate)] };

  if (kind.importer !== undefined) {
    const imported = kind.importer(raw.document);
    const provenance = imported.anchors.map((anchor) => anchoredProvenance(candidate, anchor));
    return { status: observed, value: detached(imported.value), provenance };
  }

  if (raw.document.objects.length === 0) {
    const note = 'the export is empty: the command returned nothing';
    return { status: 'absent', value: raw, provenance: [baseProvenance(candidate)], note };
  }
  return { status: observed, value: raw, provenance: [baseProvenance(candidate)] };
}

function anchoredProvenance(candidate: Candidate, anchor: FactAnchor): Provenance {
  const { line, column, offset } = anchor.node.position;
  return {
    ...baseProvenance(candidate),
    line,
    column,
    offset,
    objectPath: describeObjectPath(anchor),
  };
}

function baseProvenance(candidate: Candidate): Provenance {
  const provenance: Provenance = {
    member: candidate.file.member,
    source: candidate.file.source,
    sha256: candidate.file.sha256,
  };
  if (candidate.command !== undefined) provenance.command = candidate.command;
  if (candidate.collectedAt !== undefined) provenance.collectedAt = candidate.collectedAt;
  return provenance;
}

function failedEvidence(failure: CollectionFailure): KindEvidence {
  const note = `${failure.command ?? failure.kind.command} failed: ${failure.error}`;
  const fact: Fact<unknown> = { status: 'collection-failed', provenance: [], note };
  return { kind: failure.kind.id, status: 'collection-failed', files: [], fact, note };
}

/** The path a user can open: the source and the member inside it. */
export function displayPath(candidate: Candidate): string {
  return candidate.file.member === candidate.file.source ||
    candidate.file.source.endsWith(candidate.file.member)
    ? candidate.file.source
    : `${candidate.file.source}/${candidate.file.member}`;
}
