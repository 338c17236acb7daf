/**
 * Reads a bundle .zip without extracting anything to disk, refusing entries whose names could
 * escape a folder and archives that would expand without bound (zip bombs). The central
 * directory is checked up front; each entry is inflated only when its member is read, as a
 * stream, so a zip is never held in memory whole. The zip stays open until `close`.
 */
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { ExztError } from '../errors.js';
import { compareText, type SourceTree, type TreeMember } from './source-tree.js';

export const ZIP_LIMITS = {
  /** Entries in the central directory; a bundle of 100 servers has about 10,000. */
  maxEntries: 20_000,
  /**
   * Sum of the declared uncompressed sizes. Entries are streamed, so this bounds the time a
   * bomb can take rather than memory; the 3 GB benchmark bundle, zipped, stays within it.
   */
  maxTotalBytes: 8 * 1024 ** 3,
  /** Uncompressed to compressed; CliXml compresses about 10:1, a zip bomb 1,000:1 and more. */
  maxCompressionRatio: 200,
  /** Entries smaller than this are not held to the ratio: a small file of blanks is no bomb. */
  ratioFloorBytes: 1024 ** 2,
};

export type ZipLimits = typeof ZIP_LIMITS;

const UTF8_NAME_FLAG = 0x800;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

export async function readZipTree(
  label: string,
  zipPath: string,
  limits: ZipLimits = ZIP_LIMITS,
): Promise<SourceTree> {
  const zip = await openZip(label, zipPath);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw zipError(
        'ZIP_LIMIT',
        label,
        `has ${zip.entryCount} entries, more than the limit of ${limits.maxEntries}`,
      );
    }
    const members = await readEntries(zip, label, limits);
    members.sort((a, b) => compareText(a.path, b.path));
    return { label, container: 'zip', members, close: () => zip.close() };
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function openZip(label: string, zipPath: string): Promise<ZipFile> {
  try {
    return await yauzl.openPromise(zipPath, {
      lazyEntries: true,
      // Entries are streamed after the directory is read; the tree's close() ends it.
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: true,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ExztError('INPUT', `${label} is not a readable .zip: ${reason}`, { cause: error });
  }
}

async function readEntries(zip: ZipFile, label: string, limits: ZipLimits): Promise<TreeMember[]> {
  const members: TreeMember[] = [];
  const seen = new Set<string>();
  let totalBytes = 0;
  for await (const entry of guardedEntries(zip, label, () => members.at(-1)?.path)) {
    const name = safeEntryName(entry, label);
    if (name.endsWith('/')) continue;
    checkEntry(entry, name, label, limits, seen);

    totalBytes += entry.uncompressedSize;
    if (totalBytes > limits.maxTotalBytes) {
      throw zipError(
        'ZIP_LIMIT',
        label,
        `uncompresses to more than ${limits.maxTotalBytes} bytes (at entry '${name}')`,
      );
    }
    members.push({
      path: name,
      read: () => readEntry(zip, entry, name, label),
      open: () => entryChunks(zip, entry, name, label),
    });
  }
  return members;
}

/** The entries, with yauzl's own refusals (bad headers, sizes) as ZIP_LIMIT errors. */
async function* guardedEntries(
  zip: ZipFile,
  label: string,
  lastName: () => string | undefined,
): AsyncGenerator<Entry> {
  try {
    yield* entriesOf(zip);
  } catch (error) {
    if (error instanceof ExztError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    const where = lastName() === undefined ? 'at its first entry' : `after entry '${lastName()}'`;
    throw zipError('ZIP_LIMIT', label, `is damaged ${where}: ${reason}`, error);
  }
}

/** The entries one by one, as yauzl's lazy mode hands them out. */
export async function* entriesOf(zip: ZipFile): AsyncGenerator<Entry> {
  for (;;) {
    const next = new Promise<Entry | undefined>((resolve, reject) => {
      const onEntry = (entry: Entry): void => {
        cleanUp();
        resolve(entry);
      };
      const onEnd = (): void => {
        cleanUp();
        resolve(undefined);
      };
      const onError = (error: Error): void => {
        cleanUp();
        reject(error);
      };
      const cleanUp = (): void => {
        zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
      };
      zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    });
    zip.readEntry();
    const entry = await next;
    if (entry === undefined) return;
    yield entry;
  }
}

/** Code page 437's upper half, 0x80-0xFF: the zip format's name encoding without the UTF-8 flag. */
const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/** A name's bytes as CP437 (APPNOTE 4.4.4 and appendix D). */
export function fromCp437(raw: Buffer): string {
  let text = '';
  for (const byte of raw) text += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80];
  return text;
}

/** The entry's name, refused when it could point outside the bundle folder. */
export function safeEntryName(entry: Entry, label: string): string {
  const raw = entry.fileName as unknown as Buffer;
  // TODO(#2): Windows Explorer writes names without the UTF-8 flag in the machine's OEM code page
  // (850 in Western Europe, not 437); those are read as the zip format says, CP437.
  const name =
    (entry.generalPurposeBitFlag & UTF8_NAME_FLAG) !== 0 ? raw.toString('utf8') : fromCp437(raw);
  const refuse = (why: string): ExztError =>
    zipError('ZIP_UNSAFE', label, `entry '${name}' ${why}`);

  if (name === '' || name.includes('\0')) throw refuse('has an empty or NUL-containing name');
  if (name.includes('\\'))
    throw refuse('contains a backslash, which Windows reads as a folder separator');
  if (name.startsWith('/')) throw refuse('is an absolute path');
  if (/^[A-Za-z]:/.test(name)) throw refuse('starts with a drive letter');
  if (name.split('/').includes('..')) throw refuse("has a '..' segment that escapes the bundle");
  return name
    .split('/')
    .filter((segment) => segment !== '.')
    .join('/');
}

export function checkEntry(
  entry: Entry,
  name: string,
  label: string,
  limits: ZipLimits,
  seen: Set<string>,
): void {
  const key = name.toLowerCase();
  if (seen.has(key))
    throw zipError(
      'ZIP_UNSAFE',
      label,
      `has entry '${name}' twice (names compare case-insensitively)`,
    );
  seen.add(key);

  const unixMode = entry.externalFileAttributes >>> 16;
  if ((unixMode & S_IFMT) === S_IFLNK)
    throw zipError('ZIP_UNSAFE', label, `entry '${name}' is a symbolic link`);
  if (entry.isEncrypted()) throw zipError('ZIP_UNSAFE', label, `entry '${name}' is encrypted`);

  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxCompressionRatio) {
    throw zipError(
      'ZIP_LIMIT',
      label,
      `entry '${name}' expands ${Math.round(ratio)}:1 (${entry.compressedSize} to ${entry.uncompressedSize} bytes), ` +
        `more than ${limits.maxCompressionRatio}:1; refusing it as a zip bomb`,
    );
  }
}

async function readEntry(zip: ZipFile, entry: Entry, name: string, label: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of entryChunks(zip, entry, name, label)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The entry inflated chunk by chunk, refused when it holds more or less than it declares. */
async function* entryChunks(
  zip: ZipFile,
  entry: Entry,
  name: string,
  label: string,
): AsyncGenerator<Buffer> {
  let length = 0;
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      length += chunk.length;
      // yauzl checks this too; stopping here keeps a lying header from running on.
      if (length > entry.uncompressedSize) {
        stream.destroy();
        break;
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ExztError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw zipError('ZIP_LIMIT', label, `entry '${name}' cannot be read: ${reason}`, error);
  }

  if (length !== entry.uncompressedSize) {
    throw zipError(
      'ZIP_LIMIT',
      label,
      `entry '${name}' declares ${entry.uncompressedSize} bytes but holds ${length > entry.uncompressedSize ? 'more' : length}`,
    );
  }
}

function zipError(
  code: 'ZIP_UNSAFE' | 'ZIP_LIMIT',
  label: string,
  message: string,
  cause?: unknown,
): ExztError {
  return new ExztError(code, `${label}: ${message}`, { cause });
}
