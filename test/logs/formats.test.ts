/**
 * Formats from content: IIS fields in any order and changing mid-file, HttpProxy with a bare
 * header, gzip and zip, bad lines counted and sampled, --since/--until, coverage per source.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildZip } from '../helpers/zip-writer.js';
import { IIS_FIELDS, placesOf, scan, withFiles } from './scan-helpers.js';

const SHELL = '/owa/auth/shell.aspx';

describe('log formats and robustness', () => {
  it('reads IIS fields by name, re-reading #Fields when it changes mid-file', async () => {
    const text = [
      '#Fields: time date cs-uri-stem c-ip sc-status',
      `01:00:00 2026-11-01 ${SHELL} 198.51.100.1 200`,
      '#Fields: date time c-ip sc-status cs-uri-stem',
      `2026-11-01 02:00:00 198.51.100.2 404 ${SHELL}`,
      '',
    ].join('\n');
    const result = await withFiles({ 'u_ex261101.log': text }, (dir) => scan([dir]));
    const findings = result.hunts[0]?.findings ?? [];
    assert.deepEqual(
      findings.map((f) => [f.line, f.time, f.clientIp, f.status]),
      [
        [2, '2026-11-01T01:00:00.000Z', '198.51.100.1', '200'],
        [4, '2026-11-01T02:00:00.000Z', '198.51.100.2', '404'],
      ],
    );
    assert.equal(result.sources[0]?.format, 'iis');
  });

  it('re-scans a range whose assumed header changed earlier in the file (worker threads)', async () => {
    const filler = Array.from(
      { length: 40 },
      (_, i) => `2026-11-01 00:00:${String(i).padStart(2, '0')} /owa/ 10.20.1.5 200`,
    );
    const text = [
      '#Fields: date time cs-uri-stem c-ip sc-status',
      ...filler,
      '#Fields: sc-status c-ip cs-uri-stem date time',
      ...Array.from({ length: 40 }, () => `200 198.51.100.9 ${SHELL} 2026-11-02 03:00:00`),
      '',
    ].join('\n');
    const result = await withFiles({ 'a.log': text }, (dir) =>
      scan([dir], { threads: 2, rangeBytes: 512 }),
    );
    const tally = result.hunts.find((h) => h.hunt === 'unshipped-aspx');
    assert.equal(tally?.count, 40);
    assert.equal(tally?.findings[0]?.line, 43);
    assert.equal(tally?.findings[0]?.clientIp, '198.51.100.9');
  });

  it('reads HttpProxy CSV with a bare header line, quoted fields and CRLF line ends', async () => {
    const text =
      'DateTime,RequestId,UrlStem,AnchorMailbox,ClientIpAddress,HttpStatus\r\n' +
      '2026-11-02T10:00:00.123Z,r1,/ecp/y.js,"ServerInfo~a]@ex01.contoso.local:444/mapi/emsmdb/?#",203.0.113.7,200\r\n';
    const result = await withFiles({ 'HttpProxy_2026110210-1.LOG': text }, (dir) => scan([dir]));
    assert.deepEqual(placesOf(result, 'proxylogon-ssrf'), ['HttpProxy_2026110210-1.LOG:2']);
    assert.equal(result.sources[0]?.format, 'httpproxy');
  });

  it('reads .gz and .zip (members streamed, names checked) and recurses folders', async () => {
    const text = [
      IIS_FIELDS,
      `2026-11-03 04:00:00 10.40.0.11 GET ${SHELL} - 443 - 198.51.100.3 curl/8 - 200 0 0 1`,
      '',
    ].join('\n');
    const zip = buildZip([
      { name: 'W3SVC1/u_ex261103.log', data: Buffer.from(text), deflate: true },
    ]);
    const result = await withFiles(
      { 'u_ex261103.log.gz': gzipSync(text), 'plain.log': text, 'logs.zip': zip, 'notes.md': text },
      (dir) => scan([dir]),
    );
    const files = (result.hunts[0]?.findings ?? []).map(
      (f) => `${path.basename(f.file.split('!')[0] ?? '')}!${f.line}`,
    );
    assert.deepEqual(files.sort(), ['logs.zip!2', 'plain.log!2', 'u_ex261103.log.gz!2']);
    assert.ok(result.sources.some((s) => s.file.endsWith('logs.zip!W3SVC1/u_ex261103.log')));
  });

  it('refuses a zip member whose name escapes the folder', async () => {
    const zip = buildZip([{ name: '../evil.log', data: Buffer.from('x\n') }]);
    await assert.rejects(
      withFiles({ 'bad.zip': zip }, (dir) => scan([dir])),
      /bad\.zip.*'\.\.'/,
    );
  });

  it('counts and samples truncated, binary and absurdly long lines, and goes on', async () => {
    const lines = [
      IIS_FIELDS,
      `2026-11-04 05:00:00 10.40.0.11 GET ${SHELL}`,
      `2026-11-04 05:00:01 10.40.0.11 GET /owa/ \u0000\u0001binary 443 - 198.51.100.4 x - 200 0 0 1`,
      `2026-11-04 05:00:02 ${'x'.repeat(200_000)}`,
      `2026-11-04 05:00:03 10.40.0.11 GET ${SHELL} - 443 - 198.51.100.5 curl/8 - 200 0 0 1`,
      '',
    ];
    const result = await withFiles({ 'bad.log': lines.join('\n') }, (dir) => scan([dir]));
    assert.deepEqual(
      result.badLines.samples.map((s) => [s.line, s.reason]),
      [
        [2, 'truncated'],
        [3, 'binary'],
        [4, 'too-long'],
      ],
    );
    assert.match(result.badLines.samples[1]?.text ?? '', /\\x00\\x01binary/);
    assert.deepEqual(placesOf(result, 'unshipped-aspx'), ['bad.log:2', 'bad.log:5']);
  });

  it('keeps to --since/--until and reports each source oldest and newest time', async () => {
    const text = [
      IIS_FIELDS,
      `2026-11-01 00:00:00 10.40.0.11 GET ${SHELL} - 443 - 198.51.100.6 curl/8 - 200 0 0 1`,
      `2026-11-05 00:00:00 10.40.0.11 GET ${SHELL} - 443 - 198.51.100.7 curl/8 - 200 0 0 1`,
      `2026-11-09 00:00:00 10.40.0.11 GET ${SHELL} - 443 - 198.51.100.8 curl/8 - 200 0 0 1`,
      '',
    ].join('\n');
    const result = await withFiles({ 'w.log': text }, (dir) =>
      scan([dir], { since: '2026-11-02T00:00:00.000Z', until: '2026-11-06T00:00:00.000Z' }),
    );
    assert.deepEqual(placesOf(result, 'unshipped-aspx'), ['w.log:3']);
    assert.equal(result.sources[0]?.oldest, '2026-11-01T00:00:00.000Z');
    assert.equal(result.sources[0]?.newest, '2026-11-09T00:00:00.000Z');
  });

  it('reports the whole span of a log joined out of order, to within a 1 MiB chunk', async () => {
    // Two days appended in the wrong order: ~1 MB of the 2nd, ~1 MB of the 1st (so a chunk
    // starts inside it), then the 2nd again at the end. The first and last lines alone would give
    // only the 2nd.
    const line = (day: string, n: number): string =>
      `2026-11-0${day} 10:00:${String(n % 60).padStart(2, '0')} 10.40.0.11 GET /owa/ - 443 ann 10.20.1.5 Mozilla/5.0 - 200 0 0 1`;
    const block = (day: string, count: number): string[] =>
      Array.from({ length: count }, (_, n) => line(day, n));
    const text = [
      IIS_FIELDS,
      ...block('2', 12_000),
      ...block('1', 12_000),
      ...block('2', 10),
      '',
    ].join('\n');
    // One range (chunks within it sampled) and 1 MiB ranges on two workers.
    const runs: Array<[string, { threads: number; rangeBytes?: number }]> = [
      ['one range', { threads: 1 }],
      ['1 MiB ranges', { threads: 2, rangeBytes: 1024 * 1024 }],
    ];
    for (const [name, options] of runs) {
      const result = await withFiles({ 'joined.log': text }, (dir) => scan([dir], options));
      // Sampled at chunk starts, so the 1st is seen though not its very first second.
      assert.match(result.sources[0]?.oldest ?? '', /^2026-11-01T10:00:/, name);
      assert.match(result.sources[0]?.newest ?? '', /^2026-11-02T10:00:/, name);
    }
  });
});
