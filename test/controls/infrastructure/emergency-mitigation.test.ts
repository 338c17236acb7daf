import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { emergencyMitigationService } from '../../../src/controls/infrastructure/emergency-mitigation.js';
import type { OrganizationConfig } from '../../../src/evidence/importers/organization-config.js';
import { factState, onlyResult, runControl } from '../../helpers/control-harness.js';
import { MAILBOX_SERVER, seServer, serverOnBuild } from './fixtures.js';

const RUNNING = [{ name: 'MSExchangeMitigation', status: 'Running', startType: 'Automatic' }];
const ORGANIZATION = { name: 'Contoso', mitigationsEnabled: true };

function run(
  extra: Record<string, unknown>,
  organization: OrganizationConfig = ORGANIZATION,
  base = seServer,
) {
  const spec = base({ 'exchange.mitigation-service': RUNNING, ...extra });
  return onlyResult(
    runControl(emergencyMitigationService, {
      ...spec,
      organization: { 'exchange.organization-config': organization },
    }),
  );
}

describe('EXZT.INF.8 Emergency Mitigation Service', () => {
  it('passes when enabled, running and reachable', () => {
    const result = run({ 'exchange.mitigation-endpoint': { statusCode: 200 } });
    assert.equal(result.outcome, 'pass');
    assert.equal(result.message, 'EEMS enabled, MSExchangeMitigation running, endpoint reachable');
  });

  it('fails when the organisation disables mitigations', () => {
    const result = run({}, { name: 'Contoso', mitigationsEnabled: false });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.message, 'mitigations disabled for the organisation');
  });

  it('fails when the server disables mitigations and the service is stopped', () => {
    const result = run({
      'exchange.server': { ...MAILBOX_SERVER, mitigationsEnabled: false },
      'exchange.mitigation-service': [
        { name: 'MSExchangeMitigation', status: 'Stopped', startType: 'Disabled' },
      ],
    });
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.message),
      ['mitigations disabled on the server', 'service Stopped, start Disabled'],
    );
  });

  it('fails when the endpoint cannot be reached', () => {
    const result = run({ 'exchange.mitigation-endpoint': { statusCode: 407 } });
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.message, 'endpoint answered 407');
  });

  it('is not applicable on Exchange 2019 CU10, which predates EEMS', () => {
    const result = run({}, ORGANIZATION, () => ({
      servers: {
        EX01: {
          ...serverOnBuild('15.2.922.7').servers.EX01,
          'exchange.mitigation-service': RUNNING,
        },
      },
    }));
    assert.equal(result.outcome, 'not-applicable');
  });

  it('is not assessed when MitigationsEnabled is missing from the organisation config', () => {
    const result = run({}, { name: 'Contoso' });
    assert.equal(result.outcome, 'not-assessed');
  });

  it('is not assessed without the service export', () => {
    const result = run({ 'exchange.mitigation-service': factState('collection-failed') });
    assert.deepEqual(result.missing, ['exchange.mitigation-service (collection failed)']);
  });
});
