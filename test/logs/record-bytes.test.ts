/**
 * The byte-level fast paths give what the general readers give: RecordReader the records of
 * readRecord (or hands the line back), findCandidates the lines a lower-cased text search finds,
 * and a whole scan the same result whether its chunks arrive in place or from a stream.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { DEFAULT_POLICY } from '../../src/policy/defaults.js';
import { findCandidates, planAnchors } from '../../src/logs/anchor-search.js';
import { layoutFromFields, type FieldLayout } from '../../src/logs/formats.js';
import { readRecord, type LogRecord } from '../../src/logs/record.js';
import { RecordReader } from '../../src/logs/record-bytes.js';
import { IIS_FIELDS, scan, withFiles } from './scan-helpers.js';

const IIS = layoutFromFields(IIS_FIELDS.slice('#Fields: '.length));
const PROXY = layoutFromFields(
  'DateTime,RequestId,Protocol,UrlStem,AuthenticationType,AuthenticatedUser,AnchorMailbox,UserAgent,ClientIpAddress,HttpStatus,Method,BackEndCookie,UrlQuery,GenericInfo',
);
const XFF = layoutFromFields('date time x-forwarded-for c-ip cs-uri-stem cs(User-Agent) sc-status');

/** Lines each layout must read as readRecord does, or hand back (undefined). */
const CASES: Array<[name: string, layout: FieldLayout, line: string]> = [
  [
    'IIS, every column present',
    IIS,
    '2026-11-02 03:00:00 10.40.0.11 POST /owa/service.svc action=GetItem 443 user1@contoso.com 10.20.1.5 Mozilla/5.0+(Windows+NT+10.0) - 200 0 0 24',
  ],
  [
    'IIS, dashes read as absent',
    IIS,
    '2026-11-02 03:00:01 10.40.0.11 GET /owa/auth/logon.aspx - 443 - 10.20.1.5 - - 302 0 0 1',
  ],
  ['IIS, CRLF line end', IIS, '2026-11-02 03:00:02 1 GET /ecp/ - 443 - 10.10.0.5 UA - 200 0 0 1\r'],
  ['IIS, too few fields', IIS, '2026-11-02 03:00:03 10.40.0.11 GET /owa/'],
  [
    'IIS, a time with a fraction',
    IIS,
    '2026-11-02 03:00:04.5 1 GET / - 443 - 1.2.3.4 U - 200 0 0 1',
  ],
  ['IIS, an unreadable time', IIS, '2026-11-02 3:0:4 1 GET / - 443 - 1.2.3.4 U - 200 0 0 1'],
  [
    'IIS, a repeated header',
    IIS,
    'DATE time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username',
  ],
  ['IIS, non-ASCII user', IIS, '2026-11-02 03:00:05 1 GET / - 443 jürgen 1.2.3.4 U - 200 0 0 1'],
  ['IIS, forwarded address first', XFF, '2026-11-02 03:00:06 203.0.113.9 10.40.0.2 /owa/ UA 200'],
  ['IIS, no forwarded address', XFF, '2026-11-02 03:00:07 - 10.40.0.2 /owa/ UA 200'],
  [
    'HttpProxy, every column present',
    PROXY,
    '2026-11-02T02:00:00.009Z,r1,Ews,/EWS/Exchange.asmx,Basic,user1@contoso.com,SMTP:user1@contoso.com,Microsoft Office/16.0 (Microsoft Outlook 16.0.17928),10.20.37.186,200,POST,Server~EX02~1~2026,?a=b,info',
  ],
  [
    'HttpProxy, empty columns',
    PROXY,
    '2026-11-02T02:00:00.010Z,r2,Owa,/owa/auth/logon.aspx,,,,,10.20.1.1,200,GET,,,',
  ],
  [
    'HttpProxy, time without milliseconds',
    PROXY,
    '2026-11-02 02:00:00,r3,Owa,/owa/,,,,,10.20.1.1,200,GET,,,',
  ],
  [
    'HttpProxy, address with a port',
    PROXY,
    '2026-11-02T02:00:00.011Z,r4,Ecp,/ecp/,,,,,10.20.1.1:5223,200,GET,,,',
  ],
  [
    'HttpProxy, IPv6 with a port',
    PROXY,
    '2026-11-02T02:00:00.012Z,r5,Ecp,/ecp/,,,,,[2001:db8::1]:443,200,GET,,,',
  ],
  [
    'HttpProxy, quoted field',
    PROXY,
    '2026-11-02T02:00:00.013Z,r6,Owa,"/owa/a,b",,,,,10.20.1.1,200,GET,,,',
  ],
  [
    'HttpProxy, quote past the read columns',
    PROXY,
    '2026-11-02T02:00:00.014Z,r7,Owa,/owa/,,,,,10.20.1.1,200,GET,,,"x"',
  ],
  ['HttpProxy, too few fields', PROXY, '2026-11-02T02:00:00.015Z,r8,Owa,/owa/'],
  ['HttpProxy, a repeated bare header', PROXY, 'datetime,RequestId,Protocol,UrlStem'],
];

function expected(line: string, layout: FieldLayout, usageOnly: boolean): LogRecord | undefined {
  const text = line.replace(/\r$/, '');
  const first = layout.names[0] ?? '';
  if (text.slice(0, first.length + 1).toLowerCase() === first + layout.separator) return undefined;
  const record = readRecord(text, layout, '', usageOnly);
  return record.fieldCount < layout.names.length ? undefined : record;
}

/** The values the policy checks read (usage.ts; usage-only records leave the others out). */
function usageValues(record: LogRecord | undefined): unknown {
  if (record === undefined) return undefined;
  const { time, clientIp, user, stem, userAgent, protocol } = record;
  return {
    time,
    clientIp,
    user,
    stem,
    userAgent,
    protocol,
    auth: record.authenticationType,
  };
}

describe('byte-level fast paths', () => {
  it('reads IIS and HttpProxy records as readRecord does, or hands the line back', () => {
    const reader = new RecordReader();
    let handedBack = 0;
    for (const [name, layout, line] of CASES) {
      const data = Buffer.from(`junk\n${line}\nnext\n`, 'utf8');
      const start = 5;
      const stop = data.indexOf(10, start);
      for (const usageOnly of [false, true]) {
        // Twice: the second read comes from the caches.
        for (let round = 0; round < 2; round += 1) {
          const record = reader.read(data, start, stop, layout, usageOnly);
          const want = expected(line, layout, usageOnly);
          if (record === undefined) {
            handedBack += 1;
            continue;
          }
          assert.notEqual(want, undefined, `${name}: read a line readRecord rejects`);
          if (usageOnly) assert.deepEqual(usageValues(record), usageValues(want), name);
          else assert.deepEqual(record, want, name);
        }
      }
    }
    // Too few fields, quotes and repeated headers (2 modes × 2 rounds) go to readRecord; a quote
    // past the columns the policy reads only in the full mode.
    assert.equal(handedBack, 5 * 4 + 2);
  });

  it('finds the lines holding an anchor in any letter case, whatever byte it searches by', () => {
    const anchors = ['info~', 'json', 'rps-cat', 'owershell', 'aspx'];
    const lines = [
      'GET /autodiscover/autodiscover.json?a=b 200',
      'GET /AutoDiscover/AutoDiscover.JSON 200',
      'POST /%50owerShell/ ServerInfo~a/b 200',
      'GET /owa/auth/logon.aspx 302 X-RPS-CAT=1 json',
      'GET /owa/ 200 js on aspx? no: a s p x',
      'json',
      'ASPX',
      'nothing here at all ~ info ~',
    ];
    const data = Buffer.from(`${lines.join('\n')}\n`);
    const end = data.length - 1;
    const want = new Map<number, number>();
    let offset = 0;
    for (const line of lines) {
      const mask = anchors.reduce(
        (bits, anchor, index) => (line.toLowerCase().includes(anchor) ? bits | (1 << index) : bits),
        0,
      );
      if (mask !== 0) want.set(offset, mask);
      offset += line.length + 1;
    }
    const bitOf = (anchor: string): number => 1 << anchors.indexOf(anchor);
    // Samples that make each byte of the anchors the rarest in turn, so every offset is used.
    for (const sample of [
      '',
      'iiiinnnnffffoooojjjjssssaaaappppxxxx',
      'eeeerrrrwwww~~~~----',
      data.toString(),
    ]) {
      const plans = planAnchors(anchors, Buffer.from(sample.repeat(50)), bitOf);
      const found = findCandidates(data, end, plans);
      assert.deepEqual(found.starts, [...want.keys()]);
      assert.deepEqual(found.masks, want);
    }
  });

  it('adds the lines holding a percent-encoded letter, with the mask given for them', () => {
    const lines = [
      'GET /a%41 %40 %2F', // %41 'A'
      'GET /%5a', // 'Z', lower-case hex
      'GET /%5B %60 %7B %3a %4 %%61', // '[', '`', '{', ':', a cut '%4', then %61 'a'
      'GET /%40%2f%3F%5b json', // no letter encoded; holds an anchor
      'GET /%7a', // 'z'
      'GET /%4',
    ];
    const data = Buffer.from(`${lines.join('\n')}\n`);
    const plans = planAnchors(['json'], data, () => 1);
    const found = findCandidates(data, data.length - 1, plans, 6);
    const startOf = (index: number): number =>
      lines.slice(0, index).reduce((sum, line) => sum + line.length + 1, 0);
    assert.deepEqual(
      found.masks,
      new Map([
        [startOf(0), 6],
        [startOf(1), 6],
        [startOf(2), 6],
        [startOf(3), 1],
        [startOf(4), 6],
      ]),
    );
    assert.deepEqual(
      findCandidates(data, data.length - 1, plans).masks,
      new Map([[startOf(3), 1]]),
    );
  });

  it('gives one result whether chunks are read in place, streamed, or split into ranges', async () => {
    const proxy = [
      '#Software: Microsoft Exchange Server',
      '#Log-type: HttpProxy Logs',
      `#Fields: ${PROXY.names.join(',')}`,
    ];
    for (let i = 0; i < 3000; i += 1) {
      // In time order, as logs are written (merged ranges keep the earliest line as sample).
      const time = new Date(Date.UTC(2026, 10, 3) + i * 10_000).toISOString();
      const user = i % 7 === 0 ? '' : `user${i % 40}@contoso.com`;
      const stem = ['/owa/', '/ecp/', '/owa/auth/shell.aspx', '/rpc/rpcproxy.dll', '/EWS/'][i % 5];
      const auth = i % 3 === 0 ? 'Basic' : 'Negotiate';
      const ip = i % 11 === 0 ? '203.0.113.5' : `10.20.${i % 200}.${(i % 250) + 1}`;
      const agent =
        i % 2 === 0 ? 'Microsoft Office/16.0 (Microsoft Outlook 16.0.16130)' : 'Mozilla/5.0';
      const quoted = i % 97 === 0 ? '"a,b"' : 'x';
      proxy.push(
        `${time},r${i},Owa,${stem},${auth},${user},,${agent},${ip},200,GET,,?q=${i},${quoted}`,
      );
    }
    const text = `${proxy.join('\r\n')}\r\n`;
    const policy = DEFAULT_POLICY;
    const plain = await withFiles({ 'p.log': text }, (dir) =>
      scan(['p.log'], { cwd: dir, policy }),
    );
    const ranged = await withFiles({ 'p.log': text }, (dir) =>
      scan(['p.log'], { cwd: dir, policy, rangeBytes: 4096, threads: 2 }),
    );
    const zipped = await withFiles({ 'p.log.gz': gzipSync(text) }, (dir) =>
      scan(['p.log.gz'], { cwd: dir, policy }),
    );
    const hunting = await withFiles({ 'p.log': text }, (dir) => scan(['p.log'], { cwd: dir }));

    const tally = plain.hunts.find((h) => h.hunt === 'unshipped-aspx');
    assert.equal(tally?.count, 600);
    assert.ok((plain.usage?.basicAuth.length ?? 0) > 0);
    assert.ok((plain.usage?.clientVersions.length ?? 0) > 0);
    const withoutNames = (result: typeof plain): unknown =>
      JSON.parse(JSON.stringify(result).replaceAll('p.log.gz', 'p.log'));
    assert.deepEqual(withoutNames(ranged), withoutNames(plain));
    assert.deepEqual(withoutNames(zipped), withoutNames(plain));
    assert.deepEqual(hunting.hunts, plain.hunts);
  });
});
