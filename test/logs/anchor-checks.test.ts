/**
 * The hit checks (hunts.ts anchorCheck) let the prefilter pass over Outlook's autodiscover.json,
 * OWA's logon.aspx and OWA's and ECP's own static files. They must never hide a line a hunt
 * matches: here thousands of IIS and HttpProxy lines, built from attack and benign URLs with
 * random letter case and random percent-encoding, go through the hunts themselves, and every line
 * a hunt matches must be a candidate for that hunt, by both searches (plain and SIMD).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findCandidates, type Candidates } from '../../src/logs/anchor-search.js';
import { layoutFromFields, type FieldLayout } from '../../src/logs/formats.js';
import { HUNTS, isStaticStem, isStaticStemBytes, type AnchorKey } from '../../src/logs/hunts.js';
import { anchorKey, ENCODED_MASK, huntMask, planSearch } from '../../src/logs/range-scanner.js';
import type { LogFormat } from '../../src/logs/model.js';
import { readRecord } from '../../src/logs/record.js';
import { SimdAnchorSearch } from '../../src/logs/simd-search.js';
import { IIS_FIELDS } from './scan-helpers.js';

const IIS = layoutFromFields(IIS_FIELDS.slice('#Fields: '.length));
const PROXY = layoutFromFields(
  'DateTime,RequestId,Protocol,UrlStem,AuthenticationType,AuthenticatedUser,AnchorMailbox,UserAgent,ClientIpAddress,HttpStatus,Method,BackEndCookie,UrlQuery,GenericInfo',
);

const STEMS = [
  '/autodiscover/autodiscover.json',
  '/autodiscover/autodiscover.json/v1.0/user7@contoso.com',
  '/autodiscover/x',
  '/owa/auth/logon.aspx',
  '/owa/auth/RedirSuiteServiceProxy.aspx',
  '/owa/auth/RedirSuiteServerProxy.aspx',
  '/owa/auth/sub/logon.aspx',
  '/owa/auth/x,/owa/auth/logon.aspx',
  '/owa/auth/logon.aspx.aspx',
  '/ecp/auth/timeoutlogout.aspx',
  '/ecp/default.aspx',
  '/aspnet_client/shell.aspx',
  '/owa/',
  '/powershell',
  '/mapi/nspi/',
  '/ews/exchange.asmx',
  '/ecp/y.js',
  '/ecp/auth/w.js',
  '/owa/auth/w.js',
  '/ecp/main.css',
  '/ecp/default.flt',
  '/owa/auth/Current/themes/resources/lgnbotl.gif',
  '/owa/auth/15.2.1544/themes/resources/logon.css',
  '/owa/prem/15.2.1544.4/scripts/boot.worker.min.js',
  '/ecp/15.2.1544/scripts/common.js',
];
const QUERIES = [
  '-',
  'Protocol=ActiveSync&RedirectCount=1',
  'Protocol=EWS',
  '@evil.corp/mapi/nspi/?&Email=autodiscover/autodiscover.json%3F@evil.corp',
  'Email=autodiscover/autodiscover.json%3f@evil.corp',
  '&Email=user7@contoso.com',
  '@x/ews/exchange.asmx?&Email=autodiscover/autodiscover.json%3F@x',
  '@x/autodiscover/powershell?X-Rps-CAT=abc&Email=autodiscover/autodiscover.json%3F@x',
  'url=https%3a%2f%2fmail.contoso.com%2fowa%2fauth%2flogon.aspx&reason=0',
  '@evil.corp/ews',
  'X-Rps-CAT=VgHvbmtoZXIuY29t',
];

/** A small deterministic generator, so a failure names a case that can be run again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function respell(text: string, next: () => number, encodeLetters: boolean): string {
  let out = '';
  for (const char of text) {
    const isLetter = /[a-z]/i.test(char);
    const roll = next();
    if (roll < 0.12 && char !== '%' && (encodeLetters || !isLetter)) {
      const hex = char.charCodeAt(0).toString(16).padStart(2, '0');
      out += `%${next() < 0.5 ? hex : hex.toUpperCase()}`;
    } else if (isLetter && roll > 0.7) {
      out += next() < 0.5 ? char.toUpperCase() : char.toLowerCase();
    } else out += char;
  }
  return out;
}

function csv(value: string): string {
  return /[",]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function lineFor(
  format: LogFormat,
  stem: string,
  query: string,
  user: string,
  method: string,
): string {
  if (format === 'iis') {
    return `2026-11-03 15:20:53 10.40.0.11 ${method} ${stem} ${query} 443 ${user} 203.0.113.7 python - 200 0 0 15`;
  }
  const fields = [
    '2026-11-03T15:20:53.000Z',
    'e3a1f19f',
    'Owa',
    stem,
    'Negotiate',
    user === '-' ? '' : user,
    '',
    'python',
    '203.0.113.7',
    '200',
    method,
    '',
    query === '-' ? '' : query,
    '',
  ];
  return fields.map(csv).join(',');
}

/** Each format with the plan key its lines get; IIS's default fields put the method first. */
const FORMATS: Array<[LogFormat, FieldLayout, AnchorKey]> = [
  ['iis', IIS, 'iis'],
  ['iis', IIS, 'iis-method-stem'],
  ['httpproxy', PROXY, 'httpproxy'],
];

describe('the prefilter hit checks', () => {
  for (const [format, layout, key] of FORMATS) {
    it(`hide no ${format} line a hunt matches, in any spelling, from either search (${key})`, () => {
      const next = random(format === 'iis' ? 7 : 11);
      const lines: string[] = [];
      for (let round = 0; round < 12; round += 1) {
        for (const stem of STEMS) {
          for (const query of QUERIES) {
            const encodeLetters = round % 3 === 2;
            const user = round % 2 === 0 ? '-' : 'user7@contoso.com';
            const method = round % 4 < 2 ? 'POST' : 'GET';
            lines.push(
              lineFor(
                format,
                round === 0 ? stem : respell(stem, next, encodeLetters),
                round === 0 ? query : respell(query, next, encodeLetters),
                user,
                method,
              ),
            );
          }
        }
      }

      const data = Buffer.from(`${lines.join('\n')}\n`, 'latin1');
      // The scanner's own plan for the format, with the mask it gives encoded letters.
      const plans = planSearch(key, data);
      const encodedMask = ENCODED_MASK;
      const simd = new SimdAnchorSearch(data.length);
      data.copy(simd.buffer);
      const inMemory = simd.buffer.subarray(0, data.length);
      const searches: Array<[string, Candidates]> = [
        ['plain', findCandidates(data, data.length - 1, plans, encodedMask)],
        ['simd', simd.find(inMemory, data.length - 1, plans, encodedMask)],
      ];

      let matched = 0;
      let passedOver = 0;
      let start = 0;
      for (const line of lines) {
        const record = readRecord(line, layout, format === 'iis' ? 'W3C' : 'HttpProxy Logs');
        for (const [name, candidates] of searches) {
          const mask = candidates.masks.get(start) ?? 0;
          if (name === 'plain' && mask === 0) passedOver += 1;
          for (const hunt of HUNTS) {
            if (!hunt.formats.includes(format) || !hunt.matches(record, line)) continue;
            if (name === 'plain') matched += 1;
            assert.notEqual(mask & huntMask(hunt), 0, `${name}: ${hunt.id} hidden: ${line}`);
          }
        }
        start += line.length + 1;
      }
      // The generated set is worth its name: many lines match, many are passed over.
      assert.ok(matched > 300, `only ${matched} hunt matches`);
      assert.ok(passedOver > 200, `only ${passedOver} lines passed over`);
    });
  }

  it("pass over Outlook's autodiscover.json, OWA's logon page and static files, in both formats", () => {
    const benign: Array<[LogFormat, string]> = [
      [
        'iis',
        lineFor(
          'iis',
          '/autodiscover/autodiscover.json/v1.0/u@contoso.com',
          'Protocol=ActiveSync',
          'u@contoso.com',
          'GET',
        ),
      ],
      [
        'iis',
        lineFor('iis', '/OWA/auth/LogOn.aspx', 'url=https%3a%2f%2fmail%2fowa%2f', '-', 'GET'),
      ],
      ['iis', lineFor('iis', '/ecp/default.aspx', '-', 'u@contoso.com', 'GET')],
      // OWA's and ECP's own scripts, style sheets and logon resources, whatever the method.
      ['iis', lineFor('iis', '/owa/prem/15.2.1544.4/scripts/boot.worker.min.js', '-', 'u', 'GET')],
      ['iis', lineFor('iis', '/ecp/15.2.1544/scripts/Common.JS', '-', 'u', 'POST')],
      ['iis', lineFor('iis', '/owa/auth/15.2.1544/themes/resources/logon.css', 'v=1', '-', 'GET')],
      [
        'httpproxy',
        lineFor(
          'httpproxy',
          '/autodiscover/autodiscover.json/v1.0/u@contoso.com',
          '-',
          'u@contoso.com',
          'GET',
        ),
      ],
      ['httpproxy', lineFor('httpproxy', '/owa/auth/logon.aspx', '-', '-', 'GET')],
    ];
    for (const [format, line] of benign) {
      const data = Buffer.from(`${line}\n`);
      const plans = planSearch(format, data);
      assert.deepEqual(findCandidates(data, data.length - 1, plans).starts, [], line);
    }
  });

  it('read a static stem from its bytes exactly as the hunt reads it as text', () => {
    const stems = [
      ...STEMS,
      '/ecp/auth.js',
      '/ecp/auth/',
      '/ecp/.js',
      '/ecp/js',
      '/ecp/x.jsx',
      '/ecp/a/b.js',
      '/ecp/y.js/',
      '/ecpx/y.js',
      '/owa/auth/x.css',
      '/owa/authx.js',
      '/owa/auth/current/themes/resources/',
      '/owa/auth/Current/themes/resources/a/b.gif',
      '/owa/auth/current/themes/resourcesx/a.gif',
      '/OWA/AUTH/W.JS',
      '/ECP/DEFAULT.FLT',
    ];
    const next = random(3);
    const alphabet = '/.aejcsflt';
    let agreed = 0;
    for (const stem of stems) {
      for (let round = 0; round < 40; round += 1) {
        let text = respell(stem, next, false).replace(/%[0-9a-f]{2}/gi, '');
        if (round % 2 === 1) {
          // A random edit: a character dropped, doubled or replaced.
          const at = Math.floor(next() * text.length);
          const pick = alphabet[Math.floor(next() * alphabet.length)] ?? '/';
          const edit = Math.floor(next() * 3);
          text =
            edit === 0
              ? text.slice(0, at) + text.slice(at + 1)
              : edit === 1
                ? text.slice(0, at) + (text[at] ?? '') + text.slice(at)
                : text.slice(0, at) + pick + text.slice(at + 1);
        }
        const bytes = Buffer.from(`x ${text} y`, 'latin1');
        const expected = isStaticStem(text);
        assert.equal(isStaticStemBytes(bytes, 2, 2 + text.length), expected, text);
        if (expected) agreed += 1;
      }
    }
    assert.ok(agreed > 100, `only ${agreed} static stems among the cases`);
  });

  it("read the method before the stem only where the layout puts it there (IIS's default)", () => {
    assert.equal(anchorKey(IIS), 'iis-method-stem');
    const reordered = layoutFromFields(
      'date time s-ip cs-uri-stem cs-method cs-uri-query sc-status',
    );
    assert.equal(anchorKey(reordered), 'iis');
    assert.equal(anchorKey(PROXY), 'httpproxy');
    // With the method first, the logon page's style sheet fetched with GET is passed over, and
    // the same file POSTed is a candidate.
    const get = lineFor('iis', '/owa/auth/Current/themes/resources/logon.css', '-', '-', 'GET');
    const post = lineFor('iis', '/owa/auth/Current/themes/resources/logon.css', '-', '-', 'POST');
    for (const [line, expected] of [
      [get, 0],
      [post, 1],
    ] as const) {
      const data = Buffer.from(`${line}\n`);
      const plans = planSearch('iis-method-stem', data);
      assert.equal(findCandidates(data, data.length - 1, plans).starts.length, expected, line);
    }
  });
});
