/**
 * Windows Server support lifecycle, keyed by the OS build number (Win32_OperatingSystem
 * BuildNumber or the third part of Version). Dates are ISO "YYYY-MM-DD", compared as text; the
 * caller passes the date that matters, never the wall clock.
 */
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
