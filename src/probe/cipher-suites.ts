/**
 * The cipher suites the hand-built hellos offer, by IANA code (IANA "TLS Cipher Suites"
 * registry), and which of them are weak: RC4 (RFC 7465), DES and 3DES (SWEET32), export grade
 * (FREAK), NULL and anonymous suites. Node's own TLS stack cannot offer most of these; the probe
 * writes them into the ClientHello itself.
 */

export interface CipherSuite {
  code: number;
  name: string;
  weak: boolean;
}

const suite = (code: number, name: string, weak = false): CipherSuite => ({ code, name, weak });

export const TLS13_SUITES: readonly CipherSuite[] = [
  suite(0x1301, 'TLS_AES_128_GCM_SHA256'),
  suite(0x1302, 'TLS_AES_256_GCM_SHA384'),
  suite(0x1303, 'TLS_CHACHA20_POLY1305_SHA256'),
];

export const MODERN_SUITES: readonly CipherSuite[] = [
  suite(0xc02b, 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'),
  suite(0xc02f, 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'),
  suite(0xc02c, 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384'),
  suite(0xc030, 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'),
  suite(0xcca9, 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256'),
  suite(0xcca8, 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256'),
  suite(0x009e, 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256'),
  suite(0x009f, 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384'),
  suite(0xc027, 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256'),
  suite(0xc028, 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384'),
  suite(0xc009, 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA'),
  suite(0xc00a, 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA'),
  suite(0xc013, 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'),
  suite(0xc014, 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA'),
  suite(0x009c, 'TLS_RSA_WITH_AES_128_GCM_SHA256'),
  suite(0x009d, 'TLS_RSA_WITH_AES_256_GCM_SHA384'),
  suite(0x003c, 'TLS_RSA_WITH_AES_128_CBC_SHA256'),
  suite(0x003d, 'TLS_RSA_WITH_AES_256_CBC_SHA256'),
  suite(0x002f, 'TLS_RSA_WITH_AES_128_CBC_SHA'),
  suite(0x0035, 'TLS_RSA_WITH_AES_256_CBC_SHA'),
];

export const WEAK_SUITES: readonly CipherSuite[] = [
  suite(0xc012, 'TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA', true),
  suite(0x0016, 'TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA', true),
  suite(0x000a, 'TLS_RSA_WITH_3DES_EDE_CBC_SHA', true),
  suite(0xc011, 'TLS_ECDHE_RSA_WITH_RC4_128_SHA', true),
  suite(0x0005, 'TLS_RSA_WITH_RC4_128_SHA', true),
  suite(0x0004, 'TLS_RSA_WITH_RC4_128_MD5', true),
  suite(0x0009, 'TLS_RSA_WITH_DES_CBC_SHA', true),
  suite(0x0008, 'TLS_RSA_EXPORT_WITH_DES40_CBC_SHA', true),
  suite(0x0006, 'TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5', true),
  suite(0x0003, 'TLS_RSA_EXPORT_WITH_RC4_40_MD5', true),
  suite(0x0018, 'TLS_DH_anon_WITH_RC4_128_MD5', true),
  suite(0x0034, 'TLS_DH_anon_WITH_AES_128_CBC_SHA', true),
  suite(0x003b, 'TLS_RSA_WITH_NULL_SHA256', true),
  suite(0x0002, 'TLS_RSA_WITH_NULL_SHA', true),
  suite(0x0001, 'TLS_RSA_WITH_NULL_MD5', true),
];

const BY_CODE = new Map(
  [...TLS13_SUITES, ...MODERN_SUITES, ...WEAK_SUITES].map((entry) => [entry.code, entry]),
);

export function suiteName(code: number): string {
  return BY_CODE.get(code)?.name ?? `0x${code.toString(16).padStart(4, '0')}`;
}

export function isWeakSuite(code: number): boolean {
  return BY_CODE.get(code)?.weak ?? false;
}
