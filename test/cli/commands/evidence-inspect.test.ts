import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, test } from 'node:test';
import { makeTempDir } from '../../helpers/bundle-builder.js';
import { CORPUS_DIR, REPO_ROOT } from '../../helpers/paths.js';
import { buildZip } from '../../helpers/zip-writer.js';

const E19 = path.join(CORPUS_DIR, 'E19');
const temporary: string[] = [];

after(async () => {
  for (const folder of temporary) await rm(folder, { recursive: true, force: true });
});

function exzt(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/exzt.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('inspect E19 as text: the server, provenance, alternates, and kinds not collected', () => {
  const { code, stdout } = exzt('evidence', 'inspect', E19);

  assert.equal(code, 0);
  assert.match(stdout, /^Server SOLO-E19A \(server:solo-e19a\)$/m);
  assert.match(
    stdout,
    /^ {2}exchange\.setup-version +observed {2}Exchange\/ExSetup\.xml {2}sha256 3c92aadf5864 /m,
  );
  assert.match(stdout, /^ {2}Exchange\/ExSetup1\.xml: alternate of Exchange\/ExSetup\.xml$/m);
  assert.match(stdout, /not collected \(\d+\): .*exchange\.installed-updates/);
  assert.match(stdout, /integrity not checked \(no manifest\)/);
});

test('inspect E19 as JSON with --use: the alternate is imported and typed values are shown', () => {
  const { code, stdout } = exzt(
    'evidence',
    'inspect',
    E19,
    '--use',
    'ExSetup.xml=ExSetup1.xml',
    '--format',
    'json',
  );

  assert.equal(code, 0);
  const report = JSON.parse(stdout);
  const server = report.subjects.find(
    (s: { subject: { key: string } }) => s.subject.key === 'server:solo-e19a',
  );
  const setup = server.kinds.find((k: { kind: string }) => k.kind === 'exchange.setup-version');
  assert.deepEqual(setup.value, { fileVersion: '15.2.1118.25' });
  assert.equal(setup.provenance.at(-1).objectPath, 'Objs[0].MS.FileVersionRaw');
});

test('an unsafe zip exits 2 with the error on stderr and nothing on stdout', async () => {
  const folder = await makeTempDir();
  temporary.push(folder);
  const zip = path.join(folder, 'evil.zip');
  await writeFile(zip, buildZip([{ name: '../evil.txt', data: Buffer.from('x') }]));

  const { code, stdout, stderr } = exzt('evidence', 'inspect', zip);
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assert.match(stderr, /evil\.zip: entry '\.\.\/evil\.txt' has a '\.\.' segment/);
});

test('a zip bomb exits 2', async () => {
  const folder = await makeTempDir();
  temporary.push(folder);
  const zip = path.join(folder, 'bomb.zip');
  await writeFile(
    zip,
    buildZip([{ name: 'big.xml', data: Buffer.alloc(4 * 1024 ** 2), deflate: true }]),
  );

  const { code, stderr } = exzt('evidence', 'inspect', zip);
  assert.equal(code, 2);
  assert.match(stderr, /zip bomb/);
});

test('a malformed --use and a missing path exit 2', () => {
  assert.equal(exzt('evidence', 'inspect', E19, '--use', 'ExSetup.xml').code, 2);
  const missing = exzt('evidence', 'inspect', path.join(CORPUS_DIR, 'nope'));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no such file or folder/);
});
