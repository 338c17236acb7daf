import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  DEFAULT_REF_WINDOW,
  isCliXml,
  readCliXmlFile,
  type CliObject,
} from '../../../src/evidence/clixml/index.js';
import { assertCliXmlError, cliXml, parseText } from '../../helpers/clixml.js';
import { CORPUS_DIR } from '../../helpers/paths.js';

/** Objects 0..count-1, each holding a Ref to `target` when `refersTo(index)` says so. */
function objects(count: number, target: string, refersTo: (index: number) => boolean): string {
  let body = `<Obj RefId="${target}"><ToString>shared</ToString></Obj>\n`;
  for (let index = 0; index < count; index++) {
    const reference = refersTo(index) ? `<MS><Ref N="Shared" RefId="${target}" /></MS>` : '';
    body += `<Obj RefId="o${index}">${reference}</Obj>\n`;
  }
  return body;
}

function sharedOf(node: unknown): CliObject | undefined {
  return (node as CliObject).members.get('shared') as CliObject | undefined;
}

describe('CliXml reader: the RefId windows', () => {
  it('keeps an object that Refs keep naming long after it left the window of definitions', () => {
    const document = parseText(cliXml(objects(50, 's', (index) => index % 3 === 0)), {
      refWindow: 5,
      countRefs: false,
    });

    const first = document.objects[0];
    const referring = document.objects.slice(1).filter((node) => sharedOf(node) !== undefined);
    assert.equal(referring.length, 17);
    for (const node of referring) assert.equal(sharedOf(node), first);
  });

  it('lets go of an object once neither window holds it', () => {
    // s is named by o0, then 12 other objects each name the one before, then o13 names s again.
    let body = '<Obj RefId="s" />\n<Obj RefId="o0"><MS><Ref N="Shared" RefId="s" /></MS></Obj>\n';
    for (let index = 1; index <= 12; index++) {
      body += `<Obj RefId="o${index}"><MS><Ref N="Previous" RefId="o${index - 1}" /></MS></Obj>\n`;
    }
    body += '<Obj RefId="o13"><MS><Ref N="Shared" RefId="s" /></MS></Obj>';
    const text = cliXml(body);
    const lastRef = text.lastIndexOf('<Ref');

    assert.doesNotThrow(() => parseText(text, { refWindow: 14, countRefs: false }));
    assertCliXmlError(() => parseText(text, { refWindow: 10, countRefs: false }), {
      code: 'CLIXML_LIMIT',
      line: text.slice(0, lastRef).split('\n').length,
      column: lastRef - text.lastIndexOf('\n', lastRef),
      message: /<Ref RefId="s">.*outside the window.*raise refWindow/,
    });
  });

  it('counts the window of Refs in Refs, so a busy document keeps a shared object', () => {
    // Object s is named every time, so it stays the most recent Ref however far it was defined.
    const document = parseText(cliXml(objects(200, 's', () => true)), {
      refWindow: 2,
      countRefs: false,
    });
    assert.equal(sharedOf(document.objects[200]), document.objects[0]);
  });

  it(`reads every CliXml file of the corpus with windows of 100 (the default is ${DEFAULT_REF_WINDOW})`, async () => {
    const files = readdirSync(CORPUS_DIR, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.xml'))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .filter((file) => isCliXml(readFileSync(file).subarray(0, 512)));

    let withRefs = 0;
    for (const file of files) {
      await readCliXmlFile(file, { refWindow: 100, countRefs: false });
      if (readFileSync(file, 'latin1').replaceAll('\0', '').includes('<Ref ')) withRefs++;
    }
    assert.ok(files.length > 150, `expected the corpus, found ${files.length} files`);
    assert.ok(withRefs > 10, `expected files with Refs, found ${withRefs}`);
    await assert.rejects(
      readCliXmlFile(
        path.join(CORPUS_DIR, 'E19', 'Exchange', 'GetExchangeDomainsAclPermissions.xml'),
        { refWindow: 10, countRefs: false },
      ),
      /outside the window/,
    );
  });
  it('with keepRefTargets false keeps ids only: any Ref back resolves, to a stand-in', () => {
    // s is defined once and named by the last of 2,000 objects, far outside a window of 1.
    const text = cliXml(objects(2_000, '7', (index) => index === 1_999));
    const ref = text.lastIndexOf('<Ref');
    assertCliXmlError(() => parseText(text, { refWindow: 1, countRefs: false }), {
      code: 'CLIXML_LIMIT',
      line: text.slice(0, ref).split('\n').length,
      column: ref - text.lastIndexOf('\n', ref),
      message: /<Ref RefId="7">.*outside the window/,
    });

    const document = parseText(text, { refWindow: 1, keepRefTargets: false });
    assert.equal(document.objects.length, 2_001);
    const stand = sharedOf(document.objects[2_000]);
    assert.deepEqual(stand?.typeNames, ['exzt.UnheldReference']);
    assert.equal(stand?.members.size, 0);
    assert.equal(sharedOf(document.objects[1_999]), undefined);
  });

  it('with keepRefTargets false a Ref to an id never defined is still a syntax error', () => {
    for (const id of ['5', 'x5', '123456789012']) {
      const body = `<Obj RefId="4" /><Obj RefId="${id === '5' ? '6' : '5'}"><MS><Ref N="A" RefId="${id}" /></MS></Obj>`;
      const text = cliXml(body);
      const ref = text.indexOf('<Ref');
      assertCliXmlError(() => parseText(text, { keepRefTargets: false }), {
        code: 'CLIXML_SYNTAX',
        line: text.slice(0, ref).split('\n').length,
        column: ref - text.lastIndexOf('\n', ref),
        message: new RegExp(`<Ref RefId="${id}"> refers to an object never defined`),
      });
    }
    // Ids past the bitmap and ids that are not decimal are remembered too.
    const body =
      '<Obj RefId="123456789012" /><Obj RefId="x5" /><Obj RefId="9">' +
      '<MS><Ref N="A" RefId="123456789012" /><Ref N="B" RefId="x5" /></MS></Obj>';
    const document = parseText(cliXml(body), { keepRefTargets: false });
    const last = document.objects[2] as CliObject;
    assert.deepEqual((last.members.get('a') as CliObject).typeNames, ['exzt.UnheldReference']);
    assert.deepEqual((last.members.get('b') as CliObject).typeNames, ['exzt.UnheldReference']);
  });
});
