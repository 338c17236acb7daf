import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readCliXmlFile } from '../../../src/evidence/clixml/index.js';
import { importHybridConfiguration } from '../../../src/evidence/importers/hybrid-configuration.js';
import {
  importAuthServers,
  importPartnerApplications,
} from '../../../src/evidence/importers/oauth-applications.js';
import { importOrganizationConfig } from '../../../src/evidence/importers/organization-config.js';
import { cliXml, parseText } from '../../helpers/clixml.js';
import { CORPUS_DIR } from '../../helpers/paths.js';

const read = (server: string, file: string) =>
  readCliXmlFile(path.join(CORPUS_DIR, server, 'Exchange', file));

describe('exchange.organization-config importer', () => {
  for (const server of ['E16', 'E19']) {
    it(`${server}: OAuth2ClientProfileEnabled is off`, async () => {
      const { value, anchors } = importOrganizationConfig(
        await read(server, 'GetOrganizationConfig.xml'),
      );
      assert.equal(value.oauth2ClientProfileEnabled, false);
      assert.equal(anchors[1]?.members[0], 'OAuth2ClientProfileEnabled');
    });
  }

  it('E19: name and the other switches', async () => {
    const { value } = importOrganizationConfig(await read('E19', 'GetOrganizationConfig.xml'));
    const { name, oauth2ClientProfileEnabled, mapiHttpEnabled, enableDownloadDomains } = value;
    assert.deepEqual(
      { name, oauth2ClientProfileEnabled, mapiHttpEnabled, enableDownloadDomains },
      {
        name: 'SoloORG',
        oauth2ClientProfileEnabled: false,
        mapiHttpEnabled: true,
        enableDownloadDomains: false,
      },
    );
    assert.equal(value.mitigationsEnabled, true);
  });
});

describe('exchange.partner-applications importer', () => {
  it('E19: Exchange Online and SfB legacy enabled, the Teams apps disabled', async () => {
    const { value } = importPartnerApplications(await read('E19', 'GetPartnerApplication.xml'));
    assert.deepEqual(
      value.map((app) => [app.name, app.enabled, app.applicationIdentifier]),
      [
        ['Exchange Online', true, '00000002-0000-0ff1-ce00-000000000000'],
        ['Microsoft Graph', true, '00000003-0000-0000-c000-000000000000'],
        ['TeamsScheduler', false, '7557eb47-c689-4224-abcf-aef9bd7573df'],
        ['CloudVoicemail', false, 'db7de2b5-2149-435e-8043-e080dd50afae'],
        ['SfBLegacy', true, '00000004-0000-0ff1-ce00-000000000000'],
      ],
    );
  });
});

describe('exchange.hybrid-configuration importer', () => {
  it('E19: configured, with its domain, features and smart host', async () => {
    const { value } = importHybridConfiguration(await read('E19', 'GetHybridConfiguration.xml'));
    assert.equal(value.configured, true);
    assert.deepEqual(value.domains, ['contoso.com']);
    assert.ok(value.features.includes('FreeBusy'));
    assert.equal(value.onPremisesSmartHost, 'mail.contoso.com');
  });

  it('an empty export means the wizard never ran', () => {
    const { value } = importHybridConfiguration(parseText(cliXml('')));
    assert.deepEqual(value, { configured: false, domains: [], features: [] });
  });
});

describe('exchange.auth-servers importer (hand-written: HealthChecker keeps no export)', () => {
  it('reads type, state and application id of each auth server', () => {
    const document = parseText(
      cliXml(`<Obj RefId="0"><TN RefId="0"><T>Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthServer</T></TN>
  <Props><S N="Name">EvoSts - 7e1c2a4b</S><B N="Enabled">true</B><S N="Type">AzureAD</S>
  <S N="ApplicationIdentifier">5f1c9a3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f</S><S N="Realm"></S>
  <Obj N="DomainName" RefId="1"><TN RefId="1"><T>Deserialized.System.Collections.Generic.List\`1[[System.String]]</T></TN><LST><S>contoso.com</S></LST></Obj></Props></Obj>`),
    );
    assert.deepEqual(importAuthServers(document).value, [
      {
        name: 'EvoSts - 7e1c2a4b',
        enabled: true,
        type: 'AzureAD',
        applicationIdentifier: '5f1c9a3e-1d2b-4c5d-8e9f-0a1b2c3d4e5f',
        domainNames: ['contoso.com'],
      },
    ]);
  });

  it('refuses an auth server without Enabled', () => {
    const document = parseText(cliXml(`<Obj RefId="0"><Props><S N="Name">x</S></Props></Obj>`));
    assert.throws(
      () => importAuthServers(document),
      /expected an auth server with Name and Enabled/,
    );
  });
});
