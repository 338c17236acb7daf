/**
 * The .NET Framework version Exchange is validated with, per product, CU and Windows release
 * (HealthChecker's table, reference exchange-builds.md §4), and the version an installed release
 * number stands for (Microsoft, "Determine which .NET Framework versions are installed").
 */
import type { ExchangeProduct } from './catalogue.js';

/** Lowest NDP\v4\Full Release value of each version, oldest first. */
const RELEASE_MINIMUMS: readonly [number, string][] = [
  [378389, '4.5'],
  [378675, '4.5.1'],
  [379893, '4.5.2'],
  [393295, '4.6'],
  [394254, '4.6.1'],
  [394802, '4.6.2'],
  [460798, '4.7'],
  [461308, '4.7.1'],
  [461808, '4.7.2'],
  [528040, '4.8'],
  [533320, '4.8.1'],
];

/** Newest CU (by number) up to which each version is the validated one; later CUs get the last. */
const RECOMMENDED_BY_CU: Readonly<Record<ExchangeProduct, readonly [number, string][]>> = {
  Exchange2013: [
    [3, '4.5'],
    [12, '4.5.2'],
    [14, '4.6.1'],
    [18, '4.6.2'],
    [20, '4.7.1'],
    [Infinity, '4.8'],
  ],
  Exchange2016: [
    [1, '4.5.2'],
    [3, '4.6.1'],
    [7, '4.6.2'],
    [10, '4.7.1'],
    [12, '4.7.2'],
    [Infinity, '4.8'],
  ],
  Exchange2019: [
    [1, '4.7.2'],
    [13, '4.8'],
    [Infinity, '4.8.1'],
  ],
  ExchangeSE: [[Infinity, '4.8.1']],
};

const WINDOWS_SERVER_2016_BUILD = 14393;
const WINDOWS_SERVER_2019_BUILD = 17763;

/** The version the release number stands for, or undefined below .NET 4.5. */
export function dotNetVersionOfRelease(release: number): string | undefined {
  return RELEASE_MINIMUMS.filter(([minimum]) => minimum <= release).at(-1)?.[1];
}

/**
 * The .NET Framework 4.8 family from a framework DLL's file version: 4.8.1 ships files numbered
 * 4.8.9000 and above, 4.8 below. Older families cannot be told apart this way.
 */
export function dotNetVersionOfFileVersion(fileVersion: string): string | undefined {
  const [major, minor, build] = fileVersion.split('.').map(Number);
  if (major !== 4 || minor !== 8 || build === undefined || !Number.isInteger(build)) {
    return undefined;
  }
  return build >= 9000 ? '4.8.1' : '4.8';
}

/** The validated version for a CU ("CU14", "RTM") on a Windows build, as HealthChecker decides. */
export function recommendedDotNet(
  product: ExchangeProduct,
  cu: string,
  windowsBuild: number | undefined,
): string | undefined {
  const cuNumber = cu === 'RTM' ? 0 : Number(/^CU(\d+)$/.exec(cu)?.[1]);
  if (!Number.isInteger(cuNumber)) return undefined;

  const recommended = RECOMMENDED_BY_CU[product].find(([lastCu]) => cuNumber <= lastCu)?.[1];
  // 4.8.1 is not offered for Windows Server 2019, so 4.8 stays the validated version there.
  if (recommended === '4.8.1' && windowsBuild === WINDOWS_SERVER_2019_BUILD) return '4.8';
  // Exchange 2016 CU3 needs 4.6.2 on Windows Server 2016, 4.6.1 elsewhere.
  if (product === 'Exchange2016' && cuNumber === 3 && windowsBuild === WINDOWS_SERVER_2016_BUILD) {
    return '4.6.2';
  }
  return recommended;
}

/** Negative when a is older than b: "4.8" < "4.8.1". */
export function compareDotNetVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
