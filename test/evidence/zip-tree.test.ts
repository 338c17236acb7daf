import assert from 'node:assert/strict';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, test } from 'node:test';
import { ExztError } from '../../src/errors.js';
import { factOf, findSubject } from '../../src/evidence/evidence-set.js';
import { loadEvidence } from '../../src/evidence/load.js';
import { fromCp437, safeEntryName } from '../../src/evidence/zip-tree.js';
import { makeTempDir, sampleBytes, sha256 } from '../helpers/bundle-builder.js';
import { buildZip, type ZipEntrySpec } from '../helpers/zip-writer.js';

const NO_OPTIONS = { use: new Map<string, string>(), allowModified: false };
const temporary: string[] = [];

after(async () => {
  for (const folder of temporary) await rm(folder, { recursive: true, force: true });
});

async function goodEntries(prefix = ''): Promise<ZipEntrySpec[]> {
  const member = 'servers/SOLO-E19A/exchange.setup-version.xml';
  const bytes = await sampleBytes(member);
  const manifest = { schema: 'exzt-bundle/1', files: [{ path: member, sha256: sha256(bytes) }] };
  return [
    { name: `${prefix}manifest.json`, data: Buffer.from(JSON.stringify(manifest)) },
    { name: `${prefix}${member}`, data: bytes, deflate: true },
  ];
}

/** Writes the zip into a fresh folder; returns its path and the folder. */
async function writeZip(entries: ZipEntrySpec[]): Promise<{ zip: string; folder: string }> {
  const folder = await makeTempDir('exzt-zip-');
  temporary.push(folder);
  const zip = path.join(folder, 'bundle.zip');
  await writeFile(zip, buildZip(entries));
  return { zip, folder };
}

async function assertRefused(
  entries: ZipEntrySpec[],
  code: string,
  pattern: RegExp,
): Promise<void> {
  const { zip, folder } = await writeZip(entries);
  await assert.rejects(loadEvidence([zip], NO_OPTIONS), (error: unknown) => {
    assert.ok(error instanceof ExztError, String(error));
    assert.equal(error.code, code);
    assert.match(error.message, pattern);
    assert.ok(error.message.includes(zip), 'the error names the zip');
    return true;
  });
  assert.deepEqual(await readdir(folder), ['bundle.zip'], 'nothing is written beside the zip');
  await assert.rejects(readFile(path.join(folder, '..', 'escaped.txt')));
}

test('a good zip loads like the folder, also with the bundle in one top folder', async () => {
  for (const prefix of ['', 'bundle-2026-11-30/']) {
    const { zip } = await writeZip(await goodEntries(prefix));
    const set = await loadEvidence([zip], NO_OPTIONS);

    assert.equal(set.sources[0]?.type, 'bundle-zip');
    assert.equal(set.sources[0]?.integrity.verdict, 'verified');
    assert.equal(
      factOf(findSubject(set, 'server:solo-e19a'), 'exchange.setup-version').value?.fileVersion,
      '15.2.986.5',
    );
  }
});

const UNSAFE_NAMES: [string, RegExp][] = [
  ['../escaped.txt', /'\.\.' segment/],
  ['servers/../../escaped.txt', /'\.\.' segment/],
  ['/etc/escaped.txt', /absolute path/],
  ['C:/Windows/escaped.txt', /drive letter/],
  ['servers\\..\\escaped.txt', /backslash/],
];

for (const [name, reason] of UNSAFE_NAMES) {
  test(`an entry named ${name} is refused as unsafe`, async () => {
    const entries = [...(await goodEntries()), { name, data: Buffer.from('x') }];
    await assertRefused(
      entries,
      'ZIP_UNSAFE',
      new RegExp(`entry '${name.replace(/[.\\]/g, '\\$&')}' .*${reason.source}`),
    );
  });
}

test('an entry that expands more than 200:1 is refused as a zip bomb', async () => {
  const entries = [
    ...(await goodEntries()),
    { name: 'servers/SOLO-E19A/os.hotfixes.xml', data: Buffer.alloc(8 * 1024 ** 2), deflate: true },
  ];
  await assertRefused(
    entries,
    'ZIP_LIMIT',
    /entry 'servers\/SOLO-E19A\/os\.hotfixes\.xml' expands \d+:1 .*zip bomb/,
  );
});

test('more than 20,000 entries are refused before any is read', async () => {
  const entries = Array.from({ length: 20_001 }, (_, i) => ({
    name: `f/${i}.txt`,
    data: Buffer.alloc(0),
  }));
  await assertRefused(entries, 'ZIP_LIMIT', /20001 entries, more than the limit of 20000/);
});

test('a deflated entry whose declared size is not its actual size is refused', async () => {
  const data = Buffer.from('hello world, hello world');
  const entries = [
    ...(await goodEntries()),
    { name: 'servers/SOLO-E19A/os.hotfixes.xml', data, deflate: true, declaredSize: 5 },
  ];
  await assertRefused(entries, 'ZIP_LIMIT', /entry 'servers\/SOLO-E19A\/os\.hotfixes\.xml' /);
});

test('a stored entry whose sizes disagree is refused', async () => {
  const entries = [
    ...(await goodEntries()),
    {
      name: 'servers/SOLO-E19A/os.hotfixes.xml',
      data: Buffer.from('hello world'),
      declaredSize: 5,
    },
  ];
  await assertRefused(entries, 'ZIP_LIMIT', /size mismatch/);
});

test('a symbolic link entry is refused', async () => {
  const entries = [
    ...(await goodEntries()),
    { name: 'servers/SOLO-E19A/link', data: Buffer.from('/etc/passwd'), unixMode: 0o120777 },
  ];
  await assertRefused(entries, 'ZIP_UNSAFE', /symbolic link/);
});

test('a file that is not a zip is an INPUT error', async () => {
  const folder = await makeTempDir();
  temporary.push(folder);
  const zip = path.join(folder, 'broken.zip');
  await writeFile(zip, 'not a zip');
  await assert.rejects(loadEvidence([zip], NO_OPTIONS), { code: 'INPUT' });
});

test('entry names without the UTF-8 flag are read as CP437, with it as UTF-8', () => {
  const entry = (fileName: Buffer, flag: number) =>
    ({ fileName, generalPurposeBitFlag: flag }) as unknown as Parameters<typeof safeEntryName>[0];
  // "servers/Zürich-EX01/x.xml" as Windows' zip tools write it on a US machine: ü is 0x81.
  const cp437 = Buffer.from('servers/Z\x81rich-EX01/x.xml', 'latin1');
  assert.equal(safeEntryName(entry(cp437, 0), 'b.zip'), 'servers/Zürich-EX01/x.xml');
  const utf8 = Buffer.from('servers/Zürich-EX01/x.xml', 'utf8');
  assert.equal(safeEntryName(entry(utf8, 0x800), 'b.zip'), 'servers/Zürich-EX01/x.xml');
  // The whole upper half maps one byte to one character; a few known points.
  const all = fromCp437(Buffer.from(Array.from({ length: 256 }, (_, byte) => byte)));
  assert.equal([...all].length, 256);
  assert.equal(
    all.slice(0, 128),
    Buffer.from(Array.from({ length: 128 }, (_, b) => b)).toString('latin1'),
  );
  assert.deepEqual(
    [0x80, 0x9a, 0xa5, 0xb3, 0xe1, 0xfd, 0xff].map((byte) => all[byte]),
    ['Ç', 'Ü', 'Ñ', '│', 'ß', '²', '\u00a0'],
  );
});
