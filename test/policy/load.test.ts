/**
 * Policy loading: a dozen typical mistakes, each with the exact message an admin sees, every
 * mistake of a file reported at once, partial policies filled from the defaults, and the hash.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { DEFAULT_POLICY } from '../../src/policy/defaults.js';
import { loadPolicy, parsePolicy } from '../../src/policy/load.js';
import { PolicyError } from '../../src/policy/yaml-source.js';

const HEADER = 'apiVersion: exzt/v1\nkind: ZeroTrustPolicy\norganization: Fabrikam\n';
const NETWORKS =
  'networks:\n  admin: [10.10.0.0/33]\n  clients: [10.20.0.0/16]\n' +
  '  backup: [10.30.0.0/24]\n  servers: [10.40.0.0/24]\n';

/** The error lines of a policy that must not load. */
function errorsOf(text: string): string[] {
  try {
    parsePolicy(text, 'policy.yaml');
  } catch (error) {
    assert.ok(error instanceof PolicyError, String(error));
    assert.equal(error.code, 'POLICY');
    return error.message.split('\n').slice(1);
  }
  assert.fail('the policy loaded');
}

const MISTAKES: Array<{ name: string; text: string; errors: string[] }> = [
  {
    name: "a typo'd section name",
    text: `${HEADER}identiy:\n  requireModernAuth: true\n`,
    errors: [
      'policy.yaml:4:1: identiy = {"requireModernAuth":true}: unknown key; did you mean identity?',
    ],
  },
  {
    name: "a typo'd key inside a section",
    text: `${HEADER}data:\n  minimumTsl: "1.3"\n`,
    errors: ['policy.yaml:5:3: data.minimumTsl = "1.3": unknown key; did you mean minimumTls?'],
  },
  {
    name: 'an admin network that is not defined',
    text: `${HEADER}apps:\n  adminFrom: [admn]\n`,
    errors: [
      'policy.yaml:5:15: apps.adminFrom[0] = "admn": no network named admn under networks ' +
        '(defined: admin, clients, backup, servers); did you mean admin?',
    ],
  },
  {
    name: 'a CIDR with a prefix longer than 32 bits',
    text: HEADER + NETWORKS,
    errors: [
      'policy.yaml:5:11: networks.admin[0] = "10.10.0.0/33": expected an IPv4 or IPv6 network ' +
        'in CIDR form, e.g. 10.10.0.0/24 or fd00::/64; the prefix length is at most 32 for this address',
    ],
  },
  {
    name: 'a time zone that is not in the IANA database',
    text: `${HEADER}admin:\n  hours:\n    timeZone: Europe/Amsterdm\n`,
    errors: [
      'policy.yaml:6:15: admin.hours.timeZone = "Europe/Amsterdm": expected an IANA time zone ' +
        'name such as Europe/London; did you mean Europe/Amsterdam?',
    ],
  },
  {
    name: 'admin hours ending before they start',
    text: `${HEADER}admin:\n  hours:\n    from: "19:00"\n    to: "07:00"\n`,
    errors: [
      'policy.yaml:7:9: admin.hours.to = "07:00": must be after from (19:00); admin hours do not ' +
        'span midnight',
    ],
  },
  {
    name: 'a number written as a quoted string',
    text: `${HEADER}endpoints:\n  maxDaysSinceSync: "30"\n`,
    errors: [
      'policy.yaml:5:21: endpoints.maxDaysSinceSync = "30": expected a whole number of days ' +
        'from 0 to 3650',
    ],
  },
  {
    name: 'an endpoint Exchange does not have',
    text: `${HEADER}network:\n  internetFacing: [owa, activesync]\n`,
    errors: [
      'policy.yaml:5:25: network.internetFacing[1] = "activesync": expected one of owa, ecp, ews, ' +
        'eas, mapi, rpc, oab, autodiscover, powershell, smtp-client, pop, imap',
    ],
  },
  {
    name: 'a negative number of days',
    text: `${HEADER}endpoints:\n  maxDaysSinceSync: -5\n`,
    errors: [
      'policy.yaml:5:21: endpoints.maxDaysSinceSync = -5: expected a whole number of days from 0 ' +
        'to 3650',
    ],
  },
  {
    name: 'a key written twice',
    text: `${HEADER}data:\n  minimumTls: "1.2"\n  minimumTls: "1.3"\n`,
    errors: [
      'policy.yaml:6:3: YAML syntax error: Map keys must be unique; each key may appear once in a ' +
        'mapping',
    ],
  },
  {
    name: 'a tab used for indentation',
    text: `${HEADER}data:\n\tminimumTls: "1.2"\n`,
    errors: [
      'policy.yaml:5:1: YAML syntax error: Tabs are not allowed as indentation; indent with spaces',
    ],
  },
  {
    name: 'an empty file',
    text: '',
    errors: [
      'policy.yaml:1:1: no policy in the file (it is empty or only comments); expected a mapping ' +
        "with apiVersion: exzt/v1 and kind: ZeroTrustPolicy ('exzt policy init' writes one)",
    ],
  },
  {
    name: 'another apiVersion and kind',
    text: 'apiVersion: exzt/v2\nkind: Policy\norganization: Fabrikam\n',
    errors: [
      'policy.yaml:1:13: apiVersion = "exzt/v2": expected exzt/v1',
      'policy.yaml:2:7: kind = "Policy": expected ZeroTrustPolicy',
    ],
  },
  {
    name: 'a day range running backwards',
    text: `${HEADER}admin:\n  hours:\n    days: [Fri-Mon, Sat]\n`,
    errors: [
      'policy.yaml:6:12: admin.hours.days[0] = "Fri-Mon": expected days Mon..Sun, as a list ' +
        'and/or ranges such as Mon-Fri',
    ],
  },
  {
    name: 'a list written as one word',
    text: `${HEADER}identity:\n  mfaRequiredFor: owa\n`,
    errors: [
      'policy.yaml:5:19: identity.mfaRequiredFor = "owa": expected a list, each one of owa, ecp, ' +
        'ews, eas, mapi, rpc, oab, autodiscover, powershell, smtp-client, pop, imap',
    ],
  },
  {
    name: 'no organisation name',
    text: 'apiVersion: exzt/v1\nkind: ZeroTrustPolicy\n',
    errors: ['policy.yaml:1:1: organization = (missing): required; expected the organisation name'],
  },
  {
    name: 'a network address with host bits set',
    text: `${HEADER}networks:\n  admin: ["fd00::1/64"]\n  clients: [10.20.0.0/16]\n  backup: [10.30.0.0/24]\n  servers: [10.40.0.0/24]\n`,
    errors: [
      'policy.yaml:5:11: networks.admin[0] = "fd00::1/64": host bits are set after /64; write ' +
        'the network address of the range',
    ],
  },
  {
    name: 'networks redefined without the ones the default zones name',
    text: `${HEADER}networks:\n  admin: [10.10.0.0/24]\nnetwork:\n  zones:\n    admin: [admin]\n    clients: []\n    servers: []\n`,
    errors: [
      'policy.yaml:5:3: network.zones.backup[0] = "backup": network.zones.backup takes its ' +
        'default, which names backup, not defined under networks (defined: admin); define it or ' +
        'set network.zones.backup',
    ],
  },
];

describe('loading a policy: typical mistakes and their exact messages', () => {
  for (const mistake of MISTAKES) {
    it(mistake.name, () => {
      assert.deepEqual(errorsOf(mistake.text), mistake.errors);
    });
  }

  it('reports every mistake of a file at once, in line order, with the count', () => {
    const text =
      `${HEADER}identity:\n  mfaRequiredFor: [owa, ecpp, owa]\n` +
      `endpoints:\n  maxDaysSinceSync: -5\napps:\n  basicAuth: Deny\n  adminFrom: [admn]\n`;
    try {
      parsePolicy(text, 'policy.yaml');
      assert.fail('the policy loaded');
    } catch (error) {
      assert.ok(error instanceof PolicyError);
      assert.match(error.message, /^policy\.yaml is not a valid policy: 5 errors\n/);
      assert.deepEqual(
        error.issues.map((issue) => `${issue.position.line}:${issue.path}`),
        [
          '5:identity.mfaRequiredFor[1]',
          '5:identity.mfaRequiredFor[2]',
          '7:endpoints.maxDaysSinceSync',
          '9:apps.basicAuth',
          '10:apps.adminFrom[0]',
        ],
      );
    }
  });
});

describe('loading a policy: what loads', () => {
  it('fills every section a partial policy leaves out from the defaults, and says which', () => {
    const { policy, defaulted } = parsePolicy(
      `${HEADER}data:\n  minimumTls: 1.3\nendpoints:\n  minimumOs: { android: 14 }\n`,
      'policy.yaml',
    );

    assert.equal(policy.organization, 'Fabrikam');
    assert.equal(policy.data.minimumTls, '1.3');
    assert.equal(policy.data.logRetentionDays, DEFAULT_POLICY.data.logRetentionDays);
    assert.deepEqual(policy.endpoints.minimumOs, { android: '14' });
    assert.deepEqual(policy.identity, DEFAULT_POLICY.identity);
    assert.ok(defaulted.includes('identity'));
    assert.ok(defaulted.includes('data.logRetentionDays'));
    assert.ok(!defaulted.includes('data.minimumTls'));
  });

  it('expands day ranges in week order and accepts IPv6 networks', () => {
    const { policy } = parsePolicy(
      `${HEADER}networks:\n  admin: ["fd00:10::/64", 10.10.0.0/24]\n  clients: [10.20.0.0/16]\n` +
        `  backup: [10.30.0.0/24]\n  servers: ["2001:db8:40::/48"]\n` +
        `admin:\n  hours:\n    days: [Sat-Sun, Mon-Wed]\n`,
      'policy.yaml',
    );

    assert.deepEqual(policy.admin.hours.days, ['Mon', 'Tue', 'Wed', 'Sat', 'Sun']);
    assert.deepEqual(policy.networks['admin'], ['fd00:10::/64', '10.10.0.0/24']);
  });

  it('accepts a single range written as text', () => {
    const { policy } = parsePolicy(`${HEADER}admin:\n  hours:\n    days: Mon-Fri\n`, 'p.yaml');
    assert.deepEqual(policy.admin.hours.days, ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']);
  });
});

describe('loading a policy: networks two zones share are warnings', () => {
  it('warns when an admin range lies inside the client range, at the networks the file wrote', () => {
    const { warnings } = parsePolicy(
      `${HEADER}networks:\n  admin: [10.20.5.0/24]\n  clients: [10.0.0.0/8, "fd00::/8"]\n` +
        `  backup: [10.30.0.0/24]\n  servers: ["2001:db8:40::/48"]\n`,
      'policy.yaml',
    );
    // The zones are the defaults (admin: [admin], clients: [clients], …), which have no line:
    // the warning points at the network the file wrote.
    assert.deepEqual(
      warnings.map((warning) => [warning.position.line, warning.path, warning.message]),
      [
        [
          7,
          'networks.backup',
          '10.30.0.0/24 of network backup (zone backup) overlaps 10.0.0.0/8 of network clients ' +
            '(zone clients): an address there counts as both clients and backup, so checks that ' +
            'tell them apart cannot',
        ],
        [
          6,
          'networks.clients',
          '10.0.0.0/8 of network clients (zone clients) overlaps 10.20.5.0/24 of network admin ' +
            '(zone admin): an address there counts as both admin and clients, so checks that ' +
            'tell them apart cannot',
        ],
      ],
    );
  });

  it('warns once when one network is named in two zones, at the line that names it', () => {
    const { warnings } = parsePolicy(
      `${HEADER}network:\n  zones:\n    servers: [servers, backup]\n    backup: [backup]\n`,
      'policy.yaml',
    );
    assert.deepEqual(
      warnings.map((warning) => [warning.position.line, warning.position.column, warning.path]),
      [[7, 14, 'network.zones.backup[0]']],
    );
    assert.match(warnings[0]?.message ?? '', /^network backup is in both zones servers and backup/);
  });

  it('says nothing of the default networks, which do not overlap', () => {
    assert.deepEqual(parsePolicy(HEADER, 'policy.yaml').warnings, []);
  });
});

describe('loadPolicy on a file', () => {
  const folders: string[] = [];
  after(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  it('returns the SHA-256 of the bytes and reads UTF-16 LE with a byte order mark', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'exzt-policy-'));
    folders.push(folder);
    const file = path.join(folder, 'policy.yaml');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEADER, 'utf16le')]);
    await writeFile(file, bytes);

    const { policy, hash } = await loadPolicy(file);
    assert.equal(policy.organization, 'Fabrikam');
    assert.equal(hash, createHash('sha256').update(bytes).digest('hex'));
  });

  it('names the file when it cannot be read', async () => {
    await assert.rejects(loadPolicy('/nonexistent/policy.yaml'), {
      code: 'INPUT',
      message: 'cannot read the policy file /nonexistent/policy.yaml: ENOENT',
    });
  });
});
