/**
 * A worker thread of the log scan: runs the tasks the scan sends, one at a time, and posts each
 * result (or the error's message and code) back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ExztError } from '../errors.js';
import type { ScanTask } from './inputs.js';
import { runTask, type ScanSettings } from './run-task.js';

const settings = workerData as ScanSettings;

parentPort?.on('message', (task: ScanTask) => {
  runTask(task, settings).then(
    (results) => parentPort?.postMessage({ ok: true, results }),
    (error: unknown) =>
      parentPort?.postMessage({
        ok: false,
        code: error instanceof ExztError ? error.code : 'INTERNAL',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
