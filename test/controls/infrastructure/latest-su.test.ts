import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { latestSecurityUpdate } from '../../../src/controls/infrastructure/latest-su.js';
import { buildOf, latestSecurityUpdate as latestSu } from '../../../src/knowledge/index.js';
import { factState, onlyResult, runControl } from '../../helpers/control-harness.js';

const SE_LATEST = latestSu('ExchangeSE', 'RTM');
const server = (build: string, extra = {}) => ({
  servers: {
    EX01: {
      'exchange.server': {
        name: 'EX01',
        serverRoles: ['Mailbox'],
        isEdgeServer: false,
        mitigationsApplied: [],
      },
      'exchange.setup-version': { fileVersion: build },
      ...extra,
    },
  },
});

describe('EXZT.INF.1 latest Security Update installed and active', () => {
  it('passes on the newest SU of Exchange SE', () => {
    const result = onlyResult(runControl(latestSecurityUpdate, server(SE_LATEST?.build ?? '')));
    assert.equal(result.outcome, 'pass');
    assert.equal(result.basis, 'observed');
  });

  it('fails one SU behind once the missing SU is older than maxSuAgeDays', () => {
    const previous = buildOf('ExchangeSE', 'RTM', 'Oct26SU') ?? '';
    const result = onlyResult(
      runControl(latestSecurityUpdate, server(previous), {
        policy: {
          infrastructure: {
            exchange: { requireLatestSu: true, maxSuAgeDays: 7, supportedOnly: true },
          },
        },
      }),
    );
    assert.equal(result.outcome, 'fail');
    assert.equal(result.verdict, 'fail');
    assert.match(
      result.findings[0]?.message ?? '',
      /1 SU\(s\) behind; Nov26SU released \d+ days ago \(policy allows 7\)/,
    );
  });

  it('passes one SU behind while the missing SU is younger than maxSuAgeDays', () => {
    const previous = buildOf('ExchangeSE', 'RTM', 'Oct26SU') ?? '';
    const result = onlyResult(runControl(latestSecurityUpdate, server(previous)));
    assert.equal(result.outcome, 'pass');
    assert.match(result.message, /within 30/);
  });

  it('fails when the latest SU waits for a restart', () => {
    const result = onlyResult(
      runControl(
        latestSecurityUpdate,
        server(SE_LATEST?.build ?? '', {
          'os.operating-system': { lastBootUpTime: '2026-11-02T02:47:13+00:00' },
          'exchange.installed-updates': [
            {
              displayName: 'Security Update for Exchange Server SE RTM',
              installDate: '2026-11-28',
            },
          ],
          'os.reboot-pending': {
            pendingFileRenameOperations: true,
            componentBasedServicing: true,
            autoUpdate: false,
            updateExeVolatile: false,
            ccmRebootPending: false,
            pendingReboot: false,
            locations: [],
          },
        }),
      ),
    );
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]?.message ?? '', /after the last boot/);
  });

  it('is not applicable past end of life (EXZT.INF.3 covers it)', () => {
    const result = onlyResult(runControl(latestSecurityUpdate, server('15.0.1497.48')));
    assert.equal(result.outcome, 'not-applicable');
  });

  it('is not assessed without ExSetup evidence, naming it', () => {
    const result = onlyResult(
      runControl(
        latestSecurityUpdate,
        server('15.2.2562.57', {
          'exchange.setup-version': factState('collection-failed', undefined, 'access denied'),
        }),
      ),
    );
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['exchange.setup-version (collection failed)']);
  });
});
