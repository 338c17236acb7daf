/**
 * Reading setting overrides the way HealthChecker does for one server (reference
 * healthchecker-checks.md §4.5): only Accepted overrides, scoped to the server or to all, whose
 * version bracket holds the build; for each parameter the first such value counts.
 */
import type { SettingOverride } from '../../evidence/importers/setting-overrides.js';
import {
  compareVersions,
  parseExchangeVersion,
  type ExchangeVersion,
} from '../../knowledge/index.js';

// TODO(#3): HealthChecker prefers the server-effective overrides of Get-ExchangeDiagnosticInfo
// (VariantConfiguration) and falls back to these AD objects; exchange.variant-configuration has no
// typed importer yet (its XML sits in element text), so E19's alternate
// GetExchangeDiagnosticInfo_ADTopVariantConfiguration1.xml, which switches AMSI off, is not read.
export interface OverrideValue {
  override: SettingOverride;
  parameter: string;
  value: string;
}

/** Every applicable parameter value of `component`/`section`, in export order. */
export function applicableValues(
  overrides: readonly SettingOverride[],
  component: string,
  section: string,
  server: { name: string; version: ExchangeVersion | undefined },
): OverrideValue[] {
  return overrides
    .filter((override) => same(override.component, component) && same(override.section, section))
    .filter((override) => override.status === undefined || same(override.status, 'Accepted'))
    .filter((override) => scopedTo(override, server.name) && bracketHolds(override, server.version))
    .flatMap((override) =>
      override.parameters.map((parameter) => ({
        override,
        parameter: parameter.name,
        value: parameter.value,
      })),
    );
}

/** The first applicable value of `parameter`, compared case-insensitively. */
export function firstValue(
  values: readonly OverrideValue[],
  parameter: string,
): string | undefined {
  return values.find((entry) => same(entry.parameter, parameter))?.value;
}

export function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function scopedTo(override: SettingOverride, serverName: string): boolean {
  const shortName = (name: string) => (name.split('.')[0] ?? '').toLowerCase();
  return (
    override.servers.length === 0 ||
    override.servers.some((name) => shortName(name) === shortName(serverName))
  );
}

/** A bracket that cannot be compared with the build is taken to hold: the override may apply. */
function bracketHolds(override: SettingOverride, version: ExchangeVersion | undefined): boolean {
  if (version === undefined) return true;

  const min = override.minVersion === undefined ? undefined : parseDotted(override.minVersion);
  const max = override.maxVersion === undefined ? undefined : parseDotted(override.maxVersion);
  return (
    (min === undefined || compareVersions(version, min) >= 0) &&
    (max === undefined || compareVersions(version, max) <= 0)
  );
}

function parseDotted(text: string): ExchangeVersion | undefined {
  const parts = text.trim().split('.');
  while (parts.length < 4) parts.push('0');
  return parseExchangeVersion(parts.join('.'));
}
