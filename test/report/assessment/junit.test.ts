/**
 * JUnit XML: well-formed whatever the evidence says (markup, `]]>`, control characters), one
 * test case per control and subject, failures, skips, errors and waiver properties where the
 * verdicts say.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { junitChunks } from '../../../src/report/assessment/junit.js';
import { xmlAttribute, xmlText } from '../../../src/report/xml-escape.js';
import { contosoAssessment } from './fixture.js';
import { HOSTILE_SERVER, HOSTILE_SUBJECT, hostileAssessment } from './hostile.js';

interface TestCase {
  name: string;
  failure?: unknown;
  skipped?: unknown;
  error?: unknown;
  properties?: { property: Array<{ name: string; value: string }> };
}

function parse(xml: string): TestCase[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
  });
  const document = parser.parse(xml) as {
    testsuites: { testsuite: Array<{ testcase: TestCase[] }> };
  };
  return document.testsuites.testsuite.flatMap((suite) => suite.testcase);
}

describe('JUnit XML', () => {
  it('has one test case per control and subject, with failures, skips and waivers', async () => {
    const assessment = await contosoAssessment();
    const xml = [...junitChunks(assessment)].join('');
    assert.equal(XMLValidator.validate(xml), true);

    const cases = parse(xml);
    assert.equal(cases.length, assessment.results.length);
    const count = (verdicts: string[]) =>
      assessment.results.filter((r) => verdicts.includes(r.verdict)).length;
    assert.equal(cases.filter((c) => c.failure !== undefined).length, count(['fail']));
    assert.equal(
      cases.filter((c) => c.skipped !== undefined).length,
      count(['not-assessed', 'not-applicable']),
    );
    const waived = cases.filter((c) =>
      c.properties?.property.some((p) => p.name === 'waiver.reason'),
    );
    assert.equal(waived.length, count(['waived']));
  });

  it("stays well-formed with an attacker's markup, ]]> and control characters in evidence", async () => {
    const xml = [...junitChunks(hostileAssessment(await contosoAssessment()))].join('');
    assert.equal(XMLValidator.validate(xml), true, 'not well-formed XML');
    assert.ok(!xml.includes('<script>'), 'raw <script> in the document');
    assert.ok(!xml.includes('<img'), 'raw <img> in the document');
    assert.ok(!xml.includes(']]>'), 'raw ]]> in the document');
    // eslint-disable-next-line no-control-regex -- looking for the forbidden characters
    assert.ok(!/[\u0001\u001b]/.test(xml), 'a control character XML forbids');

    const hostile = parse(xml).find((c) => c.name.includes('<script>'));
    assert.ok(hostile !== undefined, 'the hostile server name did not come back as text');
    assert.ok(hostile.name.includes('\\u0001\\u001b[31m'));
    assert.ok(xml.includes(xmlText(HOSTILE_SUBJECT)));
  });

  it('escapes each markup character, and forbidden characters visibly', () => {
    assert.equal(xmlText(`<a href="x">&'`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    assert.equal(xmlText(']]>'), ']]&gt;');
    assert.equal(xmlText('a\u0000b\u0008c\uFFFEd'), 'a\\u0000b\\u0008c\\ufffed');
    assert.equal(xmlText('lone \uD800 surrogate'), 'lone \\ud800 surrogate');
    assert.equal(xmlText('pair \uD83D\uDE00 kept'), 'pair \uD83D\uDE00 kept');
    assert.equal(xmlAttribute('a\tb\nc\rd'), 'a&#9;b&#10;c&#13;d');
    assert.ok(HOSTILE_SERVER.length > 0);
  });
});
