/**
 * Whether the fix of each config-gated CVE is in force on a server, from the organisation's
 * setting overrides (Get-SettingOverride). Follows HealthChecker's
 * Analyzer/Get-FilteredSettingOverrideInformation.ps1 for overrides read from AD
 * (reference healthchecker-checks.md §2.3, §4.5).
 */
import { CONFIG_GATED_CVES, type FixSwitchOverride } from './cve-catalogue.js';

// TODO(#2): HealthChecker prefers the server-effective overrides of Get-ExchangeDiagnosticInfo
// (VariantConfiguration, Overrides) and falls back to these AD objects, whose Status reflects only
// the server the session ran on; no kind collects the diagnostic output yet.

/** The members of a setting override this module reads; evidence importers produce more. */
export interface SettingOverrideLike {
  component: string;
  section: string;
  /** From "Name=Value" strings, in the order the override lists them. */
  parameters: readonly { name: string; value: string }[];
  /** Server names the override is scoped to; empty means every server. */
  servers: readonly string[];
  minVersion?: string;
  maxVersion?: string;
  /** SettingOverrideStatus ("Accepted"); absent when the export did not carry it. */
  status?: string;
}

type SwitchState = 'switched-off' | 'in-force' | 'undecided';

/**
 * Per config-gated CVE: true when its fix is in force, false when an applicable override sets one
 * of its parameters to false. A CVE is left out when a version bracket cannot be compared with
 * the build, so the caller reports it as unknown rather than guessing.
 */
export function settingsInForce(
  overrides: readonly SettingOverrideLike[],
  serverName: string,
  build: string,
): Record<string, boolean> {
  const inForce: Record<string, boolean> = {};
  for (const entry of CONFIG_GATED_CVES) {
    const states = entry.overrides.map((gate) => switchState(overrides, gate, serverName, build));
    if (states.includes('switched-off')) inForce[entry.cve] = false;
    else if (!states.includes('undecided')) inForce[entry.cve] = true;
  }

  return inForce;
}

/** The first accepted, applicable value of the gate's parameter decides, as in HealthChecker. */
function switchState(
  overrides: readonly SettingOverrideLike[],
  gate: FixSwitchOverride,
  serverName: string,
  build: string,
): SwitchState {
  for (const override of overrides) {
    const value = gateValue(override, gate);
    if (value === undefined || !isAccepted(override)) continue;

    const applies = appliesTo(override, serverName, build);
    if (applies === undefined) return 'undecided';
    if (!applies) continue;

    return sameText(value.trim(), 'false') ? 'switched-off' : 'in-force';
  }

  return 'in-force';
}

/**
 * The override's value for the gate's parameter. Names are matched whole, case-insensitively;
 * HealthChecker's substring match would also take "XEnabled=" for "Enabled".
 */
function gateValue(override: SettingOverrideLike, gate: FixSwitchOverride): string | undefined {
  if (!sameText(override.component, gate.component) || !sameText(override.section, gate.section)) {
    return undefined;
  }

  return override.parameters.find((parameter) => sameText(parameter.name.trim(), gate.parameter))
    ?.value;
}

export function isAccepted(override: SettingOverrideLike): boolean {
  return override.status === undefined || sameText(override.status, 'Accepted');
}

/** Server list and version bracket; undefined when a bracket or the build cannot be read. */
export function appliesTo(
  override: SettingOverrideLike,
  serverName: string,
  build: string,
): boolean | undefined {
  const server = shortName(serverName);
  if (override.servers.length > 0 && !override.servers.some((name) => shortName(name) === server)) {
    return false;
  }

  return withinVersionBracket(override, build);
}

function withinVersionBracket(override: SettingOverrideLike, build: string): boolean | undefined {
  const { minVersion, maxVersion } = override;
  if (minVersion === undefined && maxVersion === undefined) return true;

  const current = parseDotnetVersion(build);
  const min = minVersion === undefined ? 'open' : parseDotnetVersion(minVersion);
  const max = maxVersion === undefined ? 'open' : parseDotnetVersion(maxVersion);
  if (current === undefined || min === undefined || max === undefined) return undefined;

  const aboveMin = min === 'open' || compareDotnetVersions(current, min) >= 0;
  const belowMax = max === 'open' || compareDotnetVersions(current, max) <= 0;
  return aboveMin && belowMax;
}

/** HealthChecker compares the lower-cased host name before the first dot. */
function shortName(name: string): string {
  return (name.trim().split('.')[0] ?? '').toLowerCase();
}

/** System.Version text: two to four numbers; a missing part is -1, as .NET compares it. */
function parseDotnetVersion(text: string): number[] | undefined {
  const match = /^\s*(\d+)\.(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(text);
  if (match === null) return undefined;

  return match.slice(1, 5).map((part) => (part === undefined ? -1 : Number(part)));
}

function compareDotnetVersions(a: number[], b: number[]): number {
  for (let index = 0; index < 4; index += 1) {
    const difference = (a[index] ?? -1) - (b[index] ?? -1);
    if (difference !== 0) return difference;
  }

  return 0;
}

/** PowerShell's -eq on strings, which HealthChecker uses, ignores case. */
function sameText(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
