/**
 * The fact of a kind no typed importer reads (SharedWebConfig.config, Get-AntiMalwareConfig, …):
 * its file is read through once, hashed and, for CliXml, checked to be well-formed, but its
 * content is not held. No control reads these kinds (a control reads typed values), and
 * `evidence inspect` shows values of typed kinds only, so holding them only cost memory: a real
 * bundle's two SharedWebConfig.config files are 1.6 MB each, 650 MB of text for 200 servers.
 * Provenance stays per fact (file, SHA-256, command, collected-at), as DESIGN.md asks.
 */
import { streamCliXml } from './clixml/index.js';
import { candidateChunks, type Candidate } from './candidate.js';
import type { KindFormat } from './kinds.js';

/** What is known of a file whose content is not held: its format, size and object count. */
export interface UnreadContent {
  format: KindFormat;
  held: false;
  size: number;
  /** Top-level objects of a CliXml export; absent when it was not parsed. */
  objects?: number;
}

/**
 * Reads the candidate through; a malformed CliXml export throws as it would when parsed whole.
 * With `parse` false the bytes are only hashed (by candidateChunks) and counted: `assess` reads
 * no such kind, and checking them was a third of its CPU on a 200-server bundle.
 */
export async function readThroughUnheld(
  format: KindFormat,
  candidate: Candidate,
  file: string,
  parse = true,
): Promise<UnreadContent> {
  const counter = { bytes: 0 };
  const chunks = counted(candidateChunks(candidate), counter);
  if (format !== 'clixml' || !parse) {
    for await (const chunk of chunks) void chunk;
    return { format, held: false, size: counter.bytes };
  }

  let objects = 0;
  // Nothing here looks inside a Ref's target, so the reader keeps no objects for Refs.
  for await (const node of streamCliXml(chunks, { file, keepRefTargets: false })) {
    void node;
    objects += 1;
  }
  return { format, held: false, size: counter.bytes, objects };
}

async function* counted(
  chunks: AsyncIterable<Uint8Array>,
  counter: { bytes: number },
): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    counter.bytes += chunk.length;
    yield chunk;
  }
}

export function isUnreadContent(value: unknown): value is UnreadContent {
  return typeof value === 'object' && value !== null && (value as UnreadContent).held === false;
}
