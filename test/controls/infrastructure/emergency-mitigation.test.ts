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

  /** EX01 on `build`, EEMS enabled and running, assessed at `asOf`. */
  function onBuild(build: string, asOf?: string) {
    const spec = serverOnBuild(build);
    const server = { ...spec.servers.EX01, 'exchange.mitigation-service': RUNNING };
    return onlyResult(
      runControl(
        emergencyMitigationService,
        {
          servers: { EX01: server },
          organization: { 'exchange.organization-config': ORGANIZATION },
        },
        asOf === undefined ? {} : { asOf },
      ),
    );
  }

  it('fails from July 2026 on a build below Jun26SU, which takes no new mitigation', () => {
    // Exchange SE RTM May26HU (15.2.2562.41): the update before Jun26SU (15.2.2562.43).
    const result = onBuild('15.2.2562.41');
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => `${f.object}: ${f.message}`),
      [
        'EX01: build 15.2.2562.41 is below Jun26SU: EEMS takes no mitigation published since 2026-07-01',
      ],
    );
    assert.equal(result.findings[0]?.value, '15.2.2562.41');
    assert.equal(onBuild('15.2.2562.41', '2026-06-30T23:00:00Z').outcome, 'pass');
  });

  it('passes on Jun26SU itself, on every CU that got it', () => {
    for (const build of ['15.2.2562.43', '15.2.1748.46', '15.2.1544.41', '15.1.2507.69']) {
      assert.equal(onBuild(build).outcome, 'pass', build);
    }
  });

  it('names the CU when the CU never got Jun26SU', () => {
    // Exchange 2019 CU13 Feb24SU: supported CUs moved on before June 2026.
    const result = onBuild('15.2.1258.32');
    assert.equal(result.outcome, 'fail');
    assert.match(
      result.findings[0]?.message ?? '',
      /^CU13 never got Jun26SU \(build 15\.2\.1258\.32\)/,
    );
  });

  it('says it cannot tell when only the CU is known and the CU got Jun26SU', () => {
    const server = { ...MAILBOX_SERVER, adminDisplayVersion: 'Version 15.2 (Build 2562.17)' };
    const result = onlyResult(
      runControl(emergencyMitigationService, {
        servers: {
          EX01: { 'exchange.server': server, 'exchange.mitigation-service': RUNNING },
        },
        organization: { 'exchange.organization-config': ORGANIZATION },
      }),
    );
    assert.equal(result.outcome, 'pass');
    assert.match(
      result.message,
      /whether the build has Jun26SU, which new mitigations need, is unknown/,
    );
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
