import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hostFirewall } from '../../../src/controls/network/host-firewall.js';
import type { FirewallProfile } from '../../../src/evidence/importers/firewall-profiles.js';
import { onlyResult, runControl, type RunOptions } from '../../helpers/control-harness.js';

const ON: FirewallProfile[] = ['Domain', 'Private', 'Public'].map((name) => ({
  name,
  enabled: 'True',
  defaultInboundAction: 'Block',
}));

function run(profiles: FirewallProfile[] | undefined, options: RunOptions = {}) {
  const kinds = profiles === undefined ? {} : { 'os.firewall-profiles': profiles };
  return onlyResult(runControl(hostFirewall, { servers: { EX01: kinds } }, options));
}

describe('EXZT.NET.5 Windows Firewall on, inbound blocked', () => {
  it('passes with every profile on and blocking', () => {
    assert.equal(run(ON).outcome, 'pass');
  });

  it('passes when the active store leaves a profile NotConfigured (Windows default: on, block)', () => {
    const profiles = ON.map((p) => ({
      ...p,
      enabled: 'NotConfigured',
      defaultInboundAction: 'NotConfigured',
    }));
    assert.equal(run(profiles).outcome, 'pass');
  });

  it('fails with the Domain profile off and the Public profile allowing inbound', () => {
    const profiles = [
      { name: 'Domain', enabled: 'False', defaultInboundAction: 'Block' },
      { name: 'Private', enabled: 'True', defaultInboundAction: 'Block' },
      { name: 'Public', enabled: 'True', defaultInboundAction: 'Allow' },
    ];
    const result = run(profiles);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => `${f.object}: ${f.message}`),
      ['Domain: firewall is off', 'Public: unsolicited inbound traffic is allowed by default'],
    );
  });

  it('fails when a profile is missing from the export', () => {
    const result = run(ON.slice(0, 2));
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.object, 'Public');
  });

  it('is not applicable when the policy does not require a firewall', () => {
    const policy = { network: { ...baseNetwork(), requireFirewall: false } };
    assert.equal(run(ON, { policy }).outcome, 'not-applicable');
  });

  it('is not assessed without Get-NetFirewallProfile evidence', () => {
    const result = run(undefined);
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['os.firewall-profiles (not collected)']);
  });
});

function baseNetwork() {
  return {
    internetFacing: [],
    neverInternetFacing: [],
    zones: { admin: ['admin'], clients: ['clients'], servers: ['servers'], backup: ['backup'] },
    separateBackupTraffic: true,
    requireFirewall: true,
  };
}
