/**
 * The names found in the evidence, by what they are: the first pass of redaction collects them
 * (from the properties the table marks, and from the subjects), the second replaces them
 * wherever they occur, in any property or free text.
 */
import { keptSuffixLength } from './pseudonyms.js';

export interface Vocabulary {
  /** Server and device names (single labels), the organisation's and NetBIOS names. */
  hosts: Set<string>;
  /** DNS domains of the organisation: accepted domains, the servers' AD domain. */
  domains: Set<string>;
  /** User names, display names, aliases. */
  users: Set<string>;
  /** Certificate thumbprints. */
  thumbprints: Set<string>;
}

export function emptyVocabulary(): Vocabulary {
  return { hosts: new Set(), domains: new Set(), users: new Set(), thumbprints: new Set() };
}

/** What Windows reports for a server in no domain (an Edge server): no organisation's name. */
const NOT_A_NAME = new Set(['workgroup']);

/** Names shorter than this are not replaced as free-standing words: too many false hits. */
const MIN_WORD = 3;

export function addHost(vocabulary: Vocabulary, name: string): void {
  const trimmed = name.trim();
  if (trimmed.length < MIN_WORD) return;
  // A device name with spaces (iPhone van Anna) is replaced as a phrase, as display names are.
  if (trimmed.includes(' ')) {
    vocabulary.users.add(trimmed.toLowerCase());
    return;
  }
  if (!trimmed.includes('.')) {
    vocabulary.hosts.add(trimmed.toLowerCase());
    return;
  }
  // An FQDN: the rest after its first label is the domain. The first label is not a name of its
  // own (autodiscover, mail): it is redacted where it stands in a DNS name of the domain.
  const [first = '', ...rest] = trimmed.split('.');
  if (/^\d+$/.test(first) || rest.length === 0) return;
  addDomain(vocabulary, rest.join('.'));
}

export function addDomain(vocabulary: Vocabulary, domain: string): void {
  const lower = domain.trim().toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
  const labels = lower.split('.');
  if (
    lower === '' ||
    lower === '*' ||
    NOT_A_NAME.has(lower) ||
    labels.length <= keptSuffixLength(labels)
  )
    return;
  vocabulary.domains.add(lower);
  // The label left of the public suffix (contoso of contoso.com) is also a NetBIOS-like name.
  const registrable = labels[labels.length - 1 - keptSuffixLength(labels)];
  if (registrable !== undefined && registrable.length >= MIN_WORD)
    vocabulary.hosts.add(registrable);
}

export function addUser(vocabulary: Vocabulary, name: string): void {
  const trimmed = name.trim();
  if (trimmed.length < MIN_WORD || trimmed.includes('@')) return;
  // DOMAIN\user: the domain is a name too.
  const slash = trimmed.lastIndexOf('\\');
  if (slash > 0) {
    addUser(vocabulary, trimmed.slice(slash + 1));
    return;
  }
  // Canonical names (contoso.com/Users/Anna Bakker): the last part is the user.
  if (trimmed.includes('/')) {
    const parts = trimmed.split('/');
    addUser(vocabulary, parts[parts.length - 1] ?? '');
    return;
  }
  vocabulary.users.add(trimmed.toLowerCase());
}
