/**
 * Redacts one piece of text: e-mail addresses, the organisation's DNS names (label by label),
 * IP addresses, networks and ranges, and every collected name standing as a word of its own.
 * The same redactor serves CliXml strings, config files, CSV cells, policies and waivers, so a
 * name gets one pseudonym wherever it is written.
 */
import { AddressRedactor } from './address-text.js';
import type { RedactionKey } from './key.js';
import { PrefixPreservingMap } from './prefix-preserving.js';
import { Pseudonyms } from './pseudonyms.js';
import type { Vocabulary } from './vocabulary.js';

const EMAIL = /([\p{L}\p{N}._%+'-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/gu;
const DNS_NAME =
  /(?<![\w.-])(?:\*\.)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]*(?![\w-])/g;
const IPV4 = /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2}|-\d{1,3}(?:\.\d{1,3}){3})?(?![\w.])/g;
const V6 = String.raw`(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f.]*(?:%\w+)?`;
const IPV6 = new RegExp(String.raw`(?<![\w:.])${V6}(?:\/\d{1,3}|-${V6})?(?![\w:])`, 'g');
const WORD = /[\p{L}\p{N}_$-]+(?:\.[\p{L}\p{N}_$-]+)*/gu;

export interface TextOptions {
  /** Versions (15.2.1544.4, 2.0.0.0) look like addresses: skip the address scan. */
  noAddresses?: boolean;
}

export class TextRedactor {
  readonly pseudonyms: Pseudonyms;
  readonly addresses: AddressRedactor;
  private readonly words = new Map<string, string>();
  private readonly phrases: RegExp | undefined;
  private readonly domains: string[];

  constructor(key: RedactionKey, vocabulary: Vocabulary, userPatterns: readonly string[] = []) {
    this.pseudonyms = new Pseudonyms(key, userPatterns);
    this.addresses = new AddressRedactor(new PrefixPreservingMap(key));
    for (const host of vocabulary.hosts) this.words.set(host, this.pseudonyms.label(host));
    for (const thumbprint of vocabulary.thumbprints)
      this.words.set(thumbprint.toLowerCase(), this.pseudonyms.thumbprint(thumbprint));
    const phrases: string[] = [];
    for (const user of vocabulary.users) {
      if (/\s/.test(user)) phrases.push(user);
      else if (!this.words.has(user)) this.words.set(user, this.pseudonyms.user(user));
    }
    this.phrases = phraseExpression(phrases);
    this.domains = [...vocabulary.domains].sort((a, b) => b.length - a.length);
  }

  redact(text: string, options: TextOptions = {}): string {
    if (text === '') return text;
    let out = text;
    if (this.phrases !== undefined)
      out = out.replace(this.phrases, (phrase) => this.pseudonyms.user(phrase));
    out = out.replace(EMAIL, (_, local: string, domain: string) => {
      return `${this.pseudonyms.user(local)}@${this.pseudonyms.dnsName(domain)}`;
    });
    out = out.replace(DNS_NAME, (name) => (this.isOwnName(name) ? this.dnsName(name) : name));
    if (options.noAddresses !== true) {
      out = out.replace(IPV4, (found) => this.addresses.redact(found) ?? found);
      out = out.replace(IPV6, (found) => this.addresses.redact(found) ?? found);
    }
    return out.replace(WORD, (word) => this.word(word));
  }

  /** A DNS name, label by label, whether or not it is one of the organisation's. */
  dnsName(name: string): string {
    return this.pseudonyms.dnsName(name);
  }

  private isOwnName(name: string): boolean {
    const lower = name.toLowerCase().replace(/^\*\./, '');
    if (this.domains.some((domain) => lower === domain || lower.endsWith(`.${domain}`)))
      return true;
    const first = lower.split('.')[0] ?? '';
    return this.words.has(first) && !/^\d+$/.test(first);
  }

  private word(word: string): string {
    const whole = this.words.get(word.toLowerCase());
    if (whole !== undefined) return restyle(word, whole);
    // Pieces between dots and dashes: contoso-com.mail.protection.outlook.com names contoso.
    return word.replace(/[^.-]+/g, (part) => {
      const found = this.words.get(part.toLowerCase());
      return found === undefined ? part : restyle(part, found);
    });
  }
}

function restyle(original: string, pseudonym: string): string {
  const allCapitals = /[A-Z]/.test(original) && original === original.toUpperCase();
  return allCapitals ? pseudonym.toUpperCase() : pseudonym.toLowerCase();
}

/** One case-insensitive expression for names with spaces (display names), longest first. */
function phraseExpression(phrases: string[]): RegExp | undefined {
  if (phrases.length === 0) return undefined;
  const escaped = phrases
    .sort((a, b) => b.length - a.length)
    .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_-])`, 'giu');
}
