/**
 * waivers.yaml: what loads (with its source line), and the exact message for each typical
 * mistake, all reported at once.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseWaivers } from '../../src/policy/waivers.js';
import { PolicyError } from '../../src/policy/yaml-source.js';
import { FAKE_CONTROLS } from './fake-controls.js';

const GOOD = [
  '# accepted risks',
  '- control: EXZT.APP.4',
  '  subjects: { servers: [EX02] }',
  '  reason: "Line-of-business app still needs IMAP until its migration"',
  '  approvedBy: ciso@contoso.com',
  '  ticket: RISK-112',
  '  expires: 2027-03-31',
  '- control: exzt.inf.1',
  '  reason: "Servers patched in the quarterly window only"',
  '  approvedBy: cio@contoso.com',
  '  ticket: 112',
  '  expires: 2027-01-15',
  '',
].join('\n');

function errorsOf(text: string): string[] {
  try {
    parseWaivers(text, 'waivers.yaml', FAKE_CONTROLS);
  } catch (error) {
    assert.ok(error instanceof PolicyError, String(error));
    return error.message.split('\n').slice(1);
  }
  assert.fail('the waivers loaded');
}

/** One waiver with `change` replacing or adding lines keyed by field name. */
function waiverWith(change: Record<string, string | undefined>): string {
  const fields: Record<string, string | undefined> = {
    control: 'EXZT.APP.4',
    reason: '"Line-of-business app still needs IMAP"',
    approvedBy: 'ciso@contoso.com',
    expires: '2027-03-31',
    ...change,
  };
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value], index) => `${index === 0 ? '- ' : '  '}${key}: ${value}`);
  return `${lines.join('\n')}\n`;
}

describe('waivers.yaml: what loads', () => {
  it('reads each waiver with its canonical control id, scope, ticket and source line', () => {
    const waivers = parseWaivers(GOOD, 'waivers.yaml', FAKE_CONTROLS);

    assert.deepEqual(waivers, [
      {
        control: 'EXZT.APP.4',
        subjects: { servers: ['EX02'] },
        reason: 'Line-of-business app still needs IMAP until its migration',
        approvedBy: 'ciso@contoso.com',
        ticket: 'RISK-112',
        expires: '2027-03-31',
        source: { file: 'waivers.yaml', line: 2 },
      },
      {
        control: 'EXZT.INF.1',
        subjects: {},
        reason: 'Servers patched in the quarterly window only',
        approvedBy: 'cio@contoso.com',
        ticket: '112',
        expires: '2027-01-15',
        source: { file: 'waivers.yaml', line: 8 },
      },
    ]);
  });

  it('reads a file of comments only as no waivers', () => {
    assert.deepEqual(parseWaivers('# none yet\n', 'waivers.yaml', FAKE_CONTROLS), []);
  });
});

const MISTAKES: Array<{ name: string; text: string; errors: string[] }> = [
  {
    name: 'a control id that does not exist, with the nearest one',
    text: waiverWith({ control: 'EXZT.APP.5' }),
    errors: [
      'waivers.yaml:1:12: waivers[0].control = "EXZT.APP.5": no control EXZT.APP.5; did you mean EXZT.APP.4?',
    ],
  },
  {
    name: 'a control id not of the form EXZT.<AREA>.<n>',
    text: waiverWith({ control: 'EXZT.X.9' }),
    errors: [
      'waivers.yaml:1:12: waivers[0].control = "EXZT.X.9": no control EXZT.X.9; ids have the ' +
        'form EXZT.<AREA>.<n>, AREA one of IDN END APP DAT INF NET; did you mean EXZT.APP.4?',
    ],
  },
  {
    name: 'a reason too short to say anything',
    text: waiverWith({ reason: 'legacy' }),
    errors: [
      'waivers.yaml:2:11: waivers[0].reason = "legacy": too short (6 characters); at least 15: ' +
        'say why the risk is accepted',
    ],
  },
  {
    name: 'approvedBy not an e-mail address',
    text: waiverWith({ approvedBy: 'the CISO' }),
    errors: [
      'waivers.yaml:3:15: waivers[0].approvedBy = "the CISO": expected an e-mail address, e.g. ' +
        'ciso@contoso.com',
    ],
  },
  {
    name: 'an expiry date that does not exist',
    text: waiverWith({ expires: '2027-02-30' }),
    errors: [
      'waivers.yaml:4:12: waivers[0].expires = "2027-02-30": not a real date; expected yyyy-mm-dd',
    ],
  },
  {
    name: 'an expiry written day first',
    text: waiverWith({ expires: '31-03-2027' }),
    errors: [
      'waivers.yaml:4:12: waivers[0].expires = "31-03-2027": expected a date yyyy-mm-dd, e.g. ' +
        '2027-03-31',
    ],
  },
  {
    name: 'no expiry at all',
    text: waiverWith({ expires: undefined }),
    errors: [
      'waivers.yaml:1:3: waivers[0].expires = (missing): required: the last day the waiver ' +
        'applies, yyyy-mm-dd',
    ],
  },
  {
    name: "a typo'd key",
    text: waiverWith({ expires: undefined, expiry: '2027-03-31' }),
    errors: [
      'waivers.yaml:1:3: waivers[0].expires = (missing): required: the last day the waiver ' +
        'applies, yyyy-mm-dd',
      'waivers.yaml:4:3: waivers[0].expiry = "2027-03-31": unknown key; did you mean expires?',
    ],
  },
  {
    name: 'servers written as one name, not a list',
    text: waiverWith({ subjects: '{ servers: EX02 }' }),
    errors: [
      'waivers.yaml:5:24: waivers[0].subjects.servers = "EX02": expected a list of server names, ' +
        'e.g. [EX01, EX02]',
    ],
  },
  {
    name: 'servers named for a control with one result for the organisation',
    text: waiverWith({ control: 'EXZT.IDN.1', subjects: '{ servers: [EX01] }' }),
    errors: [
      'waivers.yaml:5:24: waivers[0].subjects.servers = ["EX01"]: EXZT.IDN.1 has one result per ' +
        'organization, so servers never matches; use organization: true',
    ],
  },
  {
    name: 'a mapping where a list of waivers belongs',
    text: 'control: EXZT.APP.4\n',
    errors: ['waivers.yaml:1:1: waivers = {"control":"EXZT.APP.4"}: expected a list of waivers'],
  },
];

describe('waivers.yaml: mistakes and their exact messages', () => {
  for (const mistake of MISTAKES) {
    it(mistake.name, () => assert.deepEqual(errorsOf(mistake.text), mistake.errors));
  }

  it('checks ids against the real catalogue by default', () => {
    assert.throws(() => parseWaivers(waiverWith({ control: 'EXZT.INF.999' }), 'w.yaml'), {
      message:
        /w\.yaml:1:12: waivers\[0\]\.control = "EXZT\.INF\.999": no control EXZT\.INF\.999; did you mean EXZT\.INF\.\d+\?/,
    });
  });
});
