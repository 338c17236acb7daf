import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { formatClixml, formatClixmlChunks } from '../../../src/evidence/clixml/writer.js';
import { bool, list, obj, str } from '../../../src/evidence/clixml/writer-values.js';
import type { WritableObject } from '../../../src/evidence/clixml/writer-values.js';

const MAILBOX_TYPES = ['Deserialized.Microsoft.Exchange.Data.Directory.Management.CASMailbox'];
const LIST_TYPES = ['Deserialized.System.Collections.ArrayList', 'Deserialized.System.Object'];

function mailbox(name: string, shared: WritableObject): WritableObject {
  return obj(MAILBOX_TYPES, {
    toStringText: name,
    props: [
      ['Name', str(name)],
      ['PopEnabled', bool(name === 'Ann')],
      ['EmailAddresses', list(LIST_TYPES, [str(`SMTP:${name}@contoso.com`)])],
      ['Policy', shared],
    ],
  });
}

describe('CliXml writer: chunks per top-level object', () => {
  it('joined, the chunks are the whole-document text (TNRef, Ref and RefIds across chunks)', () => {
    const policy = obj(['Deserialized.Policy'], { props: [['Name', str('Default')]] });
    const objects = ['Ann', 'Bob', 'Cem'].map((name) => mailbox(name, policy));

    const chunks = [...formatClixmlChunks(objects)];

    assert.equal(chunks.length, 4, 'one chunk per object and the closing tag');
    assert.equal(chunks.join(''), formatClixml(objects));
    assert.match(chunks[1] ?? '', /<TNRef RefId="0" \/>/);
    assert.match(chunks[2] ?? '', /<Ref N="Policy" RefId="2" \/>/);
  });

  it('an empty export is the self-closing root, as formatClixml writes it', () => {
    assert.deepEqual([...formatClixmlChunks([], '\n')], [formatClixml([], '\n')]);
  });

  it('takes a lazy sequence: objects are made as they are written', () => {
    let made = 0;
    function* lazy(): Generator<WritableObject> {
      for (const name of ['Ann', 'Bob']) {
        made += 1;
        yield obj(MAILBOX_TYPES, { props: [['Name', str(name)]] });
      }
    }
    const chunks = formatClixmlChunks(lazy());
    chunks.next();
    assert.equal(made, 1);
  });
});
