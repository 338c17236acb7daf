/**
 * attestations.yaml: what loads (with its source line), the exact message for each typical
 * mistake, and which facts no control reads.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAttestations, unreadFacts } from '../../src/policy/attestations.js';
import { PolicyError } from '../../src/policy/yaml-source.js';
import { FAKE_CONTROLS } from './fake-controls.js';

function attestation(change: Record<string, string | undefined> = {}): string {
  const fields: Record<string, string | undefined> = {
    fact: 'identity.mfa.owa',
    statement: '"OWA and ECP are published only through the pre-authenticating proxy with MFA"',
    attestedBy: 'exchange-admins@contoso.com',
    date: '2026-11-02',
    expires: '2027-05-02',
    ...change,
  };
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value], index) => `${index === 0 ? '- ' : '  '}${key}: ${value}`);
  return `${lines.join('\n')}\n`;
}

function errorsOf(text: string): string[] {
  try {
    parseAttestations(text, 'attestations.yaml', FAKE_CONTROLS);
  } catch (error) {
    assert.ok(error instanceof PolicyError, String(error));
    return error.message.split('\n').slice(1);
  }
  assert.fail('the attestations loaded');
}

describe('attestations.yaml', () => {
  it('reads an attestation with its source line', () => {
    const text = `# facts\n${attestation()}${attestation({ fact: 'identity.admin.time-bound' })}`;
    const attestations = parseAttestations(text, 'attestations.yaml', FAKE_CONTROLS);

    assert.equal(attestations.length, 2);
    assert.deepEqual(attestations[0], {
      fact: 'identity.mfa.owa',
      statement: 'OWA and ECP are published only through the pre-authenticating proxy with MFA',
      attestedBy: 'exchange-admins@contoso.com',
      date: '2026-11-02',
      expires: '2027-05-02',
      source: { file: 'attestations.yaml', line: 2 },
    });
    assert.deepEqual(attestations[1]?.source, { file: 'attestations.yaml', line: 7 });
    assert.deepEqual(unreadFacts(attestations, FAKE_CONTROLS), ['identity.admin.time-bound']);
  });

  const mistakes: Array<{ name: string; text: string; errors: string[] }> = [
    {
      name: 'a fact id not of the form <area>.<topic>[.<detail>]',
      text: attestation({ fact: 'Identity.MFA.owa' }),
      errors: [
        'attestations.yaml:1:9: attestations[0].fact = "Identity.MFA.owa": expected ' +
          '<area>.<topic>[.<detail>] in lower case, area one of identity, endpoints, apps, data, ' +
          'infrastructure, network, e.g. identity.mfa.owa; did you mean identity.mfa.owa?',
      ],
    },
    {
      name: 'an expiry before the date attested',
      text: attestation({ expires: '2026-11-01' }),
      errors: [
        'attestations.yaml:5:12: attestations[0].expires = "2026-11-01": must not be before date ' +
          '(2026-11-02)',
      ],
    },
    {
      name: 'a month that does not exist, and who attested not an address',
      text: attestation({ date: '2026-13-01', attestedBy: 'admins' }),
      errors: [
        'attestations.yaml:3:15: attestations[0].attestedBy = "admins": expected an e-mail ' +
          'address, e.g. ciso@contoso.com',
        'attestations.yaml:4:9: attestations[0].date = "2026-13-01": not a real date; expected ' +
          'yyyy-mm-dd',
      ],
    },
    {
      name: 'a statement too short and a missing expiry',
      text: attestation({ statement: 'yes', expires: undefined }),
      errors: [
        'attestations.yaml:1:3: attestations[0].expires = (missing): required: the last day it ' +
          'holds, yyyy-mm-dd',
        'attestations.yaml:2:14: attestations[0].statement = "yes": too short (3 characters); at ' +
          'least 15: say what is true and how it is enforced',
      ],
    },
    {
      name: 'a YAML syntax error',
      text: '- fact: identity.mfa.owa\n  statement: "unterminated\n',
      errors: ['attestations.yaml:3:1: YAML syntax error: Missing closing "quote'],
    },
  ];
  for (const mistake of mistakes) {
    it(mistake.name, () => assert.deepEqual(errorsOf(mistake.text), mistake.errors));
  }
});
