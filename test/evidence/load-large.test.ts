import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';

import { ExztError } from '../../src/errors.js';
import { parseCliXml } from '../../src/evidence/clixml/index.js';
import { encodeClixml } from '../../src/evidence/clixml/writer.js';
import { bool, obj, str } from '../../src/evidence/clixml/writer-values.js';
import { candidateBytes, readCandidate } from '../../src/evidence/candidate.js';
import { factOf, findSubject } from '../../src/evidence/evidence-set.js';
import { importCasMailboxes } from '../../src/evidence/importers/cas-mailboxes.js';
import { loadEvidence } from '../../src/evidence/load.js';
import { makeTempDir, writeBundle } from '../helpers/bundle-builder.js';

const CAS_MAILBOX = ['Deserialized.Microsoft.Exchange.Data.Directory.Management.CASMailbox'];
/** More than two batches of the loader's 1,000 objects, and a part batch at the end. */
const MAILBOXES = 2_345;

function casMailboxes(count: number): Buffer {
  const objects = Array.from({ length: count }, (_, index) =>
    obj(CAS_MAILBOX, {
      props: [
        ['Identity', str(`contoso.com/Users/User${index}`)],
        ['PopEnabled', bool(index % 100 === 7)],
      ],
    }),
  );
  return encodeClixml(objects);
}

async function withBundle(bytes: Buffer, test: (folder: string) => Promise<void>): Promise<void> {
  const folder = await makeTempDir();
  try {
    await writeBundle(folder, [{ path: 'organization/exchange.cas-mailboxes.xml', bytes }]);
    await test(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe('loading a long list export in batches', () => {
  it('gives the value and provenance of importing the whole document, object by object', async () => {
    const bytes = casMailboxes(MAILBOXES);
    await withBundle(bytes, async (folder) => {
      const set = await loadEvidence([folder], { use: new Map(), allowModified: false });
      const evidence = findSubject(set, 'organization');
      const fact = factOf(evidence, 'exchange.cas-mailboxes');

      const whole = importCasMailboxes(parseCliXml(bytes, { file: 'whole.xml' }));
      assert.deepEqual(fact.value, whole.value);
      assert.equal(fact.provenance.length, MAILBOXES);
      const last = fact.provenance[MAILBOXES - 1];
      const anchor = whole.anchors[MAILBOXES - 1];
      assert.equal(last?.objectPath, `Objs[${MAILBOXES - 1}]`);
      assert.deepEqual(
        [last?.line, last?.column, last?.offset],
        [anchor?.node.position.line, anchor?.node.position.column, anchor?.node.position.offset],
      );
    });
  });

  it('keeps no parsed document beside a typed value', async () => {
    await withBundle(casMailboxes(3), async (folder) => {
      const set = await loadEvidence([folder], { use: new Map(), allowModified: false });
      const kind = findSubject(set, 'organization')?.kinds[0];
      assert.equal(kind?.kind, 'exchange.cas-mailboxes');
      assert.equal(kind.raw, undefined);
    });
  });

  it('refuses a file whose bytes changed between hashing and import', async () => {
    const first = casMailboxes(2);
    const member = {
      path: 'organization/exchange.cas-mailboxes.xml',
      read: () => Promise.resolve(first),
    };
    const candidate = await readCandidate('bundle', member, member.path, 'imported', true);
    delete candidate.bytes;
    member.read = () => Promise.resolve(casMailboxes(3));

    await assert.rejects(
      candidateBytes(candidate),
      (error: unknown) =>
        error instanceof ExztError &&
        error.code === 'INPUT' &&
        /exchange\.cas-mailboxes\.xml changed while it was read/.test(error.message),
    );
  });
});
