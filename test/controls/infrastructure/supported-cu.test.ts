import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { supportedCumulativeUpdate } from '../../../src/controls/infrastructure/supported-cu.js';
import { factState, onlyResult, runControl } from '../../helpers/control-harness.js';
import { seServer, serverOnBuild } from './fixtures.js';

describe('EXZT.INF.2 supported Cumulative Update', () => {
  it('passes on Exchange SE RTM, a supported CU', () => {
    const result = onlyResult(runControl(supportedCumulativeUpdate, seServer()));
    assert.equal(result.outcome, 'pass');
    assert.match(result.message, /RTM is a supported CU/);
  });

  it('fails on Exchange 2019 CU11, naming its age and the way out', () => {
    const result = onlyResult(runControl(supportedCumulativeUpdate, serverOnBuild('15.2.986.5')));
    assert.equal(result.outcome, 'fail');
    assert.match(
      result.findings[0]?.message ?? '',
      /^CU11 \(released 2021-09-28, 1889 days ago\) is not supported; move to CU15$/,
    );
  });

  it('is not applicable when the policy allows unsupported versions', () => {
    const result = onlyResult(
      runControl(supportedCumulativeUpdate, seServer(), {
        policy: { infrastructure: { ...relaxedInfrastructure() } },
      }),
    );
    assert.equal(result.outcome, 'not-applicable');
  });

  it('is not assessed without Get-ExchangeServer evidence', () => {
    const spec = seServer({ 'exchange.server': factState('collection-failed') });
    const result = onlyResult(runControl(supportedCumulativeUpdate, spec));
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['exchange.server (collection failed)']);
  });
});

function relaxedInfrastructure() {
  return {
    exchange: { requireLatestSu: true, maxSuAgeDays: 30, supportedOnly: false },
    windows: { supportedOnly: true },
    requireAmsi: true,
    requireEmergencyMitigationService: true,
    maxBackupAgeHours: 48,
  };
}
