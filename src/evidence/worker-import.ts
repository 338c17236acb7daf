/**
 * A pool of import worker threads (import-worker.ts) for a bundle's files: the main thread is
 * the critical path of `exzt assess`, so when a bundle's streamed files add up to
 * `IMPORT_WORKER.minBytes` or more, every one of them the workers can read (a folder's file,
 * not read yet, of a kind import-file.ts imports) goes to the pool, largest first, and the
 * machine's cores parse side by side until the end. Each worker imports one file at a time in
 * its own bounded heap and sends back values and places, not documents; the main thread makes
 * them facts. The result is what the main thread's import would give (a test holds the two
 * together).
 */
// Measured (bench/README.md, 2026-12-04, 2 cores): `npm run bench:assess` gave medians of 13.4 s
// (peak RSS 653-684 MB) once the reader counted Refs first, and 15.5 s (499-510 MB) once
// provenance was no longer spread, in a slower spell (single runs 11.2-16.0 s as this VM's speed
// moves), against targets of 20 s and 1 GB. The workers' time is mostly the CliXml
// reader and SHA-256 (~1 GB/s here); the 900 MB Get-CASMailbox export keeps one worker for most
// of the import (a worker cannot start inside a file); the main thread's ~1 s before the pool
// starts and ~2.5 s of rules and JSON after the last reply are serial.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

import { ExztError, type ErrorCode, type SourcePosition } from '../errors.js';
import { appendPlaces, type AnchorPlaces, type PlacedFact } from './import-file.js';

export const IMPORT_WORKER = {
  /** Smaller bundles are imported on the main thread: a worker costs ~50 ms to start. */
  minBytes: 16 * 1024 * 1024,
  /** Worker threads; the main thread only turns their replies into facts meanwhile. */
  threads: Math.max(1, Math.min(4, availableParallelism())),
  /** Bounds each worker's heap, so its garbage is collected early instead of raising peak RSS. */
  maxOldGenerationSizeMb: 256,
  /**
   * The parser's nodes die young: a young generation of 64 MB instead of V8's default cut the
   * benchmark's CPU time by ~7 s (57 s to 50 s) for ~80 MB of peak RSS; 128 MB saved ~3 s more
   * but took peak RSS to 970 MB.
   */
  maxYoungGenerationSizeMb: 64,
};

export interface WorkerJob {
  id: number;
  /** The file's size, to decide how many files a worker is sent ahead. */
  size: number;
  kind: string;
  /** The file on disk. */
  path: string;
  /** See PlacedImportOptions.parseUnread. */
  parseUnread: boolean;
  memberPath: string;
  /** The path errors name. */
  file: string;
}

export type WorkerReply =
  | { id: number; type: 'batch'; value: unknown[]; anchors: AnchorPlaces }
  | { id: number; type: 'done'; ok: true; fact: PlacedFact; sha256: string; size: number }
  | {
      id: number;
      type: 'done';
      ok: false;
      code: ErrorCode;
      message: string;
      position?: SourcePosition;
    };

/** A file a worker imported: the fact with its places, and the file's SHA-256 and size. */
export interface WorkerImport {
  fact: PlacedFact;
  sha256: string;
  size: number;
}

interface Task {
  job: WorkerJob;
  resolve: (imported: WorkerImport) => void;
  reject: (error: Error) => void;
  /** A list export's batches so far. */
  value: unknown[];
  anchors?: AnchorPlaces;
}

interface Slot {
  worker: Worker;
  /** Sent and not done, in the order sent; the worker imports them one at a time. */
  tasks: Task[];
}

/**
 * Files sent to a worker ahead of its replies: with one, each of a bundle's thousands of small
 * files waited for a round trip through the main thread, ~5 s of each worker's time; with two,
 * a worker still waited while the main thread was busy (a collection, a list export's batch).
 * Only small files go ahead, though: a file queued behind the 900 MB export in one worker would
 * wait for it while the other worker ran dry.
 */
const AHEAD = { files: 8, bytes: 1024 * 1024 };

export class ImportPool {
  readonly #queue: Task[] = [];
  readonly #slots = new Set<Slot>();
  #nextId = 0;
  #stopped = false;

  constructor(threads: number) {
    for (let index = 0; index < threads; index += 1) this.#startWorker();
  }

  /** Queues a file; files are imported in the order they are queued. */
  import(job: Omit<WorkerJob, 'id'>): Promise<WorkerImport> {
    const promise = new Promise<WorkerImport>((resolve, reject) => {
      this.#queue.push({ job: { ...job, id: this.#nextId++ }, resolve, reject, value: [] });
    });
    this.#dispatch();
    return promise;
  }

  /** Ends every worker; files not imported yet are refused. */
  stop(): void {
    this.#stopped = true;
    for (const slot of this.#slots) {
      for (const task of slot.tasks)
        task.reject(new ExztError('INTERNAL', 'the import was stopped'));
      void slot.worker.terminate();
    }
    this.#slots.clear();
    for (const task of this.#queue.splice(0))
      task.reject(new ExztError('INTERNAL', 'the import was stopped'));
  }

  #startWorker(): void {
    const worker = new Worker(new URL('./import-worker.js', import.meta.url), {
      resourceLimits: {
        maxOldGenerationSizeMb: IMPORT_WORKER.maxOldGenerationSizeMb,
        maxYoungGenerationSizeMb: IMPORT_WORKER.maxYoungGenerationSizeMb,
      },
    });
    const slot: Slot = { worker, tasks: [] };
    this.#slots.add(slot);
    worker.on('message', (reply: WorkerReply) => this.#receive(slot, reply));
    worker.once('error', (error: Error & { code?: string }) => this.#lost(slot, error));
    worker.once('exit', (code) =>
      this.#lost(slot, new Error(`the worker stopped (exit code ${code})`)),
    );
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      let held = slot.tasks.reduce((sum, task) => sum + task.job.size, 0);
      while (slot.tasks.length === 0 || (slot.tasks.length < AHEAD.files && held < AHEAD.bytes)) {
        const task = this.#queue.shift();
        if (task === undefined) return;
        slot.tasks.push(task);
        held += task.job.size;
        slot.worker.postMessage(task.job);
      }
    }
  }

  #receive(slot: Slot, reply: WorkerReply): void {
    const [task] = slot.tasks;
    if (task === undefined || task.job.id !== reply.id) return;
    if (reply.type === 'batch') {
      for (const entry of reply.value) task.value.push(entry);
      if (task.anchors === undefined) task.anchors = reply.anchors;
      else appendPlaces(task.anchors, reply.anchors);
      return;
    }

    slot.tasks.shift();
    if (reply.ok) {
      const { fact, sha256, size } = reply;
      if (task.anchors !== undefined) {
        fact.value = task.value;
        fact.places = { at: 'anchors', anchors: task.anchors };
      }
      task.resolve({ fact, sha256, size });
    } else task.reject(errorOf(reply));
    this.#dispatch();
  }

  /**
   * A worker died: the file it was importing is refused (out of memory: the caller imports it
   * itself), the ones sent after it are queued again, and a new
   * worker takes its place. One that died idle is not replaced, lest a worker that cannot start
   * be started forever; with none left, the queued files go back to the caller too.
   */
  #lost(slot: Slot, error: Error & { code?: string }): void {
    if (!this.#slots.delete(slot)) return;
    void slot.worker.terminate();
    const [task, ...waiting] = slot.tasks;
    if (task !== undefined) task.reject(lostError(task.job.file, error));
    // Files sent after the one it died on go back to the front of the queue.
    this.#queue.unshift(...waiting);
    if (this.#stopped) return;
    if (task !== undefined) this.#startWorker();
    if (this.#slots.size === 0) {
      for (const queued of this.#queue.splice(0))
        queued.reject(new WorkerOutOfMemory(queued.job.file));
    }
    this.#dispatch();
  }
}

function lostError(file: string, error: Error & { code?: string }): Error {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return new WorkerOutOfMemory(file);
  return new ExztError(
    'INTERNAL',
    `importing ${file} on a worker thread failed: ${error.message}`,
    {
      cause: error,
    },
  );
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
