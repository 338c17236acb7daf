/**
 * Writes Get-Mailbox-style Export-Clixml files for the reader benchmark into bench/data/: a small
 * set (about 100 MB per file) and a large one (about 1 GB per file), each in UTF-8 without BOM
 * (PowerShell 7) and UTF-16 LE with BOM (Windows PowerShell 5.1). Streams: no file is ever held
 * in memory. Usage: node dist/bench/clixml/generate.js [--only small|large] [--force]
 */
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXPORT_FOOTER, EXPORT_HEADER, mailboxXml, REF_IDS_PER_MAILBOX } from './mailbox-export.js';

/** The repository root, found from this compiled file (dist/bench/clixml/generate.js). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const BENCH_DATA_DIR = path.join(REPO_ROOT, 'bench', 'data');
export const MANIFEST_PATH = path.join(BENCH_DATA_DIR, 'clixml-manifest.json');

export type BenchEncoding = 'utf-8' | 'utf-16le';

export interface GeneratedFile {
  file: string;
  set: 'small' | 'large';
  encoding: BenchEncoding;
  objects: number;
  bytes: number;
}

interface FilePlan {
  set: 'small' | 'large';
  encoding: BenchEncoding;
  /** Stop after this many objects, or once the file reaches this many bytes. */
  objects?: number;
  bytes?: number;
}

// Sizes are set in bytes, as the targets are (100 MB and 1 GB). A realistic mailbox with ~60
// members is ~3.8 KB in UTF-8, so only the large files reach 100,000 objects.
const PLANS: FilePlan[] = [
  { set: 'small', encoding: 'utf-8', bytes: 100_000_000 },
  { set: 'small', encoding: 'utf-16le', bytes: 100_000_000 },
  { set: 'large', encoding: 'utf-8', bytes: 1_000_000_000 },
  { set: 'large', encoding: 'utf-16le', bytes: 1_000_000_000 },
];

const BATCH_CHARS = 1 << 20;

function fileNameOf(plan: FilePlan): string {
  return `get-mailbox-${plan.set}.${plan.encoding === 'utf-8' ? 'utf8' : 'utf16le'}.xml`;
}

function encode(text: string, encoding: BenchEncoding): Buffer {
  return Buffer.from(text, encoding === 'utf-8' ? 'utf8' : 'utf16le');
}

async function writeExport(plan: FilePlan): Promise<GeneratedFile> {
  const file = path.join(BENCH_DATA_DIR, fileNameOf(plan));
  const out = createWriteStream(file);
  let bytes = 0;
  const write = async (text: string): Promise<void> => {
    const chunk = encode(text, plan.encoding);
    bytes += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  };

  if (plan.encoding === 'utf-16le') {
    out.write(Buffer.from([0xff, 0xfe]));
    bytes += 2;
  }
  await write(EXPORT_HEADER);
  const objects = await writeMailboxes(plan, write, () => bytes);
  await write(EXPORT_FOOTER);
  out.end();
  await once(out, 'finish');
  return {
    file: path.relative(REPO_ROOT, file),
    set: plan.set,
    encoding: plan.encoding,
    objects,
    bytes,
  };
}

async function writeMailboxes(
  plan: FilePlan,
  write: (text: string) => Promise<void>,
  written: () => number,
): Promise<number> {
  let index = 0;
  let batch = '';
  const more = (): boolean =>
    plan.objects !== undefined
      ? index < plan.objects
      : written() + batch.length * (plan.encoding === 'utf-8' ? 1 : 2) < plan.bytes!;
  while (more()) {
    batch += mailboxXml(index, index * REF_IDS_PER_MAILBOX);
    index++;
    if (batch.length >= BATCH_CHARS) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch);
  return index;
}

/** The manifest entries whose files still exist with the size recorded. */
export function readManifest(): GeneratedFile[] {
  if (!existsSync(MANIFEST_PATH)) return [];

  const entries = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as GeneratedFile[];
  return entries.filter((entry) => {
    const file = path.join(REPO_ROOT, entry.file);
    return existsSync(file) && statSync(file).size === entry.bytes;
  });
}

/** Writes the files of the selected sets that are missing (all of them with `force`). */
export async function ensureBenchData(
  options: { only?: string; force?: boolean } = {},
): Promise<GeneratedFile[]> {
  const existing = options.force === true ? [] : readManifest();
  mkdirSync(BENCH_DATA_DIR, { recursive: true });

  const results: GeneratedFile[] = [];
  for (const plan of PLANS) {
    const kept = existing.find(
      (entry) => entry.set === plan.set && entry.encoding === plan.encoding,
    );
    const wanted = options.only === undefined || plan.set === options.only;
    if (!wanted && kept !== undefined) results.push(kept);
    if (!wanted) continue;

    const result = kept ?? (await writeExport(plan));
    console.error(
      `${kept ? 'kept' : 'wrote'} ${result.file}: ${result.objects} objects, ${(result.bytes / 1e6).toFixed(1)} MB`,
    );
    results.push(result);
    writeFileSync(MANIFEST_PATH, `${JSON.stringify(results, null, 2)}\n`);
  }
  return results;
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const onlyAt = process.argv.indexOf('--only');
  await ensureBenchData({
    only: onlyAt === -1 ? undefined : process.argv[onlyAt + 1],
    force: process.argv.includes('--force'),
  });
}
