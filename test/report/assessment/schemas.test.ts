/**
 * The machine-readable formats validated with a real validator against their schemas: the JSON
 * against schemas/assessment.schema.json, SARIF against the official SARIF 2.1.0 schema, OSCAL
 * against NIST's assessment-results schema, on the sample organisation and corpus E19. Each
 * schema is also shown to reject a broken document, so a validator that accepts anything would
 * fail here.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assessmentJsonChunks } from '../../../src/report/assessment/json.js';
import { renderOscal } from '../../../src/report/assessment/oscal.js';
import { renderSarif } from '../../../src/report/assessment/sarif.js';
import { schemaErrors, validators } from '../../helpers/schema-validators.js';
import { contosoAssessment, e19Assessment } from './fixture.js';

const SAMPLES = [
  ['the sample organisation', contosoAssessment],
  ['HealthChecker corpus E19', e19Assessment],
] as const;

describe('reports validate against their schemas', () => {
  for (const [name, load] of SAMPLES) {
    it(`JSON of ${name} validates against schemas/assessment.schema.json`, async () => {
      const document: unknown = JSON.parse([...assessmentJsonChunks(await load())].join(''));
      const validate = validators().assessment;
      assert.ok(validate(document), schemaErrors(validate));
    });

    it(`SARIF of ${name} validates against the SARIF 2.1.0 schema`, async () => {
      const validate = validators().sarif;
      assert.ok(validate(JSON.parse(renderSarif(await load()))), schemaErrors(validate));
    });

    it(`OSCAL of ${name} validates against the OSCAL assessment-results schema`, async () => {
      const validate = validators().oscal;
      assert.ok(validate(JSON.parse(renderOscal(await load()))), schemaErrors(validate));
    });
  }

  it('each schema rejects a document with a broken member', async () => {
    const assessment = await contosoAssessment();
    const json = JSON.parse([...assessmentJsonChunks(assessment)].join('')) as {
      results: Array<{ verdict: string }>;
    };
    (json.results[0] as { verdict: string }).verdict = 'maybe';
    assert.equal(validators().assessment(json), false);

    const sarif = JSON.parse(renderSarif(assessment)) as { runs: Array<{ results: object[] }> };
    sarif.runs[0]?.results.push({ ruleId: 'X', level: 'catastrophic', message: { text: 'x' } });
    assert.equal(validators().sarif(sarif), false);

    const oscal = JSON.parse(renderOscal(assessment)) as {
      'assessment-results': { uuid: string };
    };
    oscal['assessment-results'].uuid = 'not-a-uuid';
    assert.equal(validators().oscal(oscal), false);
  });
});
