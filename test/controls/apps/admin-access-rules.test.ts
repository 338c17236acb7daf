import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { adminAccessRules } from '../../../src/controls/apps/admin-access-rules.js';
import type { ClientAccessRule } from '../../../src/evidence/importers/client-access-rules.js';
import { onlyResult, runControl } from '../../helpers/control-harness.js';

const rule = (changes: Partial<ClientAccessRule>): ClientAccessRule => ({
  name: 'Block admin',
  priority: 2,
  enabled: true,
  action: 'DenyAccess',
  anyOfProtocols: ['ExchangeAdminCenter', 'RemotePowerShell'],
  anyOfClientIPAddressesOrRanges: [],
  exceptAnyOfClientIPAddressesOrRanges: ['10.10.0.0/25', '10.10.0.128-10.10.0.255'],
  usernameMatchesAnyOfPatterns: [],
  anyOfAuthenticationTypes: [],
  ...changes,
});
const run = (rules: ClientAccessRule[]) =>
  onlyResult(
    runControl(adminAccessRules, { organization: { 'exchange.client-access-rules': rules } }),
  );

describe('EXZT.APP.4 EAC and remote PowerShell only from admin networks', () => {
  it('passes a deny rule exempting only the admin network (10.10.0.0/24 by default)', () => {
    const allowAdmins = rule({
      name: 'Allow admins',
      priority: 1,
      action: 'AllowAccess',
      anyOfClientIPAddressesOrRanges: ['10.10.0.0/24'],
    });
    assert.equal(run([allowAdmins, rule({})]).outcome, 'pass');
  });

  it('fails without any rule, naming both protocols', () => {
    const result = run([]);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.object),
      ['ExchangeAdminCenter', 'RemotePowerShell'],
    );
  });

  it('fails when the exemption reaches beyond the admin network, or the rule is disabled', () => {
    const wide = run([rule({ exceptAnyOfClientIPAddressesOrRanges: ['10.0.0.0/8'] })]);
    assert.equal(wide.outcome, 'fail');
    assert.match(wide.findings[0]?.message ?? '', /exempts addresses outside/);
    assert.equal(run([rule({ enabled: false })]).outcome, 'fail');
  });

  it('fails when an earlier allow rule admits remote PowerShell from anywhere', () => {
    const allowAll = rule({
      name: 'Allow PS',
      priority: 1,
      action: 'AllowAccess',
      anyOfProtocols: ['RemotePowerShell'],
      exceptAnyOfClientIPAddressesOrRanges: [],
    });
    const result = run([rule({}), allowAll]);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.object),
      ['RemotePowerShell'],
    );
  });

  it('does not count a rule narrowed to some users', () => {
    assert.equal(run([rule({ usernameMatchesAnyOfPatterns: ['*admin*'] })]).outcome, 'fail');
  });

  it('is not assessed without Get-ClientAccessRule', () => {
    assert.equal(
      onlyResult(runControl(adminAccessRules, { organization: {} })).outcome,
      'not-assessed',
    );
  });
});
