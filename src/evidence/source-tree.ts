/**
 * A source as a flat list of members, whether it is a folder or a .zip, so that layout detection
 * and import read both the same way. Member paths use forward slashes.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface TreeMember {
  /** Relative path inside the source, forward slashes. */
  path: string;
  read(): Promise<Buffer>;
  /** The bytes as a stream, where the source can give one without holding the file. */
  open?(): AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  /** The file on disk, for a folder's member: a worker thread can read it itself. */
  file?: string;
}

export interface SourceTree {
  /** The path as the user gave it. */
  label: string;
  container: 'folder' | 'zip';
  members: TreeMember[];
  /** Releases what reading members needs (a zip's file handle); the members are unusable after. */
  close?(): void;
}

export const STREAM_CHUNK_BYTES = 1024 * 1024;

/** Every regular file below a folder; symbolic links to folders are not followed. */
export async function readFolderTree(label: string, folder: string): Promise<SourceTree> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const members: TreeMember[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;

    const absolute = path.join(entry.parentPath, entry.name);
    members.push({
      path: path.relative(folder, absolute).split(path.sep).join('/'),
      file: absolute,
      read: () => readFile(absolute),
      open: () => createReadStream(absolute, { highWaterMark: STREAM_CHUNK_BYTES }),
    });
  }

  members.sort((a, b) => compareText(a.path, b.path));
  return { label, container: 'folder', members };
}

/** Ordinal comparison, so sorting does not depend on the locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
