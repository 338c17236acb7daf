/**
 * What the user named, turned into scan tasks: plain files (split into byte ranges at line
 * boundaries when large, so workers share them), .gz files (streamed through zlib) and .zip
 * archives (each member streamed, under the bundle reader's safety limits); folders recursed.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ExztError } from '../errors.js';

export type ScanTask =
  | { kind: 'range'; path: string; label: string; start: number; end: number; size: number }
  | { kind: 'gzip'; path: string; label: string; size: number }
  | { kind: 'zip'; path: string; label: string; size: number };

/** Ranges of this size keep two to eight workers busy on one large file. */
export const RANGE_BYTES = 32 * 1024 * 1024;

/** Files a folder walk picks up; a file named on the command line is read whatever its name. */
const LOG_EXTENSIONS = /\.(log|txt|csv|gz|zip)$/i;

export async function scanTasks(
  paths: readonly string[],
  cwd: string,
  rangeBytes = RANGE_BYTES,
): Promise<ScanTask[]> {
  const tasks: ScanTask[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = await statOrThrow(absolute, given);
    if (info.isDirectory()) {
      for (const file of await filesUnder(absolute)) {
        tasks.push(
          ...(await tasksFor(file, path.join(given, path.relative(absolute, file)), rangeBytes)),
        );
      }
    } else tasks.push(...(await tasksFor(absolute, given, rangeBytes)));
  }
  return tasks;
}

async function statOrThrow(file: string, given: string) {
  try {
    return await stat(file);
  } catch (error) {
    throw new ExztError('INPUT', `${given}: cannot be read (${(error as Error).message})`, {
      cause: error,
    });
  }
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && LOG_EXTENSIONS.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function tasksFor(file: string, label: string, rangeBytes: number): Promise<ScanTask[]> {
  const { size } = await stat(file);
  const labelled = label.split(path.sep).join('/');
  if (/\.gz$/i.test(file)) return [{ kind: 'gzip', path: file, label: labelled, size }];
  if (/\.zip$/i.test(file)) return [{ kind: 'zip', path: file, label: labelled, size }];

  const tasks: ScanTask[] = [];
  for (let start = 0; start < size || start === 0; start += rangeBytes) {
    const end = Math.min(size, start + rangeBytes);
    tasks.push({ kind: 'range', path: file, label: labelled, start, end, size });
    if (end >= size) break;
  }
  return tasks;
}
