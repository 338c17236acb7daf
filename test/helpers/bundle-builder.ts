/**
 * Writes small evidence bundles into a temporary folder for tests, from the HealthChecker corpus
 * exports (read in place, written only to the temporary folder), with a manifest that tests may
 * then break on purpose.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CORPUS_DIR } from './paths.js';

/** Bundle file name → the E19 corpus export it is made from. */
const CORPUS_SOURCES: Record<string, string> = {
  'exchange.server.xml': 'E19/Exchange/GetExchangeServer.xml',
  'exchange.setup-version.xml': 'E19/Exchange/ExSetup.xml',
  'exchange.setup-version-cu12.xml': 'E19/Exchange/ExSetup1.xml',
  'os.hotfixes.xml': 'E19/OS/GetHotFix.xml',
  'os.operating-system.xml': 'E19/OS/Win32_OperatingSystem.xml',
};

export interface BundleFileSpec {
  /** Member path, e.g. `servers/EX01/exchange.server.xml`. */
  path: string;
  /** Bytes to write; defaults to the corpus export its file name is made from. */
  bytes?: Buffer;
  /** Leave the file out of the manifest. */
  unlisted?: boolean;
}

export async function makeTempDir(prefix = 'exzt-evidence-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The corpus bytes for a bundle file name (`exchange.server.xml`) or a member path ending in one. */
export async function sampleBytes(member: string): Promise<Buffer> {
  const name = member.split('/').pop() ?? member;
  const source = CORPUS_SOURCES[name];
  if (source === undefined) throw new Error(`no corpus export for ${name}`);
  return readFile(path.join(CORPUS_DIR, source));
}

/** Writes the files and a manifest listing them; returns the manifest written. */
export async function writeBundle(
  folder: string,
  files: BundleFileSpec[],
  extra: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const entries = [];
  for (const file of files) {
    const bytes = file.bytes ?? (await sampleBytes(file.path));
    const target = path.join(folder, ...file.path.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes);
    if (file.unlisted !== true) entries.push({ path: file.path, sha256: sha256(bytes) });
  }

  const manifest = {
    schema: 'exzt-bundle/1',
    tool: 'test',
    collectedAt: '2026-11-30T09:00:00Z',
    organization: 'Contoso',
    files: entries,
    ...extra,
  };
  await writeFile(path.join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}
