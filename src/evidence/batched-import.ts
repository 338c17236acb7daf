/**
 * Imports a long list export (100,000 Get-CASMailbox objects) in batches of top-level objects
 * streamed from the file: each batch is a small document of its own for the kind's importer,
 * and its values and anchors go to the caller at once, so parsed objects never pile up.
 */
import { streamCliXml } from './clixml/index.js';
import { countRefs, countRefsInFile, type RefCounts } from './clixml/ref-counts.js';
import type { CliDocument, CliNode } from './clixml/model.js';
import { detached } from './detached.js';
import { candidateChunks, type Candidate } from './candidate.js';
import type { KindImporter } from './kinds/kind.js';
import type { FactAnchor } from './object-path.js';

/**
 * Objects parsed before the importer takes them. Few, so they die in the young generation: with
 * 1,000 Get-CASMailbox objects held a batch outlived scavenges, and garbage collection was 22 %
 * of the worker importing 100,000 of them (under 5 % at 100).
 */
const BATCH_OBJECTS = 100;

export interface BatchOptions {
  /** Copy each batch's values free of the decoded text they were sliced from (detached.ts). */
  detach: boolean;
  /** Takes each batch's values and anchors, the anchors indexed in the whole export. */
  onBatch: (value: unknown[], anchors: FactAnchor[]) => void;
}

/** `file` names the export in errors. */
export async function importInBatches(
  importer: KindImporter<unknown>,
  candidate: Candidate,
  file: string,
  options: BatchOptions,
): Promise<void> {
  const head: { bytes?: Uint8Array } = {};
  let batch: CliNode[] = [];
  let offset = 0;
  const flush = () => {
    const document = { file, ...encodingOf(head.bytes), objects: batch };
    importBatch(importer, document, offset, options);
    offset += batch.length;
    batch = [];
  };

  for await (const node of streamCliXml(firstChunkInto(head, candidateChunks(candidate)), {
    file,
    refCounts: refCountsOf(candidate),
  })) {
    batch.push(node);
    if (batch.length === BATCH_OBJECTS) flush();
  }
  // An empty export still goes through the importer, which says what an empty one means.
  if (batch.length > 0 || offset === 0) flush();
}

/**
 * The Refs of the export, counted in a first pass over its bytes where they can be read twice
 * (held, or a file on disk), so the reader keeps only the objects Refs name (ref-counts.ts).
 */
function refCountsOf(candidate: Candidate): RefCounts | undefined {
  if (candidate.bytes !== undefined) return countRefs(candidate.bytes);
  const onDisk = candidate.member.file;
  return onDisk === undefined ? undefined : countRefsInFile(onDisk);
}

function importBatch(
  importer: KindImporter<unknown>,
  document: CliDocument,
  offset: number,
  options: BatchOptions,
): void {
  const imported = importer(document);
  if (!Array.isArray(imported.value)) {
    throw new TypeError(
      `the importer of ${document.file} is marked objectByObject but gave no list`,
    );
  }
  const value = options.detach ? detached(imported.value) : imported.value;
  // Written out: a spread of each anchor cost microseconds, for 100,000 of them.
  const anchors = imported.anchors.map(({ node, index, top, members }) => ({
    node,
    index: index + offset,
    top,
    members,
  }));
  options.onBatch(value, anchors);
}

async function* firstChunkInto(
  head: { bytes?: Uint8Array },
  chunks: AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    head.bytes ??= chunk;
    yield chunk;
  }
}

/** By the byte-order mark, else by the zero byte UTF-16 LE puts after an ASCII `<`. */
function encodingOf(head: Uint8Array | undefined): Pick<CliDocument, 'encoding' | 'bom'> {
  if (head?.[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (head?.[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', bom: true };
  return { encoding: head?.[1] === 0 ? 'utf-16le' : 'utf-8', bom: false };
}
