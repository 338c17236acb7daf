/**
 * A bundle's files are read once: the read that imports a file also takes its SHA-256, and the
 * manifest check runs on those hashes. These tests hold that path to what the two-read path
 * promised: provenance carries the file's real SHA-256, one changed byte is still caught, and a
 * zip bundle streams its entries instead of holding them.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { ExztError } from '../../src/errors.js';
import { encodeClixml } from '../../src/evidence/clixml/writer.js';
import { bool, obj, str } from '../../src/evidence/clixml/writer-values.js';
import { factOf, findSubject } from '../../src/evidence/evidence-set.js';
import { loadEvidence } from '../../src/evidence/load.js';
import { readZipTree } from '../../src/evidence/zip-tree.js';
import { makeTempDir, sampleBytes, sha256, writeBundle } from '../helpers/bundle-builder.js';
import { buildZip } from '../helpers/zip-writer.js';

const NO_OPTIONS = { use: new Map<string, string>(), allowModified: false };
const CAS_MAILBOX = ['Deserialized.Microsoft.Exchange.Data.Directory.Management.CASMailbox'];
const CAS_MEMBER = 'organization/exchange.cas-mailboxes.xml';
const SETUP_MEMBER = 'servers/EX01/exchange.setup-version.xml';

/** Enough mailboxes for several batches and several read chunks. */
function casMailboxes(count: number): Buffer {
  const objects = Array.from({ length: count }, (_, index) =>
    obj(CAS_MAILBOX, {
      props: [
        ['Identity', str(`contoso.com/Users/User${index}`)],
        ['PopEnabled', bool(index % 10 === 3)],
      ],
    }),
  );
  return encodeClixml(objects);
}

async function withBundle(test: (folder: string, cas: Buffer) => Promise<void>): Promise<void> {
  const folder = await makeTempDir();
  const cas = casMailboxes(2_500);
  try {
    await writeBundle(folder, [{ path: CAS_MEMBER, bytes: cas }, { path: SETUP_MEMBER }]);
    await test(folder, cas);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Changes one byte of a file, a letter of one mailbox's name, so it still parses. */
async function flipByte(file: string): Promise<void> {
  const bytes = await readFile(file);
  const at = bytes.indexOf(Buffer.from('User1234', 'utf16le'));
  assert.ok(at >= 0, 'the export names User1234');
  bytes[at] = 'W'.charCodeAt(0);
  await writeFile(file, bytes);
}

describe('a bundle read once', () => {
  it('records in every provenance entry the SHA-256 of the file itself', async () => {
    await withBundle(async (folder, cas) => {
      const set = await loadEvidence([folder], NO_OPTIONS);
      const mailboxes = factOf(findSubject(set, 'organization'), 'exchange.cas-mailboxes');
      assert.equal(mailboxes.provenance.length, 2_500);
      const casHashes = new Set(mailboxes.provenance.map((entry) => entry.sha256));
      assert.deepEqual([...casHashes], [sha256(cas)]);

      const setup = factOf(findSubject(set, 'server:ex01'), 'exchange.setup-version');
      const setupBytes = await sampleBytes(SETUP_MEMBER);
      assert.ok(setup.provenance.length > 0);
      for (const entry of setup.provenance) assert.equal(entry.sha256, sha256(setupBytes));

      const files = new Map(set.files.map((file) => [file.member, file]));
      assert.equal(files.get(CAS_MEMBER)?.sha256, sha256(cas));
      assert.equal(files.get(CAS_MEMBER)?.size, cas.length);
      assert.equal(files.get('manifest.json'), undefined);
      assert.equal(set.sources[0]?.integrity.verdict, 'verified');
    });
  });

  it('still refuses a bundle in which one byte of a batched export changed', async () => {
    await withBundle(async (folder) => {
      await flipByte(path.join(folder, CAS_MEMBER));
      await assert.rejects(
        loadEvidence([folder], NO_OPTIONS),
        (error: unknown) =>
          error instanceof ExztError &&
          error.code === 'INTEGRITY' &&
          /exchange\.cas-mailboxes\.xml does not match its SHA-256/.test(error.message),
      );
    });
  });

  it('names the modification, not the parse error, when a changed file no longer parses', async () => {
    await withBundle(async (folder) => {
      await writeFile(path.join(folder, SETUP_MEMBER), Buffer.from('<Objs><Obj'));
      await assert.rejects(
        loadEvidence([folder], NO_OPTIONS),
        (error: unknown) =>
          error instanceof ExztError &&
          error.code === 'INTEGRITY' &&
          /exchange\.setup-version\.xml does not match its SHA-256/.test(error.message),
      );
    });
  });

  it('with --allow-modified, notes the change on the fact and keeps the real hash', async () => {
    await withBundle(async (folder) => {
      const file = path.join(folder, CAS_MEMBER);
      await flipByte(file);
      const changed = sha256(await readFile(file));
      const set = await loadEvidence([folder], { ...NO_OPTIONS, allowModified: true });

      assert.deepEqual(set.sources[0]?.integrity.mismatched, [CAS_MEMBER]);
      const fact = factOf(findSubject(set, 'organization'), 'exchange.cas-mailboxes');
      assert.match(fact.note ?? '', /cas-mailboxes\.xml was modified after collection/);
      assert.equal(fact.provenance[0]?.sha256, changed);
    });
  });
});

describe('a zip bundle', () => {
  async function zipOf(folder: string, cas: Buffer, corrupt = false): Promise<string> {
    const manifest = await readFile(path.join(folder, 'manifest.json'));
    const setup = await sampleBytes(SETUP_MEMBER);
    const zip = path.join(folder, 'bundle.zip');
    const entries = [
      { name: 'manifest.json', data: manifest },
      { name: CAS_MEMBER, data: cas, deflate: true },
      { name: SETUP_MEMBER, data: setup, deflate: true },
    ];
    const bytes = buildZip(entries);
    // Damage the deflated CAS mailbox data past its local header: only reading it can tell.
    if (corrupt) bytes.fill(0xff, 2_000, 2_100);
    await writeFile(zip, bytes);
    return zip;
  }

  it('opens with its directory only, and streams an entry in chunks when it is read', async () => {
    await withBundle(async (folder, cas) => {
      const tree = await readZipTree('bundle.zip', await zipOf(folder, cas, true));
      try {
        const member = tree.members.find((entry) => entry.path === CAS_MEMBER);
        assert.ok(member?.open !== undefined, 'a zip member can be streamed');
        await assert.rejects(
          (async () => {
            for await (const chunk of member.open?.() ?? []) assert.ok(chunk.length > 0);
          })(),
          (error: unknown) => error instanceof ExztError && error.code === 'ZIP_LIMIT',
        );
      } finally {
        tree.close?.();
      }

      const good = await readZipTree('bundle.zip', await zipOf(folder, cas));
      try {
        const member = good.members.find((entry) => entry.path === CAS_MEMBER);
        const chunks: Uint8Array[] = [];
        for await (const chunk of member?.open?.() ?? []) chunks.push(chunk);
        assert.ok(chunks.length > 1, `${cas.length} bytes came in ${chunks.length} chunk`);
        assert.equal(sha256(Buffer.concat(chunks)), sha256(cas));
      } finally {
        good.close?.();
      }
    });
  });

  it('loads like its folder, with the same hashes in provenance', async () => {
    await withBundle(async (folder, cas) => {
      const fromFolder = await loadEvidence([folder], NO_OPTIONS);
      const fromZip = await loadEvidence([await zipOf(folder, cas)], NO_OPTIONS);
      const kind = 'exchange.cas-mailboxes';
      const viaFolder = factOf(findSubject(fromFolder, 'organization'), kind);
      const viaZip = factOf(findSubject(fromZip, 'organization'), kind);
      assert.deepEqual(viaZip.value, viaFolder.value);
      assert.equal(fromZip.sources[0]?.integrity.verdict, 'verified');
      assert.equal(viaZip.provenance[0]?.sha256, sha256(cas));
    });
  });
});
