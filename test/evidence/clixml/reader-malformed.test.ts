import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCliXml } from '../../../src/evidence/clixml/index.js';
import { assertCliXmlError, cliXml, parseText } from '../../helpers/clixml.js';

describe('CliXml reader: malformed and hostile input', () => {
  it('a truncated file names the element left open and where it opened', () => {
    const text = cliXml('<Obj RefId="0">\n  <Props>\n    <S N="A">x</S>\n  </Props>\n').replace(
      /\n<\/Objs>$/,
      '',
    );

    assertCliXmlError(() => parseText(text), {
      code: 'CLIXML_SYNTAX',
      line: 6,
      column: 1,
      message: /unexpected end of file, expected <\/Obj> opened at 2:1/,
    });
  });

  it('a file cut inside a tag says so', () => {
    assertCliXmlError(
      () => parseText(cliXml('<Obj RefId="0">\n  <S N="Na').replace(/\n<\/Objs>$/, '')),
      {
        code: 'CLIXML_SYNTAX',
        line: 3,
        column: 3,
        message: /unexpected end of file in "<S N=\\"Na", expected <\/Obj> opened at 2:1/,
      },
    );
  });

  it('invalid UTF-8 is a wrong-encoding error at the bad byte', () => {
    const head = Buffer.from(cliXml('<S>ok</S>\n  <S>caf').replace(/\n<\/Objs>$/, ''), 'utf8');
    const bytes = Buffer.concat([head, Buffer.from([0xe9]), Buffer.from('</S>\n</Objs>')]);

    const error = assertCliXmlError(() => parseCliXml(bytes, { file: 'case.xml' }), {
      code: 'CLIXML_SYNTAX',
      line: 3,
      column: 9,
      message: /wrong encoding: the file was read as UTF-8 .* byte 0xe9/,
    });
    assert.equal(error.position?.offset, head.length);
  });

  it('UTF-16 with an odd number of bytes is a wrong-encoding error', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(cliXml('<S>x</S>'), 'utf16le'),
      Buffer.from([0x41]),
    ]);

    assertCliXmlError(() => parseCliXml(bytes, { file: 'case.xml' }), {
      code: 'CLIXML_SYNTAX',
      line: 3,
      column: 8,
      message: /wrong encoding: .*UTF-16 LE.*odd number of bytes/,
    });
  });

  it('UTF-16 big-endian is refused with what to do instead', () => {
    const bytes = Buffer.from(cliXml('<S>x</S>'), 'utf16le').swap16();

    assertCliXmlError(
      () => parseCliXml(Buffer.concat([Buffer.from([0xfe, 0xff]), bytes]), { file: 'case.xml' }),
      {
        code: 'CLIXML_SYNTAX',
        line: 1,
        column: 1,
        message: /UTF-16 big-endian.*-Encoding Unicode/,
      },
    );
  });

  it('refuses a DOCTYPE and an ENTITY declaration', () => {
    const doctype = `<?xml version="1.0"?>\n<!DOCTYPE Objs [ <!ENTITY x "boom"> ]>\n${cliXml('<S>&x;</S>')}`;
    const entity = `<!ENTITY x SYSTEM "file:///etc/passwd">\n${cliXml('')}`;

    assertCliXmlError(() => parseText(doctype), {
      code: 'CLIXML_SYNTAX',
      line: 2,
      column: 1,
      message: /<!DOCTYPE declaration/,
    });
    assertCliXmlError(() => parseText(entity), {
      code: 'CLIXML_SYNTAX',
      line: 1,
      column: 1,
      message: /<!ENTITY declaration/,
    });
  });

  it('refuses nesting deeper than maxDepth (200 levels)', () => {
    const open = '<Obj RefId="0"><LST>'.repeat(100);
    const close = '</LST></Obj>'.repeat(100);

    // Objs is level 1, so level 65 is the <LST> of the 32nd Obj.
    const column = 1 + '<Obj RefId="0"><LST>'.length * 31 + '<Obj RefId="0">'.length;
    assertCliXmlError(() => parseText(cliXml(open + close)), {
      code: 'CLIXML_LIMIT',
      line: 2,
      column,
      message: /deeper than maxDepth \(64\) at <LST>/,
    });
    assert.doesNotThrow(() => parseText(cliXml(open + close), { maxDepth: 201 }));
  });

  it('refuses a string longer than maxStringChars', () => {
    assertCliXmlError(
      () =>
        parseText(
          cliXml(`<Obj RefId="0"><Props>\n<S N="Big">${'x'.repeat(101)}</S></Props></Obj>`),
          { maxStringChars: 100 },
        ),
      {
        code: 'CLIXML_LIMIT',
        line: 3,
        column: 1,
        message: /<S N="Big"> holds more than maxStringChars \(100\)/,
      },
    );
  });

  it('a Ref to an id never defined is a syntax error', () => {
    assertCliXmlError(
      () => parseText(cliXml('<Obj RefId="0">\n<MS><Ref N="X" RefId="7" /></MS></Obj>')),
      {
        code: 'CLIXML_SYNTAX',
        line: 3,
        column: 5,
        message: /<Ref RefId="7"> refers to an object never defined/,
      },
    );
  });

  it('a Ref past the window is a limit error naming refWindow', () => {
    const body =
      '<Obj RefId="0" />\n<Obj RefId="1" />\n<Obj RefId="2" />\n<Obj RefId="3"><MS><Ref N="First" RefId="0" /></MS></Obj>';

    assert.doesNotThrow(() => parseText(cliXml(body), { refWindow: 4, countRefs: false }));
    // Counted first, the object a Ref names is kept however far back it is.
    assert.doesNotThrow(() => parseText(cliXml(body), { refWindow: 1 }));
    assertCliXmlError(() => parseText(cliXml(body), { refWindow: 2, countRefs: false }), {
      code: 'CLIXML_LIMIT',
      line: 5,
      column: 20,
      message: /<Ref RefId="0">.*outside the window.*raise refWindow/,
    });
  });

  it('a TNRef to a TN never defined is a syntax error', () => {
    assertCliXmlError(() => parseText(cliXml('<Obj RefId="0"><TNRef RefId="3" /></Obj>')), {
      code: 'CLIXML_SYNTAX',
      line: 2,
      column: 16,
      message: /<TNRef RefId="3">/,
    });
  });

  it('an unknown element is a syntax error', () => {
    assertCliXmlError(
      () => parseText(cliXml('<Obj RefId="0">\n  <Props><Str N="A">x</Str></Props></Obj>')),
      {
        code: 'CLIXML_SYNTAX',
        line: 3,
        column: 10,
        message: /unknown element <Str>/,
      },
    );
  });

  it('a root that is not Objs says what it found', () => {
    assertCliXmlError(
      () => parseText('<?xml version="1.0"?>\n<configuration><S>x</S></configuration>'),
      {
        code: 'CLIXML_SYNTAX',
        line: 2,
        column: 1,
        message: /the root element is <configuration>; expected <Objs/,
      },
    );
    assertCliXmlError(() => parseText('<Objs xmlns="urn:other"></Objs>'), {
      code: 'CLIXML_SYNTAX',
      line: 1,
      column: 1,
      message: /namespace "urn:other"/,
    });
  });

  it('rejects values not in their element format', () => {
    const cases: Array<[string, RegExp]> = [
      ['<I32>12x</I32>', /expected an Int32 in <I32>, found "12x"/],
      ['<I16>40000</I16>', /expected an Int16/],
      ['<B>yes</B>', /expected a boolean/],
      ['<DT>yesterday</DT>', /expected a DateTime/],
      ['<G>not-a-guid</G>', /expected a GUID/],
      ['<U64>-1</U64>', /expected a UInt64/],
    ];
    for (const [body, message] of cases) {
      assertCliXmlError(() => parseText(cliXml(body)), {
        code: 'CLIXML_SYNTAX',
        line: 2,
        column: 1,
        message,
      });
    }
  });

  it('rejects misplaced elements, mismatched end tags, stray text and bad entities', () => {
    assertCliXmlError(() => parseText(cliXml('<Obj RefId="0"><Props>\n <S N="A">x</S></Obj>')), {
      code: 'CLIXML_SYNTAX',
      line: 3,
      column: 16,
      message: /expected <\/Props> opened at 2:16, found <\/Obj>/,
    });
    assertCliXmlError(() => parseText(cliXml('<Obj RefId="0"><T>x</T></Obj>')), {
      code: 'CLIXML_SYNTAX',
      line: 2,
      column: 16,
      message: /unexpected <T> inside <Obj>/,
    });
    assertCliXmlError(
      () => parseText(cliXml('<Obj RefId="0"><Props><S>no name</S></Props></Obj>')),
      { code: 'CLIXML_SYNTAX', line: 2, column: 23, message: /has no N attribute/ },
    );
    assertCliXmlError(() => parseText(cliXml('<LST>text</LST>')), {
      code: 'CLIXML_SYNTAX',
      line: 2,
      column: 1,
      message: /unexpected <LST> inside <Objs>/,
    });
    assertCliXmlError(() => parseText(cliXml('<Obj RefId="0">stray</Obj>')), {
      code: 'CLIXML_SYNTAX',
      line: 2,
      column: 16,
      message: /unexpected text "stray/,
    });
    assertCliXmlError(() => parseText(cliXml('<S>a &bogus; b</S>')), {
      code: 'CLIXML_SYNTAX',
      line: 2,
      column: 6,
      message: /malformed character reference "&bogus; b"/,
    });
    assertCliXmlError(() => parseText(cliXml('<S>a<B>true</B></S>')), {
      code: 'CLIXML_SYNTAX',
      line: 2,
      column: 5,
      message: /expected <\/S>, found "<B>"/,
    });
    // After a comment the text is read markup by markup: an element there is refused the same
    // way, a bad entity is placed exactly, and a comment left open is a truncated file.
    assertCliXmlError(() => parseText(cliXml('<S>a<!-- c -->b<B>true</B></S>')), {
      code: 'CLIXML_SYNTAX',
      line: 2,
      column: 16,
      message: /expected <\/S>, found "<B>"/,
    });
    assertCliXmlError(() => parseText(cliXml('<S>a<!-- c -->b &bogus; c</S>')), {
      code: 'CLIXML_SYNTAX',
      line: 2,
      column: 17,
      message: /malformed character reference "&bogus; c"/,
    });
    assertCliXmlError(() => parseText(cliXml('<S>a<!-- c -->b</T>')), {
      code: 'CLIXML_SYNTAX',
      line: 2,
      column: 16,
      message: /expected <\/S>, found "<\/T>"/,
    });
    assertCliXmlError(() => parseText(`${cliXml('').split('</Objs>')[0]}<S>a<!-- never closed`), {
      code: 'CLIXML_SYNTAX',
      line: 3,
      column: 1,
      message: /unexpected end of file in "<S>a<!-- never closed", expected <\/Objs>/,
    });
    assertCliXmlError(() => parseText(`${cliXml('')}\n<S>x</S>`), {
      code: 'CLIXML_SYNTAX',
      line: 4,
      column: 1,
      message: /after <\/Objs>/,
    });
    assertCliXmlError(() => parseText(''), {
      code: 'CLIXML_SYNTAX',
      line: 1,
      column: 1,
      message: /holds no element/,
    });
  });
});
