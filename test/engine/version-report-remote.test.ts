/**
 * The version report takes the probe's leaked build as remote evidence when no server evidence
 * exists, with its source and precision, and adds nothing when servers were collected.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildVersionReport } from '../../src/engine/version-report/index.js';
import type { ProbeObservation } from '../../src/evidence/kinds/probe-kinds.js';
import type { BuildObservation } from '../../src/probe/model.js';
import { syntheticEvidence, TEST_AS_OF } from '../helpers/control-harness.js';

function probed(build: BuildObservation): ProbeObservation {
  return {
    target: { spec: 'mail.contoso.com', host: 'mail.contoso.com', port: 443, service: 'https' },
    addresses: ['203.0.113.10'],
    status: 'assessed',
    https: {
      endpoints: [],
      builds: [build],
      intermediary: { verdict: 'unknown', signs: [] },
      hsts: null,
      headers: {},
    },
    sent: { requests: 13, connections: 13 },
    vantage: 'internet',
    probedAt: '2026-11-30T08:00:00.000Z',
  };
}

const report = (observations: ProbeObservation[], servers = {}) =>
  buildVersionReport(
    syntheticEvidence({ organization: { 'probe.https': observations }, servers }),
    { asOf: TEST_AS_OF, asOfSource: 'option' },
  );

describe('version report from the probe', () => {
  it('makes a row from X-OWA-Version: exact build, SU and open CVEs, sourced to the probe', () => {
    const [row] = report([
      probed({
        version: '15.2.1544.4',
        precision: 'build',
        source: 'X-OWA-Version',
        path: '/owa/',
      }),
    ]).servers;
    assert.equal(row?.key, 'remote:mail.contoso.com:443');
    assert.equal(row?.source, 'probe');
    assert.equal(row?.precision, 'build');
    assert.equal(row?.productName, 'Exchange 2019');
    assert.equal(row?.cu, 'CU14');
    assert.ok((row?.cveCounts.exposed ?? 0) > 0);
    assert.match(
      row?.notes[0] ?? '',
      /^remote evidence: X-OWA-Version at \/owa\/ \(exact build\), seen by exzt probe from internet/,
    );
  });

  it('makes a CU-precision row from the OWA asset path: the SU stays unknown', () => {
    const [row] = report([
      probed({
        version: '15.2.1544',
        precision: 'cu',
        source: 'OWA asset path',
        path: '/owa/auth/logon.aspx',
      }),
    ]).servers;
    assert.equal(row?.precision, 'cu');
    assert.equal(row?.cu, 'CU14');
    assert.equal(row?.su, null);
    assert.match(row?.notes[0] ?? '', /CU only, SU unknown/);
  });

  it('adds no row when server evidence exists', () => {
    const rows = report(
      [
        probed({
          version: '15.2.1544.4',
          precision: 'build',
          source: 'X-OWA-Version',
          path: '/owa/',
        }),
      ],
      { EX01: { 'exchange.setup-version': { fileVersion: '15.2.2562.57' } } },
    ).servers;
    assert.deepEqual(
      rows.map((r) => r.key),
      ['server:ex01'],
    );
  });
});
