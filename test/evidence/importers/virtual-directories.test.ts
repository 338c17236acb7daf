import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readCliXmlFile } from '../../../src/evidence/clixml/index.js';
import { importVirtualDirectories } from '../../../src/evidence/importers/virtual-directories.js';
import { cliXml, parseText } from '../../helpers/clixml.js';
import { CORPUS_DIR } from '../../helpers/paths.js';

const read = (server: string, file: string) =>
  readCliXmlFile(path.join(CORPUS_DIR, server, 'Exchange', file));

describe('virtual directory importer on the HealthChecker corpus', () => {
  it('E19 OWA: Basic and forms from the AD lists although the IIS switches read false', async () => {
    const [owa] = importVirtualDirectories(await read('E19', 'GetOwaVirtualDirectory.xml')).value;

    assert.equal(owa?.name, 'owa (Default Web Site)');
    assert.equal(owa?.server, 'SOLO-E19A');
    assert.equal(owa?.internalUrl, 'https://solo-e19a.solo.com/owa');
    assert.deepEqual(owa?.offered, ['basic', 'forms']);
    assert.deepEqual(owa?.offeredBy.basic, ['InternalAuthenticationMethods']);
  });

  it('E19 OWA1: the switches agree with the lists', async () => {
    const [owa] = importVirtualDirectories(await read('E19', 'GetOwaVirtualDirectory1.xml')).value;
    assert.deepEqual(owa?.offeredBy.basic, [
      'BasicAuthentication',
      'InternalAuthenticationMethods',
    ]);
  });

  for (const server of ['E16', 'E19']) {
    it(`${server} EWS: Windows (Negotiate + NTLM), WS-Security and OAuth`, async () => {
      const document = await read(server, 'GetWebServicesVirtualDirectory.xml');
      const [ews] = importVirtualDirectories(document).value;
      assert.equal(ews?.name, 'EWS (Default Web Site)');
      assert.deepEqual(ews?.offered, ['negotiate', 'ntlm', 'oauth', 'wssecurity']);
    });
  }
});

describe('virtual directory importer on hand-written exports', () => {
  it('reads Outlook Anywhere client methods and MAPI flag text, keeping unknown names', () => {
    const document = parseText(
      cliXml(`<Obj RefId="0"><TN RefId="0"><T>Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.ADRpcHttpVirtualDirectory</T></TN>
  <Props><S N="Name">Rpc (Default Web Site)</S><S N="ExternalClientAuthenticationMethod">Basic</S>
  <S N="InternalClientAuthenticationMethod">Ntlm</S><S N="IISAuthenticationMethods">Basic, Ntlm, Negotiate, Smartcard</S></Props></Obj>`),
    );
    const [rpc] = importVirtualDirectories(document).value;

    assert.deepEqual(rpc?.offered, ['basic', 'negotiate', 'ntlm']);
    assert.deepEqual(rpc?.unrecognised, ['Smartcard']);
  });

  it('reads the ActiveSync switches BasicAuthEnabled and WindowsAuthEnabled', () => {
    const document = parseText(
      cliXml(`<Obj RefId="0"><TN RefId="0"><T>Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.ADMobileVirtualDirectory</T></TN>
  <Props><S N="Name">Microsoft-Server-ActiveSync (Default Web Site)</S><B N="BasicAuthEnabled">true</B><B N="WindowsAuthEnabled">false</B></Props></Obj>`),
    );
    assert.deepEqual(importVirtualDirectories(document).value[0]?.offered, ['basic']);
  });

  it('refuses a directory without a Name at its line and column', () => {
    const document = parseText(
      cliXml(`<Obj RefId="0"><Props><B N="BasicAuthentication">true</B></Props></Obj>`),
    );
    assert.throws(
      () => importVirtualDirectories(document),
      (error: Error & { position?: { line: number; column: number } }) =>
        /expected a virtual directory object with a Name/.test(error.message) &&
        error.position?.line === 2 &&
        error.position.column === 1,
    );
  });
});
