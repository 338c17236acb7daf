/**
 * Imports a long list export (100,000 Get-CASMailbox objects) in batches of top-level objects
 * streamed from the file: each batch is a small document of its own for the kind's importer,
 * and its anchors are turned into provenance at once, so parsed objects never pile up.
 */
import { streamCliXml } from './clixml/index.js';
import type { CliDocument, CliNode } from './clixml/model.js';
import { detached } from './detached.js';
import { candidateChunks, type Candidate } from './candidate.js';
import type { KindImporter } from './kinds/kind.js';
import type { Provenance } from './model.js';
import type { FactAnchor } from './object-path.js';

const BATCH_OBJECTS = 1000;

export interface BatchedImport<P = Provenance> {
  value: unknown[];
  provenance: P[];
}

/**
 * `file` names the export in errors; anchors keep their index in the whole export. `provenanceOf`
 * makes what is kept of each anchor: a Provenance, or a compact place a worker sends back.
 */
export async function importInBatches<P = Provenance>(
  importer: KindImporter<unknown>,
  candidate: Candidate,
  file: string,
  provenanceOf: (anchor: FactAnchor) => P,
): Promise<BatchedImport<P>> {
  const result: BatchedImport<P> = { value: [], provenance: [] };
  const head: { bytes?: Uint8Array } = {};
  let batch: CliNode[] = [];
  let offset = 0;
  const flush = () => {
    const document = { file, ...encodingOf(head.bytes), objects: batch };
    importBatch(importer, document, offset, result, provenanceOf);
    offset += batch.length;
    batch = [];
  };

  for await (const node of streamCliXml(firstChunkInto(head, candidateChunks(candidate)), {
    file,
  })) {
    batch.push(node);
    if (batch.length === BATCH_OBJECTS) flush();
  }
  // An empty export still goes through the importer, which says what an empty one means.
  if (batch.length > 0 || offset === 0) flush();
  return result;
}

function importBatch<P>(
  importer: KindImporter<unknown>,
  document: CliDocument,
  offset: number,
  result: BatchedImport<P>,
  provenanceOf: (anchor: FactAnchor) => P,
): void {
  const imported = importer(document);
  if (!Array.isArray(imported.value)) {
    throw new TypeError(
      `the importer of ${document.file} is marked objectByObject but gave no list`,
    );
  }
  for (const entry of detached(imported.value)) result.value.push(entry);
  for (const anchor of imported.anchors) {
    result.provenance.push(provenanceOf({ ...anchor, index: anchor.index + offset }));
  }
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
