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
// TODO(#3): `exzt assess` on bench/assess is at the edge of 20 s, not under it with margin: 19.1
// and 20.0 s wall, 34–36 s CPU (user + sys), 690–718 MB peak RSS at load 2–3 on two cores (before
// the pool: 33.9–34.3 s, 49–53 s, 943–1,053 MB). On the quiet machine after the merge and the
// manifest read with JSON.parse, `npm run bench:assess` gave runs of 21.5, 21.7 and 20.5 s
// (median 21.5, peak RSS 689–702 MB); single runs range 18.3–23.2 s with 32–40 s of CPU, as this
// VM's speed varies. Since assess hashes kinds no importer reads without parsing them, alternating
// runs took 18.5, 20.1 and 20.4 s (32–35 s CPU) against 25.1, 25.7 and 26.1 s (45 s CPU) before,
// but `npm run bench:assess` in that slower spell still gave 20.7, 22.5 and 22.1 s (median 22.1,
// peak RSS 646–735 MB). The workers are the CliXml reader's time
// mostly; the 900 MB Get-CASMailbox export alone keeps one worker for the whole import (a worker
// cannot start inside a file); the main thread works ~4 s before the pool starts and ~6 s of
// rules and JSON after the last reply, both serial (bench/README.md).
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
