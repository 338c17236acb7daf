/**
 * Name-based UUIDs, version 5 (RFC 9562 §5.5: SHA-1 of namespace and name): the same name gives
 * the same UUID on every run, so one assessment always gives one OSCAL document.
 */
import { createHash } from 'node:crypto';

/** exzt's own namespace for every UUID it derives; never change it, or every UUID changes. */
export const EXZT_UUID_NAMESPACE = '56ddd919-0da4-4757-bfb3-5bca1228c994';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function uuidV5(name: string, namespace: string = EXZT_UUID_NAMESPACE): string {
  if (!UUID_PATTERN.test(namespace)) throw new TypeError(`not a UUID: ${namespace}`);

  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50; // version 5
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // variant 10xx (RFC 9562 §4.1)
  const hex = bytes.toString('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20, 32),
  ].join('-');
}
