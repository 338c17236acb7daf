/**
 * The hit checks (hunts.ts anchorCheck) let the prefilter pass over Outlook's autodiscover.json
 * and OWA's logon.aspx lines. They must never hide a line a hunt matches: here thousands of IIS
 * and HttpProxy lines, built from attack and benign URLs with random letter case and random
 * percent-encoding, go through the hunts themselves, and every line a hunt matches must be a
 * candidate for that hunt, by both searches (plain and SIMD).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findCandidates, type Candidates } from '../../src/logs/anchor-search.js';
import { layoutFromFields, type FieldLayout } from '../../src/logs/formats.js';
import { HUNTS } from '../../src/logs/hunts.js';
import { ENCODED_MASK, huntMask, planSearch } from '../../src/logs/range-scanner.js';
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

const FORMATS: Array<[LogFormat, FieldLayout]> = [
  ['iis', IIS],
  ['httpproxy', PROXY],
];

describe('the prefilter hit checks', () => {
  for (const [format, layout] of FORMATS) {
    it(`hide no ${format} line a hunt matches, in any spelling, from either search`, () => {
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
      const plans = planSearch(format, data);
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

  it("pass over Outlook's autodiscover.json and OWA's logon page, in both formats", () => {
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
});
