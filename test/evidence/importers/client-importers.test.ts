import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ExztError } from '../../../src/errors.js';
import { readCliXmlFile } from '../../../src/evidence/clixml/index.js';
import { importActiveSyncOrganizationSettings } from '../../../src/evidence/importers/activesync-organization-settings.js';
import { importAuthenticationPolicies } from '../../../src/evidence/importers/authentication-policies.js';
import { importCasMailboxes } from '../../../src/evidence/importers/cas-mailboxes.js';
import { importClientAccessRules } from '../../../src/evidence/importers/client-access-rules.js';
import { importMobileDevicePolicies } from '../../../src/evidence/importers/mobile-device-policies.js';
import { importMobileDevices } from '../../../src/evidence/importers/mobile-devices.js';
import { importOrganizationConfig } from '../../../src/evidence/importers/organization-config.js';
import { importVirtualDirectories } from '../../../src/evidence/importers/virtual-directories.js';
import { importWindowsServices } from '../../../src/evidence/importers/windows-services.js';
import { cliXml, parseText } from '../../helpers/clixml.js';
import { CORPUS_DIR } from '../../helpers/paths.js';

const E19 = path.join(CORPUS_DIR, 'E19');
const typed = (type: string, props: string) =>
  `<Obj RefId="0"><TN RefId="0"><T>Deserialized.${type}</T><T>Deserialized.System.Object</T></TN><Props>${props}</Props></Obj>`;

describe('client evidence importers on the E19 corpus', () => {
  it('os.services: 254 top-level services; POP3/IMAP4 stopped with Manual start (GetService.xml)', async () => {
    const { value, anchors } = importWindowsServices(
      await readCliXmlFile(path.join(E19, 'OS/GetService.xml')),
    );
    assert.equal(value.length, 254);
    assert.equal(anchors.length, 254);
    const legacy = value.filter((service) => /^MSExchange(Pop3|Imap4)/i.test(service.name));
    assert.deepEqual(
      legacy.map((s) => `${s.name} ${s.status} ${s.startType}`),
      [
        'MSExchangeImap4 Stopped Manual',
        'MSExchangeIMAP4BE Stopped Manual',
        'MSExchangePop3 Stopped Manual',
        'MSExchangePOP3BE Stopped Manual',
      ],
    );
  });

  it('organization config: the default authentication policy is OrgWideDefault', async () => {
    const document = await readCliXmlFile(path.join(E19, 'Exchange/GetOrganizationConfig.xml'));
    assert.equal(
      importOrganizationConfig(document).value.defaultAuthenticationPolicy,
      'OrgWideDefault',
    );
  });

  it('OWA directories: download host names, empty and Nil read as not configured', async () => {
    const hosts = async (file: string) => {
      const [owa] = importVirtualDirectories(
        await readCliXmlFile(path.join(E19, 'Exchange', file)),
      ).value;
      return [owa?.internalDownloadHostName, owa?.externalDownloadHostName];
    };
    assert.deepEqual(await hosts('GetOwaVirtualDirectory.xml'), [undefined, undefined]);
    assert.deepEqual(await hosts('GetOwaVirtualDirectory1.xml'), [
      'solo-e19a.solo.com',
      'solo-e19a.solo.com',
    ]);
    assert.deepEqual(await hosts('GetOwaVirtualDirectory2.xml'), [
      undefined,
      'downloadDomain.solo.com',
    ]);
  });
});

describe('client evidence importers on hand-written exports (no HealthChecker file exists)', () => {
  it('mobile.devices: identity, OS, access state and the collector note properties', () => {
    const document = parseText(
      cliXml(
        typed(
          'Microsoft.Exchange.Data.Directory.SystemConfiguration.MobileDevice',
          '<S N="Identity">contoso.com/Users/Ann/ExchangeActiveSyncDevices/iPhone§F1</S>' +
            '<S N="DeviceOS">iOS 17.5 21F79</S><S N="DeviceAccessState">Allowed</S>' +
            '<S N="DeviceAccessStateReason">DeviceRule</S><DT N="FirstSyncTime">2026-01-05T10:00:00Z</DT>' +
            '<DT N="LastSuccessSync">2026-11-29T07:00:00Z</DT><S N="UserPrincipalName">ann@contoso.com</S>',
        ),
      ),
    );
    const [device] = importMobileDevices(document).value;
    assert.deepEqual(device, {
      identity: 'contoso.com/Users/Ann/ExchangeActiveSyncDevices/iPhone§F1',
      deviceOs: 'iOS 17.5 21F79',
      deviceAccessState: 'Allowed',
      deviceAccessStateReason: 'DeviceRule',
      userPrincipalName: 'ann@contoso.com',
      firstSyncTime: '2026-01-05T10:00:00.000Z',
      lastSuccessSync: '2026-11-29T07:00:00.000Z',
    });
  });

  it('mobile device policies: flags, a nullable length and Unlimited attempts', () => {
    const document = parseText(
      cliXml(
        typed(
          'Microsoft.Exchange.Data.Directory.SystemConfiguration.MobileMailboxPolicy',
          '<S N="Name">Default</S><B N="IsDefault">true</B><B N="PasswordEnabled">true</B>' +
            '<I32 N="MinPasswordLength">6</I32><S N="MaxPasswordFailedAttempts">Unlimited</S>' +
            '<B N="RequireDeviceEncryption">false</B><B N="AllowNonProvisionableDevices">true</B>',
        ),
      ),
    );
    assert.deepEqual(importMobileDevicePolicies(document).value, [
      {
        name: 'Default',
        isDefault: true,
        passwordEnabled: true,
        requireDeviceEncryption: false,
        allowNonProvisionableDevices: true,
        minPasswordLength: 6,
      },
    ]);
  });

  it('ActiveSync settings: DefaultAccessLevel as an enum', () => {
    const document = parseText(
      cliXml(
        typed(
          'Microsoft.Exchange.Data.Directory.SystemConfiguration.ActiveSyncOrganizationSettings',
          '<S N="Name">Mobile Mailbox Settings</S><Obj N="DefaultAccessLevel" RefId="1"><TN RefId="1">' +
            '<T>Microsoft.Exchange.Data.Directory.SystemConfiguration.DeviceAccessLevel</T><T>System.Enum</T>' +
            '</TN><ToString>Quarantine</ToString><I32>2</I32></Obj>',
        ),
      ),
    );
    assert.equal(
      importActiveSyncOrganizationSettings(document).value.defaultAccessLevel,
      'Quarantine',
    );
  });

  it('CAS mailboxes: one compact entry per mailbox', () => {
    const mailbox = (name: string, pop: boolean) =>
      typed(
        'Microsoft.Exchange.Data.Directory.Management.CASMailbox',
        `<S N="Identity">contoso.com/Users/${name}</S><B N="PopEnabled">${pop}</B><B N="ImapEnabled">false</B>`,
      ).replace('RefId="0"><TN RefId="0">', `RefId="${name}"><TN RefId="${name}">`);
    const { value } = importCasMailboxes(
      parseText(cliXml(mailbox('Ann', true) + mailbox('Bob', false))),
    );
    assert.deepEqual(
      value.map((m) => [m.identity, m.popEnabled, m.imapEnabled]),
      [
        ['contoso.com/Users/Ann', true, false],
        ['contoso.com/Users/Bob', false, false],
      ],
    );
  });

  it('client access rules: protocols and address lists, flattened text split', () => {
    const document = parseText(
      cliXml(
        typed(
          'Microsoft.Exchange.MessagingPolicies.ClientAccessRules.ADClientAccessRule',
          '<S N="Name">Block admin</S><I32 N="Priority">1</I32><B N="Enabled">true</B><S N="Action">DenyAccess</S>' +
            '<S N="AnyOfProtocols">ExchangeAdminCenter, RemotePowerShell</S>' +
            '<Obj N="ExceptAnyOfClientIPAddressesOrRanges" RefId="1"><TN RefId="1"><T>System.Collections.ArrayList</T></TN>' +
            '<LST><S>10.10.0.0/24</S></LST></Obj>',
        ),
      ),
    );
    const [rule] = importClientAccessRules(document).value;
    assert.deepEqual(rule?.anyOfProtocols, ['ExchangeAdminCenter', 'RemotePowerShell']);
    assert.deepEqual(rule?.exceptAnyOfClientIPAddressesOrRanges, ['10.10.0.0/24']);
    assert.equal(rule?.enabled, true);
  });

  it('authentication policies: the eight on-premises BlockLegacyAuth switches, absent as false', () => {
    const document = parseText(
      cliXml(
        typed(
          'Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthPolicy',
          '<S N="Name">Block legacy</S><B N="BlockLegacyAuthImap">true</B><B N="BlockLegacyAuthPop">true</B>',
        ),
      ),
    );
    const [policy] = importAuthenticationPolicies(document).value;
    assert.equal(policy?.blockLegacyAuth.Imap, true);
    assert.equal(policy?.blockLegacyAuth.Rpc, false);
  });

  it('refuses an object of another type, naming file, line and column', () => {
    const document = parseText(
      cliXml(typed('System.ServiceProcess.ServiceController', '<S N="Name">x</S>')),
    );
    assert.throws(
      () => importCasMailboxes(document),
      (error: unknown) =>
        error instanceof ExztError &&
        /^case\.xml:2:1: expected a CASMailbox object with an Identity/.test(error.describe()),
    );
  });
});
