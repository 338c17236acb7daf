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

    // In catalogue order, NET.1 to NET.18.
    assert.deepEqual(
      results.map((result) => result.control),
      NETWORK_CONTROLS.map((control) => control.id),
    );
    assert.deepEqual(
      results.map((result) => result.outcome),
      [
        'not-assessed', // admin vdirs: IIS open, client access rules not collected
        'pass', // no "*" accepted domain in GetAcceptedDomain.xml
        'not-assessed', // Default Frontend admits anonymous senders; Get-ADPermission not collected
        'pass', // only the setup connectors, open to every address by design
        'not-assessed', // no firewall profiles in a HealthChecker folder
        'fail', // 192.168.11.11 is in no network of the default policy
        'not-assessed', // no DAG network export
        'pass', // zones apart, the server in no client or admin network
        'not-applicable', // not an Edge server
        'not-assessed', // no log scan (exzt assess --logs)
        // NET.11 to NET.18 read exzt probe results, which a HealthChecker folder never holds.
        ...Array.from({ length: 8 }, () => 'not-assessed'),
      ],
    );
    const interfaces = results[5];
    assert.equal(interfaces?.findings[0]?.message, '192.168.11.11 lies in no declared network');
    assert.match(interfaces?.findings[0]?.evidence[0]?.member ?? '', /GetNetIPConfiguration\.xml$/);
    assert.ok((interfaces?.findings[0]?.evidence[0]?.line ?? 0) > 1, 'provenance names the line');
  });
});
