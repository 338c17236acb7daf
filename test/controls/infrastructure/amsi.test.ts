import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { amsiIntegration } from '../../../src/controls/infrastructure/amsi.js';
import type { SettingOverride } from '../../../src/evidence/importers/setting-overrides.js';
import { factState, onlyResult, runControl } from '../../helpers/control-harness.js';
import { MAILBOX_SERVER, seServer, serverOnBuild } from './fixtures.js';

function override(section: string, parameters: string[], extra: Partial<SettingOverride> = {}) {
  return {
    name: `${section} ${parameters.join(' ')}`,
    component: 'Cafe',
    section,
    parameters: parameters.map((text) => {
      const [name = '', value = ''] = text.split('=');
      return { name, value };
    }),
    servers: [],
    status: 'Accepted',
    ...extra,
  };
}

function run(spec: ReturnType<typeof seServer>, overrides: SettingOverride[]) {
  return onlyResult(
    runControl(amsiIntegration, {
      ...spec,
      organization: { 'exchange.setting-overrides': overrides },
    }),
  );
}

describe('EXZT.INF.7 AMSI integration and request body scanning', () => {
  it('passes on Exchange SE without overrides: AMSI and body scanning on by default', () => {
    const result = run(seServer(), []);
    assert.equal(result.outcome, 'pass');
  });

  it('fails when an accepted override sets HttpRequestFiltering Enabled=False', () => {
    const result = run(seServer(), [override('HttpRequestFiltering', ['Enabled=False'])]);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.message),
      ['AMSI switched off'],
    );
  });

  it('ignores an AMSI override scoped to another server or rejected', () => {
    const result = run(seServer(), [
      override('HttpRequestFiltering', ['Enabled=False'], { servers: ['EX02'] }),
      override('HttpRequestFiltering', ['Enabled=False'], { status: 'Rejected' }),
    ]);
    assert.equal(result.outcome, 'pass');
  });

  it('fails when body scanning is switched off with EnabledAll=False', () => {
    const result = run(seServer(), [override('AmsiRequestBodyScanning', ['EnabledAll=False'])]);
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.message, 'body scanning switched off');
  });

  it('fails on a build before Nov24SU, where body scanning does not exist', () => {
    const result = run(serverOnBuild('15.2.986.5'), []);
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.message, 'body scanning needs Nov24SU or later');
  });

  it('is not applicable on Exchange 2019 CU9, which predates AMSI integration', () => {
    const result = run(serverOnBuild('15.2.858.5'), []);
    assert.equal(result.outcome, 'not-applicable');
  });

  it('is not applicable on an Edge Transport server', () => {
    const edge = seServer({
      'exchange.server': { ...MAILBOX_SERVER, serverRoles: ['Edge'], isEdgeServer: true },
    });
    assert.equal(run(edge, []).outcome, 'not-applicable');
  });

  it('is not assessed without the setting overrides', () => {
    const spec = {
      ...seServer(),
      organization: { 'exchange.setting-overrides': factState<SettingOverride[]>('not-collected') },
    };
    const result = onlyResult(runControl(amsiIntegration, spec));
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['organization:exchange.setting-overrides (not collected)']);
  });
});
