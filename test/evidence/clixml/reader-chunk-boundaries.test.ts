/**
 * The reader's scanner keeps state across stream chunks and across the pieces it cuts a chunk
 * into: a token, a multi-byte UTF-8 sequence, a UTF-16 code unit or a surrogate pair may be cut
 * anywhere. These tests cut a small document at every byte and check that the same nodes, with the
 * same positions, come out, and that an error is reported at the same line:column.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExztError } from '../../../src/errors.js';
import {
  asString,
  CHUNK_BYTES,
  member,
  parseCliXml,
  streamCliXml,
  type CliNode,
} from '../../../src/evidence/clixml/index.js';
import { POWERSHELL_NAMESPACE } from '../../helpers/clixml.js';

/**
 * Every element shape, CRLF line ends, escapes, entities, multi-byte and astral characters, and
 * text with a comment, a CDATA section and a PI in it.
 */
const DOCUMENT =
  `<?xml version="1.0"?>\r\n<Objs Version="1.1.0.1" xmlns="${POWERSHELL_NAMESPACE}">\r\n` +
  '  <Obj RefId="0">\r\n' +
  '    <TN RefId="0"><T>Deserialized.Zoë.Mailbox</T><T>System.Object</T></TN>\r\n' +
  '    <ToString>Zoë 😀 &amp; co</ToString>\r\n' +
  '    <Props>\r\n' +
  '      <S N="Naïve_x0020_name">Grüße € 😀_x000D__x000A_line&lt;2&gt;</S>\r\n' +
  '      <I32 N="Count">-42</I32>\r\n' +
  '      <I64 N="Size">9007199254740993</I64>\r\n' +
  '      <B N="Enabled">true</B>\r\n' +
  '      <DT N="When">2026-02-10T09:30:00.1234567+01:00</DT>\r\n' +
  '      <TS N="Span">PT1H30M</TS>\r\n' +
  '      <G N="Guid">00005a5a-1111-4111-8111-000000000000</G>\r\n' +
  '      <Version N="Build">15.2.1748.10</Version>\r\n' +
  '      <Nil N="Nothing" />\r\n' +
  '      <S N="Multi">a\r\nb\rc</S>\r\n' +
  '      <S N="Mixed">x<!-- c 😀\r\n -->y<![CDATA[<&ü\r\n]]>z<?pi ö?>_x0041_</S>\r\n' +
  '      <Obj N="Kind" RefId="1"><TN RefId="1"><T>Kind</T></TN><ToString>Ü</ToString><I32>1</I32></Obj>\r\n' +
  '      <Obj N="List" RefId="2"><TNRef RefId="1" /><LST><S>ä</S><S>😀😀</S><Ref RefId="1" /></LST></Obj>\r\n' +
  '      <Obj N="Map" RefId="3"><DCT><En><S N="Key">k€</S><I32 N="Value">7</I32></En></DCT></Obj>\r\n' +
  '    </Props>\r\n' +
  '    <MS><S N="PSComputerName">ex01.contoso.com</S></MS>\r\n' +
  '  </Obj>\r\n' +
  '  <!-- a comment 😀 -->\r\n' +
  '  <S>top-level ü</S>\r\n' +
  '</Objs>\r\n';

/** The same document with an error on line 6 after multi-byte characters. */
const BROKEN = DOCUMENT.replace('line&lt;2&gt;', 'line&bogus;2');
const BROKEN_AT = {
  line: 7,
  column: '      <S N="Naïve_x0020_name">Grüße € 😀_x000D__x000A_line'.length + 1,
};

const ENCODINGS = [
  { name: 'UTF-8', bytes: (text: string) => Buffer.from(text, 'utf8') },
  {
    name: 'UTF-8 with BOM',
    bytes: (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
  },
  {
    name: 'UTF-16 LE with BOM',
    bytes: (text: string) =>
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
  },
  { name: 'UTF-16 LE', bytes: (text: string) => Buffer.from(text, 'utf16le') },
];

/** Nodes as plain data: positions, members (with names and values) and items, recursively. */
function plain(node: CliNode, seen = new Set<CliNode>()): unknown {
  if (node.kind !== 'object') return node;
  if (seen.has(node)) return { ref: node.refId };
  seen.add(node);
  return {
    ...node,
    members: [...node.members].map(([key, value]) => [key, plain(value, seen)]),
    items: node.items?.map((item) => plain(item, seen)),
    entries: node.entries?.map((entry) => [plain(entry.key, seen), plain(entry.value, seen)]),
  };
}

async function streamed(chunks: Uint8Array[]): Promise<unknown[]> {
  const nodes: unknown[] = [];
  for await (const node of streamCliXml(chunks, { file: 'case.xml' })) nodes.push(plain(node));
  return nodes;
}

async function streamError(chunks: Uint8Array[]): Promise<ExztError> {
  try {
    await streamed(chunks);
  } catch (error) {
    assert.ok(error instanceof ExztError, String(error));
    return error;
  }
  return assert.fail('expected an error');
}

describe('CliXml reader: chunk boundaries', () => {
  for (const encoding of ENCODINGS) {
    it(`gives the same nodes whatever byte a ${encoding.name} document is cut at`, async () => {
      const bytes = encoding.bytes(DOCUMENT);
      const document = parseCliXml(bytes, { file: 'case.xml' });
      const whole = document.objects.map((node) => plain(node));
      assert.equal(whole.length, 2);
      assert.equal(asString(member(document.objects[0], 'Mixed')), 'xy<&ü\nzA');
      for (let cut = 1; cut < bytes.length; cut++) {
        const nodes = await streamed([bytes.subarray(0, cut), bytes.subarray(cut)]);
        assert.deepEqual(nodes, whole, `cut at byte ${cut}`);
      }
    });

    it(`reports an error at the same line:column wherever a ${encoding.name} document is cut`, async () => {
      const bytes = encoding.bytes(BROKEN);
      for (let cut = 1; cut < bytes.length; cut++) {
        const error = await streamError([bytes.subarray(0, cut), bytes.subarray(cut)]);
        assert.deepEqual(
          [error.position?.line, error.position?.column],
          [BROKEN_AT.line, BROKEN_AT.column],
          `cut at byte ${cut}: ${error.message}`,
        );
        assert.match(error.message, /"&bogus;2/);
      }
    });
  }

  it('gives the same nodes in one-byte chunks (UTF-16 code units cut in half)', async () => {
    for (const encoding of ENCODINGS) {
      const bytes = encoding.bytes(DOCUMENT);
      const whole = parseCliXml(bytes, { file: 'case.xml' }).objects.map((node) => plain(node));
      const single = Array.from(bytes, (_, at) => bytes.subarray(at, at + 1));
      assert.deepEqual(await streamed(single), whole, encoding.name);
    }
  });

  it('gives the same nodes when a piece boundary inside one large chunk falls anywhere', async () => {
    // A padding value moves the document across the reader's internal piece boundaries (which
    // lie within the first CHUNK_BYTES); each shift puts another byte of it on a boundary.
    for (const encoding of ENCODINGS.filter((e) => !e.name.endsWith('BOM'))) {
      const reference = plainWithoutPadding(await streamed([encoding.bytes(padded(0))]));
      const unit = encoding.name.startsWith('UTF-16') ? 2 : 1;
      for (let shift = 0; shift < 700; shift += 1) {
        const bytes = encoding.bytes(padded(shift));
        assert.ok(bytes.length < CHUNK_BYTES);
        const nodes = plainWithoutPadding(await streamed([bytes]));
        assert.deepEqual(nodes, reference, `${encoding.name}, shift ${shift * unit} bytes`);
      }
    }
  });
});

const PADDING_LENGTH = 48 * 1024 - 600;

/** DOCUMENT with a first top-level string of PADDING_LENGTH + shift characters. */
function padded(shift: number): string {
  const padding = `<S>${'p'.repeat(PADDING_LENGTH + shift)}</S>\r\n`;
  return DOCUMENT.replace('  <Obj RefId="0">', `${padding}  <Obj RefId="0">`);
}

/** Drops the padding node and the positions, which move with it; keeps everything else. */
function plainWithoutPadding(nodes: unknown[]): unknown {
  return JSON.parse(
    JSON.stringify(nodes.slice(1), (key, value: unknown) =>
      key === 'position' ? undefined : typeof value === 'bigint' ? `${value}n` : value,
    ),
  );
}
