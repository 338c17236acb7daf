import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExztError } from '../../../src/errors.js';
import {
  attribute,
  descendant,
  parseXmlConfig,
} from '../../../src/evidence/xml-config/xml-reader.js';

function errorOf(text: string): ExztError {
  try {
    parseXmlConfig(text, 'case.config');
  } catch (error) {
    assert.ok(error instanceof ExztError);
    return error;
  }
  throw new Error('expected an error');
}

describe('xml-config reader', () => {
  it('reads elements, attributes (any quote, entities) and their line:column', () => {
    const root = parseXmlConfig(
      '\ufeff<?xml version="1.0"?>\n<!-- c -->\n<configuration a="1 &amp; 2">\n  <location path=\'x&#47;y\'><![CDATA[<no/>]]><inner/></location>\n</configuration>',
      'case.config',
    );
    assert.equal(root.name, 'configuration');
    assert.equal(attribute(root, 'A'), '1 & 2');
    const location = descendant(root, 'LOCATION');
    assert.equal(attribute(location, 'path'), 'x/y');
    assert.deepEqual([location?.line, location?.column], [4, 3]);
    assert.equal(location?.children.length, 1);
  });

  it('refuses a DOCTYPE, so no entity can expand', () => {
    const error = errorOf('<!DOCTYPE x [<!ENTITY a "b">]>\n<x/>');
    assert.match(error.message, /refused a DOCTYPE/);
    assert.deepEqual([error.position?.line, error.position?.column], [1, 1]);
  });

  it('names the place of a mismatched end tag, an undeclared entity and a cut-off file', () => {
    assert.deepEqual(errorOf('<a>\n  <b></c>\n</a>').position?.line, 2);
    assert.match(errorOf('<a x="&bogus;"/>').message, /undeclared entity &bogus;/);
    assert.match(errorOf('<a><b/>').message, /the end of <a> before the end of file/);
    assert.match(errorOf('  ').message, /no root element/);
  });

  it('refuses nesting deeper than 256 levels', () => {
    assert.match(errorOf('<a>'.repeat(300)).message, /nesting deeper than 256/);
  });
});
