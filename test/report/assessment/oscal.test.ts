/**
 * OSCAL assessment-results: deterministic (the same assessment gives the same bytes), UUIDs v5
 * and unique, observations with evidence, a risk for every failure, and the 800-53 ids in the
 * form of NIST's catalogue.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { oscalControlId, renderOscal } from '../../../src/report/assessment/oscal.js';
import { uuidV5 } from '../../../src/report/assessment/uuid-v5.js';
import { cloned, contosoAssessment } from './fixture.js';

interface OscalResult {
  observations: Array<{ uuid: string; 'relevant-evidence'?: Array<{ description: string }> }>;
  risks: Array<{ uuid: string; status: string }>;
  findings: Array<{ uuid: string; target: { 'target-id': string } }>;
}

function result(text: string): OscalResult {
  const document = JSON.parse(text) as { 'assessment-results': { results: OscalResult[] } };
  return document['assessment-results'].results[0] as OscalResult;
}

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidV5', () => {
  it('matches the RFC 9562 test vector (DNS namespace, www.example.com)', () => {
    assert.equal(
      uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'),
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('refuses a namespace that is not a UUID', () => {
    assert.throws(() => uuidV5('x', 'not-a-uuid'), /not a UUID/);
  });
});

describe('OSCAL assessment-results', () => {
  it('is the same document, byte for byte, for the same assessment', async () => {
    const assessment = await contosoAssessment();
    assert.equal(renderOscal(cloned(assessment)), renderOscal(assessment));
  });

  it('uses unique v5 UUIDs, and keeps an observation UUID across runs of other dates', async () => {
    const assessment = await contosoAssessment();
    const text = renderOscal(assessment);
    const uuids = [...text.matchAll(/"uuid": "([^"]+)"/g)].map((m) => m[1] ?? '');
    assert.ok(uuids.length > assessment.results.length * 2);
    assert.equal(new Set(uuids).size, uuids.length, 'a UUID is used twice');
    for (const uuid of uuids) assert.match(uuid, UUID_V5);

    const later = cloned(assessment);
    later.metadata.asOf = '2026-12-31T00:00:00.000Z';
    const next = renderOscal(later);
    assert.notEqual(
      JSON.parse(next)['assessment-results'].uuid,
      JSON.parse(text)['assessment-results'].uuid,
    );
    assert.deepEqual(
      result(next).observations.map((o) => o.uuid),
      result(text).observations.map((o) => o.uuid),
    );
  });

  it('has an observation and a finding per result, and a risk per failure, warning and waiver', async () => {
    const assessment = await contosoAssessment();
    const oscal = result(renderOscal(assessment));
    assert.equal(oscal.observations.length, assessment.results.length);
    assert.equal(oscal.findings.length, assessment.results.length);
    const atRisk = assessment.results.filter((r) => ['fail', 'warn', 'waived'].includes(r.verdict));
    assert.equal(oscal.risks.length, atRisk.length);
    assert.equal(
      oscal.risks.filter((risk) => risk.status === 'deviation-approved').length,
      assessment.summary.waived,
    );
    const withEvidence = oscal.observations.filter(
      (o) => (o['relevant-evidence'] ?? []).length > 0,
    );
    assert.ok(withEvidence.length > assessment.results.length / 2);
    assert.match(
      withEvidence[0]?.['relevant-evidence']?.[0]?.description ?? '',
      /sha256 [0-9a-f]{64}/,
    );
  });

  it("writes 800-53 ids as NIST's OSCAL catalogue does", () => {
    assert.equal(oscalControlId('AC-6(5)'), 'ac-6.5');
    assert.equal(oscalControlId('SI-2'), 'si-2');
  });
});
