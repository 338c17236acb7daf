import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, test } from 'node:test';
import { ExztError } from '../../src/errors.js';
import { factOf, findSubject } from '../../src/evidence/evidence-set.js';
import { loadEvidence } from '../../src/evidence/load.js';
import {
  makeTempDir,
  sampleBytes,
  writeBundle,
  type BundleFileSpec,
} from '../helpers/bundle-builder.js';

const NO_OPTIONS = { use: new Map<string, string>(), allowModified: false };
const SERVER = [
  'servers/SOLO-E19A/exchange.server.xml',
  'servers/SOLO-E19A/exchange.setup-version.xml',
];
const temporary: string[] = [];

after(async () => {
  for (const folder of temporary) await rm(folder, { recursive: true, force: true });
});

async function bundle(
  files: BundleFileSpec[] = SERVER.map((p) => ({ path: p })),
  extra = {},
): Promise<string> {
  const folder = await makeTempDir();
  temporary.push(folder);
  await writeBundle(folder, files, extra);
  return folder;
}

function assertExztError(code: string, pattern: RegExp) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof ExztError, String(error));
    assert.equal(error.code, code);
    assert.match(error.describe(), pattern);
    return true;
  };
}

test('a bundle folder loads with verified integrity, manifest times and commands', async () => {
  const folder = await bundle();
  const set = await loadEvidence([folder], NO_OPTIONS);

  assert.equal(set.sources[0]?.integrity.verdict, 'verified');
  assert.equal(set.collectedAt, '2026-11-30T09:00:00Z');
  const fact = factOf(findSubject(set, 'server:solo-e19a'), 'exchange.setup-version');
  assert.equal(fact.status, 'observed');
  assert.equal(fact.provenance[0]?.collectedAt, '2026-11-30T09:00:00Z');
  assert.equal(fact.provenance[0]?.member, 'servers/SOLO-E19A/exchange.setup-version.xml');
});

test('a file that does not match its manifest hash is an INTEGRITY error naming it', async () => {
  const folder = await bundle();
  await writeFile(
    path.join(folder, 'servers/SOLO-E19A/exchange.server.xml'),
    Buffer.from('<Objs/>'),
  );

  await assert.rejects(
    loadEvidence([folder], NO_OPTIONS),
    assertExztError(
      'INTEGRITY',
      /servers\/SOLO-E19A\/exchange\.server\.xml does not match its SHA-256/,
    ),
  );
});

test('--allow-modified turns the mismatch into a loud warning and a note on the fact', async () => {
  const folder = await bundle();
  const original = await sampleBytes('servers/SOLO-E19A/exchange.server.xml');
  await writeFile(
    path.join(folder, 'servers/SOLO-E19A/exchange.server.xml'),
    Buffer.concat([original, Buffer.from('\n')]),
  );

  const set = await loadEvidence([folder], { use: new Map(), allowModified: true });
  assert.equal(set.sources[0]?.integrity.verdict, 'modified');
  assert.deepEqual(set.sources[0]?.integrity.mismatched, ['servers/SOLO-E19A/exchange.server.xml']);
  assert.match(set.warnings.join('\n'), /INTEGRITY.*exchange\.server\.xml/);
  const fact = factOf(findSubject(set, 'server:solo-e19a'), 'exchange.server');
  assert.match(fact.note ?? '', /modified after collection/);
});

test('a listed file missing from the bundle is an INTEGRITY error', async () => {
  const folder = await bundle();
  await rm(path.join(folder, 'servers/SOLO-E19A/exchange.setup-version.xml'));

  await assert.rejects(
    loadEvidence([folder], NO_OPTIONS),
    assertExztError(
      'INTEGRITY',
      /exchange\.setup-version\.xml is listed in manifest\.json but missing/,
    ),
  );
});

test('with --allow-modified a listed file missing from the bundle is in the file list as missing', async () => {
  const folder = await bundle();
  const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')) as {
    files: Array<{ path: string; sha256: string }>;
  };
  await rm(path.join(folder, 'servers/SOLO-E19A/exchange.setup-version.xml'));
  const set = await loadEvidence([folder], { ...NO_OPTIONS, allowModified: true });

  assert.deepEqual(
    set.files.filter((file) => file.status === 'missing'),
    [
      {
        source: folder,
        member: 'servers/SOLO-E19A/exchange.setup-version.xml',
        sha256: manifest.files.find((entry) => entry.path.endsWith('setup-version.xml'))?.sha256,
        size: 0,
        status: 'missing',
        kind: 'exchange.setup-version',
        subject: 'server:solo-e19a',
        note: 'listed in manifest.json but absent from the bundle',
      },
    ],
  );
  assert.deepEqual(set.sources[0]?.integrity.missing, [
    'servers/SOLO-E19A/exchange.setup-version.xml',
  ]);
  const fact = factOf(findSubject(set, 'server:solo-e19a'), 'exchange.setup-version');
  assert.equal(fact.status, 'not-collected');
});

test('a file the manifest does not list is a warning, and still read', async () => {
  const folder = await bundle([
    ...SERVER.map((p) => ({ path: p })),
    { path: 'servers/SOLO-E19A/os.hotfixes.xml', unlisted: true },
  ]);
  const set = await loadEvidence([folder], NO_OPTIONS);

  assert.deepEqual(set.sources[0]?.integrity.unlisted, ['servers/SOLO-E19A/os.hotfixes.xml']);
  assert.match(set.warnings.join('\n'), /os\.hotfixes\.xml is not listed/);
  assert.equal(factOf(findSubject(set, 'server:solo-e19a'), 'os.hotfixes').status, 'observed');
});

test('manifest failures give their kinds the status collection-failed with the error', async () => {
  const failures = [
    { subject: 'SOLO-E19A', kind: 'os.hotfixes', command: 'Get-HotFix', error: 'Access is denied' },
  ];
  const folder = await bundle(undefined, { failures });
  const set = await loadEvidence([folder], NO_OPTIONS);

  const fact = factOf(findSubject(set, 'server:solo-e19a'), 'os.hotfixes');
  assert.equal(fact.status, 'collection-failed');
  assert.match(fact.note ?? '', /Get-HotFix failed: Access is denied/);
});

test('two different files of one kind for one server from two sources conflict, naming both', async () => {
  const first = await bundle();
  const second = await bundle([
    {
      path: 'servers/SOLO-E19A/exchange.setup-version.xml',
      bytes: await sampleBytes('exchange.setup-version-cu12.xml'),
    },
  ]);
  const set = await loadEvidence([first, second], NO_OPTIONS);

  const fact = factOf(findSubject(set, 'server:solo-e19a'), 'exchange.setup-version');
  assert.equal(fact.status, 'conflicting');
  assert.equal(fact.value, undefined);
  assert.ok(fact.note?.includes(first) && fact.note.includes(second), fact.note);
  assert.equal(set.files.filter((file) => file.status === 'conflict').length, 2);
});

test('the same file from two sources is read once, not a conflict', async () => {
  const set = await loadEvidence([await bundle(), await bundle()], NO_OPTIONS);
  assert.equal(factOf(findSubject(set, 'server:solo-e19a'), 'exchange.server').status, 'observed');
});

test('manifest.json that is not JSON is a MANIFEST error with line and column', async () => {
  const folder = await bundle();
  await writeFile(
    path.join(folder, 'manifest.json'),
    '{\n  "schema": "exzt-bundle/1",\n  "files": [,]\n}\n',
  );

  await assert.rejects(
    loadEvidence([folder], NO_OPTIONS),
    assertExztError('MANIFEST', /manifest\.json:3:13: .*not valid JSON/),
  );
});

test('a manifest entry with a malformed hash is a MANIFEST error at that value', async () => {
  const folder = await bundle();
  const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8'));
  manifest.files[1].sha256 = 'abc';
  await writeFile(path.join(folder, 'manifest.json'), JSON.stringify(manifest, null, 2));

  await assert.rejects(
    loadEvidence([folder], NO_OPTIONS),
    assertExztError('MANIFEST', /manifest\.json:\d+:\d+: .*files\[1\]\.sha256 must be 64/),
  );
});

test('a folder that is neither a bundle nor HealthChecker layout is an INPUT error', async () => {
  const folder = await makeTempDir();
  temporary.push(folder);
  await writeFile(path.join(folder, 'notes.txt'), 'hello');

  await assert.rejects(
    loadEvidence([folder], NO_OPTIONS),
    assertExztError('INPUT', /neither an evidence bundle/),
  );
});

test('a server folder whose Get-ExchangeServer names another server is loaded with a warning', async () => {
  const renamed = await bundle([{ path: 'servers/EX01/exchange.server.xml' }]);
  const set = await loadEvidence([renamed], NO_OPTIONS);
  const [warning, ...others] = set.warnings.filter((text) => text.includes('filed under'));
  assert.equal(others.length, 0);
  assert.equal(
    warning,
    `${renamed}: servers/EX01/exchange.server.xml names the server 'SOLO-E19A', but it is filed ` +
      `under 'EX01' (its folder's name); every fact of EX01 may be about SOLO-E19A: was the ` +
      'folder renamed or copied?',
  );
  // The folder's name decides where the evidence is filed; the warning does not move it.
  assert.equal(findSubject(set, 'server:ex01')?.subject.name, 'EX01');

  for (const folderName of ['SOLO-E19A', 'solo-e19a', 'solo-e19a.contoso.local']) {
    const named = await bundle([{ path: `servers/${folderName}/exchange.server.xml` }]);
    const loaded = await loadEvidence([named], NO_OPTIONS);
    assert.deepEqual(
      loaded.warnings.filter((text) => text.includes('filed under')),
      [],
      folderName,
    );
  }
});
