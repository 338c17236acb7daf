import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { legacyAuthBlocked } from '../../../src/controls/apps/legacy-auth-blocked.js';
import {
  LEGACY_AUTH_PROTOCOLS,
  type AuthenticationPolicy,
} from '../../../src/evidence/importers/authentication-policies.js';
import { onlyResult, runControl, type RunOptions } from '../../helpers/control-harness.js';

const policy = (name: string, open: string[] = []): AuthenticationPolicy => ({
  name,
  blockLegacyAuth: Object.fromEntries(
    LEGACY_AUTH_PROTOCOLS.map((protocol) => [protocol, !open.includes(protocol)]),
  ) as AuthenticationPolicy['blockLegacyAuth'],
});
const run = (
  defaultPolicy: string | undefined,
  policies: AuthenticationPolicy[],
  options?: RunOptions,
) =>
  onlyResult(
    runControl(
      legacyAuthBlocked,
      {
        organization: {
          'exchange.organization-config': {
            name: 'Contoso',
            ...(defaultPolicy === undefined ? {} : { defaultAuthenticationPolicy: defaultPolicy }),
          },
          'exchange.authentication-policies': policies,
        },
      },
      options,
    ),
  );

describe('EXZT.APP.7 authentication policies block legacy authentication', () => {
  it('passes a default policy that blocks all eight protocols', () => {
    assert.equal(run('Block legacy auth', [policy('Block legacy auth')]).outcome, 'pass');
  });

  it('fails without a default policy (E19 names OrgWideDefault, which Get-AuthenticationPolicy must list)', () => {
    assert.equal(
      run(undefined, []).findings[0]?.message,
      'not set: users without a policy may use legacy auth',
    );
    assert.equal(
      run('OrgWideDefault', []).findings[0]?.message,
      'the default policy is not in the export',
    );
  });

  it('fails a default policy that leaves IMAP and POP open, and another policy that reopens RPC', () => {
    const result = run('Default', [policy('Default', ['Imap', 'Pop']), policy('Sales', ['Rpc'])]);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => `${f.object}: ${f.message}`),
      [
        'Default: default policy allows legacy auth for Imap, Pop',
        'Sales: allows legacy auth for Rpc',
      ],
    );
  });

  it('is not applicable when the policy allows Basic authentication', () => {
    const options = { policy: { apps: { basicAuth: 'allow' as const } } };
    assert.equal(run(undefined, [], options).outcome, 'not-applicable');
  });

  it('is not assessed without Get-AuthenticationPolicy', () => {
    const result = onlyResult(
      runControl(legacyAuthBlocked, {
        organization: { 'exchange.organization-config': { name: 'C' } },
      }),
    );
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['exchange.authentication-policies (not collected)']);
  });
});
