/**
 * Reads the authentication a 401 offers: one scheme per WWW-Authenticate header (RFC 9110
 * §11.6.1), plus OWA's forms login, recognised by its redirect to /owa/auth/logon.aspx.
 */
import type { AuthChallenge, AuthScheme } from './model.js';

const KNOWN: Record<string, AuthScheme> = {
  basic: 'Basic',
  ntlm: 'NTLM',
  negotiate: 'Negotiate',
  bearer: 'Bearer',
  digest: 'Digest',
};

export function parseChallenges(values: readonly string[]): AuthChallenge[] {
  return values
    .filter((raw) => raw.trim() !== '')
    .map((raw) => {
      const token = /^\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)/.exec(raw)?.[1]?.toLowerCase() ?? '';
      return { scheme: KNOWN[token] ?? 'other', raw: raw.trim() };
    });
}

/** True when a redirect lands on OWA's forms-based logon page (FBA: password only). */
export function isFormsLogin(location: string | undefined): boolean {
  return location !== undefined && /\/owa\/auth\/logon\.aspx/i.test(location);
}
