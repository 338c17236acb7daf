import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { productWithinLifecycle } from '../../../src/controls/infrastructure/product-lifecycle.js';
import { latestSecurityUpdate } from '../../../src/knowledge/index.js';
import { factState, onlyResult, runControl } from '../../helpers/control-harness.js';
import type { EvidenceSpec } from '../../helpers/control-harness.js';
import { MAILBOX_SERVER, seServer } from './fixtures.js';

const E19_CU15_LATEST = latestSecurityUpdate('Exchange2019', 'CU15')?.build ?? '';
const IN_ESU_PERIOD_2 = '2026-06-01T00:00:00Z';

function exchange2019Cu15() {
  return {
    servers: {
      EX01: {
        'exchange.server': MAILBOX_SERVER,
        'exchange.setup-version': { fileVersion: E19_CU15_LATEST },
      },
    },
  };
}

describe('EXZT.INF.3 product within its support lifecycle', () => {
  it('passes on Exchange SE, supported until 2035', () => {
    const result = onlyResult(runControl(productWithinLifecycle, seServer()));
    assert.equal(result.outcome, 'pass');
    assert.match(result.message, /Exchange Server SE is supported until 2035-12-31/);
  });

  it('fails past the last ESU period, naming the way out', () => {
    const result = onlyResult(runControl(productWithinLifecycle, exchange2019Cu15()));
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]?.message ?? '', /gets no more fixes: .*Exchange Server SE/);
  });

  it('fails inside a paid ESU period when the policy requires supported versions', () => {
    const result = onlyResult(
      runControl(productWithinLifecycle, exchange2019Cu15(), { asOf: IN_ESU_PERIOD_2 }),
    );
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]?.message ?? '', /ESU period 2 \(paid\) runs until 2026-10-31/);
  });

  it('passes inside an ESU period when the policy accepts it', () => {
    const result = onlyResult(
      runControl(productWithinLifecycle, exchange2019Cu15(), {
        asOf: IN_ESU_PERIOD_2,
        policy: {
          infrastructure: {
            exchange: { requireLatestSu: true, maxSuAgeDays: 30, supportedOnly: false },
            windows: { supportedOnly: true },
            requireAmsi: true,
            requireEmergencyMitigationService: true,
            maxBackupAgeHours: 48,
          },
        },
      }),
    );
    assert.equal(result.outcome, 'pass');
    assert.match(result.message, /covered by ESU period 2 until 2026-10-31/);
  });

  it('is not assessed when no build can be read', () => {
    const spec: EvidenceSpec = {
      servers: {
        EX01: {
          'exchange.server': MAILBOX_SERVER,
          'exchange.setup-version': factState('collection-failed'),
        },
      },
    };
    const result = onlyResult(runControl(productWithinLifecycle, spec));
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['exchange.setup-version']);
  });
});
