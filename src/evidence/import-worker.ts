/**
 * Import worker thread (worker-import.ts starts it): imports the files it is sent, one at a time,
 * each read from disk and hashed on the stream that imports it, with the same code the main
 * thread runs (import-file.ts). It sends back the imported value, the file's SHA-256 and size and
 * each anchor's place, never the parsed document, so the parser's garbage stays in this
 * thread's bounded heap; a list export's batches go back as they are imported.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

import { ExztError } from '../errors.js';
import { ensureHashed, pendingCandidate } from './candidate.js';
import { importPlaced } from './import-file.js';
import { findKind } from './kinds.js';
import { STREAM_CHUNK_BYTES } from './source-tree.js';
import type { WorkerJob, WorkerReply } from './worker-import.js';

async function run(job: WorkerJob, send: (reply: WorkerReply) => void): Promise<WorkerReply> {
  const kind = findKind(job.kind);
  if (kind === undefined) throw new ExztError('INTERNAL', `unknown kind ${job.kind}`);
  const member = {
    path: job.memberPath,
    file: job.path,
    read: () => Promise.resolve(readFileSync(job.path)),
    open: () => chunksOf(job.path),
  };
  const candidate = pendingCandidate('worker', member, job.memberPath, 'imported');
  const fact = await importPlaced(kind, candidate, job.file, {
    detach: false,
    parseUnread: job.parseUnread,
    onBatch: (value, anchors) => send({ id: job.id, type: 'batch', value, anchors }),
  });
  // A reader that stopped before the end (trailing bytes) leaves the rest to be hashed here.
  await ensureHashed(candidate);
  const { sha256, size } = candidate.file;
  return { id: job.id, type: 'done', ok: true, fact, sha256, size };
}

const PROBE = Buffer.alloc(64 * 1024);

/**
 * The file's bytes in chunks, read synchronously: a worker has nothing else to do meanwhile, and
 * each asynchronous open, read and close is a round trip through libuv's thread pool, which for
 * a bundle's thousands of small files kept the workers waiting a fifth of their time.
 */
function* chunksOf(file: string): Generator<Uint8Array> {
  const descriptor = openSync(file, 'r');
  try {
    let remaining = fstatSync(descriptor).size;
    for (;;) {
      // A chunk sized to what is left, so a small file is one exact read; then a read into the
      // shared probe finds the real end (a file that grew since is copied out of it).
      const chunk =
        remaining > 0 ? Buffer.allocUnsafe(Math.min(STREAM_CHUNK_BYTES, remaining)) : PROBE;
      const length = readSync(descriptor, chunk, 0, chunk.length, null);
      if (length === 0) return;
      remaining -= length;
      if (chunk === PROBE) yield Buffer.from(PROBE.subarray(0, length));
      else yield length === chunk.length ? chunk : chunk.subarray(0, length);
    }
  } finally {
    closeSync(descriptor);
  }
}

function failure(id: number, error: unknown): WorkerReply {
  if (error instanceof ExztError) {
    const { code, message, position } = error;
    return {
      id,
      type: 'done',
      ok: false,
      code,
      message,
      ...(position === undefined ? {} : { position }),
    };
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { id, type: 'done', ok: false, code: 'INTERNAL', message };
}

const port = parentPort;
if (port !== null) {
  const send = (reply: WorkerReply) => port.postMessage(reply);
  // One file at a time, in the order sent: the pool sends the next before this one is done.
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (job: WorkerJob) => {
    previous = previous.then(() =>
      run(job, send)
        .catch((error: unknown) => failure(job.id, error))
        .then(send),
    );
  });
}
