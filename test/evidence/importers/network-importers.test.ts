import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ExztError } from '../../../src/errors.js';
import { readCliXmlFile } from '../../../src/evidence/clixml/index.js';
import { importAcceptedDomains } from '../../../src/evidence/importers/accepted-domains.js';
import { importApplicationHost } from '../../../src/evidence/importers/application-host.js';
import { importDagNetworks } from '../../../src/evidence/importers/dag-networks.js';
import { importFirewallProfiles } from '../../../src/evidence/importers/firewall-profiles.js';
import { entryCidr } from '../../../src/evidence/importers/iis-ip-security.js';
import {
  importNetIpConfiguration,
  importNetworkAdapterConfiguration,
} from '../../../src/evidence/importers/network-interfaces.js';
import { importReceiveConnectorPermissions } from '../../../src/evidence/importers/receive-connector-permissions.js';
import { importReceiveConnectors } from '../../../src/evidence/importers/receive-connectors.js';
import { cliXml, parseText } from '../../helpers/clixml.js';
import { CORPUS_DIR } from '../../helpers/paths.js';

const corpus = (...parts: string[]) => readCliXmlFile(path.join(CORPUS_DIR, ...parts));

describe('exchange.accepted-domains on the corpus', () => {
  const cases: [string, string[]][] = [
    ['GetAcceptedDomain.xml', ['Solo.com', '*.contoso.local', '*.com']],
    ['GetAcceptedDomain_Bad.xml', ['Solo.com', '*.contoso.local', '*.com', '*']],
    ['GetAcceptedDomain_Problem.xml', ['Solo.com', '*.contoso.local', '*.com', '*']],
  ];
  for (const [file, names] of cases) {
    it(`reads every DomainName of E19 ${file}`, async () => {
      const { value, anchors } = importAcceptedDomains(await corpus('E19', 'Exchange', file));
      assert.deepEqual(
        value.map((d) => d.domainName),
        names,
      );
      assert.equal(anchors.length, names.length);
    });
  }

  it('reads DomainType by name: the Problem variant’s "*" is InternalRelay', async () => {
    const { value } = importAcceptedDomains(
      await corpus('E19', 'Exchange', 'GetAcceptedDomain_Problem.xml'),
    );
    assert.deepEqual(value[3], {
      name: 'Problem Accepted Domain',
      domainName: '*',
      domainType: 'InternalRelay',
      default: false,
    });
  });

  it('refuses an object that is not an accepted domain, at its position', () => {
    const document = parseText(
      cliXml(
        '<Obj RefId="0"><TN RefId="0"><T>Deserialized.Foo</T></TN><Props><S N="Name">x</S></Props></Obj>',
      ),
    );
    assert.throws(
      () => importAcceptedDomains(document),
      (error: unknown) =>
        error instanceof ExztError && error.code === 'EVIDENCE' && error.position?.line === 2,
    );
  });
});

describe('NIC addresses from both HealthChecker exports', () => {
  const servers: [string, string][] = [
    ['E19', '192.168.11.11'],
    ['E16', '192.168.5.11'],
  ];
  for (const [server, address] of servers) {
    it(`${server}: Get-NetIPConfiguration and Win32_NetworkAdapterConfiguration agree`, async () => {
      const cim = importNetIpConfiguration(
        await corpus(server, 'OS', 'GetNetIPConfiguration.xml'),
      ).value;
      const wmi = importNetworkAdapterConfiguration(
        await corpus(server, 'OS', 'Win32_NetworkAdapterConfiguration.xml'),
      ).value;
      assert.deepEqual(cim[0]?.addresses[0], { address, prefixLength: 24 });
      assert.deepEqual(
        cim[0]?.addresses.map((a) => a.address),
        wmi[0]?.addresses.map((a) => a.address),
      );
      assert.ok(cim[0]?.addresses[1]?.address.startsWith('fe80::'), 'zone id dropped');
      assert.ok(!cim[0]?.addresses[1]?.address.includes('%'));
    });
  }

  it('leaves out WMI adapters without IP', () => {
    const body = `<Obj RefId="0"><TN RefId="0"><T>System.Management.ManagementObject#root\\cimv2\\Win32_NetworkAdapterConfiguration</T></TN>
<Props><S N="Description">WAN Miniport</S><B N="IPEnabled">false</B><Nil N="IPAddress" /></Props></Obj>`;
    assert.deepEqual(importNetworkAdapterConfiguration(parseText(cliXml(body))).value, []);
  });
});

describe('exchange.receive-connectors RemoteIPRanges', () => {
  it('reads the IPRange expressions of the E19 connectors', async () => {
    const { value } = importReceiveConnectors(
      await corpus('E19', 'Exchange', 'GetReceiveConnector.xml'),
    );
    assert.deepEqual(value[0]?.remoteIpRanges, [
      '::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
      '0.0.0.0-255.255.255.255',
    ]);
    assert.ok(value.every((connector) => connector.remoteIpRanges.length === 2));
  });
});

describe('IIS ipSecurity entries in applicationHost.config', () => {
  const text = `<configuration>
  <location path="Default Web Site/ecp">
    <system.webServer><security>
      <ipSecurity allowUnlisted="false">
        <add ipAddress="10.10.0.0" subnetMask="255.255.255.0" allowed="true" />
        <add ipAddress="10.10.0.9" />
        <add domainName="admin.contoso.com" allowed="true" />
      </ipSecurity>
    </security></system.webServer>
  </location>
</configuration>`;

  it('reads allowUnlisted and every entry with its line', () => {
    const location = importApplicationHost(text, 'applicationHost.config').value.locations[0];
    assert.equal(location?.ipSecurity?.allowUnlisted, 'false');
    assert.equal(location?.ipSecurity?.entries, 3);
    assert.deepEqual(
      location?.ipSecurity?.rules.map((r) => [entryCidr(r), r.allowed, r.line]),
      [
        ['10.10.0.0/24', true, 5],
        ['10.10.0.9', false, 6],
        [undefined, true, 7],
      ],
    );
  });

  it('finds no IP restriction on the E19 ecp and PowerShell locations', async () => {
    const { readFile } = await import('node:fs/promises');
    const file = path.join(CORPUS_DIR, 'E19', 'Exchange', 'IIS', 'applicationHost.config');
    const locations = importApplicationHost(await readFile(file, 'utf8'), file).value.locations;
    const admin = locations.filter((l) => /^Default Web Site\/(ecp|PowerShell)$/i.test(l.path));
    assert.equal(admin.length, 2);
    assert.ok(admin.every((l) => l.ipSecurity === undefined));
  });
});

describe('bundle-only network kinds (hand-written CliXml)', () => {
  it('os.firewall-profiles: GpoBoolean and Action enums by name', () => {
    const profile = (name: string, enabled: string, action: string) => `<Obj RefId="${name}">
<TN RefId="${name}"><T>Deserialized.Microsoft.Management.Infrastructure.CimInstance#root/StandardCimv2/MSFT_NetFirewallProfile</T></TN>
<Props><S N="Name">${name}</S>
<Obj N="Enabled"><TN RefId="g${name}"><T>System.Enum</T></TN><ToString>${enabled}</ToString><I32>1</I32></Obj>
<Obj N="DefaultInboundAction"><TN RefId="a${name}"><T>System.Enum</T></TN><ToString>${action}</ToString><I32>4</I32></Obj></Props></Obj>`;
    const document = parseText(
      cliXml(profile('Domain', 'True', 'Block') + profile('Public', 'False', 'NotConfigured')),
    );
    assert.deepEqual(importFirewallProfiles(document).value, [
      { name: 'Domain', enabled: 'True', defaultInboundAction: 'Block' },
      { name: 'Public', enabled: 'False', defaultInboundAction: 'NotConfigured' },
    ]);
  });

  it('exchange.dag-networks: subnet objects and flattened "{subnet,state}" text', () => {
    const network = (name: string, subnets: string, replication: boolean) => `<Obj RefId="${name}">
<TN RefId="${name}"><T>Deserialized.Microsoft.Exchange.Management.SystemConfigurationTasks.DatabaseAvailabilityGroupNetwork</T></TN>
<Props><S N="Name">${name}</S><S N="Identity">DAG1\\${name}</S>${subnets}
<B N="ReplicationEnabled">${replication}</B><B N="MapiAccessEnabled">${!replication}</B><B N="IgnoreNetwork">false</B></Props></Obj>`;
    const objects = `<Obj N="Subnets" RefId="s1"><TN RefId="l"><T>System.Collections.ArrayList</T></TN><LST>
<Obj RefId="s2"><Props><Obj N="SubnetId" RefId="s3"><ToString>10.40.0.0/24</ToString></Obj><S N="State">Up</S></Props></Obj></LST></Obj>`;
    const flattened = '<S N="Subnets">{10.30.0.0/24,Up} {10.31.0.0/24,Up}</S>';
    const { value } = importDagNetworks(
      parseText(
        cliXml(network('MapiDagNetwork', objects, false) + network('Repl', flattened, true)),
      ),
    );
    assert.deepEqual(
      value.map((n) => [n.dag, n.name, n.subnets, n.replicationEnabled]),
      [
        ['DAG1', 'MapiDagNetwork', ['10.40.0.0/24'], false],
        ['DAG1', 'Repl', ['10.30.0.0/24', '10.31.0.0/24'], true],
      ],
    );
  });

  it('exchange.receive-connector-permissions: identity parameters and extended rights', () => {
    const ace = `<Obj RefId="0"><TN RefId="0"><T>Deserialized.Microsoft.Exchange.Management.RecipientTasks.ADAcePresentationObject</T></TN>
<Props><Obj N="Identity" RefId="1"><ToString>EX01\\Relay</ToString></Obj>
<Obj N="User" RefId="2"><Props><S N="RawIdentity">NT AUTHORITY\\ANONYMOUS LOGON</S></Props></Obj>
<Obj N="ExtendedRights" RefId="3"><TN RefId="3"><T>System.Object[]</T></TN><LST>
<Obj RefId="4"><Props><S N="RawIdentity">ms-Exch-SMTP-Accept-Any-Recipient</S></Props></Obj></LST></Obj>
<B N="Deny">false</B><B N="IsInherited">false</B></Props></Obj>`;
    assert.deepEqual(importReceiveConnectorPermissions(parseText(cliXml(ace))).value, [
      {
        connector: 'EX01\\Relay',
        user: 'NT AUTHORITY\\ANONYMOUS LOGON',
        extendedRights: ['ms-Exch-SMTP-Accept-Any-Recipient'],
        deny: false,
        inherited: false,
      },
    ]);
  });

  it('an empty export is an observed empty list', () => {
    assert.deepEqual(importFirewallProfiles(parseText(cliXml(''))).value, []);
    assert.deepEqual(importDagNetworks(parseText(cliXml(''))).value, []);
  });
});
