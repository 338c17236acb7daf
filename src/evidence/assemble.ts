/**
 * Merges the files taken from every source into subjects: one entry per kind, imported, with its
 * provenance; two different files of one kind for one subject are a conflict, never a choice.
 */
import { statSync } from 'node:fs';

import {
  acceptHash,
  candidateBytes,
  ensureHashed,
  modifiedCaution,
  modifiedError,
  type Candidate,
} from './candidate.js';
import { detached } from './detached.js';
import type { EvidenceFile, KindEvidence, RawEvidence, SubjectEvidence } from './evidence-set.js';
import { canImportPlaced, importPlaced, type PlacedFact } from './import-file.js';
import type { EvidenceKind } from './kinds.js';
import type { Fact, Provenance, SubjectRef } from './model.js';
import { describeObjectPath, type FactAnchor } from './object-path.js';
import { parseRawEvidence } from './raw-content.js';
import {
  IMPORT_WORKER,
  ImportPool,
  WorkerOutOfMemory,
  type WorkerImport,
} from './worker-import.js';
import type { CollectionFailure } from './source-result.js';
import { compareText } from './source-tree.js';

export interface AssembleOptions {
  /**
   * Refuse a bundle as soon as one of its files is known not to match its manifest (INTEGRITY),
   * instead of importing the rest first; without --allow-modified there is no use for the rest.
   */
  refuseModified: boolean;
  /** See LoadOptions.parseUnreadKinds. */
  parseUnreadKinds: boolean;
}

/**
 * Imports the files, each once: a large bundle's on a pool of worker threads, largest first
 * (worker-import.ts), the rest on the main thread meanwhile, one file at a time, so only one
 * file's bytes and document are held at once on each thread.
 */
export async function assembleSubjects(
  candidates: readonly Candidate[],
  failures: readonly CollectionFailure[],
  warnings: string[],
  options: AssembleOptions = { refuseModified: false, parseUnreadKinds: true },
): Promise<SubjectEvidence[]> {
  const groups = groupBySubjectAndKind(candidates);
  const subjects = new Map<string, { subject: SubjectRef; kinds: KindEvidence[] }>();
  const entryOf = (subject: SubjectRef) => {
    const existing = subjects.get(subject.key) ?? { subject, kinds: [] };
    subjects.set(subject.key, existing);
    return existing;
  };

  const pooled = startPool(groups, options);
  const importHere = oneAtATime();
  try {
    // A file the pool imports becomes evidence as soon as its worker replies, not in its turn
    // below: the main thread would otherwise be left the backlog after the last reply.
    const fromPool = new Map<Candidate[], Promise<KindEvidence>>();
    for (const group of groups.values()) {
      const [first] = group;
      const imported = pooled.imports.get(first);
      if (imported === undefined || first?.subject === undefined || first.kind === undefined)
        continue;
      const fromWorker = Promise.race([imported, pooled.refused]);
      const evidence = kindEvidenceOf(first.kind, first.subject, group, options, importHere, {
        fromWorker,
      });
      // Awaited in its turn; until then a failure must not count as unhandled.
      evidence.catch(() => undefined);
      fromPool.set(group, evidence);
    }
    // Files the pool imports come last, so the main thread works beside it meanwhile.
    const ordered = [...groups.values()].sort(
      (a, b) => Number(fromPool.has(a)) - Number(fromPool.has(b)),
    );
    for (const group of ordered) {
      const [first] = group;
      if (first?.subject === undefined || first.kind === undefined) continue;
      const entry = entryOf(first.subject);
      entry.kinds.push(
        await (fromPool.get(group) ??
          kindEvidenceOf(first.kind, first.subject, group, options, importHere)),
      );
    }
  } finally {
    pooled.pool?.stop();
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

type OneAtATime = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * Runs the main thread's imports one after another: files a worker gives back (out of memory,
 * or every worker gone) must not all be read at once beside the main thread's own.
 */
function oneAtATime(): OneAtATime {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const next = last.then(work);
    last = next.catch(() => undefined);
    return next;
  };
}

interface Pooled {
  pool?: ImportPool;
  imports: Map<Candidate | undefined, Promise<WorkerImport>>;
  /** Rejects with an INTEGRITY error when a file the pool read does not match its manifest. */
  refused: Promise<never>;
}

/**
 * Queues every lone file the workers can read, largest first so that no long export is left to
 * the end, when the files add up to enough to be worth the threads.
 * TODO(#3): a zip bundle's entries have no file a worker can open, so a zipped bundle is still
 * imported on the main thread alone: the 200-server benchmark bundle zipped (217 MB) took
 * 27.8-31.9 s in `exzt assess` against 11.2 s as a folder (2026-12-04). Handing the entries to
 * the workers through yauzl's streams was tried and was slower (33-34 s, 45 s of CPU instead of
 * 26 s: zlib's 16 KiB callbacks through the thread pool and their garbage); it needs the
 * compressed bytes read synchronously and inflated in large pieces.
 */
function startPool(groups: ReadonlyMap<string, Candidate[]>, options: AssembleOptions): Pooled {
  let refuse: (error: Error) => void = () => undefined;
  const refused = new Promise<never>((_, reject) => {
    refuse = reject;
  });
  refused.catch(() => undefined);
  const imports = new Map<Candidate | undefined, Promise<WorkerImport>>();

  const poolable = [...groups.values()].flatMap((group) => {
    const [only] = group;
    const kind = only?.kind;
    if (group.length !== 1 || only === undefined || kind === undefined) return [];
    const { file } = only.member;
    if (file === undefined || only.bytes !== undefined || !canImportPlaced(kind, only)) return [];
    return [{ candidate: only, kind, file, size: 0 }];
  });
  sizeFiles(poolable);
  const total = poolable.reduce((sum, job) => sum + job.size, 0);
  if (poolable.length === 0 || total < IMPORT_WORKER.minBytes) return { imports, refused };

  const pool = new ImportPool(Math.min(IMPORT_WORKER.threads, poolable.length));
  for (const { candidate, kind, file, size } of poolable.sort((a, b) => b.size - a.size)) {
    const imported = pool.import({
      size,
      kind: kind.id,
      path: file,
      memberPath: candidate.file.member,
      file: displayPath(candidate),
      parseUnread: options.parseUnreadKinds,
    });
    // Awaited in its turn; until then a failure must not count as unhandled.
    imported.then(
      ({ sha256 }) => {
        if (options.refuseModified && candidate.listed !== undefined)
          if (candidate.listed.sha256 !== sha256) refuse(modifiedError(candidate));
      },
      () => undefined,
    );
    imports.set(candidate, imported);
  }
  return { pool, imports, refused };
}

/** Each job's file size: synchronously, as thousands of asynchronous stats took ~0.7 s. */
function sizeFiles(jobs: { file: string; size: number }[]): void {
  for (const job of jobs) job.size = statSync(job.file, { throwIfNoEntry: false })?.size ?? 0;
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
  options: AssembleOptions,
  importHere: OneAtATime,
  pooled: { fromWorker?: Promise<WorkerImport> } = {},
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
    options,
    importHere,
    pooled.fromWorker,
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
  options: AssembleOptions,
  importHere: OneAtATime,
  fromWorker?: Promise<WorkerImport>,
): Promise<KindEvidence> {
  const hashedWhileImporting = candidate.hashPending === true;
  const imported = await fromWorker?.catch((error: unknown) => {
    // An export too large for a worker's bounded heap is imported here instead.
    if (error instanceof WorkerOutOfMemory) return undefined;
    throw error;
  });
  if (imported !== undefined) acceptHash(candidate, imported.sha256, imported.size);
  const { fact, raw } =
    imported === undefined
      ? await importHere(() => importCandidate(kind, candidate, options))
      : { fact: factOfPlaced(candidate, imported.fact), raw: undefined };
  if (hashedWhileImporting) await settleProvenance(candidate, fact);
  candidate.caution ??= modifiedCaution(candidate);
  if (candidate.caution !== undefined && options.refuseModified) throw modifiedError(candidate);
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
  options: AssembleOptions,
): Promise<{ fact: Fact<unknown>; raw?: RawEvidence }> {
  if (canImportPlaced(kind, candidate)) {
    const placed = await importPlaced(kind, candidate, displayPath(candidate), {
      detach: true,
      parseUnread: options.parseUnreadKinds,
    });
    return { fact: factOfPlaced(candidate, placed) };
  }
  const raw =
    candidate.raw ??
    parseRawEvidence(kind.format, await candidateBytes(candidate), displayPath(candidate));
  const fact = factOf(kind, candidate, raw);
  return fact.value === raw ? { fact, raw } : { fact };
}

/** A fact imported by import-file.ts (here or on a worker): its places become provenance. */
function factOfPlaced(candidate: Candidate, placed: PlacedFact): Fact<unknown> {
  const base = baseProvenance(candidate);
  const { places } = placed;
  let provenance: Provenance[];
  if (places.at === 'file') provenance = [base];
  else if (places.at === 'lines') provenance = places.lines.map((line) => provenanceAt(base, line));
  else {
    const { lines, columns, offsets, objectPaths } = places.anchors;
    provenance = objectPaths.map((objectPath, index) => {
      const anchor = provenanceAt(base, lines[index] ?? 0);
      anchor.column = columns[index] ?? 0;
      anchor.offset = offsets[index] ?? 0;
      anchor.objectPath = objectPath;
      return anchor;
    });
  }
  const fact: Fact<unknown> = { status: placed.status, value: placed.value, provenance };
  if (placed.note !== undefined) fact.note = placed.note;
  return fact;
}

/**
 * The file's provenance at a line, its members written out one by one: as a spread of `base`
 * each took ~4 µs, 0.4-0.7 s for the 150,000 mailboxes and devices of the assess benchmark, on
 * the main thread while the workers waited for their next files.
 */
function provenanceAt(base: Provenance, line: number): Provenance {
  const provenance: Provenance = { member: base.member, source: base.source, sha256: base.sha256 };
  if (base.command !== undefined) provenance.command = base.command;
  if (base.collectedAt !== undefined) provenance.collectedAt = base.collectedAt;
  provenance.line = line;
  return provenance;
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
    const base = baseProvenance(candidate);
    const provenance = imported.lines.map((line) => provenanceAt(base, line));
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
