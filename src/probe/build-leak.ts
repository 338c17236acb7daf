/**
 * The Exchange build an unauthenticated answer gives away, with how precise it is
 * (reference/probe-and-logs.md A2): X-OWA-Version carries the exact build; the ECP export tool's
 * ClickOnce manifest carries a 4-part version; OWA's static asset folder carries the CU only,
 * because Security Updates do not rename it.
 */
import type { BuildObservation } from './model.js';

/** Each component read as an integer: the header is seen both plain and zero-padded. */
function normalise(parts: readonly string[]): string {
  return parts.map((part) => String(Number(part))).join('.');
}

export function buildFromOwaHeader(
  values: readonly string[] | undefined,
  path: string,
): BuildObservation | undefined {
  const match = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{1,4})\.(\d{1,4})\s*$/.exec(values?.[0] ?? '');
  if (match === null) return undefined;

  return {
    version: normalise(match.slice(1)),
    precision: 'build',
    source: 'X-OWA-Version',
    path,
  };
}

export function buildFromExportToolManifest(
  body: string,
  path: string,
): BuildObservation | undefined {
  const identity = /<assemblyIdentity\b[^>]*>/i.exec(body)?.[0];
  const match = /\bversion="(\d{1,2})\.(\d{1,2})\.(\d{1,4})\.(\d{1,4})"/i.exec(identity ?? '');
  if (match === null) return undefined;

  return {
    version: normalise(match.slice(1)),
    precision: 'build',
    source: 'ECP export tool manifest',
    path,
  };
}

export function buildFromOwaAssetPath(body: string, path: string): BuildObservation | undefined {
  const match = /\/owa\/(?:auth\/)?(15)\.(\d)\.(\d{2,4})\/(?:themes|scripts|resources)\//i.exec(
    body,
  );
  if (match === null) return undefined;

  return { version: normalise(match.slice(1)), precision: 'cu', source: 'OWA asset path', path };
}

/** The most precise observation first (build before CU), then by source order. */
export function bestBuild(builds: readonly BuildObservation[]): BuildObservation | undefined {
  return builds.find((b) => b.precision === 'build') ?? builds[0];
}
