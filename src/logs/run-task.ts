/**
 * Runs one scan task in the current thread: reads its bytes in large chunks and feeds a
 * RangeScanner. A byte range owns the lines that start inside it: it skips the partial line at
 * its start and finishes the line that crosses its end.
 */
import { createReadStream, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { ExztError } from '../errors.js';
import { layoutFromBareHeader } from './formats.js';
import type { ScanTask } from './inputs.js';
import { RangeScanner, type RangeOptions, type RangeResult } from './range-scanner.js';

export type ScanSettings = Pick<RangeOptions, 'policy' | 'since' | 'until'>;

const CHUNK_BYTES = 1024 * 1024;
const HEAD_BYTES = 64 * 1024;

export interface HeaderState {
  fields: string | null;
  logType: string;
}

/** `header`: the header in force at a range's start, when the scan knows it (a re-scan). */
export async function runTask(
  task: ScanTask,
  settings: ScanSettings,
  header?: HeaderState,
): Promise<RangeResult[]> {
  try {
    if (task.kind === 'range') return [await scanRange(task, settings, header)];
    if (task.kind === 'gzip') return [await scanGzip(task, settings)];
    return await scanZip(task, settings);
  } catch (error) {
    if (error instanceof ExztError) throw error;
    throw new ExztError('INPUT', `${task.label}: cannot be read (${(error as Error).message})`, {
      cause: error,
    });
  }
}

/** The header in force at a range's start, assumed to be the file's first one (scan.ts checks). */
export function headerOf(head: Buffer): HeaderState {
  let fields: string | null = null;
  let logType = '';
  for (const raw of head.toString('utf8').split('\n').slice(0, -1)) {
    const line = raw.replace(/\r$/, '');
    if (!line.startsWith('#')) {
      if (fields === null && layoutFromBareHeader(line) !== undefined) fields = line.trim();
      break;
    }
    const value = line.slice(line.indexOf(':') + 1).trim();
    if (/^#fields:/i.test(line)) fields = value;
    if (/^#log-type:/i.test(line)) logType = value;
  }
  return { fields, logType };
}

async function scanRange(
  task: Extract<ScanTask, { kind: 'range' }>,
  settings: ScanSettings,
  known: HeaderState | undefined,
): Promise<RangeResult> {
  const file = await open(task.path, 'r');
  try {
    const header =
      known ??
      (task.start === 0
        ? { fields: null, logType: '' }
        : headerOf(await readAt(file, 0, HEAD_BYTES)));
    const scanner = new RangeScanner({
      file: task.label,
      startFields: header.fields,
      logType: header.logType,
      atFileStart: task.start === 0,
      ...settings,
    });
    let position = task.start === 0 ? 0 : await startOfNextLine(file, task.start);
    // A range inside one long line owns no line: the range the line starts in reads it.
    if (position >= task.end) return scanner.finish();
    // Read in place into the scanner's buffer: no chunk is allocated or copied.
    for (;;) {
      const space = scanner.space();
      const length = readSync(file.fd, space, 0, space.length, position);
      if (length === 0) break;
      if (position + length >= task.end) {
        // The line that crosses the end is ours; the next range starts after its newline.
        const cut = space.subarray(0, length).indexOf(10, Math.max(0, task.end - 1 - position));
        if (cut !== -1) {
          scanner.commit(cut + 1);
          break;
        }
      }
      scanner.commit(length);
      position += length;
    }
    return scanner.finish();
  } finally {
    await file.close();
  }
}

/** The first line start at or after `from` (a line starts after a newline). */
async function startOfNextLine(file: Awaited<ReturnType<typeof open>>, from: number) {
  for (let position = from - 1; ; position += CHUNK_BYTES) {
    const chunk = await readAt(file, position, CHUNK_BYTES);
    if (chunk.length === 0) return position;
    const newline = chunk.indexOf(10);
    if (newline !== -1) return position + newline + 1;
  }
}

async function readAt(file: Awaited<ReturnType<typeof open>>, position: number, length: number) {
  const buffer = Buffer.allocUnsafe(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

async function scanGzip(
  task: Extract<ScanTask, { kind: 'gzip' }>,
  settings: ScanSettings,
): Promise<RangeResult> {
  const stream = createReadStream(task.path, { highWaterMark: CHUNK_BYTES }).pipe(createGunzip());
  return scanStream(stream, task.label, settings);
}

async function scanStream(
  stream: AsyncIterable<Buffer>,
  label: string,
  settings: ScanSettings,
): Promise<RangeResult> {
  const scanner = new RangeScanner({
    file: label,
    startFields: null,
    logType: '',
    atFileStart: true,
    ...settings,
  });
  for await (const chunk of stream) scanner.push(chunk);
  return scanner.finish();
}

async function scanZip(
  task: Extract<ScanTask, { kind: 'zip' }>,
  settings: ScanSettings,
): Promise<RangeResult[]> {
  // Loaded here: a scan of plain files (each worker's start-up) need not pay ~60 ms for them.
  const { default: yauzl } = await import('yauzl');
  const { checkEntry, entriesOf, safeEntryName, ZIP_LIMITS } =
    await import('../evidence/zip-tree.js');
  const zip = await yauzl.openPromise(task.path, {
    lazyEntries: true,
    decodeStrings: false,
    validateEntrySizes: true,
  });
  const results: RangeResult[] = [];
  const seen = new Set<string>();
  try {
    for await (const entry of entriesOf(zip)) {
      const name = safeEntryName(entry, task.label);
      if (name.endsWith('/')) continue;
      // The bundle reader's limits: no links, no encryption, no zip bombs.
      checkEntry(entry, name, task.label, ZIP_LIMITS, seen);
      const stream = (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>;
      const member = /\.gz$/i.test(name)
        ? (stream as NodeJS.ReadableStream).pipe(createGunzip())
        : stream;
      results.push(
        await scanStream(member as AsyncIterable<Buffer>, `${task.label}!${name}`, settings),
      );
    }
  } finally {
    zip.close();
  }
  return results;
}
