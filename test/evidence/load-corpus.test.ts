import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { ExztError } from '../../src/errors.js';
import { factOf, findSubject } from '../../src/evidence/evidence-set.js';
import { loadEvidence } from '../../src/evidence/load.js';
import { CORPUS_DIR } from '../helpers/paths.js';

const E19 = path.join(CORPUS_DIR, 'E19');
const E16 = path.join(CORPUS_DIR, 'E16');
const NO_OPTIONS = { use: new Map<string, string>(), allowModified: false };

for (const [folder, name, build] of [
  [E19, 'SOLO-E19A', '15.2.986.5'],
  [E16, 'SOLO-E16A', '15.1.2375.7'],
] as const) {
  test(`${path.basename(folder)} loads as one server, ${name}, with every file recognised`, async () => {
    const set = await loadEvidence([folder], NO_OPTIONS);

    const servers = set.subjects.filter((subject) => subject.subject.type === 'server');
    assert.deepEqual(
      servers.map((server) => server.subject.name),
      [name],
    );
    assert.deepEqual(
      set.files.filter((file) => file.status === 'unrecognised'),
      [],
    );
    assert.deepEqual(set.warnings, []);
    const server = findSubject(set, `server:${name.toLowerCase()}`);
    assert.equal(factOf(server, 'exchange.setup-version').value?.fileVersion, build);
    assert.equal(factOf(server, 'exchange.server').value?.name, name);
  });
}

test('E19 alternates are listed as not imported and never merged', async () => {
  const set = await loadEvidence([E19], NO_OPTIONS);

  const exSetup1 = set.files.find((file) => file.member === 'Exchange/ExSetup1.xml');
  assert.equal(exSetup1?.status, 'not-imported-alternate');
  assert.equal(exSetup1?.alternateOf, 'Exchange/ExSetup.xml');
  const alternates = set.files.filter((file) => file.status === 'not-imported-alternate');
  assert.equal(alternates.length, 44);
  const server = findSubject(set, 'server:solo-e19a');
  const setup = server?.kinds.find((kind) => kind.kind === 'exchange.setup-version');
  assert.deepEqual(
    setup?.files.map((file) => file.member),
    ['Exchange/ExSetup.xml'],
  );
});

test('--use ExSetup.xml=ExSetup1.xml swaps the alternate in and changes the build', async () => {
  const use = new Map([['ExSetup.xml', 'ExSetup1.xml']]);
  const set = await loadEvidence([E19], { use, allowModified: false });

  const server = findSubject(set, 'server:solo-e19a');
  assert.equal(factOf(server, 'exchange.setup-version').value?.fileVersion, '15.2.1118.25');
  const canonical = set.files.find((file) => file.member === 'Exchange/ExSetup.xml');
  assert.equal(canonical?.status, 'not-imported-replaced');
  const alternate = set.files.find((file) => file.member === 'Exchange/ExSetup1.xml');
  assert.equal(alternate?.status, 'imported');
});

test('--use compares case-insensitively and takes a folder on the left', async () => {
  const use = new Map([['os/getalltlssettings.XML', 'GETALLTLSSETTINGS1.xml']]);
  const set = await loadEvidence([E19], { use, allowModified: false });

  const tls = findSubject(set, 'server:solo-e19a')?.kinds.find(
    (kind) => kind.kind === 'os.tls-settings',
  );
  assert.equal(tls?.files[0]?.member, 'OS/GetAllTlsSettings1.xml');
});

test('--use naming an alternate that does not exist is an error naming the folder', async () => {
  const use = new Map([['ExSetup.xml', 'ExSetup9.xml']]);
  await assert.rejects(loadEvidence([E19], { use, allowModified: false }), (error: unknown) => {
    assert.ok(error instanceof ExztError);
    assert.equal(error.code, 'INPUT');
    assert.match(error.message, /E19 has no Exchange\/ExSetup9\.xml/);
    return true;
  });
});

test('--use with a name that is no canonical file is a usage error', async () => {
  const use = new Map([['Nonsense.xml', 'ExSetup1.xml']]);
  await assert.rejects(loadEvidence([E19], { use, allowModified: false }), { code: 'USAGE' });
});

test('provenance of AdminDisplayVersion names file, sha256, line:column and object path', async () => {
  const set = await loadEvidence([E19], NO_OPTIONS);

  const fact = factOf(findSubject(set, 'server:solo-e19a'), 'exchange.server');
  assert.equal(fact.status, 'observed');
  assert.equal(fact.value?.adminDisplayVersion, 'Version 15.2 (Build 986.5)');
  const provenance = fact.provenance.find(
    (p) => p.objectPath === 'Objs[0].Props.AdminDisplayVersion',
  );
  const bytes = await readFile(path.join(E19, 'Exchange/GetExchangeServer.xml'));
  assert.deepEqual(
    { member: provenance?.member, line: provenance?.line, column: provenance?.column },
    { member: 'Exchange/GetExchangeServer.xml', line: 123, column: 7 },
  );
  assert.equal(provenance?.sha256, createHash('sha256').update(bytes).digest('hex'));
  assert.equal(provenance?.source, E19);
  assert.equal(provenance?.command, 'Get-ExchangeServer -Identity $env:COMPUTERNAME -Status');
  assert.equal(
    bytes.subarray(provenance?.offset ?? 0).toString('utf8', 0, 30),
    '<Obj N="AdminDisplayVersion" R',
  );
});

test('the corpus parent folder holds both servers; their differing organisations conflict', async () => {
  const set = await loadEvidence([CORPUS_DIR], NO_OPTIONS);

  const keys = set.subjects.map((subject) => subject.subject.key);
  assert.deepEqual(keys, ['organization', 'server:solo-e16a', 'server:solo-e19a']);
  const org = findSubject(set, 'organization');
  const config = org?.kinds.find((kind) => kind.kind === 'exchange.organization-config');
  assert.equal(config?.status, 'conflicting');
  assert.match(
    config?.note ?? '',
    /E16\/Exchange\/GetOrganizationConfig\.xml and .*E19\/Exchange\/GetOrganizationConfig\.xml/,
  );
  assert.equal(factOf(org, 'exchange.server').status, 'not-collected');
  const shared = set.files.find((file) => file.member === 'Shared/E19CU11AdminDisplayVersion.xml');
  assert.equal(shared?.status, 'unrecognised');
});

test('typed importers read the E19 reboot, hotfix and OS exports', async () => {
  const set = await loadEvidence([E19], NO_OPTIONS);
  const server = findSubject(set, 'server:solo-e19a');

  assert.equal(factOf(server, 'os.reboot-pending').value?.pendingReboot, false);
  const hotFixes = factOf(server, 'os.hotfixes').value ?? [];
  assert.deepEqual(hotFixes[0], {
    hotFixId: 'KB4486153',
    description: 'Update',
    installedOn: '2020-02-27',
  });
  assert.equal(
    factOf(server, 'os.operating-system').value?.lastBootUpTime,
    '2021-09-29T11:59:07.020-07:00',
  );
  assert.equal(factOf(server, 'exchange.installed-updates').status, 'not-collected');
});

test('loose files are recognised by type name and named by their Get-ExchangeServer export', async () => {
  const files = [
    'Exchange/GetExchangeServer.xml',
    'Exchange/ExSetup1.xml',
    'OS/Win32_OperatingSystem.xml',
  ];
  const set = await loadEvidence(
    files.map((file) => path.join(E19, file)),
    NO_OPTIONS,
  );

  const server = findSubject(set, 'server:solo-e19a');
  assert.equal(factOf(server, 'exchange.setup-version').value?.fileVersion, '15.2.1118.25');
  assert.equal(factOf(server, 'os.operating-system').value?.buildNumber, '17763');
  assert.ok(set.sources.every((source) => source.type === 'loose-file'));
});

test('loose files are streamed, not held: recognised by their first object, hashed as read', async () => {
  const files = ['Exchange/GetExchangeServer.xml', 'Exchange/ExSetup1.xml'].map((file) =>
    path.join(E19, file),
  );
  const { readLooseFiles } = await import('../../src/evidence/loose-source.js');
  const result = await readLooseFiles(files, files);
  const [serverExport, setup] = result.candidates;
  // The server's own export is small and parsed early (it names the server); the other is not.
  assert.ok(serverExport?.raw !== undefined);
  assert.equal(setup?.kind?.id, 'exchange.setup-version');
  assert.equal(setup?.bytes, undefined);
  assert.equal(setup?.raw, undefined);

  const set = await loadEvidence(files, NO_OPTIONS);
  const bytes = await readFile(files[1]!);
  const listed = set.files.find((file) => file.source === files[1]);
  assert.equal(listed?.sha256, createHash('sha256').update(bytes).digest('hex'));
  assert.equal(listed?.size, bytes.length);
});

test('a loose file no kind claims is read through: hashed, and refused when broken past its first object', async () => {
  const header = `<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">\n`;
  const first =
    '  <Obj RefId="0"><TN RefId="0"><T>Deserialized.Some.Unknown.Type</T></TN><Props><S N="Name">a</S></Props></Obj>\n';
  const { mkdtemp, rm, writeFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const folder = await mkdtemp(path.join(tmpdir(), 'exzt-loose-'));
  try {
    const whole = path.join(folder, 'unknown.xml');
    const broken = path.join(folder, 'broken.xml');
    await writeFile(whole, `${header}${first}</Objs>\n`);
    await writeFile(
      broken,
      `${header}${first}  <Obj RefId="1"><TNRef RefId="0" /><Props><S N="Name">b`,
    );

    const set = await loadEvidence([whole], NO_OPTIONS);
    const listed = set.files.find((file) => file.source === whole);
    assert.equal(listed?.status, 'unrecognised');
    assert.equal(
      listed?.sha256,
      createHash('sha256')
        .update(await readFile(whole))
        .digest('hex'),
    );

    await assert.rejects(loadEvidence([broken], NO_OPTIONS), (error: unknown) => {
      assert.ok(error instanceof ExztError);
      assert.match(error.message, /unexpected end of file/);
      assert.equal(error.position?.file, broken);
      assert.equal(error.position?.line, 3);
      return true;
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
