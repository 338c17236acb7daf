import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { serverNetworks } from '../../../src/controls/network/server-networks.js';
import { trafficZones } from '../../../src/controls/network/traffic-zones.js';
import {
  importNetIpConfiguration,
  importNetworkAdapterConfiguration,
  type NetworkInterface,
} from '../../../src/evidence/importers/network-interfaces.js';
import { DEFAULT_POLICY } from '../../../src/policy/defaults.js';
import { onlyResult, runControl } from '../../helpers/control-harness.js';
import { corpusValue } from './corpus.js';

const LAB_NETWORKS = { ...DEFAULT_POLICY.networks, servers: ['192.168.11.0/24', '10.40.0.0/24'] };

function nic(...addresses: string[]): NetworkInterface[] {
  return [{ name: 'Ethernet', addresses: addresses.map((address) => ({ address })) }];
}

const exchangeServer = (isEdgeServer: boolean) => ({
  name: 'EX01',
  serverRoles: isEdgeServer ? ['Edge'] : ['Mailbox'],
  isEdgeServer,
  mitigationsApplied: [],
});

describe('EXZT.NET.6 server interfaces in the server and backup networks', () => {
  it('fails on E19 Get-NetIPConfiguration with the default policy: 192.168.11.11 is undeclared', async () => {
    const interfaces = await corpusValue(
      'E19/OS/GetNetIPConfiguration.xml',
      importNetIpConfiguration,
    );
    const result = onlyResult(
      runControl(serverNetworks, { servers: { EX01: { 'os.net-ip-configuration': interfaces } } }),
    );
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.message),
      ['192.168.11.11 lies in no declared network', 'no address in a server network'],
    );
  });

  it('passes on E19 Win32_NetworkAdapterConfiguration once the lab network is a server network', async () => {
    const interfaces = await corpusValue(
      'E19/OS/Win32_NetworkAdapterConfiguration.xml',
      importNetworkAdapterConfiguration,
    );
    const result = onlyResult(
      runControl(
        serverNetworks,
        { servers: { EX01: { 'os.network-adapter-configuration': interfaces } } },
        { policy: { networks: LAB_NETWORKS } },
      ),
    );
    assert.equal(result.outcome, 'pass');
    assert.match(result.message, /^1 address/, 'the link-local fe80:: address is left out');
  });

  it('passes a DAG member with a replication leg on the backup network', () => {
    const result = onlyResult(
      runControl(serverNetworks, {
        servers: { EX01: { 'os.net-ip-configuration': nic('10.40.0.11', '10.30.0.11') } },
      }),
    );
    assert.equal(result.outcome, 'pass');
  });

  it('fails a server with an interface in the client network, naming it', () => {
    const result = onlyResult(
      runControl(serverNetworks, {
        servers: { EX01: { 'os.net-ip-configuration': nic('10.40.0.11', '10.20.1.5') } },
      }),
    );
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.message, '10.20.1.5 lies in network clients');
  });

  it('is not applicable on an Edge Transport server', () => {
    const kinds = {
      'exchange.server': exchangeServer(true),
      'os.net-ip-configuration': nic('192.0.2.10'),
    };
    assert.equal(
      onlyResult(runControl(serverNetworks, { servers: { EX01: kinds } })).outcome,
      'not-applicable',
    );
  });

  it('is not assessed without either interface export, naming both', () => {
    const result = onlyResult(
      runControl(serverNetworks, {
        servers: { EX01: { 'exchange.server': exchangeServer(false) } },
      }),
    );
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, [
      'os.net-ip-configuration',
      'os.network-adapter-configuration',
    ]);
  });
});

describe('EXZT.NET.8 client, admin, server and backup zones kept apart', () => {
  const servers = {
    EX01: { 'os.net-ip-configuration': nic('10.40.0.11') },
    EX02: { 'os.net-ip-configuration': nic('10.40.0.12', '10.30.0.12') },
  };

  it('passes with the default zones and servers only in server and backup networks, saying traffic is unseen', () => {
    const result = onlyResult(runControl(trafficZones, { servers, organization: {} }));
    assert.equal(result.outcome, 'pass');
    assert.match(result.message, /2 server\(s\).*traffic itself is not seen/);
  });

  it('fails when the client zone overlaps the server zone', () => {
    const networks = { ...DEFAULT_POLICY.networks, clients: ['10.0.0.0/8'] };
    const result = onlyResult(
      runControl(trafficZones, { servers, organization: {} }, { policy: { networks } }),
    );
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.message),
      [
        '10.0.0.0/8 (clients) overlaps 10.40.0.0/24 (servers)',
        '10.0.0.0/8 (clients) overlaps 10.30.0.0/24 (backup)',
        '10.10.0.0/24 (admin) overlaps 10.0.0.0/8 (clients)',
        '10.40.0.11 lies in a client or admin network',
        '10.40.0.12 lies in a client or admin network',
        '10.30.0.12 lies in a client or admin network',
      ],
    );
  });

  it('fails when a server has an address in the admin network', () => {
    const result = onlyResult(
      runControl(trafficZones, {
        servers: { EX01: { 'os.net-ip-configuration': nic('10.10.0.5') } },
      }),
    );
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.object, 'EX01');
  });

  it('is not applicable when the policy does not separate traffic', () => {
    const network = { ...DEFAULT_POLICY.network, separateBackupTraffic: false };
    assert.equal(
      onlyResult(runControl(trafficZones, { servers }, { policy: { network } })).outcome,
      'not-applicable',
    );
  });

  it('is not assessed when no server has an interface export', () => {
    const result = onlyResult(runControl(trafficZones, { servers: { EX01: {} } }));
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, [
      'os.net-ip-configuration',
      'os.network-adapter-configuration',
    ]);
  });
});
