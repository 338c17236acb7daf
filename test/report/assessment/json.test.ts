import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { assess } from '../../../src/engine/assess/assessment.js';
import { loadEvidence } from '../../../src/evidence/load.js';
import { DEFAULT_POLICY } from '../../../src/policy/defaults.js';
import { assessmentJsonChunks, jsonChunks } from '../../../src/report/assessment/json.js';
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

test('streamed JSON is JSON.stringify for nested, empty, omitted and non-plain values', () => {
  const values: unknown[] = [
    { a: [], b: {}, c: [undefined, () => 1, Symbol('s'), null], d: undefined, e: () => 1 },
    [[[[['deep', { deeper: [1, { deepest: true }] }]]]]],
    { when: new Date(Date.UTC(2026, 11, 3)), map: new Map([['k', 'v']]), text: 'line\nbreak' },
    { nested: { list: [{ x: 1, y: [2, 3] }, 'é ☃ \u2028'], empty: [] } },
    Object.assign(Object.create(null) as object, { bare: 1 }),
    [],
    {},
    'top',
  ];
  for (const value of values)
    for (const depth of [0, 1, 2, 3, 6])
      assert.equal(
        [...jsonChunks(value, '', depth)].join(''),
        JSON.stringify(value, null, 2),
        `depth ${depth}`,
      );
});
