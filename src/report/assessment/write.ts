/** Writing rendered documents: to a stream with back-pressure, or every format into a folder. */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import type { Assessment } from '../../engine/assess/assessment.js';
import { ExztError } from '../../errors.js';
import { ASSESSMENT_FORMATS } from './formats.js';

/** Writes chunk by chunk, waiting when the stream's buffer is full, so memory stays flat. */
export async function writeChunks(
  stream: NodeJS.WritableStream,
  chunks: Iterable<string>,
): Promise<void> {
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
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
