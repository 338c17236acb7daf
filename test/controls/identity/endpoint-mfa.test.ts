import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endpointMfa } from '../../../src/controls/identity/endpoint-mfa.js';
import type {
  AuthMethod,
  VirtualDirectory,
} from '../../../src/evidence/importers/virtual-directories.js';
import type { Attestation, ExchangeEndpoint } from '../../../src/policy/model.js';
import {
  factState,
  onlyResult,
  runControl,
  type KindValues,
} from '../../helpers/control-harness.js';

const directory = (offered: AuthMethod[]): VirtualDirectory[] => [
  { name: 'vdir (Default Web Site)', offered, offeredBy: {}, unrecognised: [] },
];
const exchangeServer = {
  name: 'EX01',
  serverRoles: ['Mailbox'],
  isEdgeServer: false,
  mitigationsApplied: [],
};
const modernAuth: KindValues = {
  'exchange.organization-config': { name: 'Contoso', oauth2ClientProfileEnabled: true },
  'exchange.auth-servers': [
    { name: 'EvoSts - 1', enabled: true, type: 'AzureAD', domainNames: [] },
  ],
};
const attestation = (endpoint: ExchangeEndpoint): Attestation => ({
  fact: `identity.mfa.${endpoint}`,
  statement: 'Published only through the pre-authenticating proxy with MFA',
  attestedBy: 'exchange-admins@contoso.com',
  date: '2026-11-02',
  expires: '2027-05-02',
  source: { file: 'attestations.yaml', line: 1 },
});

function run(
  endpoints: ExchangeEndpoint[],
  server: KindValues,
  options: { organization?: KindValues; attestations?: Attestation[] } = {},
) {
  return onlyResult(
    runControl(
      endpointMfa,
      {
        servers: { EX01: { 'exchange.server': exchangeServer, ...server } },
        organization: options.organization ?? modernAuth,
      },
      {
        policy: { identity: { mfaRequiredFor: endpoints } },
        attestations: options.attestations ?? [],
      },
    ),
  );
}

describe('EXZT.IDN.7 MFA in front of every required endpoint', () => {
  it('passes observed: OWA on ADFS claims only, EWS OAuth-only with hybrid modern auth', () => {
    const result = run(['owa', 'ews'], {
      'exchange.owa-virtual-directory': directory(['adfs']),
      'exchange.web-services-virtual-directory': directory(['oauth', 'wssecurity']),
    });
    assert.equal(result.outcome, 'pass');
    assert.equal(result.basis, 'observed');
  });

  it('passes attested for an endpoint evidence cannot show (Outlook Anywhere behind a proxy)', () => {
    const result = run(
      ['owa', 'rpc'],
      { 'exchange.owa-virtual-directory': directory(['adfs']) },
      {
        attestations: [attestation('rpc')],
      },
    );
    assert.equal(result.outcome, 'pass');
    assert.equal(result.basis, 'attested');
    assert.match(result.message, /attested for rpc/);
  });

  it('fails on OWA offering forms and on OAuth-only EAS without hybrid modern auth', () => {
    const result = run(
      ['owa', 'eas'],
      {
        'exchange.owa-virtual-directory': directory(['basic', 'forms']),
        'exchange.activesync-virtual-directory': directory(['oauth']),
      },
      {
        organization: {
          ...modernAuth,
          'exchange.organization-config': { name: 'Contoso', oauth2ClientProfileEnabled: false },
        },
      },
    );
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => [f.object, f.message]),
      [
        ['owa', 'accepts basic, forms at Exchange; attest identity.mfa.owa if a proxy enforces it'],
        [
          'eas',
          'OAuth only, but hybrid modern authentication is off; attest identity.mfa.eas if a proxy enforces it',
        ],
      ],
    );
  });

  it('fails on remote PowerShell, which no evidence can show behind MFA, without an attestation', () => {
    const result = run(['powershell'], {});
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]?.message ?? '', /cannot defer sign-in to an identity provider/);
  });

  it('is not assessed when an endpoint has neither evidence nor attestation', () => {
    const result = run(['ecp'], {
      'exchange.ecp-virtual-directory': factState('collection-failed'),
    });
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['exchange.ecp-virtual-directory (collection failed)']);
  });

  it('is not applicable on an Edge Transport server', () => {
    const result = run(['owa'], { 'exchange.server': { ...exchangeServer, isEdgeServer: true } });
    assert.equal(result.outcome, 'not-applicable');
  });
});
