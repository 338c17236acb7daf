import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import {
  isCliXml,
  parseCliXml,
  readCliXmlFile,
  streamCliXml,
  type CliObject,
} from '../../../src/evidence/clixml/index.js';
import {
  countRefs,
  countRefsInFile,
  MAX_COUNTED_IDS,
} from '../../../src/evidence/clixml/ref-counts.js';
import { assertCliXmlError, cliXml, parseText } from '../../helpers/clixml.js';
import { CORPUS_DIR } from '../../helpers/paths.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'exzt-ref-counts-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function utf16(text: string, bom = true): Buffer {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

function named(node: unknown, member: string): CliObject | undefined {
  return (node as CliObject).members.get(member) as CliObject | undefined;
}

describe('CliXml reader: Refs counted before the parse', () => {
  it('counts each RefId named by a Ref, whatever the attribute order, quotes and spacing', () => {
    const text = cliXml(
      [
        '<Obj RefId="0" /><Obj RefId="x"><TN RefId="0"><T>A</T></TN></Obj>',
        '<Obj RefId="1"><MS><Ref N="A" RefId="0" /><Ref RefId=\'0\' N="B"/>',
        '<Ref\r\n  N="C"\tRefId = "x"></Ref><TNRef RefId="0" /></MS></Obj>',
        '<!-- <Refuse RefId="1" /> --><Obj RefId="2"><MS><S N="T">&lt;Ref RefId="1" /&gt;</S></MS></Obj>',
      ].join('\n'),
    );
    const expected = new Map<string | number, number>([
      [0, 2],
      ['x', 1],
    ]);
    assert.deepEqual(countRefs(Buffer.from(text, 'utf8')), expected);
    assert.deepEqual(countRefs(utf16(text)), expected);
    assert.deepEqual(countRefs(utf16(text, false)), expected);
  });

  it('does not take a <Ref that straddles two UTF-16 units for a tag', () => {
    // U+3C41 U+5200 U+6500 U+6600 U+2000 hold the bytes of "<Ref " one byte off the units.
    const text = cliXml(
      '<Obj RefId="0"><MS><S N="Odd">\u3c41\u5200\u6500\u6600\u2000RefId="0"/\u3e00</S></MS></Obj>',
    );
    assert.deepEqual(countRefs(utf16(text)), new Map());
    // Nor `<Re` and a character whose low byte is that of 'f' (U+0166).
    assert.deepEqual(countRefs(utf16(cliXml('<Re\u0166 RefId="0" />'))), new Map());
    assert.deepEqual(countRefs(utf16(cliXml('<Ref RefId="0" />'))), new Map([[0, 1]]));
  });

  it('counts Refs cut by the pieces a file is read in, in UTF-8 and UTF-16 LE', () => {
    // Enough objects that Refs fall across the 1 MiB reads at many alignments.
    let body = '<Obj RefId="0"><ToString>shared</ToString></Obj>\n';
    for (let index = 1; index < 30_000; index++) {
      body += `<Obj RefId="${index}"><MS><S N="Name">object ${'n'.repeat(index % 7)}</S>`;
      body += `<Ref N="Shared" RefId="0" /><Ref N="Previous" RefId="${index - 1}" /></MS></Obj>\n`;
    }
    const text = cliXml(body);
    const expected = new Map<number, number>();
    for (const match of text.matchAll(/<Ref N="\w+" RefId="(\d+)"/g)) {
      const id = Number(match[1]);
      expected.set(id, (expected.get(id) ?? 0) + 1);
    }

    for (const [name, bytes] of [
      ['refs-utf8.xml', Buffer.from(text, 'utf8')],
      ['refs-utf16.xml', utf16(text)],
    ] as const) {
      assert.ok(bytes.length > 2 * 1024 * 1024, `${name} spans several reads`);
      const file = path.join(scratch, name);
      writeFileSync(file, bytes);
      assert.deepEqual(countRefsInFile(file), expected, name);
      assert.deepEqual(countRefs(bytes), expected, name);
    }
  });

  it('keeps the object a Ref names however far back, and the same instance', async () => {
    let body = '<Obj RefId="0"><ToString>shared</ToString></Obj>\n';
    for (let index = 1; index <= 5_000; index++) body += `<Obj RefId="${index}" />\n`;
    body += '<Obj RefId="z"><MS><Ref N="Shared" RefId="0" /><Ref N="Again" RefId="0" /></MS></Obj>';
    const text = cliXml(body);

    const document = parseText(text, { refWindow: 1 });
    const last = document.objects[5_001];
    assert.equal(named(last, 'shared'), document.objects[0]);
    assert.equal(named(last, 'again'), document.objects[0]);

    // Read from a path the counts come from a first pass over the file.
    const file = path.join(scratch, 'far-back.xml');
    writeFileSync(file, utf16(text));
    const read = await readCliXmlFile(file, { refWindow: 1 });
    assert.equal(named(read.objects[5_001], 'shared'), read.objects[0]);
    let streamed = 0;
    for await (const node of streamCliXml(file, { file, refWindow: 1 })) {
      if (streamed++ === 5_001) assert.equal(named(node, 'shared')?.toString, 'shared');
    }
    assert.equal(streamed, 5_002);

    // A stream has no first pass: the windows apply, and the same Ref is too far back.
    await assert.rejects(async () => {
      for await (const node of streamCliXml([Buffer.from(text, 'utf8')], { file, refWindow: 1 }))
        void node;
    }, /outside the window/);
  });

  it('a RefId defined again takes the Refs that follow it', () => {
    const text = cliXml(
      '<Obj RefId="0"><ToString>first</ToString></Obj>\n' +
        '<Obj RefId="1"><MS><Ref N="A" RefId="0" /></MS></Obj>\n' +
        '<Obj RefId="0"><ToString>second</ToString></Obj>\n' +
        '<Obj RefId="2"><MS><Ref N="A" RefId="0" /></MS></Obj>',
    );
    const document = parseText(text, { refWindow: 1 });
    assert.equal(named(document.objects[1], 'a')?.toString, 'first');
    assert.equal(named(document.objects[3], 'a')?.toString, 'second');
  });

  it('keeps at most refWindow objects waiting for Refs, and says so when one was let go', () => {
    // Objects 0, 1 and 2 are all named at the end: three wait at once.
    const body =
      '<Obj RefId="0" />\n<Obj RefId="1" />\n<Obj RefId="2" />\n' +
      '<Obj RefId="3"><MS><Ref N="C" RefId="2" /><Ref N="B" RefId="1" /><Ref N="A" RefId="0" /></MS></Obj>';
    const text = cliXml(body);
    assert.doesNotThrow(() => parseText(text, { refWindow: 3 }));
    const ref = text.lastIndexOf('<Ref');
    assertCliXmlError(() => parseText(text, { refWindow: 2 }), {
      code: 'CLIXML_LIMIT',
      line: 5,
      column: ref - text.lastIndexOf('\n', ref),
      message:
        /<Ref RefId="0"> refers to an object let go because more than refWindow .*raise refWindow/,
    });
    // A Ref to an id never defined is still a syntax error.
    assertCliXmlError(
      () => parseText(cliXml('<Obj RefId="0"><MS><Ref N="A" RefId="9" /></MS></Obj>')),
      {
        code: 'CLIXML_SYNTAX',
        line: 2,
        column: 20,
        message: /<Ref RefId="9"> refers to an object never defined/,
      },
    );
  });

  it('drops the counts past MAX_COUNTED_IDS distinct ids, so the windows apply', () => {
    const refs = (count: number) => {
      let body = '';
      for (let index = 0; index < count; index++) {
        body += `<Obj RefId="${index}" /><Obj RefId="r${index}"><MS><Ref N="A" RefId="${index}" /></MS></Obj>`;
      }
      return Buffer.from(cliXml(body), 'utf8');
    };
    assert.equal(countRefs(refs(MAX_COUNTED_IDS))?.size, MAX_COUNTED_IDS);
    assert.equal(countRefs(refs(MAX_COUNTED_IDS + 1)), undefined);
    const file = path.join(scratch, 'many-ids.xml');
    writeFileSync(file, refs(MAX_COUNTED_IDS + 1));
    assert.equal(countRefsInFile(file), undefined);
    // Each Ref comes right after its object, so the windows read it all the same.
    assert.equal(parseCliXml(refs(MAX_COUNTED_IDS + 1), { file }).objects.length, 200_002);
  });

  it('reads every CliXml file of the corpus to the same documents as the windows do', async () => {
    const files = readdirSync(CORPUS_DIR, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.xml'))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .filter((file) => isCliXml(readFileSync(file).subarray(0, 512)));
    assert.ok(files.length > 150, `expected the corpus, found ${files.length} files`);

    let counted = 0;
    for (const file of files) {
      const bytes = readFileSync(file);
      const counts = countRefs(bytes);
      if (counts !== undefined && counts.size > 0) counted++;
      const windowed = parseCliXml(bytes, { file, countRefs: false });
      assert.deepStrictEqual(await readCliXmlFile(file), windowed, file);
      // Counted, the corpus holds few objects at once (up to 32, in the ACL permission exports).
      parseCliXml(bytes, { file, refWindow: 32 });
    }
    assert.ok(counted > 10, `expected files with Refs, found ${counted}`);
  });
});
