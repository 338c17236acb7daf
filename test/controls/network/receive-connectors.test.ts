import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { anonymousRelay } from '../../../src/controls/network/anonymous-relay.js';
import { receiveConnectorRanges } from '../../../src/controls/network/receive-connector-ranges.js';
import type { ReceiveConnectorPermission } from '../../../src/evidence/importers/receive-connector-permissions.js';
import {
  importReceiveConnectors,
  type ReceiveConnector,
} from '../../../src/evidence/importers/receive-connectors.js';
import { onlyResult, runControl } from '../../helpers/control-harness.js';
import { corpusValue } from './corpus.js';

const E19_CONNECTORS = () =>
  corpusValue('E19/Exchange/GetReceiveConnector.xml', importReceiveConnectors);
const FRONTEND = 'WIN-CTD3L0RGEN4\\Default Frontend WIN-CTD3L0RGEN4';

function connector(name: string, changes: Partial<ReceiveConnector> = {}): ReceiveConnector {
  return {
    name,
    identity: `EX01\\${name}`,
    enabled: true,
    bindings: ['0.0.0.0:25'],
    remoteIpRanges: ['10.40.0.25'],
    authMechanism: ['Tls'],
    permissionGroups: [],
    requireTls: false,
    domainSecureEnabled: false,
    ...changes,
  };
}

function anonymousRelayGrant(connectorIdentity: string, deny = false): ReceiveConnectorPermission {
  return {
    connector: connectorIdentity,
    user: 'NT AUTHORITY\\ANONYMOUS LOGON',
    extendedRights: ['ms-Exch-SMTP-Accept-Any-Recipient'],
    deny,
    inherited: false,
  };
}

function run(
  control: typeof anonymousRelay,
  connectors: ReceiveConnector[],
  permissions?: ReceiveConnectorPermission[],
) {
  const kinds = {
    'exchange.receive-connectors': connectors,
    ...(permissions === undefined ? {} : { 'exchange.receive-connector-permissions': permissions }),
  };
  return onlyResult(runControl(control, { servers: { EX01: kinds } }));
}

describe('EXZT.NET.3 no anonymous or externally secured relay', () => {
  it('is not assessed on E19 alone: Default Frontend admits AnonymousUsers, relay rights unseen', async () => {
    const result = run(anonymousRelay, await E19_CONNECTORS());
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['exchange.receive-connector-permissions']);
    assert.match(result.message, /Default Frontend WIN-CTD3L0RGEN4 admit/);
  });

  it('passes on E19 with Get-ADPermission showing only the default grants', async () => {
    const defaults: ReceiveConnectorPermission[] = [
      { ...anonymousRelayGrant(FRONTEND), extendedRights: ['ms-Exch-SMTP-Submit'] },
    ];
    assert.equal(run(anonymousRelay, await E19_CONNECTORS(), defaults).outcome, 'pass');
  });

  it('fails when ANONYMOUS LOGON holds Accept-Any-Recipient on the Default Frontend connector', async () => {
    const result = run(anonymousRelay, await E19_CONNECTORS(), [anonymousRelayGrant(FRONTEND)]);
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.object, FRONTEND);
    assert.match(result.findings[0]?.message ?? '', /anonymous relay/);
  });

  it('passes when an explicit deny outweighs the grant', () => {
    const relay = connector('Relay', { permissionGroups: ['AnonymousUsers'] });
    const grants = [anonymousRelayGrant('EX01\\Relay'), anonymousRelayGrant('EX01\\Relay', true)];
    assert.equal(run(anonymousRelay, [relay], grants).outcome, 'pass');
  });

  it('fails on an Externally Secured connector even without permission evidence', () => {
    const relay = connector('App relay', {
      authMechanism: ['Tls', 'ExternalAuthoritative'],
      permissionGroups: ['AnonymousUsers', 'ExchangeServers'],
      remoteIpRanges: ['10.40.0.0/24'],
    });
    const result = run(anonymousRelay, [relay]);
    assert.equal(result.outcome, 'fail');
    assert.match(
      result.findings[0]?.message ?? '',
      /Externally Secured: every host in 10\.40\.0\.0\/24/,
    );
  });

  it('ignores disabled connectors', () => {
    const relay = connector('Old relay', {
      enabled: false,
      authMechanism: ['ExternalAuthoritative'],
    });
    assert.equal(run(anonymousRelay, [relay]).outcome, 'pass');
  });

  it('is not assessed without the receive connector export', () => {
    const result = onlyResult(runControl(anonymousRelay, { servers: { EX01: {} } }));
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['exchange.receive-connectors (not collected)']);
  });
});

describe('EXZT.NET.4 receive connector ranges inside declared networks', () => {
  it('passes on E19: only the five setup connectors, each open to every address by design', async () => {
    const result = run(receiveConnectorRanges, await E19_CONNECTORS());
    assert.equal(result.outcome, 'pass');
    assert.match(result.message, /5 enabled receive connector/);
  });

  it('fails on an added relay connector open to 0.0.0.0-255.255.255.255', () => {
    const relay = connector('Internal relay', { remoteIpRanges: ['0.0.0.0-255.255.255.255'] });
    const result = run(receiveConnectorRanges, [relay]);
    assert.equal(result.outcome, 'fail');
    assert.match(result.findings[0]?.message ?? '', /added connector accepts any address/);
  });

  it('fails on a range outside the policy networks, in Exchange range form', () => {
    const relay = connector('Scanner relay', {
      remoteIpRanges: ['10.40.0.10-10.40.0.20', '192.168.7.1-192.168.7.9', 'bogus'],
    });
    const result = run(receiveConnectorRanges, [relay]);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.message),
      [
        "192.168.7.1-192.168.7.9 lies outside the policy's networks",
        'unreadable remote IP range "bogus"',
      ],
    );
  });

  it('passes an added connector scoped to declared networks', () => {
    const relay = connector('Scanner relay', { remoteIpRanges: ['10.40.0.0/25', '10.20.5.7'] });
    assert.equal(run(receiveConnectorRanges, [relay]).outcome, 'pass');
  });

  it('is not applicable with no enabled connector', () => {
    const result = run(receiveConnectorRanges, [connector('Old', { enabled: false })]);
    assert.equal(result.outcome, 'not-applicable');
  });

  it('is not assessed without the receive connector export', () => {
    const result = onlyResult(runControl(receiveConnectorRanges, { servers: { EX01: {} } }));
    assert.equal(result.outcome, 'not-assessed');
  });
});
