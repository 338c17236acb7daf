/**
 * Imports a long list export (100,000 Get-CASMailbox objects) on a worker thread while the main
 * thread imports the bundle's other files: the machine's second core parses the organisation's
 * exports, and their parsing garbage lives and dies in the worker's own, bounded heap. Only a
 * folder's files of `objectByObject` kinds of at least `IMPORT_WORKER.minBytes` go there; the
 * result is what the main thread's batched import would give (a test holds the two together).
 */
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';

import { ExztError, type ErrorCode, type SourcePosition } from '../errors.js';
import type { Candidate } from './candidate.js';
import type { EvidenceKind } from './kinds.js';

export const IMPORT_WORKER = {
  /** Smaller files are imported on the main thread: a worker costs ~50 ms to start. */
  minBytes: 16 * 1024 * 1024,
  /** Bounds the worker's heap, so its garbage is collected early instead of raising peak RSS. */
  maxOldGenerationSizeMb: 384,
};

export interface WorkerJob {
  kind: string;
  /** The file on disk. */
  path: string;
  memberPath: string;
  /** The path errors name. */
  file: string;
}

/** Where each imported object was read, in export order. */
export interface WorkerPlaces {
  lines: Float64Array;
  columns: Float64Array;
  offsets: Float64Array;
  objectPaths: string[];
}

export type WorkerReply =
  | { ok: true; value: unknown[]; places: WorkerPlaces; sha256: string; size: number }
  | { ok: false; code: ErrorCode; message: string; position?: SourcePosition };

export type WorkerImport = Extract<WorkerReply, { ok: true }>;

/** Whether `candidate` is worth a worker; a zip member or a file read already is not. */
export async function wantsWorker(kind: EvidenceKind, candidate: Candidate): Promise<boolean> {
  const file = candidate.member.file;
  if (kind.objectByObject !== true || kind.importer === undefined) return false;
  if (file === undefined || candidate.raw !== undefined || candidate.bytes !== undefined)
    return false;
  const info = await stat(file).catch(() => undefined);
  return info !== undefined && info.size >= IMPORT_WORKER.minBytes;
}

/** Starts the import; the promise settles with the worker's result or its error. */
export function importInWorker(
  kind: EvidenceKind,
  candidate: Candidate,
  file: string,
): { result: Promise<WorkerImport>; stop: () => void } {
  const job: WorkerJob = {
    kind: kind.id,
    path: candidate.member.file ?? '',
    memberPath: candidate.file.member,
    file,
  };
  const worker = new Worker(new URL('./import-worker.js', import.meta.url), {
    workerData: job,
    resourceLimits: { maxOldGenerationSizeMb: IMPORT_WORKER.maxOldGenerationSizeMb },
  });
  const result = new Promise<WorkerImport>((resolve, reject) => {
    worker.once('message', (reply: WorkerReply) => {
      if (reply.ok) resolve(reply);
      else reject(errorOf(reply));
    });
    worker.once('error', (error: Error & { code?: string }) => {
      // An export too large for the bounded heap is imported on the main thread instead.
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') reject(new WorkerOutOfMemory(file));
      else
        reject(
          new ExztError(
            'INTERNAL',
            `importing ${file} on a worker thread failed: ${error.message}`,
            {
              cause: error,
            },
          ),
        );
    });
    worker.once('exit', (code) =>
      reject(new ExztError('INTERNAL', `the worker importing ${file} stopped (exit code ${code})`)),
    );
  });
  return { result, stop: () => void worker.terminate() };
}

/** The worker ran out of its bounded heap; the caller imports the file itself. */
export class WorkerOutOfMemory extends Error {
  constructor(file: string) {
    super(`${file} needs more than the worker's ${IMPORT_WORKER.maxOldGenerationSizeMb} MB heap`);
  }
}

function errorOf(reply: Extract<WorkerReply, { ok: false }>): ExztError {
  return new ExztError(
    reply.code,
    reply.message,
    reply.position === undefined ? {} : { position: reply.position },
  );
}
