/**
 * Keyed pseudonyms for names: HMAC-SHA-256 under a sub-key of the user's key, so the same name
 * always gets the same pseudonym under one key, a different one under another, and nobody
 * without the key can test a guess. Names are compared case-insensitively (Windows does), and a
 * pseudonym keeps the original's all-capitals style (EX01 stays in capitals).
 */
import { createHmac } from 'node:crypto';
import type { RedactionKey } from './key.js';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
/** 8 characters of 32: 40 bits, so an estate's names do not collide in practice. */
const LENGTH = 8;

/**
 * Labels kept as they are: top-level and common private suffixes, which name no organisation,
 * and which the policy and the controls read (a wildcard *.contoso.com keeps its `com`).
 */
const KEPT_LABELS = new Set([
  'com',
  'net',
  'org',
  'edu',
  'gov',
  'mil',
  'int',
  'info',
  'biz',
  'io',
  'arpa',
  'local',
  'lan',
  'internal',
  'intra',
  'corp',
  'home',
  'localdomain',
  'localhost',
]);
const SECOND_LEVEL = new Set(['co', 'ac', 'gov', 'org', 'net', 'com', 'edu', 'ltd', 'plc']);

export class Pseudonyms {
  private readonly labelKey: Buffer;
  private readonly userKey: Buffer;
  private readonly thumbprintKey: Buffer;

  constructor(
    key: RedactionKey,
    /** Glob patterns (policy identity.serviceAccountPatterns) a user pseudonym must still match. */
    private readonly userPatterns: readonly string[] = [],
  ) {
    this.labelKey = key.derive('dns-label');
    this.userKey = key.derive('user-name');
    this.thumbprintKey = key.derive('thumbprint');
  }

  /** A host name, a DNS label, a NetBIOS name or the organisation's name. */
  label(original: string): string {
    return styled(original, `h${code(this.labelKey, original.toLowerCase(), LENGTH)}`);
  }

  /** A user name, display name or e-mail local part. */
  user(original: string): string {
    const lower = original.toLowerCase();
    const hash = code(this.userKey, lower, 24);
    const pattern = this.userPatterns.find((glob) => globMatches(glob, lower));
    const pseudonym =
      pattern === undefined ? `u${hash.slice(0, LENGTH)}` : fillGlob(pattern.toLowerCase(), hash);
    return styled(original, pseudonym);
  }

  /** A certificate thumbprint: 40 hexadecimal digits, so joins on thumbprints still hold. */
  thumbprint(original: string): string {
    const digest = createHmac('sha256', this.thumbprintKey).update(original.toUpperCase()).digest();
    return digest.subarray(0, 20).toString('hex').toUpperCase();
  }

  /** A DNS name label by label; kept suffixes and a leading `*` stay as they are. */
  dnsName(name: string): string {
    const labels = name.split('.');
    const kept = keptSuffixLength(labels);
    return labels
      .map((label, index) =>
        label === '*' || label === '' || index >= labels.length - kept ? label : this.label(label),
      )
      .join('.');
  }
}

/** How many labels at the end are public suffix (com; co.uk; local). */
export function keptSuffixLength(labels: readonly string[]): number {
  const last = labels[labels.length - 1]?.toLowerCase() ?? '';
  const before = labels[labels.length - 2]?.toLowerCase() ?? '';
  if (last.length === 2 && /^[a-z]{2}$/.test(last))
    return SECOND_LEVEL.has(before) && labels.length > 2 ? 2 : 1;
  return KEPT_LABELS.has(last) ? 1 : 0;
}

function code(key: Buffer, text: string, length: number): string {
  const digest = createHmac('sha256', key).update(text).digest();
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[(digest[i] ?? 0) & 31];
  return out;
}

function styled(original: string, pseudonym: string): string {
  const allCapitals = /[A-Z]/.test(original) && original === original.toUpperCase();
  return allCapitals ? pseudonym.toUpperCase() : pseudonym;
}

/** Case-insensitive glob with `*` and `?`, as the policy's name patterns are. */
export function globMatches(glob: string, text: string): boolean {
  const source = glob
    .toLowerCase()
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(text.toLowerCase());
}

/** The glob's literal parts kept, its wildcards filled from the hash: the pattern still matches. */
function fillGlob(glob: string, hash: string): string {
  let next = 0;
  const take = (count: number) => {
    const part = hash.slice(next, next + count);
    next += count;
    return part;
  };
  return glob.replace(/[*?]/g, (wildcard) => take(wildcard === '*' ? 6 : 1));
}
