import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { parseCliXml } from '../../../src/evidence/clixml/index.js';
import type { CliDocument, CliNode } from '../../../src/evidence/clixml/index.js';
import { encodeClixml } from '../../../src/evidence/clixml/writer.js';
import { writableFromDocument } from '../../../src/evidence/clixml/writer-from-document.js';
import { CORPUS_DIR } from '../../helpers/paths.js';

/** Every CliXml export of the corpus (other XML, such as FIP-FS Configuration.xml, skipped). */
function corpusCliXmlFiles(): string[] {
  return readdirSync(CORPUS_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.xml'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => readFileSync(file).subarray(0, 600).includes('Objs'))
    .sort();
}

/** Values only: positions and the first-seen name of shared objects are not part of them. */
function comparable(node: CliNode, seen: Map<CliNode, number>): unknown {
  if (node.kind !== 'object') {
    return Object.fromEntries(
      Object.entries(node).filter(([key]) => key !== 'position' && key !== 'name'),
    );
  }

  const shared = seen.get(node);
  if (shared !== undefined) return { ref: shared };

  seen.set(node, seen.size);
  const ownToString = Object.hasOwn(node, 'toString') ? node.toString : undefined;
  return {
    typeNames: node.typeNames,
    toString: ownToString,
    value: node.value === undefined ? undefined : comparable(node.value, seen),
    collection: node.collection,
    items: node.items?.map((item) => comparable(item, seen)),
    entries: node.entries?.map((entry) => [
      comparable(entry.key, seen),
      comparable(entry.value, seen),
    ]),
    members: [...node.members].map(([key, member]) => [key, comparable(member, seen)]),
    extended: [...((node as { extendedMembers?: Set<string> }).extendedMembers ?? [])].sort(),
  };
}

function comparableDocument(document: CliDocument): unknown {
  const seen = new Map<CliNode, number>();
  return document.objects.map((node) => comparable(node, seen));
}

function rewrite(bytes: Buffer, file: string, newline: '\r\n' | '\n'): Buffer {
  const document = parseCliXml(bytes, { file });
  const options = { encoding: document.encoding, bom: document.bom, newline };
  return encodeClixml(writableFromDocument(document), options);
}

describe('CliXml writer: read, write, read again', () => {
  const files = corpusCliXmlFiles();

  it('finds the corpus exports', () => {
    assert.ok(files.length > 150, `only ${files.length} CliXml files under ${CORPUS_DIR}`);
  });

  for (const file of files) {
    const name = path.relative(CORPUS_DIR, file);
    it(`${name}: same values after rewriting`, () => {
      const bytes = readFileSync(file);
      const original = parseCliXml(bytes, { file: name });
      const again = parseCliXml(rewrite(bytes, name, '\r\n'), { file: name });
      assert.equal(again.encoding, original.encoding);
      assert.deepEqual(comparableDocument(again), comparableDocument(original));
    });
  }

  // Files with no Ref under a different member name and no name in both Props and MS, which
  // the reader's value model cannot carry (see writer-from-document.ts).
  const byteExact = [
    'E19/Exchange/ExSetup.xml',
    'E19/Exchange/GetExchangeCertificate.xml',
    'E19/OS/Win32_OperatingSystem.xml',
    'E19/OS/GetServerRebootPending1.xml',
    'E19/Exchange/GetIISModules.xml',
    'Shared/E19CU11AdminDisplayVersion.xml',
  ];
  for (const name of byteExact) {
    it(`${name}: rewritten byte for byte`, () => {
      const bytes = readFileSync(path.join(CORPUS_DIR, name));
      assert.ok(rewrite(bytes, name, '\n').equals(bytes));
    });
  }
});
