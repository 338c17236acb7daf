/**
 * The report's Content-Security-Policy: nothing may load (`default-src 'none'`), and the one
 * inline script and the one inline style run only because their SHA-256 hashes are listed
 * (CSP Level 3, "hash-source"). The hashes are computed from the exact bytes inlined, at render
 * time, so an edit to either can never leave a stale hash behind.
 */
import { createHash } from 'node:crypto';

export function cspHash(inline: string): string {
  return `'sha256-${createHash('sha256').update(inline, 'utf8').digest('base64')}'`;
}

export function contentSecurityPolicy(script: string, style: string): string {
  return [
    "default-src 'none'",
    `script-src ${cspHash(script)}`,
    `style-src ${cspHash(style)}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
