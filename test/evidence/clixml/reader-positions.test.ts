import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  asString,
  member,
  parseCliXml,
  streamCliXml,
  type CliNode,
} from '../../../src/evidence/clixml/index.js';
import { assertCliXmlError, cliXml, parseText } from '../../helpers/clixml.js';

/** Where each node of `text` should be: column in UTF-16 units, offset in the encoded bytes. */
function expectedPosition(text: string, at: number, encoding: 'utf8' | 'utf16le', bom: number) {
  const before = text.slice(0, at);
  const lineStart = before.lastIndexOf('\n') + 1;
  return {
    line: before.split('\n').length,
    column: at - lineStart + 1,
    offset: bom + Buffer.byteLength(before, encoding),
  };
}

/** One line that mixes 2-, 3- and 4-byte UTF-8 sequences before, between and inside elements. */
const MIXED_LINE =
  '<Obj RefId="0"><Props><S N="Naïve">é€😀</S><S N="Ünï😀">x</S><I32 N="n">1</I32></Props></Obj>';

describe('CliXml reader: positions in multi-byte text', () => {
  it('counts columns in UTF-16 units and offsets in bytes after multi-byte characters on the line', () => {
    const text = cliXml(`<S>😀€é</S><S>b</S>\n${MIXED_LINE}`);
    const [first, second, object] = parseText(text).objects;

    assert.deepEqual(first!.position, expectedPosition(text, text.indexOf('<S>😀'), 'utf8', 0));
    assert.deepEqual(second!.position, expectedPosition(text, text.indexOf('<S>b'), 'utf8', 0));
    assert.deepEqual(object!.position, expectedPosition(text, text.indexOf('<Obj '), 'utf8', 0));

    const members = [...(object as Extract<CliNode, { kind: 'object' }>).members.values()];
    const starts = ['<S N="Naïve">', '<S N="Ünï😀">', '<I32 N="n">'].map((tag) =>
      text.indexOf(tag),
    );
    assert.deepEqual(
      members.map((node) => node.position),
      starts.map((at) => expectedPosition(text, at, 'utf8', 0)),
    );
    assert.equal(asString(member(object, 'Naïve')), 'é€😀');
    assert.equal(asString(member(object, 'Ünï😀')), 'x');
  });

  it('gives the same positions in UTF-8 with a BOM and in UTF-16 LE', () => {
    const text = cliXml(`  ${MIXED_LINE}`);
    const at = text.indexOf('<S N="Ünï😀">');
    for (const [encoding, bom] of [
      ['utf8', [0xef, 0xbb, 0xbf]],
      ['utf16le', [0xff, 0xfe]],
    ] as const) {
      const bytes = Buffer.concat([Buffer.from(bom), Buffer.from(text, encoding)]);
      const [object] = parseCliXml(bytes, { file: 'case.xml' }).objects;
      assert.deepEqual(
        member(object, 'Ünï😀')!.position,
        expectedPosition(text, at, encoding, bom.length),
        encoding,
      );
    }
  });

  it('gives the same positions when a multi-byte character is cut between chunks', async () => {
    const text = cliXml(`${MIXED_LINE}\n<S>ü</S>${MIXED_LINE}`);
    const bytes = Buffer.from(text, 'utf8');
    const whole = parseCliXml(bytes, { file: 'case.xml' }).objects.map(positionsOf);

    for (const size of [1, 2, 3, 7]) {
      const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
        bytes.subarray(i * size, (i + 1) * size),
      );
      const nodes: CliNode[] = [];
      for await (const node of streamCliXml(chunks, { file: 'case.xml' })) nodes.push(node);
      assert.deepEqual(nodes.map(positionsOf), whole, `chunks of ${size}`);
    }
  });

  it('places an error after multi-byte characters at its UTF-16 column', () => {
    assertCliXmlError(() => parseText(cliXml('<S>é😀</S>  <S>&bogus;</S>')), {
      code: 'CLIXML_SYNTAX',
      line: 2,
      column: '<S>é😀</S>  <S>'.length + 1,
      message: /"&bogus;"/,
    });
    assertCliXmlError(() => parseText(cliXml('<S>€</S><Bogus/>')), {
      code: 'CLIXML_SYNTAX',
      line: 2,
      column: '<S>€</S>'.length + 1,
      message: /unknown element <Bogus>/,
    });
  });

  it('decodes non-ASCII member names, values and escapes the same in every encoding', () => {
    const text = cliXml(
      '<Obj RefId="0"><MS><S N="Prénom_x0020_€">Zoë_x000A_&amp;😀</S></MS></Obj>',
    );
    for (const encoding of ['utf8', 'utf16le'] as const) {
      const [object] = parseCliXml(Buffer.from(text, encoding), { file: 'case.xml' }).objects;
      assert.equal(asString(member(object, 'Prénom €')), 'Zoë\n&😀', encoding);
    }
  });
});

describe('CliXml reader: positions after line feeds inside markup and text', () => {
  // Line feeds in a start tag (between attributes and in a member name), in element text, in an
  // end tag, in a comment and a processing instruction; the scanner counts them per token.
  const body = [
    '<Obj\n  RefId="0"><!-- a\ncomment --><Props>',
    '<S N="Line\nfeed">é\n😀\r\nthree</S\n><?pi a\nb?>',
    '<S N="Next">x</S><Obj N="Inner"\r\n RefId="1"><ToString>t</ToString></Obj\n  >',
    '<I32 N="Last">1</I32></Props></Obj>',
    '<S>after</S>',
  ].join('');
  const text = cliXml(body);
  const starts = [
    text.indexOf('<Obj\n'),
    text.indexOf('<S N="Line'),
    text.indexOf('<S N="Next"'),
    text.indexOf('<Obj N="Inner"'),
    text.indexOf('<I32'),
    text.indexOf('<S>after'),
  ];

  for (const [encoding, bom] of [
    ['utf8', []],
    ['utf16le', [0xff, 0xfe]],
  ] as const) {
    it(`gives every node its line, column and offset in ${encoding}, wherever it is cut`, async () => {
      const bytes = Buffer.concat([Buffer.from(bom), Buffer.from(text, encoding)]);
      const expected = starts.map((at) => expectedPosition(text, at, encoding, bom.length));
      const whole = parseCliXml(bytes, { file: 'case.xml' }).objects;
      const [object, after] = whole;
      const found = [
        object!.position,
        ...[...(object as Extract<CliNode, { kind: 'object' }>).members.values()].map(
          (node) => node.position,
        ),
        after!.position,
      ];
      assert.deepEqual(found, expected);
      assert.equal(asString(member(object, 'Line\nfeed')), 'é\n😀\nthree');

      for (let cut = 1; cut < bytes.length; cut++) {
        const nodes: CliNode[] = [];
        const chunks = [bytes.subarray(0, cut), bytes.subarray(cut)];
        for await (const node of streamCliXml(chunks, { file: 'case.xml' })) nodes.push(node);
        assert.deepEqual(nodes.map(positionsOf), whole.map(positionsOf), `cut at ${cut}`);
      }
    });
  }

  it('places an error after line feeds inside markup at its line and column', () => {
    assertCliXmlError(
      () => parseText(cliXml('<Obj\n RefId="0"><S N="a\nb">x\ny</S\n><Bogus/></Obj>')),
      { code: 'CLIXML_SYNTAX', line: 6, column: 2, message: /unknown element <Bogus>/ },
    );
  });
});

function positionsOf(node: CliNode): unknown {
  if (node.kind !== 'object') return node.position;
  return [node.position, [...node.members.values()].map(positionsOf)];
}
