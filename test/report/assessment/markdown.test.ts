/** The Markdown summary: the sections tickets need, bounded on a large estate, evidence escaped. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  MARKDOWN_LIMITS,
  renderAssessmentMarkdown,
} from '../../../src/report/assessment/markdown.js';
import { contosoAssessment, widened } from './fixture.js';
import { hostileAssessment } from './hostile.js';

/** GitHub's job summary takes 1 MiB; ticket systems far less. Stay well inside both. */
const MAX_MARKDOWN_BYTES = 64 * 1024;

describe('Markdown summary', () => {
  it('holds the area table, the failures, the waivers and the version report', async () => {
    const markdown = renderAssessmentMarkdown(await contosoAssessment());
    for (const heading of [
      '## Areas',
      '## Failures',
      '## Waivers',
      '## Versions',
      '## Frameworks',
    ]) {
      assert.ok(markdown.includes(heading), heading);
    }
    assert.match(markdown, /\| identity \| \d+% \|/);
    assert.match(markdown, /\| critical \| fail \| EXZT\./);
  });

  it('stays bounded on a 240-server estate and says how many it left out', async () => {
    const large = widened(await contosoAssessment(), 40);
    assert.ok(large.versionReport.servers.length >= 200);
    const markdown = renderAssessmentMarkdown(large);
    assert.ok(
      Buffer.byteLength(markdown) < MAX_MARKDOWN_BYTES,
      `${Buffer.byteLength(markdown)} bytes`,
    );
    const failureRows = markdown
      .split('\n')
      .filter((line) => /^\| (critical|high|medium|low|info) \|/.test(line));
    assert.equal(failureRows.length, MARKDOWN_LIMITS.failures);
    assert.match(markdown, /…and \d+ more; the JSON, CSV and HTML reports list them all/);
  });

  it('escapes markup and table breaks in evidence text', async () => {
    const markdown = renderAssessmentMarkdown(hostileAssessment(await contosoAssessment()));
    assert.ok(!markdown.includes('<script>'));
    assert.ok(markdown.includes('\\<script\\>'));
    const lines = markdown.split('\n');
    const width = (line: string) => line.split(/(?<!\\)\|/).length;
    const header = lines.find((line) => line.startsWith('| Severity')) ?? '';
    const hostileRows = lines.filter((line) =>
      /^\| (critical|high|medium|low) \|.*script/.test(line),
    );
    assert.ok(hostileRows.length > 0, 'the hostile server is not among the failures');
    for (const row of hostileRows) assert.equal(width(row), width(header), row);
  });
});
