/**
 * Every format of the fixed sample-organisation Assessment, compared byte for byte with the
 * golden files in test/report/assessment/golden/. A deliberate change to a writer (or to the
 * catalogue or knowledge base) is accepted by `npm run golden:update` and reviewed as a diff.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ASSESSMENT_FORMATS } from '../../../src/report/assessment/formats.js';
import { REPO_ROOT } from '../../helpers/paths.js';
import { contosoAssessment } from './fixture.js';

const GOLDEN_DIR = path.join(REPO_ROOT, 'test', 'report', 'assessment', 'golden');
const UPDATE = process.env.EXZT_UPDATE_GOLDEN === '1';

describe('golden files: every format of the sample organisation as of 2026-11-30', () => {
  // HTML too: its page script is compiled from html/browser/, so a change there shows here.
  for (const format of ASSESSMENT_FORMATS) {
    it(`${format.name} matches golden/contoso.${format.fileName}`, async () => {
      const rendered = [...format.render(await contosoAssessment(), { colour: false })].join('');
      const file = path.join(GOLDEN_DIR, `contoso.${format.fileName}`);
      if (UPDATE) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(file, rendered);
      }
      const golden = readFileSync(file, 'utf8');
      assert.ok(rendered.length > 1000, `${format.name} rendered next to nothing`);
      if (rendered !== golden) {
        assert.fail(`${format.name} differs from ${file} at ${firstDifference(rendered, golden)}`);
      }
    });
  }
});

function firstDifference(actual: string, expected: string): string {
  const actualLines = actual.split('\n');
  const expectedLines = expected.split('\n');
  const index = actualLines.findIndex((line, i) => line !== expectedLines[i]);
  const at = index === -1 ? actualLines.length : index;
  return (
    `line ${at + 1}:\n  actual:   ${actualLines[at]?.slice(0, 200)}\n` +
    `  expected: ${expectedLines[at]?.slice(0, 200)}\n(EXZT_UPDATE_GOLDEN=1 to accept)`
  );
}
