/**
 * `exzt logs scan` without the command line: turns paths into tasks, spreads them over worker
 * threads (or runs them here with one thread), re-scans a range whose assumed header turned out
 * wrong, and merges everything into one LogScanResult.
 */
import { Worker } from 'node:worker_threads';
import { ExztError, type ErrorCode } from '../errors.js';
import type { Policy } from '../policy/model.js';
import { scanTasks, type ScanTask } from './inputs.js';
import { mergeResults } from './merge.js';
import type { LogScanResult } from './model.js';
import type { RangeResult } from './range-scanner.js';
import { runTask, type ScanSettings } from './run-task.js';

export interface ScanOptions {
  paths: readonly string[];
  cwd: string;
  policy: Policy | null;
  since: string | null;
  until: string | null;
  threads: number;
  /** Size of the byte ranges large files are split into (tests use small ones). */
  rangeBytes?: number;
  /** Called after each task with bytes done and bytes in total (progress on a TTY). */
  onProgress?: (done: number, total: number) => void;
}

export async function scanLogs(options: ScanOptions): Promise<LogScanResult> {
  const tasks = await scanTasks(options.paths, options.cwd, options.rangeBytes);
  const settings: ScanSettings = {
    policy: options.policy,
    since: options.since,
    until: options.until,
  };
  const results = await runAll(tasks, settings, options);
  await fixAssumedHeaders(tasks, results, settings);
  return mergeResults(
    tasks,
    results.map((list) => list ?? []),
    options,
  );
}

async function runAll(
  tasks: ScanTask[],
  settings: ScanSettings,
  options: ScanOptions,
): Promise<RangeResult[][]> {
  const total = tasks.reduce((sum, task) => sum + taskBytes(task), 0);
  let done = 0;
  const results: RangeResult[][] = new Array(tasks.length);
  const finished = (index: number, list: RangeResult[]): void => {
    results[index] = list;
    done += taskBytes(tasks[index] as ScanTask);
    options.onProgress?.(done, total);
  };

  const threads = Math.max(1, Math.min(options.threads, tasks.length));
  if (threads === 1) {
    for (const [index, task] of tasks.entries()) finished(index, await runTask(task, settings));
    return results;
  }
  await runInWorkers(tasks, settings, threads, finished);
  return results;
}

function taskBytes(task: ScanTask): number {
  return task.kind === 'range' ? task.end - task.start : task.size;
}

interface WorkerReply {
  ok: boolean;
  results?: RangeResult[];
  code?: ErrorCode;
  message?: string;
}

async function runInWorkers(
  tasks: ScanTask[],
  settings: ScanSettings,
  threads: number,
  finished: (index: number, list: RangeResult[]) => void,
): Promise<void> {
  let next = 0;
  const workerUrl = new URL('./scan-worker.js', import.meta.url);
  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(workerUrl, { workerData: settings });
      let current = -1;
      const give = (): void => {
        if (next >= tasks.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next;
        next += 1;
        worker.postMessage(tasks[current]);
      };
      let failed = false;
      const fail = (error: Error): void => {
        failed = true;
        next = tasks.length; // hand out nothing more: the scan has failed
        void worker.terminate();
        reject(error);
      };
      worker.on('message', (reply: WorkerReply) => {
        if (!reply.ok) {
          fail(new ExztError(reply.code ?? 'INTERNAL', reply.message ?? 'worker failed'));
          return;
        }
        finished(current, reply.results ?? []);
        give();
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (!failed && code !== 0 && code !== 1) {
          fail(new ExztError('INTERNAL', `a log-scan worker stopped with code ${code}`));
        }
      });
      give();
    });
  await Promise.all(Array.from({ length: threads }, runWorker));
}

/**
 * A range after the first assumed the file's first header. If an earlier range ended under a
 * different `#Fields:` (IIS restarted with new fields mid-file), that range is scanned again
 * with the header really in force. Rare, and correct without reading any file twice otherwise.
 */
async function fixAssumedHeaders(
  tasks: ScanTask[],
  results: RangeResult[][],
  settings: ScanSettings,
): Promise<void> {
  for (let index = 1; index < tasks.length; index += 1) {
    const task = tasks[index];
    const previous = tasks[index - 1];
    const before = results[index - 1]?.[0];
    const own = results[index]?.[0];
    if (task?.kind !== 'range' || task.start === 0 || previous?.path !== task.path) continue;
    if (before === undefined || own === undefined || before.endFields === own.startFields) continue;

    const header = { fields: before.endFields, logType: before.logType };
    results[index] = await runTask(task, settings, header);
  }
}
