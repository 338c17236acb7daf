/**
 * Entry points of the CliXml reader: stream a file or byte stream object by object, read a whole
 * file, parse bytes in memory, or sniff whether bytes are an Export-Clixml document.
 */
import { createReadStream } from 'node:fs';
import { ExztError } from '../../errors.js';
import { ByteDecoder, detectEncoding, EncodingFault } from './byte-decoder.js';
import type { CliDocument, CliNode } from './model.js';
import { CliXmlParser, POWERSHELL_NAMESPACE } from './parser.js';
import { countRefs, countRefsInFile, type RefCounts } from './ref-counts.js';

export interface CliXmlReadOptions {
  /** Label used in errors and provenance: the path as the user gave it. */
  file: string;
  /** Element nesting allowed; default 64. */
  maxDepth?: number;
  /** Longest single text value, in characters; default 16 Mi. */
  maxStringChars?: number;
  /**
   * How many of the most recently defined objects with a RefId a Ref can reach, and how many
   * recent Refs keep their object reachable; default 1,000.
   */
  refWindow?: number;
  /**
   * False when the caller only counts and checks what it is handed and never looks inside the
   * object a Ref names (a kind no importer reads): objects are then not kept for Refs, only their
   * ids, and a Ref hands out an empty object typed `exzt.UnheldReference`. A Ref to an id never
   * defined is still CLIXML_SYNTAX, and no Ref is too far back. Default true.
   */
  keepRefTargets?: boolean;
  /**
   * The Refs naming each RefId, counted beforehand (countRefs, countRefsInFile): the reader then
   * keeps exactly the objects later Refs name, each until its last Ref (docs/clixml.md, RefId
   * policy). Given by a caller that streams bytes it can also read twice.
   */
  refCounts?: RefCounts;
  /**
   * Whether a path or bytes in memory get a first pass that counts their Refs; default true.
   * False keeps the windows (a stream has no first pass and always does).
   */
  countRefs?: boolean;
}

export const DEFAULT_MAX_DEPTH = 64;
export const DEFAULT_MAX_STRING_CHARS = 16 * 1024 * 1024;
// Each kept object holds its members, so the window is what the reader's memory grows with: at
// 1,000 about 250 Get-Mailbox objects. Objects that Refs name stay kept on their own (see
// ref-registry.ts), so the window only has to span from a definition to its first Ref.
export const DEFAULT_REF_WINDOW = 1_000;
/** Read size for files: large enough that per-chunk costs vanish, small enough to stay bounded. */
export const CHUNK_BYTES = 256 * 1024;

/** Bytes of text handed to the parser at once; its strings stay under V8's 128 KiB large-object size. */
const PIECE_BYTES = 48 * 1024;

/** Bytes needed to recognise the encoding (a UTF-8 BOM is 3, `<\0` is 2). */
const ENCODING_HEAD_BYTES = 4;

/** Feeds byte chunks through decoder and parser; the one path shared by every entry point. */
/** The options with their defaults; refCounts stays optional. */
type ResolvedOptions = Required<Omit<CliXmlReadOptions, 'refCounts'>> &
  Pick<CliXmlReadOptions, 'refCounts'>;

class CliXmlFeed {
  private head = new Uint8Array(0);
  private decoder: ByteDecoder | undefined;
  private parser: CliXmlParser | undefined;

  constructor(private readonly options: ResolvedOptions) {}

  get encoding(): CliDocument['encoding'] {
    return this.decoder?.encoding === 'utf-16le' ? 'utf-16le' : 'utf-8';
  }

  get bom(): boolean {
    return (this.decoder?.bomBytes ?? 0) > 0;
  }

  /**
   * Reads a chunk piece by piece, giving after each piece the nodes it finished: handed on before
   * the next piece is read, they can die young (a chunk's worth of them would be promoted).
   */
  *read(chunk: Uint8Array): Generator<CliNode[]> {
    if (this.decoder === undefined) {
      chunk = this.collectHead(chunk);
      if (chunk.length < ENCODING_HEAD_BYTES) return;
      chunk = this.start(chunk);
    }
    yield* this.decode(chunk);
  }

  /** End of input: the nodes still to hand on, or the error the end makes. */
  end(): CliNode[] {
    const finished: CliNode[] = [];
    if (this.decoder === undefined) {
      for (const nodes of this.decode(this.start(this.head))) appendTo(finished, nodes);
    }

    const fault = this.decoder!.finish();
    if (fault !== undefined) this.failEncoding(fault);
    this.parser!.finish();
    return appendTo(finished, this.take());
  }

  /** Nodes finished since the last call. */
  private take(): CliNode[] {
    const parser = this.parser;
    if (parser === undefined || parser.completed.length === 0) return [];
    return parser.completed.splice(0);
  }

  private collectHead(chunk: Uint8Array): Uint8Array {
    if (this.head.length === 0 && chunk.length >= ENCODING_HEAD_BYTES) return chunk;

    const joined = new Uint8Array(this.head.length + chunk.length);
    joined.set(this.head, 0);
    joined.set(chunk, this.head.length);
    this.head = joined;
    return joined;
  }

  /** Detects the encoding; returns the chunk without its byte order mark. */
  private start(chunk: Uint8Array): Uint8Array {
    const detected = detectEncoding(chunk);
    if (detected.encoding === 'utf-16be') {
      throw new ExztError(
        'CLIXML_SYNTAX',
        'the file is UTF-16 big-endian, which the reader does not support; export with -Encoding Unicode (UTF-16 LE) or UTF8',
        { position: { file: this.options.file, line: 1, column: 1, offset: 0 } },
      );
    }

    this.decoder = new ByteDecoder(detected);
    this.parser = new CliXmlParser({
      ...this.options,
      bomBytes: detected.bomBytes,
      wideUnits: detected.encoding !== 'utf-8',
      decoder: this.decoder,
    });
    return chunk.subarray(detected.bomBytes);
  }

  /**
   * Hands the parser a chunk in pieces of PIECE_BYTES, and after each piece the nodes it
   * finished. Each piece is decoded together with the token the parser holds back (no bytes
   * are joined when it lies in the same chunk), so every string stays small enough for V8's
   * young generation (a 1 MiB string would live in old space until a full collection). A piece
   * grows with a long token, so decoding stays linear.
   */
  private *decode(chunk: Uint8Array): Generator<CliNode[]> {
    const decoder = this.decoder!;
    const parser = this.parser!;
    const bytes = decoder.take(chunk);
    if (bytes instanceof EncodingFault) {
      // Read what came before the bad byte, for the position, then fail.
      parser.push(bytes.validBytes, 0, bytes.validBytes.length);
      this.failEncoding(bytes);
    }

    let end = 0;
    while (end < bytes.length) {
      const start = end;
      end = decoder.pieceEnd(bytes, start, Math.max(PIECE_BYTES, parser.pendingBytes));
      const pieceFault = parser.push(bytes, start, end);
      if (pieceFault !== undefined) this.failEncoding(pieceFault);
      if (parser.completed.length > 0) yield this.take();
    }
  }

  private failEncoding(fault: EncodingFault): never {
    const position = this.parser!.positionAtEnd();
    const encoding = this.decoder!.encoding === 'utf-8' ? 'UTF-8' : 'UTF-16 LE';
    const bom = this.bom ? 'its byte order mark' : 'its first bytes (no byte order mark)';
    throw new ExztError(
      'CLIXML_SYNTAX',
      `wrong encoding: the file was read as ${encoding} from ${bom}, but ${fault.detail} at byte ${fault.byteOffset}`,
      {
        position: {
          file: this.options.file,
          line: position.line,
          column: position.column,
          offset: fault.byteOffset,
        },
      },
    );
  }
}

/** Appends without spreading: a document may have 100,000s of top-level values. */
function appendTo(list: CliNode[], nodes: readonly CliNode[]): CliNode[] {
  for (const node of nodes) list.push(node);
  return list;
}

/**
 * `counted` counts the Refs of the input when the options ask for the counted policy and give
 * no counts (it is called only for input that can be read twice).
 */
function resolveOptions(
  options: CliXmlReadOptions,
  counted?: () => RefCounts | undefined,
): ResolvedOptions {
  const keepRefTargets = options.keepRefTargets ?? true;
  const countFirst = keepRefTargets && options.countRefs !== false;
  return {
    file: options.file,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    maxStringChars: options.maxStringChars ?? DEFAULT_MAX_STRING_CHARS,
    refWindow: options.refWindow ?? DEFAULT_REF_WINDOW,
    keepRefTargets,
    countRefs: countFirst,
    refCounts: keepRefTargets
      ? (options.refCounts ?? (countFirst ? counted?.() : undefined))
      : undefined,
  };
}

/** A path, or bytes arriving in chunks (a Readable, an async or a plain iterable). */
export type CliXmlInput =
  string | AsyncIterable<Uint8Array> | Iterable<Uint8Array> | NodeJS.ReadableStream;

/** Streams each child of <Objs> one at a time, in bounded memory. */
export async function* streamCliXml(
  input: CliXmlInput,
  options: CliXmlReadOptions,
): AsyncGenerator<CliNode> {
  const counted = typeof input === 'string' ? () => countRefsInFile(input) : undefined;
  const feed = new CliXmlFeed(resolveOptions(options, counted));
  yield* readThrough(feed, input, options.file);
}

async function* readThrough(
  feed: CliXmlFeed,
  input: CliXmlInput,
  file: string,
): AsyncGenerator<CliNode> {
  const source =
    typeof input === 'string' ? createReadStream(input, { highWaterMark: CHUNK_BYTES }) : input;
  try {
    for await (const chunk of source as AsyncIterable<unknown>) {
      for (const nodes of feed.read(asBytes(chunk, file))) {
        for (const node of nodes) yield node;
      }
    }
  } catch (error) {
    throw error instanceof ExztError ? error : inputError(file, error);
  }

  for (const node of feed.end()) yield node;
}

function asBytes(chunk: unknown, file: string): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  throw new ExztError(
    'INPUT',
    `${file}: the stream gave ${typeof chunk} chunks; expected bytes (do not set an encoding on it)`,
  );
}

function inputError(file: string, cause: unknown): ExztError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ExztError('INPUT', `cannot read ${file}: ${reason}`, { position: { file }, cause });
}

/** Reads a whole file into a CliDocument (convenience for small exports). */
export async function readCliXmlFile(
  path: string,
  options: Partial<CliXmlReadOptions> = {},
): Promise<CliDocument> {
  const resolved = resolveOptions({ ...options, file: options.file ?? path }, () =>
    countRefsInFile(path),
  );
  const feed = new CliXmlFeed(resolved);
  const objects: CliNode[] = [];
  for await (const node of readThrough(feed, path, resolved.file)) objects.push(node);
  return { file: resolved.file, encoding: feed.encoding, bom: feed.bom, objects };
}

/** Parses bytes already in memory (e.g. a zip member). */
export function parseCliXml(bytes: Uint8Array, options: CliXmlReadOptions): CliDocument {
  const feed = new CliXmlFeed(resolveOptions(options, () => countRefs(bytes)));
  const objects: CliNode[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    for (const nodes of feed.read(bytes.subarray(start, start + CHUNK_BYTES))) {
      appendTo(objects, nodes);
    }
  }
  appendTo(objects, feed.end());
  return { file: options.file, encoding: feed.encoding, bom: feed.bom, objects };
}

/**
 * Cheap sniff: is this the start of an Export-Clixml document (root `Objs` in the PowerShell
 * namespace)? Give it the first 512 bytes or more; the namespace must be within them.
 */
export function isCliXml(head: Uint8Array): boolean {
  const { encoding, bomBytes } = detectEncoding(head);
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(head.subarray(bomBytes));
  const root = skipProlog(text);
  if (root === -1 || !/^<Objs[\s>/]/.test(text.slice(root, root + 6))) return false;

  const tagEnd = text.indexOf('>', root);
  const tag = text.slice(root, tagEnd === -1 ? text.length : tagEnd);
  return (
    tag.includes(`xmlns="${POWERSHELL_NAMESPACE}"`) ||
    tag.includes(`xmlns='${POWERSHELL_NAMESPACE}'`)
  );
}

/** Index of the first element after whitespace, the XML declaration and comments; -1 if none. */
function skipProlog(text: string): number {
  let at = 0;
  for (;;) {
    while (at < text.length && ' \t\r\n'.includes(text[at]!)) at++;
    if (text.startsWith('<?', at)) at = endOf(text, '?>', at);
    else if (text.startsWith('<!--', at)) at = endOf(text, '-->', at);
    else return at < text.length && text[at] === '<' ? at : -1;
    if (at === -1) return -1;
  }
}

function endOf(text: string, terminator: string, from: number): number {
  const end = text.indexOf(terminator, from);
  return end === -1 ? -1 : end + terminator.length;
}
