/**
 * A floor for any log scan in Node.js, not a scan: the files under a folder are split into equal
 * byte ranges, one per worker thread (the CPU count), and each thread reads its ranges with
 * fs.readSync into one reused 1 MiB buffer and counts the line feeds with Buffer.indexOf. A scan
 * must at least read every byte and number every line, so it can only be slower; the benchmark
 * runs this beside ripgrep to show how much of ripgrep's time Node.js needs before any hunting.
 * Usage: node dist/bench/logs/floor.js <folder>   (prints the line count)
 */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

type Range = [file: string, start: number, end: number];

const CHUNK_BYTES = 1 << 20;
const NEWLINE = 0x0a;

function countLines(ranges: readonly Range[]): number {
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let lines = 0;
  for (const [file, start, end] of ranges) {
    const fd = openSync(file, 'r');
    for (let at = start; at < end;) {
      const read = readSync(fd, buffer, 0, Math.min(CHUNK_BYTES, end - at), at);
      if (read <= 0) break;
      at += read;
      const data = read === CHUNK_BYTES ? buffer : buffer.subarray(0, read);
      for (let hit = data.indexOf(NEWLINE); hit !== -1; hit = data.indexOf(NEWLINE, hit + 1)) {
        lines++;
      }
    }
    closeSync(fd);
  }
  return lines;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.log'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The files cut into `threads` runs of about equal bytes. */
function split(files: readonly string[], threads: number): Range[][] {
  const sized = files.map((file) => [file, statSync(file).size] as const);
  const share = Math.ceil(sized.reduce((sum, [, size]) => sum + size, 0) / threads);
  const plans: Range[][] = Array.from({ length: threads }, () => []);
  let thread = 0;
  let room = share;
  for (const [file, size] of sized) {
    for (let at = 0; at < size;) {
      const take = Math.min(size - at, room);
      plans[thread]!.push([file, at, at + take]);
      at += take;
      room -= take;
      if (room === 0 && thread < threads - 1) {
        thread++;
        room = share;
      }
    }
  }
  return plans;
}

async function main(folder: string): Promise<void> {
  const plans = split(filesUnder(folder), Math.max(1, os.availableParallelism()));
  const counts = await Promise.all(
    plans.map(
      (ranges) =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: ranges });
          worker.once('message', (lines: number) => resolve(lines));
          worker.once('error', reject);
        }),
    ),
  );
  console.log(counts.reduce((sum, lines) => sum + lines, 0));
}

if (!isMainThread) {
  parentPort?.postMessage(countLines(workerData as Range[]));
} else if (process.argv[2] === undefined) {
  console.error('usage: node dist/bench/logs/floor.js <folder>');
  process.exitCode = 2;
} else {
  await main(process.argv[2]);
}
