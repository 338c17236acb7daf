/**
 * Imports one file of a kind from its stream into a fact whose places are not provenance yet:
 * the line, column, offset and object path of each anchor, the lines of a text import, or the
 * file as a whole. The same code runs on the main thread and on an import worker
 * (import-worker.ts), so a fact is the same wherever its file was imported; the caller adds the
 * file's own details (source, member, SHA-256, command) once the file has been hashed.
 */
import { importInBatches } from './batched-import.js';
import { candidateBytes, type Candidate } from './candidate.js';
import { detached } from './detached.js';
import type { FactStatus } from './model.js';
import type { EvidenceKind } from './kinds.js';
import { describeObjectPath, type FactAnchor } from './object-path.js';
import { parseRawEvidence } from './raw-content.js';
import { readThroughUnheld } from './unread-content.js';

/** Where each anchor was read, in export order, as four parallel arrays. */
export interface AnchorPlaces {
  lines: number[];
  columns: number[];
  offsets: number[];
  objectPaths: string[];
}

export type FactPlaces =
  { at: 'file' } | { at: 'lines'; lines: number[] } | { at: 'anchors'; anchors: AnchorPlaces };

export interface PlacedFact {
  status: Extract<FactStatus, 'observed' | 'derived' | 'absent'>;
  value: unknown;
  note?: string;
  places: FactPlaces;
}

export interface PlacedImportOptions {
  /**
   * Copy values free of the decoded text they were sliced from (detached.ts). A worker leaves
   * it to postMessage, which copies them anyway.
   */
  detach: boolean;
  /** False: a kind no importer reads is hashed, not parsed (LoadOptions.parseUnreadKinds). */
  parseUnread: boolean;
  /**
   * Takes each batch of a list export (objectByObject) as it is imported; the fact's value and
   * places then stay empty. A worker sends the batches on, so they never pile up in its heap.
   */
  onBatch?: (value: unknown[], anchors: AnchorPlaces) => void;
}

/**
 * Whether importPlaced can import the candidate: not when its parsed document is held already
 * (the loader looked inside early), nor when the document itself would be the fact's value (a
 * non-CliXml kind with a CliXml importer and no text importer, which no registry entry is).
 */
export function canImportPlaced(kind: EvidenceKind, candidate: Candidate): boolean {
  if (candidate.raw !== undefined) return false;
  if (kind.importer === undefined && kind.textImporter === undefined) return true;
  return kind.format === 'clixml' ? kind.importer !== undefined : kind.textImporter !== undefined;
}

/** `file` is the path errors name. The candidate is hashed by the read that imports it. */
export async function importPlaced(
  kind: EvidenceKind,
  candidate: Candidate,
  file: string,
  options: PlacedImportOptions,
): Promise<PlacedFact> {
  const status = kind.derived === true ? 'derived' : 'observed';
  const { importer, textImporter } = kind;
  if (kind.objectByObject === true && importer !== undefined) {
    const value: unknown[] = [];
    const anchors = emptyPlaces();
    const onBatch =
      options.onBatch ??
      ((batch: unknown[], places: AnchorPlaces) => {
        for (const entry of batch) value.push(entry);
        appendPlaces(anchors, places);
      });
    await importInBatches(importer, candidate, file, {
      detach: options.detach,
      onBatch: (batch, batchAnchors) => {
        const places = emptyPlaces();
        for (const anchor of batchAnchors) addPlace(places, anchor);
        onBatch(batch, places);
      },
    });
    return { status, value, places: { at: 'anchors', anchors } };
  }

  if (importer === undefined && textImporter === undefined) {
    const value = await readThroughUnheld(kind.format, candidate, file, options.parseUnread);
    if (value.objects === 0) {
      const note = 'the export is empty: the command returned nothing';
      return { status: 'absent', value, note, places: { at: 'file' } };
    }
    return { status, value, places: { at: 'file' } };
  }

  const raw = parseRawEvidence(kind.format, await candidateBytes(candidate), file);
  const copy = <T>(value: T): T => (options.detach ? detached(value) : value);
  if (raw.format !== 'clixml' && textImporter !== undefined) {
    const imported = textImporter(raw.text, file);
    return { status, value: copy(imported.value), places: { at: 'lines', lines: imported.lines } };
  }
  if (raw.format !== 'clixml' || importer === undefined)
    throw new TypeError(`${kind.id} cannot be imported without holding its document`);
  const imported = importer(raw.document);
  const anchors = emptyPlaces();
  for (const anchor of imported.anchors) addPlace(anchors, anchor);
  return { status, value: copy(imported.value), places: { at: 'anchors', anchors } };
}

export function emptyPlaces(): AnchorPlaces {
  return { lines: [], columns: [], offsets: [], objectPaths: [] };
}

function addPlace(places: AnchorPlaces, anchor: FactAnchor): void {
  const { line, column, offset } = anchor.node.position;
  places.lines.push(line);
  places.columns.push(column);
  places.offsets.push(offset);
  places.objectPaths.push(describeObjectPath(anchor));
}

/** Appends `more` to `places` (a worker's batches, in order). */
export function appendPlaces(places: AnchorPlaces, more: AnchorPlaces): void {
  for (let index = 0; index < more.lines.length; index += 1) {
    places.lines.push(more.lines[index] ?? 0);
    places.columns.push(more.columns[index] ?? 0);
    places.offsets.push(more.offsets[index] ?? 0);
    places.objectPaths.push(more.objectPaths[index] ?? '');
  }
}
