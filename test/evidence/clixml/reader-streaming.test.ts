import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ExztError } from '../../../src/errors.js';
import {
  asNumber,
  asString,
  member,
  parseCliXml,
  readCliXmlFile,
  streamCliXml,
  type CliNode,
} from '../../../src/evidence/clixml/index.js';
import { cliXml, POWERSHELL_NAMESPACE } from '../../helpers/clixml.js';
import { CORPUS_DIR } from '../../helpers/paths.js';

const MAILBOX_COUNT = 20_000;

function mailboxXml(index: number): string {
  return (
    `  <Obj RefId="${index}">\n    <TN RefId="${index}"><T>Deserialized.Mailbox</T></TN>\n    <Props>\n` +
    `      <S N="DisplayName">User ${index} Ünïcødé</S>\n      <I32 N="Index">${index}</I32>\n` +
    `    </Props>\n  </Obj>\n`
  );
}

/** An input that counts how many chunks were pulled from it. */
function countingSource(chunks: () => Iterable<Buffer>) {
  const state = { pulled: 0, done: false };
  async function* source(): AsyncGenerator<Buffer> {
    for (const chunk of chunks()) {
      state.pulled++;
      yield chunk;
    }
    state.done = true;
  }
  return { state, source: source() };
}

function* mailboxChunks(): Generator<Buffer> {
  yield Buffer.from(`<Objs Version="1.1.0.1" xmlns="${POWERSHELL_NAMESPACE}">\n`);
  for (let start = 0; start < MAILBOX_COUNT; start += 100) {
    let text = '';
    for (let index = start; index < start + 100; index++) text += mailboxXml(index);
    yield Buffer.from(text);
  }
  yield Buffer.from('</Objs>\n');
}

/** Everything a reader hands out about a node, for comparing two reads of one document. */
function summary(node: CliNode): unknown {
  if (node.kind !== 'object')
    return { ...node, value: 'value' in node ? String(node.value) : undefined };
  return {
    position: node.position,
    typeNames: node.typeNames,
    members: [...node.members].map(([key, value]) => [key, summary(value)]),
    items: node.items?.map(summary),
  };
}

describe('CliXml reader: streaming', () => {
  it('yields the first of 20,000 objects before the input is consumed, and all in order', async () => {
    const { state, source } = countingSource(mailboxChunks);
    let count = 0;
    let pulledAtFirst = -1;
    for await (const node of streamCliXml(source, { file: 'mailboxes.xml' })) {
      if (count === 0) pulledAtFirst = state.pulled;
      assert.equal(asNumber(member(node, 'Index')), count);
      count++;
    }

    assert.equal(count, MAILBOX_COUNT);
    assert.ok(
      pulledAtFirst >= 1 && pulledAtFirst <= 2,
      `pulled ${pulledAtFirst} chunks before the first object`,
    );
    assert.ok(state.done);
  });

  it('gives the same nodes and positions whatever the chunk size, in UTF-8 and UTF-16 LE', async () => {
    const text = cliXml([0, 1, 2].map(mailboxXml).join('') + '<S>a_x000D__x000A_&amp;😀</S>');
    const expected = parseCliXml(Buffer.from(text), { file: 'whole.xml' }).objects.map(summary);

    for (const [encoding, bom] of [
      ['utf8', []],
      ['utf16le', []],
      ['utf16le', [0xff, 0xfe]],
    ] as const) {
      const bytes = Buffer.concat([Buffer.from(bom), Buffer.from(text, encoding)]);
      for (const size of [1, 2, 3, 5, 64]) {
        const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
          bytes.subarray(i * size, (i + 1) * size),
        );
        const nodes: CliNode[] = [];
        for await (const node of streamCliXml(chunks, { file: 'chunked.xml' })) nodes.push(node);

        const shifted = expected.map((entry) => JSON.parse(JSON.stringify(entry)));
        assert.equal(nodes.length, 4, `${encoding} in chunks of ${size}`);
        assert.equal(asString(nodes[3]), 'a\r\n&😀');
        if (encoding === 'utf8')
          assert.deepEqual(
            nodes.map(summary).map((entry) => JSON.parse(JSON.stringify(entry))),
            shifted,
          );
        else
          assert.deepEqual(
            nodes.map((node) => [node.position.line, node.position.column]),
            expectedLinesColumns(expected),
          );
      }
    }
  });

  it('reads UTF-16 LE bytes that do not start on an even address, in one piece and in chunks', async () => {
    // The scanner reads UTF-16 through a Uint16Array, which needs 2-byte alignment: bytes at an
    // odd offset (a zip member, a slice of a larger buffer) are copied first.
    const text = cliXml([0, 1].map(mailboxXml).join('') + '<S>é😀</S>');
    const aligned = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const odd = Buffer.alloc(aligned.length + 1);
    aligned.copy(odd, 1);
    const bytes = odd.subarray(1);
    assert.equal(bytes.byteOffset % 2, 1);

    const expected = parseCliXml(aligned, { file: 'case.xml' }).objects.map(summary);
    assert.deepEqual(parseCliXml(bytes, { file: 'case.xml' }).objects.map(summary), expected);
    const chunks = [bytes.subarray(0, 1001), bytes.subarray(1001, 5000), bytes.subarray(5000)];
    const nodes: CliNode[] = [];
    for await (const node of streamCliXml(chunks, { file: 'case.xml' })) nodes.push(node);
    assert.deepEqual(nodes.map(summary), expected);
    assert.equal(asString(nodes[2]), 'é😀');
  });

  it('fails fast on a 50 MB string, without reading the rest of the input', async () => {
    const chunkBytes = 1024 * 1024;
    const { state, source } = countingSource(function* () {
      yield Buffer.from(`<Objs Version="1.1.0.1" xmlns="${POWERSHELL_NAMESPACE}">\n<S N="Huge">`);
      for (let i = 0; i < 50; i++) yield Buffer.alloc(chunkBytes, 0x78);
      yield Buffer.from('</S></Objs>');
    });

    await assert.rejects(
      async () => {
        for await (const node of streamCliXml(source, { file: 'huge.xml' }))
          assert.fail(`no node expected, got ${node.kind}`);
      },
      (error: unknown) =>
        error instanceof ExztError &&
        error.code === 'CLIXML_LIMIT' &&
        error.position?.line === 2 &&
        error.position.column === 1 &&
        /maxStringChars \(16777216\)/.test(error.message),
    );
    assert.ok(state.pulled <= 19, `pulled ${state.pulled} of 52 chunks`);
  });

  it('streams a file by path, as readCliXmlFile reads it', async () => {
    const file = path.join(CORPUS_DIR, 'E16', 'OS', 'GetService.xml');
    const document = await readCliXmlFile(file);
    let count = 0;
    for await (const node of streamCliXml(file, { file: 'GetService.xml' })) {
      assert.deepEqual(node.position, document.objects[count]!.position);
      count++;
    }

    assert.equal(count, document.objects.length);
    assert.ok(count > 100);
  });

  it('a missing file is an input error naming it', async () => {
    await assert.rejects(
      readCliXmlFile('/nonexistent/GetMailbox.xml'),
      (error: unknown) =>
        error instanceof ExztError &&
        error.code === 'INPUT' &&
        /GetMailbox\.xml/.test(error.message),
    );
  });
});

function expectedLinesColumns(expected: unknown[]): Array<[number, number]> {
  return expected.map((entry) => {
    const position = (entry as { position: { line: number; column: number } }).position;
    return [position.line, position.column];
  });
}
