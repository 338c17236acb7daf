/**
 * Kinds no typed importer reads are read through, hashed and (CliXml) checked, but their content
 * is not held: the fact says what the file was, and its provenance names it and its SHA-256.
 * With parseUnreadKinds false they are hashed only.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';

import { ExztError } from '../../src/errors.js';
import { encodeClixml } from '../../src/evidence/clixml/writer.js';
import { obj, str } from '../../src/evidence/clixml/writer-values.js';
import { findSubject } from '../../src/evidence/evidence-set.js';
import { findKind } from '../../src/evidence/kinds.js';
import { loadEvidence } from '../../src/evidence/load.js';
import { isUnreadContent } from '../../src/evidence/unread-content.js';
import { IMPORT_WORKER } from '../../src/evidence/worker-import.js';
import { makeTempDir, sha256, writeBundle } from '../helpers/bundle-builder.js';

const NO_OPTIONS = { use: new Map<string, string>(), allowModified: false };
const CONFIG_KIND = 'iis.shared-web-config.default-web-site';
const CLIXML_KIND = 'exchange.web-sites-from-ad';

function member(kind: string): string {
  const registered = findKind(kind);
  assert.ok(registered !== undefined, `${kind} is registered`);
  assert.equal(registered.importer, undefined, `${kind} has no typed importer`);
  return `servers/EX01/${registered.bundleFile}`;
}

async function loadKinds(files: { kind: string; bytes: Buffer }[], parseUnreadKinds?: boolean) {
  const folder = await makeTempDir();
  try {
    await writeBundle(
      folder,
      files.map((file) => ({ path: member(file.kind), bytes: file.bytes })),
    );
    const set = await loadEvidence([folder], { ...NO_OPTIONS, parseUnreadKinds });
    return findSubject(set, 'server:ex01')?.kinds ?? [];
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe('a kind without a typed importer', () => {
  it('keeps its size, object count and provenance, not its content', async () => {
    const config = Buffer.from('\uFEFF<configuration><appSettings/></configuration>', 'utf8');
    const export_ = encodeClixml([
      obj(['Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.MalwareFilter'], {
        props: [['Name', str('Default')]],
      }),
      obj(['Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.MalwareFilter'], {
        props: [['Name', str('Second')]],
      }),
    ]);
    const kinds = await loadKinds([
      { kind: CONFIG_KIND, bytes: config },
      { kind: CLIXML_KIND, bytes: export_ },
    ]);

    const configKind = kinds.find((entry) => entry.kind === CONFIG_KIND);
    assert.equal(configKind?.status, 'observed');
    assert.equal(configKind.raw, undefined);
    assert.deepEqual(configKind.fact.value, {
      format: 'xml-config',
      held: false,
      size: config.length,
    });
    assert.equal(configKind.fact.provenance[0]?.sha256, sha256(config));
    assert.equal(configKind.fact.provenance[0]?.member, member(CONFIG_KIND));

    const clixmlKind = kinds.find((entry) => entry.kind === CLIXML_KIND);
    assert.ok(isUnreadContent(clixmlKind?.fact.value));
    assert.equal(clixmlKind.fact.value.objects, 2);
    assert.equal(clixmlKind.fact.value.size, export_.length);
    assert.equal(clixmlKind.fact.provenance[0]?.sha256, sha256(export_));
  });

  it('is absent when its export is empty', async () => {
    const [kind] = await loadKinds([{ kind: CLIXML_KIND, bytes: encodeClixml([]) }]);
    assert.equal(kind?.status, 'absent');
    assert.match(kind.fact.note ?? '', /the export is empty/);
  });

  it('still refuses a malformed CliXml export, naming the file', async () => {
    await assert.rejects(
      loadKinds([{ kind: CLIXML_KIND, bytes: Buffer.from('<Objs Version="1.1.0.1"><Obj>') }]),
      (error: unknown) =>
        error instanceof ExztError &&
        error.code === 'CLIXML_SYNTAX' &&
        (error.position?.file ?? '').endsWith(member(CLIXML_KIND)),
    );
  });
  describe('with parseUnreadKinds false (assess, version-report)', () => {
    const malformed = Buffer.from('<Objs Version="1.1.0.1"><Obj>');

    for (const where of ['main thread', 'import worker'] as const) {
      it(`is hashed but not parsed, on the ${where}`, async () => {
        const minBytes = IMPORT_WORKER.minBytes;
        if (where === 'import worker') IMPORT_WORKER.minBytes = 0;
        try {
          const [kind] = await loadKinds([{ kind: CLIXML_KIND, bytes: malformed }], false);
          assert.equal(kind?.status, 'observed');
          assert.deepEqual(kind.fact.value, {
            format: 'clixml',
            held: false,
            size: malformed.length,
          });
          assert.equal(kind.fact.provenance[0]?.sha256, sha256(malformed));
        } finally {
          IMPORT_WORKER.minBytes = minBytes;
        }
      });
    }

    it('still imports a kind with an importer, and refuses it malformed', async () => {
      const registered = findKind('exchange.server');
      assert.ok(registered?.importer !== undefined);
      const folder = await makeTempDir();
      try {
        await writeBundle(folder, [
          { path: `servers/EX01/${registered.bundleFile}`, bytes: malformed },
        ]);
        await assert.rejects(
          loadEvidence([folder], { ...NO_OPTIONS, parseUnreadKinds: false }),
          (error: unknown) => error instanceof ExztError && error.code === 'CLIXML_SYNTAX',
        );
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    });
  });
});
