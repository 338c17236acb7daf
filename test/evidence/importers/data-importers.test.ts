/**
 * The data slice's importers on HealthChecker's real exports (E19, E16, Shared) where they exist,
 * and on hand-written CliXml for the bundle-only kinds.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ExztError } from '../../../src/errors.js';
import { importAdminAuditLogConfig } from '../../../src/evidence/importers/admin-audit-log-config.js';
import { importApplicationHost } from '../../../src/evidence/importers/application-host.js';
import { importAuthConfig } from '../../../src/evidence/importers/auth-config.js';
import { importBitLockerVolumes } from '../../../src/evidence/importers/bitlocker-volumes.js';
import { importExchangeCertificates } from '../../../src/evidence/importers/exchange-certificates.js';
import { importIrmConfiguration } from '../../../src/evidence/importers/irm-configuration.js';
import { importLogFolders } from '../../../src/evidence/importers/log-folders.js';
import { importMsipcServerAcl } from '../../../src/evidence/importers/msipc-server-acl.js';
import { importReceiveConnectors } from '../../../src/evidence/importers/receive-connectors.js';
import { importSendConnectors } from '../../../src/evidence/importers/send-connectors.js';
import { importTlsSettings } from '../../../src/evidence/importers/tls-settings.js';
import { corpusApplicationHost, corpusValue } from '../../controls/data/corpus.js';
import { cliXml, parseText } from '../../helpers/clixml.js';
import { CORPUS_DIR } from '../../helpers/paths.js';

describe('os.tls-settings importer', () => {
  it('reads the raw registry values of E19, not the stored verdicts', () => {
    const settings = corpusValue('E19/OS/GetAllTlsSettings1.xml', importTlsSettings);
    assert.deepEqual(
      settings.protocols.map((p) => p.version),
      ['1.0', '1.1', '1.2', '1.3'],
    );
    // The stored ServerEnabled of TLS 1.1 says true; the value beside it is 0.
    assert.deepEqual(settings.protocols[1], {
      version: '1.1',
      server: { enabled: 0, disabledByDefault: 1 },
      client: { enabled: 0, disabledByDefault: 1 },
    });
    assert.deepEqual(settings.protocols[0]?.client, { enabled: -1, disabledByDefault: 1 });
    assert.deepEqual(settings.protocols[3], { version: '1.3', server: {}, client: {} });
    assert.deepEqual(settings.dotNet[0], {
      version: 'v4.0.30319',
      systemDefaultTlsVersions: 1,
      schUseStrongCrypto: 0,
      wowSystemDefaultTlsVersions: 1,
      wowSchUseStrongCrypto: 0,
    });
  });

  it('leaves values out that E16 does not define', () => {
    const settings = corpusValue('E16/OS/GetAllTlsSettings.xml', importTlsSettings);
    assert.deepEqual(settings.protocols[0], {
      version: '1.0',
      server: { enabled: 1 },
      client: {},
    });
    assert.deepEqual(settings.dotNet, [{ version: 'v4.0.30319' }, { version: 'v2.0.50727' }]);
  });

  it('refuses an object without the TLS table', () => {
    const document = parseText(
      cliXml(
        '<Obj RefId="0"><TN RefId="0"><T>System.Management.Automation.PSCustomObject</T></TN><MS><Obj N="Registry" RefId="1"><MS><S N="Other">x</S></MS></Obj></MS></Obj>',
      ),
    );
    assert.throws(() => importTlsSettings(document), /Registry\.TLS and Registry\.NET/);
  });
});

describe('exchange.certificates importer', () => {
  it('decodes RawData of the E19 export: names, dates, key, signature and thumbprint', () => {
    const certificates = corpusValue(
      'E19/Exchange/GetExchangeCertificate.xml',
      importExchangeCertificates,
    );
    assert.equal(certificates.length, 3);
    assert.deepEqual(certificates[1], {
      thumbprint: '6C7DE09FB39A40144F57EFEBC3DF0148E3A9AB28',
      subject: 'CN=Solo-E19A',
      issuer: 'CN=Solo-E19A',
      dnsNames: ['Solo-E19A', 'Solo-E19A.Solo.com'],
      notBefore: '2019-12-03T22:45:58.000Z',
      notAfter: '2024-12-03T22:45:58.000Z',
      signatureAlgorithmOid: '1.2.840.113549.1.1.5',
      signatureHash: 'sha1',
      keyType: 'rsa',
      keyBits: 2048,
      selfSigned: true,
    });
  });

  it('reads E16 and says where a RawData that is no certificate sits', () => {
    const certificates = corpusValue(
      'E16/Exchange/GetExchangeCertificate.xml',
      importExchangeCertificates,
    );
    assert.equal(
      certificates[0]?.thumbprint,
      '92E196F3C8D3D753FCFC5B769 0C3173AA1C0ABE3'.replace(/ /g, ''),
    );
    const broken = parseText(
      cliXml(
        '<Obj RefId="0"><TN RefId="0"><T>Deserialized.Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate</T></TN><Props><BA N="RawData">AAEC</BA></Props></Obj>',
      ),
    );
    assert.throws(
      () => importExchangeCertificates(broken),
      (error: unknown) =>
        error instanceof ExztError &&
        /RawData is not a DER certificate/.test(error.message) &&
        error.position?.line === 2,
    );
  });
});

describe('organisation and connector importers on the corpus', () => {
  it('exchange.auth-config: E16 names its own Auth certificate', () => {
    const auth = corpusValue('E16/Exchange/GetAuthConfig.xml', importAuthConfig);
    assert.equal(auth.currentCertificateThumbprint, '92E196F3C8D3D753FCFC5B7690C3173AA1C0ABE3');
  });

  it('exchange.auth-config: the current thumbprint, no next one', () => {
    assert.deepEqual(corpusValue('E19/Exchange/GetAuthConfig.xml', importAuthConfig), {
      currentCertificateThumbprint: 'C3EDCF181EF4F9B53D01768ECA99564014BCA6E7',
      serviceName: '00000002-0000-0ff1-ce00-000000000000',
    });
  });

  it('exchange.receive-connectors: five E19 connectors with their auth mechanisms', () => {
    const connectors = corpusValue('E19/Exchange/GetReceiveConnector.xml', importReceiveConnectors);
    assert.equal(connectors.length, 5);
    assert.deepEqual(connectors[4], {
      name: 'Client Frontend WIN-CTD3L0RGEN4',
      identity: 'WIN-CTD3L0RGEN4\\Client Frontend WIN-CTD3L0RGEN4',
      enabled: true,
      transportRole: 'FrontendTransport',
      bindings: ['[::]:587', '0.0.0.0:587'],
      authMechanism: ['Tls', 'Integrated', 'BasicAuth', 'BasicAuthRequireTLS'],
      permissionGroups: ['ExchangeUsers'],
      remoteIpRanges: ['::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '0.0.0.0-255.255.255.255'],
      requireTls: false,
      domainSecureEnabled: false,
    });
    assert.equal(connectors[2]?.tlsCertificateName, '<I>CN=WIN-CTD3L0RGEN4<S>CN=WIN-CTD3L0RGEN4');
  });

  it('exchange.send-connectors: the Exchange Online connector without TLS settings', () => {
    const [connector] = corpusValue('E19/Exchange/GetSendConnector.xml', importSendConnectors);
    assert.equal(connector?.name, 'Mail to O365');
    assert.deepEqual(connector?.smartHosts, ['microsoft-com.mail.protection.outlook.com']);
    assert.deepEqual(connector?.addressSpaces, ['SMTP:*;1']);
    assert.equal(connector?.requireTls, false);
    assert.equal(connector?.tlsAuthLevel, undefined);
    assert.equal(connector?.cloudServicesMailEnabled, true);
  });

  it('exchange.irm-configuration: licensing off on E19 and E16', () => {
    for (const server of ['E19', 'E16']) {
      assert.deepEqual(
        corpusValue(`${server}/Exchange/GetIrmConfiguration.xml`, importIrmConfiguration),
        {
          internalLicensingEnabled: false,
          externalLicensingEnabled: false,
          azureRmsLicensingEnabled: false,
        },
      );
    }
  });
});

describe('iis.application-host importer', () => {
  it('reads every location of the E19 file with its line, tokenChecking and sslFlags', () => {
    const config = corpusApplicationHost('E19/Exchange/IIS/applicationHost1.config');
    const ews = config.locations.find((l) => l.path === 'Exchange Back End/EWS');
    assert.deepEqual(ews, { path: 'Exchange Back End/EWS', line: 1893, tokenChecking: 'Require' });
    const owa = config.locations.find((l) => l.path === 'Default Web Site/owa');
    assert.equal(owa?.tokenChecking, 'Require');
    assert.equal(
      config.locations.find((l) => l.path === 'Default Web Site')?.sslFlags,
      'Ssl, Ssl128',
    );
  });

  it('reads the IP filter of the Shared Extended Protection data', () => {
    const config = corpusApplicationHost(
      'Shared/ExtendedProtection/E19_Configured_IPFilter_ApplicationHost.config',
    );
    const ews = config.locations.find((l) => l.path.toLowerCase() === 'exchange back end/ews');
    assert.equal(ews?.ipSecurity?.allowUnlisted, 'false');
    assert.ok((ews?.ipSecurity?.entries ?? 0) > 0);
  });

  it('reads E16 and every Shared Extended Protection file without error', () => {
    const e16 = corpusApplicationHost('E16/Exchange/IIS/applicationHost.config');
    assert.ok(e16.locations.some((l) => l.path === 'Default Web Site/owa'));
    const shared = path.join(CORPUS_DIR, 'Shared/ExtendedProtection');
    const files = readdirSync(shared).filter((name) => name.endsWith('.config'));
    assert.equal(files.length, 13);
    for (const name of files) {
      const config = corpusApplicationHost(`Shared/ExtendedProtection/${name}`);
      assert.ok(config.locations.length > 10, name);
    }
  });

  it('refuses the corpus BadApplicationHost.config with its position', () => {
    const file = path.join(CORPUS_DIR, 'E19/Exchange/IIS/BadApplicationHost.config');
    assert.throws(
      () => importApplicationHost(readFileSync(file, 'utf8'), file),
      (error: unknown) => error instanceof ExztError && error.position?.line !== undefined,
    );
  });
});

const CUSTOM = '<TN RefId="0"><T>System.Management.Automation.PSCustomObject</T></TN>';

describe('bundle-only importers on hand-written exports', () => {
  it('os.bitlocker-volumes reads enum names', () => {
    const document = parseText(
      cliXml(
        `<Obj RefId="0"><TN RefId="1"><T>Microsoft.BitLocker.Structures.BitLockerVolume</T></TN><Props><S N="MountPoint">D:</S><Obj N="VolumeStatus" RefId="2"><TN RefId="2"><T>Microsoft.BitLocker.Structures.BitLockerVolumeStatus</T></TN><ToString>FullyEncrypted</ToString><I32>1</I32></Obj><S N="ProtectionStatus">On</S><S N="EncryptionMethod">XtsAes256</S><S N="VolumeType">Data</S></Props></Obj>`,
      ),
    );
    assert.deepEqual(importBitLockerVolumes(document).value, [
      {
        mountPoint: 'D:',
        volumeStatus: 'FullyEncrypted',
        protectionStatus: 'On',
        encryptionMethod: 'XtsAes256',
        volumeType: 'Data',
      },
    ]);
    assert.throws(
      () =>
        importBitLockerVolumes(
          parseText(cliXml(`<Obj RefId="0">${CUSTOM}<MS><S N="MountPoint">C:</S></MS></Obj>`)),
        ),
      /Get-BitLockerVolume/,
    );
  });

  it('exchange.admin-audit-log-config turns the age limit into days', () => {
    const document = parseText(
      cliXml(
        `<Obj RefId="0"><TN RefId="0"><T>Deserialized.Microsoft.Exchange.Management.SystemConfigurationTasks.AdminAuditLogConfig</T></TN><Props><B N="AdminAuditLogEnabled">true</B><TS N="AdminAuditLogAgeLimit">P90D</TS><S N="LogLevel">None</S></Props></Obj>`,
      ),
    );
    assert.deepEqual(importAdminAuditLogConfig(document).value, {
      adminAuditLogEnabled: true,
      ageLimitDays: 90,
      logLevel: 'None',
    });
  });

  it('exchange.log-folders and os.msipc-server-acl read the collector objects', () => {
    const folders = parseText(
      cliXml(
        `<Obj RefId="0">${CUSTOM}<MS><S N="LogType">IIS</S><S N="Path">C:\\inetpub\\logs\\LogFiles\\W3SVC1</S><I32 N="FileCount">120</I32><DT N="OldestFile">2026-07-01T00:00:00Z</DT></MS></Obj>`,
      ),
    );
    assert.deepEqual(importLogFolders(folders).value, [
      {
        logType: 'iis',
        path: 'C:\\inetpub\\logs\\LogFiles\\W3SVC1',
        fileCount: 120,
        oldestFile: '2026-07-01T00:00:00.000Z',
      },
    ]);
    const acl = parseText(
      cliXml(
        `<Obj RefId="0">${CUSTOM}<MS><S N="Sid">S-1-5-20</S><S N="RegistryRights">FullControl</S><S N="AccessControlType">Allow</S><S N="InheritanceFlags">ContainerInherit, ObjectInherit</S></MS></Obj>`,
      ),
    );
    assert.equal(importMsipcServerAcl(acl).value[0]?.sid, 'S-1-5-20');
    assert.throws(
      () =>
        importLogFolders(
          parseText(cliXml(`<Obj RefId="0">${CUSTOM}<MS><S N="Path">x</S></MS></Obj>`)),
        ),
      /LogType, Path and FileCount/,
    );
  });
});
