/** Writing rendered documents: to a stream with back-pressure, or every format into a folder. */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import type { Assessment } from '../../engine/assess/assessment.js';
import { ExztError } from '../../errors.js';
import { ASSESSMENT_FORMATS } from './formats.js';

/** Chunks are gathered up to this many characters per write: stdout into a file writes synchronously. */
const WRITE_CHARACTERS = 64 * 1024;

/**
 * Writes chunk by chunk, waiting when the stream's buffer is full, so memory stays flat. Small
 * chunks (a JSON document's members) are gathered into writes of about 64 KiB.
 */
export async function writeChunks(
  stream: NodeJS.WritableStream,
  chunks: Iterable<string>,
): Promise<void> {
  let gathered: string[] = [];
  let length = 0;
  const flush = async () => {
    const text = gathered.join('');
    gathered = [];
    length = 0;
    if (!stream.write(text)) await once(stream, 'drain');
  };
  for (const chunk of chunks) {
    gathered.push(chunk);
    length += chunk.length;
    if (length >= WRITE_CHARACTERS) await flush();
  }
  if (length > 0) await flush();
}

/**
 * Writes every format into `dir` (created when missing). Each file is written beside its final
 * name and renamed into place, so an interrupted run never leaves half a report under the real
 * name. Returns the files written.
 */
export async function writeAllFormats(
  assessment: Assessment,
  dir: string,
  cwd: string,
): Promise<string[]> {
  const folder = resolve(cwd, dir);
  const existing = await stat(folder).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory()) {
    throw new ExztError('USAGE', `--out ${dir}: exists and is not a folder`);
  }
  await mkdir(folder, { recursive: true });

  const written: string[] = [];
  for (const format of ASSESSMENT_FORMATS) {
    const target = join(folder, format.fileName);
    const partial = `${target}.partial`;
    const stream = createWriteStream(partial);
    try {
      await writeChunks(stream, format.render(assessment, { colour: false }));
      stream.end();
      await once(stream, 'finish');
      await rename(partial, target);
    } catch (error) {
      stream.destroy();
      await rm(partial, { force: true });
      throw error;
    }
    written.push(target);
  }
  return written;
}
