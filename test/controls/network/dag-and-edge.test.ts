import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dagNetworkSeparation } from '../../../src/controls/network/dag-network-separation.js';
import { edgeTransportIsolation } from '../../../src/controls/network/edge-transport-isolation.js';
import type { DagNetwork } from '../../../src/evidence/importers/dag-networks.js';
import type { ExchangeServerInfo } from '../../../src/evidence/importers/exchange-server.js';
import type { SendConnector } from '../../../src/evidence/importers/send-connectors.js';
import { DEFAULT_POLICY } from '../../../src/policy/defaults.js';
import { onlyResult, runControl } from '../../helpers/control-harness.js';

const MAPI: DagNetwork = {
  name: 'MapiDagNetwork',
  dag: 'DAG1',
  subnets: ['10.40.0.0/24'],
  replicationEnabled: false,
  mapiAccessEnabled: true,
  ignoreNetwork: false,
};
const REPLICATION: DagNetwork = {
  name: 'ReplicationDagNetwork01',
  dag: 'DAG1',
  subnets: ['10.30.0.0/24'],
  replicationEnabled: true,
  mapiAccessEnabled: false,
  ignoreNetwork: false,
};

const runDag = (networks: DagNetwork[], separate = true) =>
  onlyResult(
    runControl(
      dagNetworkSeparation,
      { organization: { 'exchange.dag-networks': networks } },
      { policy: { network: { ...DEFAULT_POLICY.network, separateBackupTraffic: separate } } },
    ),
  );

describe('EXZT.NET.7 DAG replication on the backup network, MAPI on the server network', () => {
  it('passes with a MAPI network and a dedicated replication network in their zones', () => {
    assert.equal(runDag([MAPI, REPLICATION]).outcome, 'pass');
  });

  it('fails when the MAPI network also replicates (the Exchange default)', () => {
    const result = runDag([{ ...MAPI, replicationEnabled: true }, REPLICATION]);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => `${f.object}: ${f.message}`),
      [
        'DAG1\\MapiDagNetwork: carries both client (MAPI) and replication traffic',
        'DAG1\\MapiDagNetwork: replicates on 10.40.0.0/24, outside the backup networks',
      ],
    );
  });

  it('fails when the replication network sits outside the backup zone', () => {
    const result = runDag([MAPI, { ...REPLICATION, subnets: ['172.16.0.0/24'] }]);
    assert.equal(result.outcome, 'fail');
    assert.match(
      result.findings[0]?.message ?? '',
      /172\.16\.0\.0\/24, outside the backup networks/,
    );
  });

  it('skips networks the DAG ignores', () => {
    assert.equal(
      runDag([
        MAPI,
        REPLICATION,
        { ...MAPI, name: 'iSCSI', ignoreNetwork: true, replicationEnabled: true },
      ]).outcome,
      'pass',
    );
  });

  it('is not applicable without a DAG, or when the policy does not separate backup traffic', () => {
    assert.equal(runDag([]).outcome, 'not-applicable');
    assert.equal(runDag([{ ...MAPI, replicationEnabled: true }], false).outcome, 'not-applicable');
  });

  it('is not assessed without Get-DatabaseAvailabilityGroupNetwork', () => {
    const result = onlyResult(runControl(dagNetworkSeparation, { organization: {} }));
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['organization:exchange.dag-networks (not collected)']);
  });
});

function server(name: string, fqdn: string, isEdgeServer: boolean): ExchangeServerInfo {
  return {
    name,
    fqdn,
    serverRoles: isEdgeServer ? ['Edge'] : ['Mailbox'],
    isEdgeServer,
    mitigationsApplied: [],
  };
}

function edgeSync(source: string): SendConnector {
  return {
    name: 'EdgeSync - Default-First-Site-Name to Internet',
    enabled: true,
    requireTls: false,
    ignoreStartTls: false,
    smartHosts: [],
    addressSpaces: ['SMTP:*;100'],
    sourceTransportServers: [source],
    dnsRoutingEnabled: true,
    cloudServicesMailEnabled: false,
    domainSecureEnabled: false,
  };
}

function runEdge(edgeFqdn: string, connectors: SendConnector[] | undefined) {
  const results = runControl(edgeTransportIsolation, {
    servers: {
      EX01: { 'exchange.server': server('EX01', 'ex01.contoso.local', false) },
      EDGE01: { 'exchange.server': server('EDGE01', edgeFqdn, true) },
    },
    organization: connectors === undefined ? {} : { 'exchange.send-connectors': connectors },
  });
  return {
    mailbox: results.find((r) => r.subject.name === 'EX01'),
    edge: results.find((r) => r.subject.name === 'EDGE01'),
  };
}

describe('EXZT.NET.9 Edge Transport outside the domain, subscribed through EdgeSync', () => {
  it('passes a workgroup Edge with its own DNS suffix and an EdgeSync connector sourced from it', () => {
    const { mailbox, edge } = runEdge('edge01.perimeter.contoso.com', [edgeSync('EDGE01')]);
    assert.equal(edge?.outcome, 'pass');
    assert.equal(mailbox?.outcome, 'not-applicable');
  });

  it('fails an Edge in the internal domain with no Edge subscription', () => {
    const { edge } = runEdge('edge01.contoso.local', [{ ...edgeSync('EX01'), name: 'Internet' }]);
    assert.equal(edge?.outcome, 'fail');
    assert.deepEqual(
      edge?.findings.map((f) => f.message),
      [
        'FQDN edge01.contoso.local is in the internal domain contoso.local',
        'no EdgeSync send connector names it: no Edge subscription',
      ],
    );
  });

  it('fails when the EdgeSync connectors belong to another Edge', () => {
    const { edge } = runEdge('edge01.perimeter.contoso.com', [edgeSync('EDGE02')]);
    assert.equal(edge?.outcome, 'fail');
  });

  it('is not assessed on the Edge without the send connectors', () => {
    const { edge, mailbox } = runEdge('edge01.perimeter.contoso.com', undefined);
    assert.equal(edge?.outcome, 'not-assessed');
    assert.deepEqual(edge?.missing, ['organization:exchange.send-connectors']);
    assert.equal(mailbox?.outcome, 'not-applicable');
  });
});
