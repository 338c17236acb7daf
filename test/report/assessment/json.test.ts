import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { assess } from '../../../src/engine/assess/assessment.js';
import { loadEvidence } from '../../../src/evidence/load.js';
import { DEFAULT_POLICY } from '../../../src/policy/defaults.js';
import { assessmentJsonChunks } from '../../../src/report/assessment/json.js';
import { EXAMPLES_DIR } from '../../helpers/paths.js';

test('the chunked JSON of an assessment is byte for byte JSON.stringify(assessment, null, 2)', async () => {
  const evidence = await loadEvidence([path.join(EXAMPLES_DIR, 'contoso', 'bundle')], {
    use: new Map(),
    allowModified: false,
  });
  const assessment = assess({
    evidence,
    policy: DEFAULT_POLICY,
    policySource: { file: null, hash: null },
    waivers: [],
    attestations: [],
    asOf: '2026-11-30T09:00:00Z',
    asOfSource: 'option',
    exztVersion: 'test',
  });
  const chunks = [...assessmentJsonChunks(assessment)];
  assert.ok(chunks.length > assessment.results.length);
  assert.equal(chunks.join(''), `${JSON.stringify(assessment, null, 2)}\n`);
});
