/**
 * The network controls on the whole E19 HealthChecker folder, loaded through the registry the way
 * `exzt assess` loads it: every control answers (none throws), each as the evidence allows.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { NETWORK_CONTROLS } from '../../../src/controls/network/index.js';
import { runControls } from '../../../src/engine/assess/run-controls.js';
import { buildVersionReport } from '../../../src/engine/version-report/index.js';
import { loadEvidence } from '../../../src/evidence/load.js';
import { DEFAULT_POLICY } from '../../../src/policy/defaults.js';
import { TEST_AS_OF } from '../../helpers/control-harness.js';
import { CORPUS_DIR } from '../../helpers/paths.js';

describe('EXZT.NET controls on the E19 HealthChecker folder', () => {
  it('answers every control as the E19 evidence allows', async () => {
    const evidence = await loadEvidence([path.join(CORPUS_DIR, 'E19')], {
      use: new Map<string, string>(),
      allowModified: false,
    });
    const report = buildVersionReport(evidence, { asOf: TEST_AS_OF, asOfSource: 'option' });
    const results = runControls(NETWORK_CONTROLS, {
      evidence,
      policy: DEFAULT_POLICY,
      attestations: [],
      asOf: TEST_AS_OF,
      versionRows: new Map(report.servers.map((row) => [row.key, row])),
    });

    const outcomes = Object.fromEntries(results.map((r) => [r.control, r.outcome]));
    assert.deepEqual(outcomes, {
      'EXZT.NET.1': 'not-assessed',
      'EXZT.NET.2': 'pass',
      'EXZT.NET.3': 'not-assessed',
      'EXZT.NET.4': 'pass',
      'EXZT.NET.5': 'not-assessed',
      'EXZT.NET.6': 'fail',
      'EXZT.NET.7': 'not-assessed',
      'EXZT.NET.8': 'pass',
      'EXZT.NET.9': 'not-applicable',
    });
    const interfaces = results.find((r) => r.control === 'EXZT.NET.6');
    assert.equal(interfaces?.findings[0]?.message, '192.168.11.11 lies in no declared network');
    assert.match(interfaces?.findings[0]?.evidence[0]?.member ?? '', /GetNetIPConfiguration\.xml$/);
    assert.ok((interfaces?.findings[0]?.evidence[0]?.line ?? 0) > 1, 'provenance names the line');
  });
});
