/**
 * Windows Server support lifecycle, keyed by the OS build number (Win32_OperatingSystem
 * BuildNumber or the third part of Version). Dates are ISO "YYYY-MM-DD", compared as text; the
 * caller passes the date that matters, never the wall clock.
 */
import type { ExchangeProduct } from './catalogue.js';
import lifecycleData from './data/windows-lifecycle.json' with { type: 'json' };

export interface WindowsServerRelease {
  name: string;
  /** Major.minor of the kernel, e.g. "10.0". */
  version: string;
  build: number;
  mainstreamEnd: string;
  extendedEnd: string;
  source: string;
  unverified?: string;
}

// TODO(#3): the Windows Server 2025 dates are marked unverified in the data file; check them
// against Microsoft's lifecycle page before relying on them near 2029.
export const WINDOWS_SERVER_RELEASES = lifecycleData.releases as WindowsServerRelease[];

export type WindowsSupportState = 'mainstream' | 'extended' | 'ended';

/** The release whose build this is: "10.0.17763", "6.3.9600" or a bare build number. */
export function windowsServerRelease(version: string): WindowsServerRelease | undefined {
  const parts = version.trim().split('.');
  const build = Number(parts.length >= 3 ? parts[2] : parts[0]);
  if (!Number.isInteger(build)) return undefined;

  return WINDOWS_SERVER_RELEASES.find((release) => release.build === build);
}

/** Where `day` (YYYY-MM-DD) falls in the release's lifecycle. */
export function windowsSupportState(
  release: WindowsServerRelease,
  day: string,
): WindowsSupportState {
  if (day <= release.mainstreamEnd) return 'mainstream';
  return day <= release.extendedEnd ? 'extended' : 'ended';
}

/** A Windows Server build an Exchange product may be installed on, from `fromCu` when given. */
export interface ExchangeWindowsSupport {
  product: ExchangeProduct;
  build: number;
  fromCu?: string;
  source: string;
}

// TODO(#3): the Windows Server 2022 and 2025 rows rest on secondary sources quoting Microsoft
// (see exchangeSupportSources in the data file); the stored copy of Microsoft's matrix predates
// them.
export const EXCHANGE_WINDOWS_SUPPORT = lifecycleData.exchangeSupport as ExchangeWindowsSupport[];

/**
 * Whether the product at this CU ("CU12", "RTM") may run on the Windows build: `supported`, or
 * the CU it would need first (`needsCu`), or neither when no CU of the product supports it.
 */
export function exchangeSupportsWindows(
  product: ExchangeProduct,
  cu: string,
  build: number,
): { supported: boolean; needsCu?: string; source?: string } {
  const rows = EXCHANGE_WINDOWS_SUPPORT.filter(
    (row) => row.product === product && row.build === build,
  );
  const row = rows[0];
  if (row === undefined) return { supported: false };
  if (row.fromCu === undefined || cuNumber(cu) >= cuNumber(row.fromCu)) {
    return { supported: true, source: row.source };
  }
  return { supported: false, needsCu: row.fromCu, source: row.source };
}

/** "CU12" → 12, "RTM" → 0. */
function cuNumber(name: string): number {
  const match = /^CU(\d+)$/i.exec(name.trim());
  return match === null ? 0 : Number(match[1]);
}
