/**
 * Worker thread entry (worker-import.ts starts it): reads one long list export from disk,
 * hashing it on the same stream, imports it in batches with its kind's importer, and sends back
 * the values, the file's SHA-256 and size, and each anchor's place in compact arrays, so the
 * parser's garbage stays in this thread's heap and the main thread goes on with other files.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

import { ExztError } from '../errors.js';
import { importInBatches } from './batched-import.js';
import { pendingCandidate } from './candidate.js';
import { findKind } from './kinds.js';
import { describeObjectPath } from './object-path.js';
import { STREAM_CHUNK_BYTES } from './source-tree.js';
import type { WorkerJob, WorkerReply } from './worker-import.js';

async function run(job: WorkerJob): Promise<WorkerReply> {
  const importer = findKind(job.kind)?.importer;
  if (importer === undefined) throw new ExztError('INTERNAL', `${job.kind} has no importer`);
  const member = {
    path: job.memberPath,
    read: () => Promise.reject(new Error('a worker streams its file')),
    open: () => createReadStream(job.path, { highWaterMark: STREAM_CHUNK_BYTES }),
  };
  const candidate = pendingCandidate('worker', member, job.memberPath, 'imported');
  const { value, provenance } = await importInBatches(importer, candidate, job.file, (anchor) => {
    const { line, column, offset } = anchor.node.position;
    return { line, column, offset, objectPath: describeObjectPath(anchor) };
  });

  const places = {
    lines: Float64Array.from(provenance, (place) => place.line),
    columns: Float64Array.from(provenance, (place) => place.column),
    offsets: Float64Array.from(provenance, (place) => place.offset),
    objectPaths: provenance.map((place) => place.objectPath),
  };
  return { ok: true, value, places, sha256: candidate.file.sha256, size: candidate.file.size };
}

function failure(error: unknown): WorkerReply {
  if (error instanceof ExztError) {
    const { code, message, position } = error;
    return { ok: false, code, message, ...(position === undefined ? {} : { position }) };
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { ok: false, code: 'INTERNAL', message };
}

const port = parentPort;
if (port !== null) {
  const reply = await run(workerData as WorkerJob).catch(failure);
  port.postMessage(reply);
}
