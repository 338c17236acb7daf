/**
 * Device operating systems as ActiveSync and MDMs write them ("iOS 17.5 21F79", "Android 14",
 * "Windows 10.0.19045"), reduced to the platform the policy names and a dotted version.
 */
import type { EndpointsPolicy } from '../../policy/model.js';

export type DevicePlatform = keyof EndpointsPolicy['minimumOs'];

export interface DeviceOs {
  platform: DevicePlatform;
  /** "17.5"; undefined when the text carries no version. */
  version?: string;
}

/** Platform words, most specific first: iPadOS is iOS to the policy, OS X is macOS. */
const PLATFORM_PATTERNS: readonly [RegExp, DevicePlatform][] = [
  [/\b(ios|ipados|iphone\s?os)\b/i, 'ios'],
  [/\b(mac\s?os(\s?x)?|os\s?x)\b/i, 'macos'],
  [/\bandroid\b/i, 'android'],
  [/\bwindows\b/i, 'windows'],
];

/** The platform and version of an OS text, or undefined for a platform the policy cannot name. */
export function parseDeviceOs(os: string, version?: string): DeviceOs | undefined {
  const platform = PLATFORM_PATTERNS.find(([pattern]) => pattern.test(os))?.[1];
  if (platform === undefined) return undefined;

  const found = firstVersion(version ?? '') ?? firstVersion(os);
  return found === undefined ? { platform } : { platform, version: found };
}

function firstVersion(text: string): string | undefined {
  return /(?:^|[\s/])(\d+(?:\.\d+)*)(?=$|[\s,;)])/.exec(text)?.[1];
}

/** Negative, zero or positive as dotted version a is below, equal to or above b. */
export function compareDottedVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * Why a device's OS falls short of the policy, or undefined when it meets it or the policy sets
 * no minimum for its platform.
 */
export function osShortfall(
  os: DeviceOs | undefined,
  minimumOs: EndpointsPolicy['minimumOs'],
  osText: string,
): string | undefined {
  if (os === undefined) return undefined;

  const minimum = minimumOs[os.platform];
  if (minimum === undefined) return undefined;
  if (os.version === undefined) return `OS version unreadable in "${osText}"`;
  if (compareDottedVersions(os.version, minimum) >= 0) return undefined;
  return `${os.platform} ${os.version} is below ${minimum}`;
}

/** Whole days from `from` to `asOf` (ISO 8601), or undefined when `from` is not a date. */
export function daysBetween(from: string | undefined, asOf: string): number | undefined {
  if (from === undefined) return undefined;

  const start = Date.parse(from);
  if (Number.isNaN(start)) return undefined;
  return Math.floor((Date.parse(asOf) - start) / 86_400_000);
}
