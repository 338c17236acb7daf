/**
 * A bundle imported on the pool of worker threads gives what the main thread's import gives:
 * the same values, the same provenance, the file's SHA-256, for every kind of the sample bundle;
 * its errors keep their code and position, and a changed byte is still an INTEGRITY error, raised
 * as soon as that file has been read.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { ExztError } from '../../src/errors.js';
import { encodeClixml } from '../../src/evidence/clixml/writer.js';
import { bool, obj, str } from '../../src/evidence/clixml/writer-values.js';
import { factOf, findSubject, type EvidenceSet } from '../../src/evidence/evidence-set.js';
import { loadEvidence } from '../../src/evidence/load.js';
import { IMPORT_WORKER } from '../../src/evidence/worker-import.js';
import { makeTempDir, sha256, writeBundle } from '../helpers/bundle-builder.js';

const NO_OPTIONS = { use: new Map<string, string>(), allowModified: false };
const CAS_MAILBOX = ['Deserialized.Microsoft.Exchange.Data.Directory.Management.CASMailbox'];
const CAS_MEMBER = 'organization/exchange.cas-mailboxes.xml';
const SAMPLE_BUNDLE = path.resolve('examples/contoso/bundle');

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

/** Loads `folder` once on the main thread, once with every list export on a worker. */
async function loadBothWays(folder: string): Promise<{ main: EvidenceSet; worker: EvidenceSet }> {
  const main = await loadEvidence([folder], NO_OPTIONS);
  IMPORT_WORKER.minBytes = 0;
  try {
    return { main, worker: await loadEvidence([folder], NO_OPTIONS) };
  } finally {
    IMPORT_WORKER.minBytes = DEFAULT_MIN_BYTES;
  }
}

const DEFAULT_MIN_BYTES = IMPORT_WORKER.minBytes;
let folder = '';
let cas: Buffer = Buffer.alloc(0);

before(async () => {
  folder = await makeTempDir();
  cas = casMailboxes(2_345);
  await writeBundle(folder, [{ path: CAS_MEMBER, bytes: cas }]);
});
after(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('a list export imported on a worker thread', () => {
  it('gives the value and provenance of the main thread, with the file hash', async () => {
    const { main, worker } = await loadBothWays(folder);
    const onMain = factOf(findSubject(main, 'organization'), 'exchange.cas-mailboxes');
    const onWorker = factOf(findSubject(worker, 'organization'), 'exchange.cas-mailboxes');
    assert.equal(onWorker.provenance.length, 2_345);
    assert.deepEqual(onWorker, onMain);
    assert.equal(onWorker.provenance[2_344]?.sha256, sha256(cas));
    assert.deepEqual(worker.files, main.files);
  });

  it('resolves a Ref thousands of objects back, on a worker and on the main thread', async () => {
    // The first and last mailboxes share one object: written once, then as a Ref 2,999 objects
    // later, past the reader's window of 1,000; the Refs are counted from the file first.
    const shared = obj(['System.RuntimeType'], { toStringText: 'shared' });
    const objects = Array.from({ length: 3_000 }, (_, index) =>
      obj(CAS_MAILBOX, {
        props: [
          ['Identity', str(`contoso.com/Users/User${index}`)],
          ['PopEnabled', bool(false)],
        ],
        ...(index === 0 || index === 2_999 ? { ms: [['Shared', shared] as const] } : {}),
      }),
    );
    const bytes = encodeClixml(objects);
    assert.match(bytes.toString('utf16le'), /<Ref N="Shared" RefId="1" \/>/);
    const far = await makeTempDir();
    try {
      await writeBundle(far, [{ path: CAS_MEMBER, bytes }]);
      const { main, worker } = await loadBothWays(far);
      const onMain = factOf(findSubject(main, 'organization'), 'exchange.cas-mailboxes');
      const onWorker = factOf(findSubject(worker, 'organization'), 'exchange.cas-mailboxes');
      assert.equal(onMain.status, 'observed', onMain.note);
      assert.equal((onMain.value as unknown[]).length, 3_000);
      assert.deepEqual(onWorker, onMain);
    } finally {
      await rm(far, { recursive: true, force: true });
    }
  });

  it('falls back to the main thread when the export outgrows the worker heap', async () => {
    const main = await loadEvidence([folder], NO_OPTIONS);
    const limit = IMPORT_WORKER.maxOldGenerationSizeMb;
    IMPORT_WORKER.minBytes = 0;
    IMPORT_WORKER.maxOldGenerationSizeMb = 1;
    try {
      const fallback = await loadEvidence([folder], NO_OPTIONS);
      const kind = 'exchange.cas-mailboxes';
      assert.deepEqual(
        factOf(findSubject(fallback, 'organization'), kind),
        factOf(findSubject(main, 'organization'), kind),
      );
    } finally {
      IMPORT_WORKER.minBytes = DEFAULT_MIN_BYTES;
      IMPORT_WORKER.maxOldGenerationSizeMb = limit;
    }
  });

  it('keeps the code and position of a syntax error', async () => {
    const broken = await makeTempDir();
    try {
      const bytes = Buffer.concat([cas.subarray(0, cas.length - 40), Buffer.from('<Obj')]);
      await writeBundle(broken, [{ path: CAS_MEMBER, bytes }]);
      IMPORT_WORKER.minBytes = 0;
      await assert.rejects(
        loadEvidence([broken], NO_OPTIONS),
        (error: unknown) =>
          error instanceof ExztError &&
          error.code === 'CLIXML_SYNTAX' &&
          (error.position?.file ?? '').endsWith(CAS_MEMBER),
      );
    } finally {
      IMPORT_WORKER.minBytes = DEFAULT_MIN_BYTES;
      await rm(broken, { recursive: true, force: true });
    }
  });

  it('still refuses a file with one changed byte', async () => {
    const changed = await makeTempDir();
    try {
      await writeBundle(changed, [{ path: CAS_MEMBER, bytes: cas }]);
      const file = path.join(changed, CAS_MEMBER);
      const bytes = await readFile(file);
      bytes[bytes.indexOf(Buffer.from('User1234', 'utf16le'))] = 'W'.charCodeAt(0);
      await writeFile(file, bytes);
      IMPORT_WORKER.minBytes = 0;
      await assert.rejects(
        loadEvidence([changed], NO_OPTIONS),
        (error: unknown) => error instanceof ExztError && error.code === 'INTEGRITY',
      );
    } finally {
      IMPORT_WORKER.minBytes = DEFAULT_MIN_BYTES;
      await rm(changed, { recursive: true, force: true });
    }
  });

  it('gives every kind of the sample bundle as the main thread does', async () => {
    const { main, worker } = await loadBothWays(SAMPLE_BUNDLE);
    assert.ok(main.files.length > 200);
    assert.deepEqual(worker, main);
  });

  it('imports every file on the main thread, one at a time, when no worker can run', async () => {
    const main = await loadEvidence([SAMPLE_BUNDLE], NO_OPTIONS);
    const limit = IMPORT_WORKER.maxOldGenerationSizeMb;
    IMPORT_WORKER.minBytes = 0;
    IMPORT_WORKER.maxOldGenerationSizeMb = 1;
    try {
      assert.deepEqual(await loadEvidence([SAMPLE_BUNDLE], NO_OPTIONS), main);
    } finally {
      IMPORT_WORKER.minBytes = DEFAULT_MIN_BYTES;
      IMPORT_WORKER.maxOldGenerationSizeMb = limit;
    }
  });

  it('refuses a modified file of a pooled bundle, naming it', async () => {
    const changed = await makeTempDir();
    try {
      await cp(SAMPLE_BUNDLE, changed, { recursive: true });
      const member = 'servers/EX02/exchange.server.xml';
      await writeFile(
        path.join(changed, member),
        Buffer.concat([await readFile(path.join(changed, member)), Buffer.from('\n')]),
      );
      IMPORT_WORKER.minBytes = 0;
      await assert.rejects(
        loadEvidence([changed], NO_OPTIONS),
        (error: unknown) =>
          error instanceof ExztError &&
          error.code === 'INTEGRITY' &&
          error.message.includes(`${member} does not match its SHA-256 in manifest.json`),
      );
    } finally {
      IMPORT_WORKER.minBytes = DEFAULT_MIN_BYTES;
      await rm(changed, { recursive: true, force: true });
    }
  });
});
