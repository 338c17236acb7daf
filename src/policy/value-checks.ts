/**
 * Checks of single values written in policy, waiver and attestation files. Each returns
 * undefined when the value is fine, else what is allowed, as the error message's last part.
 */
import { didYouMean } from './nearest.js';
import { parseIpAddress } from './networks.js';

/**
 * An IPv4 or IPv6 network in CIDR notation with no host bits set, e.g. 10.10.0.0/24: a policy
 * names networks, and 10.10.0.5/24 is more likely a typo than a network.
 */
export function checkCidr(text: string): string | undefined {
  const expected = 'expected an IPv4 or IPv6 network in CIDR form, e.g. 10.10.0.0/24 or fd00::/64';
  const [addressText = '', prefixText, extra] = text.split('/');
  if (prefixText === undefined || extra !== undefined || !/^\d{1,3}$/.test(prefixText)) {
    return `${expected} (a prefix length after '/')`;
  }

  const address = parseIpAddress(addressText);
  if (address === undefined) return `${expected}; '${addressText}' is not an IP address`;
  const bits = address.version === 4 ? 32 : 128;
  const prefix = Number(prefixText);
  if (prefix > bits) return `${expected}; the prefix length is at most ${bits} for this address`;
  if ((address.value & ((1n << BigInt(bits - prefix)) - 1n)) !== 0n) {
    return `host bits are set after /${prefix}; write the network address of the range`;
  }
  return undefined;
}

/** An IANA time zone name that this Node.js knows, e.g. Europe/Amsterdam. */
export function checkTimeZone(text: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en', { timeZone: text });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(text)
      ? undefined
      : 'expected an IANA time zone name such as Europe/Amsterdam, not an offset';
  } catch {
    const hint = didYouMean(text, Intl.supportedValuesOf('timeZone'));
    return `expected an IANA time zone name such as Europe/London${hint}`;
  }
}

/** 24-hour "HH:MM". */
export function checkClockTime(text: string): string | undefined {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(text)
    ? undefined
    : 'expected 24-hour time HH:MM, e.g. 07:00';
}

/** Dotted numbers: 16.0.17928, 13. */
export function checkVersion(text: string): string | undefined {
  return /^\d+(\.\d+)*$/.test(text)
    ? undefined
    : 'expected a version of dotted numbers, e.g. 16.0.17928';
}

/** An e-mail address: someone who can be asked about the decision or the statement. */
export function checkEmail(text: string): string | undefined {
  return /^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(text)
    ? undefined
    : 'expected an e-mail address, e.g. ciso@contoso.com';
}

/** A real calendar date written yyyy-mm-dd. */
export function checkDate(text: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return 'expected a date yyyy-mm-dd, e.g. 2027-03-31';

  const date = new Date(`${text}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    return 'not a real date; expected yyyy-mm-dd';
  }
  return undefined;
}

/** Minutes since midnight of a valid "HH:MM". */
export function minutesOf(clockTime: string): number {
  const [hours = 0, minutes = 0] = clockTime.split(':').map(Number);
  return hours * 60 + minutes;
}
