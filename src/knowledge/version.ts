import { ExztError } from '../errors.js';

/**
 * Exchange version numbers: ExSetup.exe file versions ("15.02.0986.005", "15.2.986.5") and
 * Get-ExchangeServer AdminDisplayVersion text ("Version 15.2 (Build 986.5)").
 */
export interface ExchangeVersion {
  major: number;
  minor: number;
  build: number;
  revision: number;
}

const FILE_VERSION = /^\s*(\d{1,5})\.(\d{1,5})\.(\d{1,6})\.(\d{1,6})\s*$/;

// AdminDisplayVersion as Exchange writes it; it names the CU build only, never the SU.
const ADMIN_DISPLAY_VERSION =
  /^\s*Version\s+(\d{1,5})\.(\d{1,5})\s*\(Build\s+(\d{1,6})\.(\d{1,6})\)\s*$/i;

/** Parses either form; undefined when the text is neither. Leading zeros are ignored. */
export function parseExchangeVersion(text: string): ExchangeVersion | undefined {
  const match = FILE_VERSION.exec(text) ?? ADMIN_DISPLAY_VERSION.exec(text);
  if (match === null) return undefined;

  const [major, minor, build, revision] = match.slice(1, 5).map(Number);
  if (major === undefined || minor === undefined || build === undefined || revision === undefined) {
    return undefined;
  }
  return { major, minor, build, revision };
}

/** Parses a build known to be well formed (the knowledge base's own data). */
export function requireExchangeVersion(text: string): ExchangeVersion {
  const version = parseExchangeVersion(text);
  if (version === undefined) {
    throw new ExztError('KNOWLEDGE', `knowledge base holds '${text}' where a build is expected`);
  }
  return version;
}

/** Negative when a < b, zero when equal, positive when a > b. */
export function compareVersions(a: ExchangeVersion, b: ExchangeVersion): number {
  return a.major - b.major || a.minor - b.minor || a.build - b.build || a.revision - b.revision;
}

/** "15.2.986.5": the unpadded form the knowledge base stores. */
export function formatVersion(version: ExchangeVersion): string {
  return `${version.major}.${version.minor}.${version.build}.${version.revision}`;
}
