/**
 * The hunts on real public attack lines (test/fixtures/logs/SOURCES.md) and on benign lines that
 * look alike: every attack line found at its file:line, no look-alike flagged.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IIS_FIELDS, iisLine, LOG_FIXTURES, placesOf, scan, withFiles } from './scan-helpers.js';

describe('hunts on real attack lines and benign look-alikes', () => {
  it('ProxyLogon SSRF: the ServerInfo~ rows of the helsecert incident, not autodiscover or localhost', async () => {
    const result = await scan(['httpproxy-ecp-proxylogon.log', 'httpproxy-benign.log']);
    const lines = [5, 6, 7, 9, 10, 11, 12, 13, 14].map((n) => `httpproxy-ecp-proxylogon.log:${n}`);
    assert.deepEqual(placesOf(result, 'proxylogon-ssrf'), lines);
    assert.deepEqual(placesOf(result, 'proxylogon-ecp-vdir-reset'), [
      'httpproxy-ecp-proxylogon.log:13',
    ]);
  });

  it('ProxyLogon ECP: script in Set-OabVirtualDirectory ExternalUrl, not a plain URL or $null', async () => {
    const result = await scan(['ecp-server-proxylogon.log']);
    assert.deepEqual(placesOf(result, 'proxylogon-ecp-vdir-script'), [
      'ecp-server-proxylogon.log:5',
      'ecp-server-proxylogon.log:8',
    ]);
    const finding = result.hunts.find((h) => h.hunt === 'proxylogon-ecp-vdir-script')?.findings[0];
    assert.match(finding?.text ?? '', /<script language=""JScript""/);
    assert.equal(finding?.time, '2021-03-03T06:49:53.772Z');
  });

  it('web shell: RedirSuiteServerProxy.aspx found, the shipped RedirSuiteServiceProxy.aspx not', async () => {
    const result = await scan(['iis-webshell.log']);
    assert.deepEqual(
      placesOf(result, 'unshipped-aspx'),
      [5, 6, 7, 8].map((n) => `iis-webshell.log:${n}`),
    );
    const first = result.hunts[0]?.findings[0];
    assert.equal(first?.clientIp, '139.162.202.236');
    assert.equal(first?.time, '2021-03-05T03:06:27.000Z');
  });

  it('ProxyShell: autodiscover.json SSRF and X-Rps-CAT, not Outlook mobile autodiscover.json', async () => {
    const result = await scan(['iis-proxyshell.log']);
    assert.deepEqual(
      placesOf(result, 'proxyshell'),
      [5, 6, 7].map((n) => `iis-proxyshell.log:${n}`),
    );
    assert.equal(result.hunts.length, 1, 'no other hunt fires on these lines');
  });

  it('OWASSRF and ProxyNotShell (%50owershell bypass included), not OWA or WinRM traffic', async () => {
    const result = await scan(['iis-owassrf-proxynotshell.log']);
    assert.deepEqual(placesOf(result, 'owassrf'), ['iis-owassrf-proxynotshell.log:7']);
    assert.deepEqual(placesOf(result, 'proxynotshell'), [
      'iis-owassrf-proxynotshell.log:5',
      'iis-owassrf-proxynotshell.log:6',
    ]);
    assert.deepEqual(placesOf(result, 'proxyshell'), []);
  });

  it('ProxyLogon in IIS: POSTs to static ECP and OWA files that got through, not GETs or refused ones', async () => {
    const result = await scan(['iis-proxylogon-static.log']);
    assert.deepEqual(
      placesOf(result, 'proxylogon-static-post'),
      [5, 6, 7, 8, 9].map((n) => `iis-proxylogon-static.log:${n}`),
    );
    assert.equal(result.hunts.length, 1, 'no other hunt fires on these lines');
    const first = result.hunts[0]?.findings[0];
    assert.equal(first?.clientIp, '203.0.113.81');
    assert.equal(first?.time, '2021-03-03T04:12:31.000Z');
  });

  it('finds attack paths in any letter case: IIS matches paths case-insensitively, so attackers do', async () => {
    const iis = [
      '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken',
      '2026-11-03 15:20:53 10.40.0.11 POST /AutoDiscover/AutoDiscover.Json @evil.corp/PowerShell/?X-Rps-Cat=VgHv&Email=AutoDiscover/AutoDiscover.Json%3F@evil.corp 443 - 203.0.113.7 python - 200 0 0 64',
      '2026-11-03 15:21:00 10.40.0.11 GET /OWA/Auth/Shell.AsPx - 443 - 203.0.113.7 python - 200 0 0 12',
      '2026-11-03 15:22:00 10.40.0.11 GET /OWA/Auth/LogOn.ASPX - 443 - 10.20.1.5 Mozilla/5.0 - 200 0 0 12',
      '',
    ].join('\r\n');
    const result = await withFiles({ 'u_ex261103.log': iis }, (folder) =>
      scan(['u_ex261103.log'], { cwd: folder }),
    );
    assert.deepEqual(placesOf(result, 'proxyshell'), ['u_ex261103.log:2']);
    assert.deepEqual(placesOf(result, 'unshipped-aspx'), ['u_ex261103.log:3']);
  });

  it('finds attack paths spelled with percent-encoded letters, and not the shipped pages so spelled', async () => {
    const line = (stem: string, query: string, user: string, ip: string, status = '200'): string =>
      iisLine('2026-11-03T15:20:53', 'GET', stem, query, user, ip, 'python', status);
    const iis = [
      IIS_FIELDS,
      // ProxyNotShell with no 'owershell' in its bytes; 'json' makes it a ProxyShell candidate only.
      line('/autodiscover/autodiscover.json', '@evil.corp/Pow%65rShell', 'ann', '203.0.113.7'),
      // ProxyShell with every anchor encoded.
      line('/%61utodiscover/%61utodiscover.%6Ason', '@evil.corp/mapi/nspi/', '-', '203.0.113.7'),
      // A web shell whose extension is encoded, in a plain and a malformed (stray %) URL.
      line('/owa/auth/shell.asp%78', '-', '-', '203.0.113.7'),
      line('/owa/auth/sh%zzell.asp%58', '-', '-', '203.0.113.7'),
      // Look-alikes: a shipped page so spelled, and encoded letters in a benign query.
      line('/owa/auth/logon.asp%78', 'url=https%3a%2f%2fmail', '-', '10.20.1.5', '302'),
      line('/owa/', 'ae=Item&id=%41%42%43', 'ann', '10.20.1.5'),
      '',
    ].join('\r\n');
    const result = await withFiles({ 'u_ex261103.log': iis }, (folder) =>
      scan(['u_ex261103.log'], { cwd: folder }),
    );
    assert.deepEqual(placesOf(result, 'proxynotshell'), ['u_ex261103.log:2']);
    assert.deepEqual(placesOf(result, 'proxyshell'), ['u_ex261103.log:3']);
    assert.deepEqual(placesOf(result, 'unshipped-aspx'), ['u_ex261103.log:4', 'u_ex261103.log:5']);
    assert.equal(result.hunts.length, 3, 'no other hunt fires on these lines');
  });

  it('finds the same indicators in the whole folder with worker threads and tiny ranges', async () => {
    const single = await scan([LOG_FIXTURES]);
    const parallel = await scan([LOG_FIXTURES], { threads: 3, rangeBytes: 300 });
    assert.deepEqual(parallel.hunts, single.hunts);
    assert.deepEqual(parallel.sources, single.sources);
    assert.equal(
      single.hunts.reduce((sum, h) => sum + h.count, 0),
      27,
    );
  });
});
