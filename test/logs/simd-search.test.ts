/**
 * The SIMD anchor search finds exactly the lines the plain search finds, with the same masks, on
 * random chunks: anchors in any case and at chunk edges, encoded letters and look-alikes ('%3a',
 * '%4'), bytes above 0x7f and NUL, long and empty lines, data at any offset of its buffer.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findCandidates, planAnchors } from '../../src/logs/anchor-search.js';
import { anchorCheck, anchorsFor } from '../../src/logs/hunts.js';
import { createAnchorSearch, SimdAnchorSearch } from '../../src/logs/simd-search.js';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const ANCHORS = [
  ...anchorsFor(['iis', 'httpproxy', 'ecp-server', 'pop-imap', 'text']),
  'email',
  'nspi',
];
const bit = (anchor: string): number => 1 << ANCHORS.indexOf(anchor);
const FRAGMENTS = [
  ...ANCHORS,
  ...ANCHORS.map((anchor) => anchor.toUpperCase()),
  'AutoDiscover.Json',
  '/owa/auth/logon.aspx ',
  '/owa/auth/x.aspx,',
  'Power%53hell',
  '%41',
  '%7a',
  '%3a',
  '%4',
  '%',
  'js',
  'on',
  'as',
  'px',
  'nfo',
  ' ',
  ',',
  '\r',
  'GET',
  'POST ',
  '/ecp/',
  '/owa/auth/',
  '.js ',
  'resources/',
  'email',
  '\u00e9',
  '\u0000',
];

function chunk(next: () => number, lines: number): Buffer {
  const parts: string[] = [];
  for (let line = 0; line < lines; line += 1) {
    let text = '';
    const pieces = Math.floor(next() * 14);
    for (let piece = 0; piece < pieces; piece += 1) {
      text +=
        next() < 0.5
          ? FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]
          : 'x'.repeat(Math.floor(next() * 40));
    }
    parts.push(text);
  }
  return Buffer.from(`${parts.join('\n')}\n`, 'latin1');
}

describe('SIMD anchor search', () => {
  it('finds the same lines and masks as the plain search on random chunks', () => {
    const next = random(2026);
    const search = new SimdAnchorSearch(256 * 1024);
    let lines = 0;
    for (let round = 0; round < 400; round += 1) {
      const data = chunk(next, 1 + Math.floor(next() * 60));
      const offset = Math.floor(next() * 64);
      data.copy(search.buffer, offset);
      const inPlace = search.buffer.subarray(offset, offset + data.length);
      // Every fourth round a set of one or two anchors: the filter compares those pair by pair
      // rather than through its nibble tables.
      const anchors = ANCHORS.filter(() => next() < (round % 4 === 0 ? 0.12 : 0.7));
      const roll = next();
      const format = roll < 0.3 ? 'iis' : roll < 0.6 ? 'iis-method-stem' : 'httpproxy';
      const checked = next() < 0.5;
      // A random sample picks other pairs and search bytes from round to round.
      const plans = planAnchors(anchors, chunk(next, 4), bit, {
        check: (anchor) => (checked ? anchorCheck(anchor, format) : undefined),
        // 'json' counts only beside a companion, as ProxyShell's anchor does.
        companions: (anchor) =>
          anchor === 'json' && checked ? ['owershell', 'email', 'nspi'] : [],
      });
      const encodedMask = next() < 0.5 ? 1 << 20 : 0;
      const end = data.lastIndexOf(10);
      const want = findCandidates(data, end, plans, encodedMask);
      const got = search.find(inPlace, end, plans, encodedMask);
      assert.deepEqual(got.starts, want.starts, `round ${round}`);
      assert.deepEqual(got.masks, want.masks, `round ${round}`);
      lines += want.starts.length;
    }
    assert.ok(lines > 1000, `only ${lines} candidate lines in all`);
  });

  it('searches data outside its buffer with the plain search, and reads chunks into its buffer', () => {
    const search = createAnchorSearch(4096);
    const data = Buffer.from('a\nGET /owa/auth/shell.aspx\nb\n');
    const plans = planAnchors(['aspx'], data, () => 1);
    assert.deepEqual(search.find(data, data.length - 1, plans, 0).starts, [2]);
    data.copy(search.buffer);
    const inPlace = search.buffer.subarray(0, data.length);
    assert.deepEqual(search.find(inPlace, data.length - 1, plans, 0).starts, [2]);
  });
});
