/**
 * HealthChecker's reading of SCHANNEL protocol values (reference/healthchecker-checks.md §3,
 * Shared/TLS/Get-AllTlsSettingsFromRegistry.ps1), applied to the raw registry values.
 */
import type { SchannelProtocol, SchannelSide } from '../../evidence/importers/tls-settings.js';

export type TlsProtocolState = 'Enabled' | 'Disabled' | 'HalfDisabled' | 'Misconfigured';

/** An absent Enabled value means on for TLS 1.0–1.2 (the OS default) and off for TLS 1.3. */
function isEnabled(side: SchannelSide, version: string): boolean {
  if (side.enabled === undefined) return version !== '1.3';
  return side.enabled !== 0;
}

function isDisabledByDefault(side: SchannelSide): boolean {
  return side.disabledByDefault !== undefined && side.disabledByDefault !== 0;
}

export function tlsProtocolState(protocol: SchannelProtocol): TlsProtocolState {
  const { server, client, version } = protocol;
  const serverEnabled = isEnabled(server, version);
  const clientEnabled = isEnabled(client, version);
  const serverOffByDefault = isDisabledByDefault(server);
  if (serverEnabled !== clientEnabled || serverOffByDefault !== isDisabledByDefault(client)) {
    return 'Misconfigured';
  }

  const offByDefaultOrAbsent = (side: SchannelSide) =>
    side.disabledByDefault === undefined || isDisabledByDefault(side);
  if (!serverEnabled && offByDefaultOrAbsent(server) && offByDefaultOrAbsent(client)) {
    return 'Disabled';
  }
  if (!serverEnabled || serverOffByDefault) return 'HalfDisabled';
  return 'Enabled';
}

/** The registry values HealthChecker wants written out for TLS 1.0–1.2, as "Server Enabled". */
export function missingSchannelValues(protocol: SchannelProtocol): string[] {
  if (protocol.version === '1.3') return [];

  const missing: string[] = [];
  for (const side of ['server', 'client'] as const) {
    const label = side === 'server' ? 'Server' : 'Client';
    if (protocol[side].enabled === undefined) missing.push(`${label} Enabled`);
    if (protocol[side].disabledByDefault === undefined) missing.push(`${label} DisabledByDefault`);
  }
  return missing;
}
