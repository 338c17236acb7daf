/**
 * The redaction primitives: keys, keyed pseudonyms and prefix-preserving addresses.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { ExztError } from '../../src/errors.js';
import { AddressRedactor, parseAddress } from '../../src/redact/address-text.js';
import { keyFromBytes, parseKey } from '../../src/redact/key.js';
import { PrefixPreservingMap } from '../../src/redact/prefix-preserving.js';
import { Pseudonyms } from '../../src/redact/pseudonyms.js';
import { inNetworks } from '../../src/policy/networks.js';

const KEY_A = keyFromBytes(Buffer.alloc(32, 7));
const KEY_B = keyFromBytes(Buffer.alloc(32, 8));

function addresses(key = KEY_A): AddressRedactor {
  return new AddressRedactor(new PrefixPreservingMap(key));
}

/** Leading bits two addresses share. */
function commonPrefix(a: string, b: string): number {
  const x = parseAddress(a)?.bytes ?? Buffer.alloc(0);
  const y = parseAddress(b)?.bytes ?? Buffer.alloc(0);
  for (let i = 0; i < x.length * 8; i++) {
    const bit = (buffer: Buffer) => ((buffer[i >> 3] ?? 0) >> (7 - (i & 7))) & 1;
    if (bit(x) !== bit(y)) return i;
  }
  return x.length * 8;
}

function randomAddress(version: 4 | 6): string {
  const bytes = randomBytes(version === 4 ? 4 : 16);
  if (version === 4) return [...bytes].join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(bytes.readUInt16BE(i).toString(16));
  return groups.join(':');
}

describe('redaction key', () => {
  it('reads 32 bytes in hexadecimal or base64', () => {
    const hex = randomBytes(32).toString('hex');
    const fromHex = parseKey(`${hex}\n`, 'k.hex');
    const fromBase64 = parseKey(Buffer.from(hex, 'hex').toString('base64'), 'k.b64');
    assert.deepEqual(fromHex.derive('x'), fromBase64.derive('x'));
  });

  it('refuses a short key, naming the file and the size', () => {
    assert.throws(
      () => parseKey(randomBytes(16).toString('hex'), 'short.key'),
      (error: unknown) =>
        error instanceof ExztError && /short\.key: the key is 16 bytes/.test(error.message),
    );
  });

  it('refuses text that is no key', () => {
    assert.throws(() => parseKey('not a key at all!', 'bad.key'), /bad\.key: expected one line/);
    assert.throws(() => parseKey('', 'empty.key'), /empty\.key: expected one line/);
  });
});

describe('pseudonyms', () => {
  it('are the same under one key and differ under another', () => {
    const a = new Pseudonyms(KEY_A);
    assert.equal(a.label('EX01'), new Pseudonyms(KEY_A).label('ex01').toUpperCase());
    assert.notEqual(a.label('ex01'), new Pseudonyms(KEY_B).label('ex01'));
    assert.notEqual(a.user('anna.bakker'), new Pseudonyms(KEY_B).user('anna.bakker'));
    assert.equal(addresses().address('10.1.2.3'), addresses().address('10.1.2.3'));
    assert.notEqual(addresses().address('10.1.2.3'), addresses(KEY_B).address('10.1.2.3'));
  });

  it('redact DNS names label by label, keeping public suffixes and wildcards', () => {
    const p = new Pseudonyms(KEY_A);
    const host = p.dnsName('mail.contoso.com');
    const wildcard = p.dnsName('*.contoso.com');
    assert.match(host, /^h[a-z2-7]{8}\.h[a-z2-7]{8}\.com$/);
    assert.equal(wildcard, `*.${host.split('.').slice(1).join('.')}`);
    assert.equal(p.dnsName('ex01.contoso.co.uk').split('.').slice(2).join('.'), 'co.uk');
  });

  it('keep service accounts matching the policy patterns', () => {
    const p = new Pseudonyms(KEY_A, ['svc-*', '*-svc']);
    assert.match(p.user('svc-archive'), /^svc-[a-z2-7]{6}$/);
    assert.match(p.user('backup-svc'), /^[a-z2-7]{6}-svc$/);
    assert.match(p.user('anna.bakker'), /^u[a-z2-7]{8}$/);
  });
});

describe('prefix-preserving addresses', () => {
  it('flip each bit after the prefix independently: a private /24 is kept by about 1 key in 256', () => {
    // 2,048 fixed keys, so the count is the same every run. Flips that repeat their neighbour
    // (Crypto-PAn's pad splice) kept 192.168.11.x for about 1 key in 15: ~136 here.
    const keys = Array.from({ length: 2048 }, (_, n) =>
      keyFromBytes(createHash('sha256').update(`key ${n}`).digest()),
    );
    const hosts = [1, 10, 11];
    let thirdKept = 0;
    let hostsBack = 0;
    for (const key of keys) {
      const map = new PrefixPreservingMap(key);
      const out = hosts.map((h) => map.map({ version: 4, bytes: Buffer.from([192, 168, 11, h]) }));
      if (out[0]?.[2] === 11) thirdKept += 1;
      if (out.some((bytes) => bytes[2] === 11 && hosts.includes(bytes[3] ?? -1))) hostsBack += 1;
    }
    assert.ok(thirdKept < 24, `192.168.11.x kept its third octet for ${thirdKept} of 2048 keys`);
    assert.ok(hostsBack < 4, `an original host came back for ${hostsBack} of 2048 keys`);
  });

  for (const version of [4, 6] as const) {
    it(`keep the common prefix of IPv${version} addresses exactly`, () => {
      const redactor = addresses();
      for (let n = 0; n < 200; n++) {
        const a = randomAddress(version);
        const b = randomAddress(version);
        const before = commonPrefix(a, b);
        const after = commonPrefix(redactor.address(a) ?? '', redactor.address(b) ?? '');
        assert.equal(after, before, `${a} and ${b}`);
      }
    });
  }

  it('keep network membership when the network is translated with the same key', () => {
    const redactor = addresses();
    const network = redactor.redact('10.20.0.0/16') ?? '';
    const v6network = redactor.redact('2001:db8:10::/48') ?? '';
    assert.ok(inNetworks(redactor.address('10.20.33.4') ?? '', [network]));
    assert.ok(!inNetworks(redactor.address('10.21.0.1') ?? '', [network]));
    assert.ok(inNetworks(redactor.address('2001:db8:10::25') ?? '', [v6network]));
    assert.ok(!inNetworks(redactor.address('2001:db8:11::25') ?? '', [v6network]));
  });

  it('keep reserved blocks and "every address"', () => {
    const redactor = addresses();
    assert.match(redactor.address('10.1.2.3') ?? '', /^10\./);
    assert.match(redactor.address('192.168.1.1') ?? '', /^192\.168\./);
    assert.equal(redactor.redact('0.0.0.0-255.255.255.255'), '0.0.0.0-255.255.255.255');
    assert.equal(redactor.redact('::1'), '::1');
    const public4 = redactor.address('203.0.113.9') ?? '';
    assert.notEqual(public4, '203.0.113.9');
    assert.doesNotMatch(public4, /^(10|127|0)\./);
  });
});
