import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  asBoolean,
  asDate,
  asDurationMs,
  asNumber,
  asString,
  asStringList,
  entryValue,
  member,
  typeNameOf,
  type CliNode,
  type CliObject,
} from '../../../src/evidence/clixml/index.js';
import { cliXml, parseText } from '../../helpers/clixml.js';

function only(body: string): CliNode {
  const document = parseText(cliXml(body));
  assert.equal(document.objects.length, 1);
  return document.objects[0]!;
}

function props(members: string): CliObject {
  const node = only(
    `<Obj RefId="0"><TN RefId="0"><T>Deserialized.Sample.Type</T><T>System.Object</T></TN><Props>${members}</Props></Obj>`,
  );
  assert.equal(node.kind, 'object');
  return node as CliObject;
}

describe('CliXml reader: primitive elements', () => {
  const cases: Array<[string, string, (node: CliNode) => void]> = [
    [
      'S with escapes and entities',
      '<S>a_x000D__x000A_b &lt;c&gt; &amp;_x005F_x0041_ &#65;&#x42;</S>',
      (n) => assert.equal(asString(n), 'a\r\nb <c> &_x0041_ AB'),
    ],
    [
      'empty S is an empty string, not Nil',
      '<S />',
      (n) => assert.deepEqual([n.kind, asString(n)], ['string', '']),
    ],
    [
      'C is a UTF-16 code',
      '<C>97</C>',
      (n) => assert.deepEqual([n.kind, asString(n), typeNameOf(n)], ['string', 'a', 'System.Char']),
    ],
    ['B', '<B>true</B>', (n) => assert.equal(asBoolean(n), true)],
    ['I16', '<I16>-32768</I16>', (n) => assert.equal(asNumber(n), -32768)],
    ['I32 negative', '<I32>-1</I32>', (n) => assert.equal(asNumber(n), -1)],
    [
      'I64',
      '<I64>-9223372036854775808</I64>',
      (n) => assert.deepEqual(n.kind === 'bigint' && n.value, -(2n ** 63n)),
    ],
    ['U16', '<U16>65535</U16>', (n) => assert.equal(asNumber(n), 65535)],
    ['U32', '<U32>4294967295</U32>', (n) => assert.equal(asNumber(n), 4294967295)],
    [
      'U64 above 2^53',
      '<U64>18446744073709551615</U64>',
      (n) => assert.deepEqual(n.kind === 'bigint' && n.value, 2n ** 64n - 1n),
    ],
    ['By', '<By>255</By>', (n) => assert.equal(asNumber(n), 255)],
    ['SB', '<SB>-128</SB>', (n) => assert.equal(asNumber(n), -128)],
    [
      'Db with 17 digits',
      '<Db>0.00034722222222222218</Db>',
      (n) => assert.equal(asNumber(n), 0.00034722222222222218),
    ],
    ['Db infinity', '<Db>-INF</Db>', (n) => assert.equal(asNumber(n), -Infinity)],
    ['Sg', '<Sg>1.5E+10</Sg>', (n) => assert.equal(asNumber(n), 1.5e10)],
    [
      'D keeps its text',
      '<D>79228162514264337593543950335</D>',
      (n) => assert.equal(n.kind === 'number' && n.text, '79228162514264337593543950335'),
    ],
    [
      'DT with Z',
      '<DT>2020-02-27T10:05:20.6781676Z</DT>',
      (n) => assert.equal(asDate(n), Date.parse('2020-02-27T10:05:20.678Z')),
    ],
    [
      'DT with +offset',
      '<DT>2024-01-01T01:00:00+01:00</DT>',
      (n) => assert.equal(asDate(n), Date.parse('2024-01-01T00:00:00Z')),
    ],
    [
      'TS',
      '<TS>-P1DT2H3M4.5S</TS>',
      (n) => assert.equal(asDurationMs(n), -(86_400_000 + 7_200_000 + 180_000 + 4_500)),
    ],
    ['TS minutes', '<TS>PT30M</TS>', (n) => assert.equal(asDurationMs(n), 1_800_000)],
    [
      'Version',
      '<Version>15.2.1544.4</Version>',
      (n) => assert.deepEqual([n.kind, asString(n)], ['version', '15.2.1544.4']),
    ],
    [
      'G',
      '<G>bf967a7f-0de6-11d0-a285-00aa003049e2</G>',
      (n) =>
        assert.deepEqual([n.kind, asString(n)], ['guid', 'bf967a7f-0de6-11d0-a285-00aa003049e2']),
    ],
    [
      'URI',
      '<URI>https://mail.contoso.com/owa</URI>',
      (n) => assert.deepEqual([n.kind, asString(n)], ['uri', 'https://mail.contoso.com/owa']),
    ],
    [
      'BA stays base64',
      '<BA>AQID</BA>',
      (n) => assert.equal(n.kind === 'bytes' && n.base64, 'AQID'),
    ],
    [
      'XD',
      '<XD>&lt;a /&gt;</XD>',
      (n) => assert.deepEqual([n.kind, asString(n)], ['xml', '<a />']),
    ],
    [
      'SBK',
      '<SBK>Get-Mailbox -ResultSize 1</SBK>',
      (n) => assert.deepEqual([n.kind, asString(n)], ['scriptblock', 'Get-Mailbox -ResultSize 1']),
    ],
    [
      'SS',
      '<SS>01000000d08c9ddf</SS>',
      (n) => assert.deepEqual([n.kind, asString(n)], ['securestring', '01000000d08c9ddf']),
    ],
    ['Nil', '<Nil />', (n) => assert.equal(n.kind, 'nil')],
    [
      'literal CR LF in text reads as LF',
      '<S>a\r\nb</S>',
      (n) => assert.equal(asString(n), 'a\nb'),
    ],
  ];
  for (const [title, body, check] of cases) {
    it(title, () => check(only(body)));
  }
});

describe('CliXml reader: objects and collections', () => {
  it('merges Props and MS, case-insensitively, and keeps Nil apart from absent', () => {
    const object = props('<S N="Name">EX01</S><Nil N="Notes" />');
    const withMs = only(
      '<Obj RefId="0"><Props><S N="A">1</S></Props><MS><S N="PSComputerName">ex01</S></MS></Obj>',
    );

    assert.equal(asString(member(object, 'NAME')), 'EX01');
    assert.equal(member(object, 'notes')?.kind, 'nil');
    assert.equal(member(object, 'missing'), undefined);
    assert.equal(typeNameOf(object), 'Sample.Type');
    assert.equal(asString(member(withMs, 'pscomputername')), 'ex01');
    assert.ok(withMs.kind === 'object' && withMs.extendedMembers?.has('pscomputername'));
  });

  it('decodes _xHHHH_ and entities in member names', () => {
    const object = props('<S N="Odd_x0020_Name&amp;More">v</S>');

    assert.equal(asString(member(object, 'odd name&more')), 'v');
    assert.equal(object.members.get('odd name&more')?.name, 'Odd Name&More');
  });

  it('reads LST, IE, STK and QUE with their collection type', () => {
    for (const [tag, collection] of [
      ['LST', 'list'],
      ['IE', 'enumerable'],
      ['STK', 'stack'],
      ['QUE', 'queue'],
    ] as const) {
      const node = only(
        `<Obj RefId="0"><${tag}><S>smtp:a@contoso.com</S><S>SMTP:b@contoso.com</S></${tag}></Obj>`,
      );
      assert.equal(node.kind === 'object' && node.collection, collection);
      assert.deepEqual(asStringList(node), ['smtp:a@contoso.com', 'SMTP:b@contoso.com']);
    }
  });

  it('reads a single S as a one-item string list', () => {
    assert.deepEqual(asStringList(only('<S>only</S>')), ['only']);
  });

  it('reads DCT entries with keys looked up case-insensitively', () => {
    const node = only(
      '<Obj RefId="0"><DCT><En><S N="Key">rangeupper</S><I32 N="Value">17</I32></En><En><S N="Key">cn</S><Nil N="Value" /></En></DCT></Obj>',
    );

    assert.equal(node.kind === 'object' && node.entries?.length, 2);
    assert.equal(asNumber(entryValue(node, 'RangeUpper')), 17);
    assert.equal(entryValue(node, 'cn')?.kind, 'nil');
  });

  it('reads an enum: ToString name and numeric value', () => {
    const node = only(
      '<Obj RefId="0"><TN RefId="0"><T>System.Enum</T></TN><ToString>ObjectAceTypePresent, InheritedObjectAceTypePresent</ToString><I32>3</I32></Obj>',
    );

    assert.equal(asString(node), 'ObjectAceTypePresent, InheritedObjectAceTypePresent');
    assert.equal(asNumber(node), 3);
  });

  it('reads a string with note members as the string', () => {
    const node = only(
      '<Obj RefId="0"><S>line one</S><MS><S N="PSPath">C:\\x.txt</S><I64 N="ReadCount">1</I64></MS></Obj>',
    );

    assert.equal(asString(node), 'line one');
    assert.equal(asString(member(node, 'PSPath')), 'C:\\x.txt');
  });

  it('reuses a TN through TNRef across top-level objects', () => {
    const document = parseText(
      cliXml(
        '<Obj RefId="0"><TN RefId="0"><T>A.Type</T><T>System.Object</T></TN></Obj><Obj RefId="1"><TNRef RefId="0" /></Obj>',
      ),
    );
    const [first, second] = document.objects as CliObject[];

    assert.deepEqual(second!.typeNames, ['A.Type', 'System.Object']);
    assert.equal(second!.typeNames, first!.typeNames);
  });

  it('resolves a Ref to the same instance, also across top-level objects and in cycles', () => {
    const document = parseText(
      cliXml(
        '<Obj RefId="0"><MS><S N="N">a</S><Ref N="Self" RefId="0" /></MS></Obj><Obj RefId="1"><LST><Ref RefId="0" /></LST></Obj>',
      ),
    );
    const [first, second] = document.objects as CliObject[];

    assert.equal(member(first, 'Self'), first);
    assert.equal(second!.items![0], first);
  });

  it('a RefId defined again refers to the newer object, also after the older one is evicted', () => {
    const body =
      '<Obj RefId="0"><ToString>old</ToString></Obj><Obj RefId="0"><ToString>new</ToString></Obj>' +
      '<Obj RefId="1" /><Obj RefId="2"><LST><Ref RefId="0" /></LST></Obj>';
    const document = parseText(cliXml(body), { refWindow: 3 });
    const last = document.objects[3] as CliObject;

    assert.equal((last.items![0] as CliObject).toString, 'new');
    assert.equal(last.items![0], document.objects[1]);
  });

  it('parses many top-level values from memory', () => {
    const document = parseText(cliXml('<I32>7</I32>'.repeat(150_000)));

    assert.equal(document.objects.length, 150_000);
    assert.equal(asNumber(document.objects[149_999]), 7);
  });

  it('reads a progress record (PR) as a ProgressRecord object', () => {
    const node = only(
      '<PR N="Record"><AV>Exporting</AV><AI>0</AI><Nil /><PI>-1</PI><PC>50</PC><T>Processing</T><SR>-1</SR><SD>Half way</SD></PR>',
    );

    assert.equal(typeNameOf(node), 'System.Management.Automation.ProgressRecord');
    assert.equal(asString(member(node, 'Activity')), 'Exporting');
    assert.equal(asNumber(member(node, 'PercentComplete')), 50);
    assert.equal(asNumber(member(node, 'ParentActivityId')), -1);
    assert.equal(asString(member(node, 'RecordType')), 'Processing');
    assert.equal(member(node, 'CurrentOperation')?.kind, 'nil');
    assert.equal(asString(member(node, 'StatusDescription')), 'Half way');
  });

  it('gives each node its line, column and byte offset', () => {
    const document = parseText(cliXml('  <S>é</S>\n  <I32>1</I32>'));
    const [text, number] = document.objects;

    const headerBytes = cliXml('').indexOf('\n') + 1;

    assert.deepEqual(text!.position, { line: 2, column: 3, offset: headerBytes + 2 });
    // "  <S>é</S>\n" is 11 characters and 12 bytes: é is two bytes in UTF-8.
    assert.deepEqual(number!.position, { line: 3, column: 3, offset: headerBytes + 12 + 2 });
  });

  it('reads text holding comments, CDATA sections and PIs as an XML reader and PowerShell would', () => {
    const object = props(
      [
        '<S N="A">before<!-- a <comment> -->after</S>',
        '<S N="B"><![CDATA[<b>&amp; raw</b>]]> and &amp; text_x000D__x000A_next</S>',
        '<S N="C"><?pi data?>x</S>',
        '<Nil N="D"><!-- empty --></Nil>',
        '<I32 N="E">4<!--x-->2</I32>',
        '<S N="F">é<![CDATA[ü\r\n]]>ß</S>',
        // PowerShell decodes the escapes over the element's whole text, so one cut by a comment
        // or a CDATA boundary is still one escape.
        '<S N="G">_x00<!---->41_ and _x<![CDATA[0041]]>_</S>',
      ].join(''),
    );
    assert.equal(asString(member(object, 'A')), 'beforeafter');
    assert.equal(asString(member(object, 'B')), '<b>&amp; raw</b> and & text\r\nnext');
    assert.equal(asString(member(object, 'C')), 'x');
    assert.equal(member(object, 'D')?.kind, 'nil');
    assert.equal(asNumber(member(object, 'E')), 42);
    assert.equal(asString(member(object, 'F')), 'éü\nß');
    assert.equal(asString(member(object, 'G')), 'A and A');
  });

  it('accepts comments, an XML declaration and an empty document', () => {
    const document = parseText(
      `<?xml version="1.0"?>\n<!-- exported -->\n${cliXml('<!-- a --><S>x</S>')}`,
    );
    const empty = parseText(
      `<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04" />`,
    );

    assert.equal(asString(document.objects[0]), 'x');
    assert.deepEqual(empty.objects, []);
  });
});
