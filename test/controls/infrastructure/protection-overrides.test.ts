import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { noProtectionSwitchedOff } from '../../../src/controls/infrastructure/protection-overrides.js';
import type { SettingOverride } from '../../../src/evidence/importers/setting-overrides.js';
import { factState, onlyResult, runControl } from '../../helpers/control-harness.js';

function override(
  component: string,
  section: string,
  parameter: string,
  extra: Partial<SettingOverride> = {},
): SettingOverride {
  const [name = '', value = ''] = parameter.split('=');
  return {
    name: `${section} override`,
    component,
    section,
    parameters: [{ name, value }],
    servers: [],
    status: 'Accepted',
    ...extra,
  };
}

const run = (overrides: SettingOverride[]) =>
  onlyResult(
    runControl(noProtectionSwitchedOff, {
      organization: { 'exchange.setting-overrides': overrides },
    }),
  );

describe('EXZT.INF.13 no override switches a protection off', () => {
  it('passes when overrides only switch protections on', () => {
    const result = run([override('Data', 'EnableSerializationDataSigning', 'Enabled=true')]);
    assert.equal(result.outcome, 'pass');
  });

  it('fails on the P2 From header fix switched off, naming the CVE it reopens', () => {
    const result = run([
      override('Transport', 'NonCompliantSenderSettings', 'AddP2FromRegexMatchHeader=False', {
        servers: ['EX01'],
      }),
    ]);
    assert.equal(result.outcome, 'fail');
    assert.equal(
      result.findings[0]?.message,
      'Transport/NonCompliantSenderSettings AddP2FromRegexMatchHeader=False: reopens CVE-2024-49040 (EX01)',
    );
  });

  it('fails on AMSI switched off for all servers', () => {
    const result = run([override('Cafe', 'HttpRequestFiltering', 'Enabled=False')]);
    assert.match(result.findings[0]?.message ?? '', /AMSI off \(all servers\)$/);
  });

  it('passes on a rejected override that would switch a protection off', () => {
    const result = run([
      override('Cafe', 'HttpRequestFiltering', 'Enabled=False', { status: 'Rejected' }),
    ]);
    assert.equal(result.outcome, 'pass');
  });

  it('is not assessed without Get-SettingOverride', () => {
    const result = onlyResult(
      runControl(noProtectionSwitchedOff, {
        organization: { 'exchange.setting-overrides': factState('collection-failed') },
      }),
    );
    assert.deepEqual(result.missing, [
      'organization:exchange.setting-overrides (collection failed)',
    ]);
  });
});
