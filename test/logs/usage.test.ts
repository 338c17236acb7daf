/**
 * Zero Trust in practice: the policy checks a scan with a policy makes, on hand-made lines in the
 * real formats (IIS, HttpProxy, POP3/IMAP4), judged against the default policy's networks
 * (admin 10.10.0.0/24, clients 10.20.0.0/16, servers 10.40.0.0/24) and hours (Mon–Fri
 * 07:00–19:00 Europe/Amsterdam).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_POLICY } from '../../src/policy/defaults.js';
import { adminHoursTest } from '../../src/logs/admin-hours.js';
import { parseUserAgent } from '../../src/logs/user-agents.js';
import { IIS_FIELDS, iisLine, scan, withFiles } from './scan-helpers.js';

const OUTLOOK_OLD = 'Microsoft+Office/16.0+(Windows+NT+10.0;+Microsoft+Outlook+16.0.16130;+Pro)';

const IIS = [
  IIS_FIELDS,
  // Tuesday 10:00 Amsterdam, from the admin network: allowed.
  iisLine(
    '2026-11-03T09:00:00',
    'GET',
    '/ecp/',
    '-',
    'CONTOSO\\admin',
    '10.10.0.5',
    'Mozilla/5.0',
    '200',
  ),
  // Tuesday 03:00 Amsterdam, from a client network: both rules broken.
  iisLine(
    '2026-11-03T02:00:00',
    'POST',
    '/powershell',
    '-',
    'CONTOSO\\bob',
    '10.20.1.9',
    'Microsoft+WinRM+Client',
    '200',
  ),
  // Outlook build below 16.0.17928, from outside every network.
  iisLine(
    '2026-11-03T09:05:00',
    'POST',
    '/mapi/emsmdb/',
    '-',
    'ann@contoso.com',
    '198.51.100.20',
    OUTLOOK_OLD,
    '200',
  ),
  // A server talking to Exchange as a client; and Exchange's own probe (ignored).
  iisLine(
    '2026-11-03T09:06:00',
    'GET',
    '/owa/',
    '-',
    'svc@contoso.com',
    '10.40.0.12',
    'Mozilla/5.0',
    '200',
  ),
  iisLine(
    '2026-11-03T02:07:00',
    'GET',
    '/ecp/',
    '-',
    'HealthMailbox0a1b',
    '10.40.0.11',
    'AMProbe/Local/ClientAccess',
    '200',
  ),
  '',
].join('\n');

const HTTPPROXY = [
  '#Fields: DateTime,Protocol,UrlStem,AuthenticationType,AuthenticatedUser,UserAgent,ClientIpAddress,AnchorMailbox,HttpStatus',
  '2026-11-03T09:10:00.000Z,Eas,/Microsoft-Server-ActiveSync/default.eas,Basic,carl@contoso.com,Apple-iPhone15C2/2104.200,10.20.3.3,SMTP:carl@contoso.com,200',
  '2026-11-03T09:11:00.000Z,RpcHttp,/rpc/rpcproxy.dll,Ntlm,dora@contoso.com,MSRPC,10.20.3.4,,200',
  '',
].join('\n');

const POP3 = [
  '#Software: Microsoft Exchange Server',
  '#Log-type: POP3 Protocol Logs',
  '#Fields: dateTime,sessionId,seqNumber,sIp,cIp,user,duration,rqsize,rpsize,command,parameters,context',
  '2026-11-03T09:12:00.000Z,17,1,10.40.0.11:995,10.20.4.4:50123,erin@contoso.com,0,10,20,USER,,',
  '',
].join('\n');

describe('policy checks in the logs', () => {
  it('tallies admin use, legacy auth, addresses and client builds per user', async () => {
    const result = await withFiles(
      {
        'u_ex261103.log': IIS,
        'HttpProxy_2026110309-1.LOG': HTTPPROXY,
        'POP3BE20261103-1.LOG': POP3,
      },
      (dir) => scan([dir], { policy: DEFAULT_POLICY }),
    );
    const usage = result.usage;
    assert.ok(usage !== null);
    assert.deepEqual(
      usage.adminAccess.map((u) => [u.what, u.user, u.clientIp, u.reason]),
      [
        ['powershell', 'CONTOSO\\bob', '10.20.1.9', 'outside admin hours'],
        ['powershell', 'CONTOSO\\bob', '10.20.1.9', 'outside the admin networks'],
      ],
    );
    assert.deepEqual(
      usage.basicAuth.map((u) => [u.what, u.user]),
      [['basic:eas', 'carl@contoso.com']],
    );
    assert.deepEqual(
      usage.legacyProtocols.map((u) => [u.what, u.user]),
      [
        ['pop3', 'erin@contoso.com'],
        ['rpc-http', 'dora@contoso.com'],
      ],
    );
    assert.deepEqual(
      usage.clientAddresses.map((u) => [u.clientIp, u.reason]),
      [
        ['10.40.0.12', 'from a server network'],
        ['198.51.100.20', 'outside every policy network'],
      ],
    );
    assert.deepEqual(
      usage.clientVersions.find((c) => c.client === 'outlook-windows'),
      {
        client: 'outlook-windows',
        version: '16.0.16130',
        user: 'ann@contoso.com',
        count: 1,
      },
    );
  });

  it('judges admin hours in the policy time zone, daylight saving included', () => {
    const inHours = adminHoursTest(DEFAULT_POLICY.admin.hours);
    assert.equal(inHours('2026-07-07T05:30:00.000Z'), true, 'Tue 07:30 CEST');
    assert.equal(inHours('2026-01-06T05:30:00.000Z'), false, 'Tue 06:30 CET');
    assert.equal(inHours('2026-11-07T10:00:00.000Z'), false, 'Saturday');
  });

  it('reads Outlook and browser builds from user agents', () => {
    assert.deepEqual(parseUserAgent(OUTLOOK_OLD.replaceAll('+', ' ')), {
      client: 'outlook-windows',
      version: '16.0.16130',
    });
    assert.deepEqual(parseUserAgent('MacOutlook/16.89.24091630 (Intelx64 Mac OS X 14.6.1)'), {
      client: 'outlook-mac',
      version: '16.89.24091630',
    });
    assert.equal(
      parseUserAgent('Mozilla/5.0 (X11) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70')?.client,
      'edge',
    );
    assert.equal(parseUserAgent('Apple-iPhone15C2/2104.200'), null);
  });
});
