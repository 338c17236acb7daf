import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ExztError } from '../../src/errors.js';
import { DEFAULT_POLICY } from '../../src/policy/defaults.js';
import {
  inNetworks,
  isEveryAddress,
  isLocalOnly,
  networkOf,
  networksNamed,
  parseCidr,
  parseIpAddress,
  parseIpRange,
  parseNetworks,
  rangeInNetworks,
  rangesOverlap,
  zoneNetworks,
  type IpRange,
} from '../../src/policy/networks.js';

function range(text: string): IpRange {
  const parsed = parseIpRange(text);
  assert.ok(parsed, `${text} should parse`);
  return parsed;
}

describe('parseIpAddress', () => {
  const cases: [string, 4 | 6, bigint][] = [
    ['10.0.0.1', 4, 0x0a000001n],
    ['255.255.255.255', 4, 0xffffffffn],
    ['0.0.0.0', 4, 0n],
    ['::', 6, 0n],
    ['::1', 6, 1n],
    ['2001:db8::1', 6, 0x20010db8000000000000000000000001n],
    ['fe80::9849:f94f:c7a1:cacb%7', 6, 0xfe800000000000009849f94fc7a1cacbn],
    ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 6, (1n << 128n) - 1n],
    ['::ffff:10.1.2.3', 4, 0x0a010203n],
    ['64:ff9b::192.0.2.33', 6, 0x0064ff9b0000000000000000c0000221n],
  ];
  for (const [text, version, value] of cases) {
    it(`reads ${text}`, () => assert.deepEqual(parseIpAddress(text), { version, value }));
  }

  for (const text of [
    '256.0.0.1',
    '10.0.0',
    '10.0.0.1.2',
    '1::2::3',
    '12345::',
    'host',
    '',
    ':::',
  ]) {
    it(`refuses "${text}"`, () => assert.equal(parseIpAddress(text), undefined));
  }
});

describe('parseCidr and parseIpRange', () => {
  it('reads a CIDR block to its first and last address', () => {
    const block = parseCidr('10.20.30.40/16');
    assert.equal(block?.first, 0x0a140000n);
    assert.equal(block?.last, 0x0a14ffffn);
  });

  it('reads an IPv6 block', () => {
    const block = parseCidr('2001:db8::/32');
    assert.equal(block?.first, 0x20010db8n << 96n);
    assert.equal(block?.last, (0x20010db8n << 96n) + (1n << 96n) - 1n);
  });

  it('takes a bare address as a single-address block', () => {
    assert.equal(parseCidr('10.0.0.7')?.last, 0x0a000007n);
  });

  it('refuses prefixes longer than the address', () => {
    assert.equal(parseCidr('10.0.0.0/33'), undefined);
    assert.equal(parseCidr('::/129'), undefined);
    assert.equal(parseCidr('10.0.0.0/x'), undefined);
  });

  it('reads Exchange RemoteIPRanges forms: low-high, CIDR, address(mask), single', () => {
    assert.deepEqual(
      [range('10.0.0.1-10.0.0.50').first, range('10.0.0.1-10.0.0.50').last],
      [0x0a000001n, 0x0a000032n],
    );
    assert.equal(range('192.168.1.0(255.255.255.0)').last, 0xc0a801ffn);
    assert.equal(range('10.1.1.1').first, range('10.1.1.1').last);
    assert.ok(isEveryAddress(range('0.0.0.0-255.255.255.255')));
    assert.ok(isEveryAddress(range('::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')));
    assert.ok(!isEveryAddress(range('0.0.0.0-255.255.255.254')));
  });

  it('refuses reversed, mixed-version and non-contiguous-mask ranges', () => {
    assert.equal(parseIpRange('10.0.0.50-10.0.0.1'), undefined);
    assert.equal(parseIpRange('10.0.0.1-::1'), undefined);
    assert.equal(parseIpRange('10.0.0.0(255.0.255.0)'), undefined);
  });
});

describe('inNetworks and rangeInNetworks', () => {
  it('finds an address inside one of several blocks', () => {
    assert.ok(inNetworks('10.40.0.9', ['10.10.0.0/24', '10.40.0.0/24']));
    assert.ok(!inNetworks('10.40.1.9', ['10.10.0.0/24', '10.40.0.0/24']));
    assert.ok(!inNetworks('not-an-ip', ['0.0.0.0/0']));
  });

  it('never matches across versions', () => {
    assert.ok(!inNetworks('::1', ['0.0.0.0/0']));
    assert.ok(inNetworks('::ffff:10.0.0.1', ['10.0.0.0/8']));
  });

  it('covers a range by adjacent blocks but not across a gap', () => {
    const blocks = ['10.0.0.0/25', '10.0.0.128/25'];
    assert.ok(rangeInNetworks(range('10.0.0.10-10.0.0.200'), blocks));
    assert.ok(!rangeInNetworks(range('10.0.0.10-10.0.1.0'), blocks));
    assert.ok(!rangeInNetworks(range('10.0.0.10-10.0.0.200'), ['10.0.0.0/25', '10.0.0.129/32']));
    assert.ok(
      !rangeInNetworks(range('0.0.0.0-255.255.255.255'), DEFAULT_POLICY.networks.admin ?? []),
    );
  });

  it('tells overlapping ranges apart from disjoint ones', () => {
    assert.ok(rangesOverlap(range('10.0.0.0/24'), range('10.0.0.200-10.0.1.5')));
    assert.ok(!rangesOverlap(range('10.0.0.0/24'), range('10.0.1.0/24')));
  });

  it('says a malformed policy network is a POLICY error naming it', () => {
    assert.throws(
      () => parseNetworks(['10.0.0.0/24', '10.0.0/8']),
      (error: unknown) =>
        error instanceof ExztError &&
        error.code === 'POLICY' &&
        /"10\.0\.0\/8"/.test(error.message),
    );
  });
});

describe('networkOf and zones', () => {
  const policy = {
    ...DEFAULT_POLICY,
    networks: { ...DEFAULT_POLICY.networks, dmz: ['10.40.0.128/25', '2001:db8:40::/48'] },
  };

  it('names every network containing the address, sorted', () => {
    assert.deepEqual(networkOf('10.40.0.200', policy), ['dmz', 'servers']);
    assert.deepEqual(networkOf('10.40.0.5', policy), ['servers']);
    assert.deepEqual(networkOf('2001:db8:40::25', policy), ['dmz']);
    assert.deepEqual(networkOf('192.0.2.1', policy), []);
  });

  it('resolves zone names to CIDR blocks and refuses undefined names', () => {
    assert.deepEqual(zoneNetworks(policy, 'backup'), ['10.30.0.0/24']);
    assert.throws(() => networksNamed(['lab'], policy), /network "lab" is not defined/);
  });

  it('knows loopback and link-local addresses never leave the host or link', () => {
    for (const text of ['127.0.0.1', '169.254.3.4', '::1', 'fe80::1']) {
      assert.ok(isLocalOnly(parseIpAddress(text) ?? { version: 4, value: 1n }), text);
    }
    assert.ok(!isLocalOnly(parseIpAddress('10.0.0.1') ?? { version: 4, value: 0n }));
    assert.ok(!isLocalOnly(parseIpAddress('2001:db8::1') ?? { version: 4, value: 0n }));
  });
});
