/**
 * What PowerShell remoting does to an object before Export-Clixml sees it: type names gain
 * `Deserialized.`, and PSComputerName, RunspaceId and PSShowComputerName are added as notes.
 */
import { bool, guid, str } from '../../src/evidence/clixml/writer-values.js';
import type { WritableNode } from '../../src/evidence/clixml/writer-values.js';

export function deserialized(typeNames: readonly string[]): string[] {
  return typeNames.map((typeName) => `Deserialized.${typeName}`);
}

/**
 * Exchange cmdlets come through the server's /PowerShell endpoint (PSShowComputerName false, as
 * in the HealthChecker corpus); Invoke-Command output shows the computer name (true).
 */
export function remotingMembers(
  computerName: string,
  runspaceId: string,
  showComputerName: boolean,
): [string, WritableNode][] {
  return [
    ['PSComputerName', str(computerName)],
    ['RunspaceId', guid(runspaceId)],
    ['PSShowComputerName', bool(showComputerName)],
  ];
}

const ENUM_BASES = ['System.Enum', 'System.ValueType', 'System.Object'];

/** Type names of a remoted enum value. */
export function enumTypes(enumType: string): string[] {
  return deserialized([enumType, ...ENUM_BASES]);
}

export const STRING_LIST_TYPES = deserialized([
  'Microsoft.Exchange.Data.MultiValuedProperty`1[[System.String, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089]]',
  'Microsoft.Exchange.Data.MultiValuedPropertyBase',
  'System.Object',
]);

/** "2026-11-08T02:14:09" → "20261108021409.000000+000", the WMI (DMTF) datetime form. */
export function wmiDateTime(isoUtc: string): string {
  const digits = isoUtc.replace(/[-:T]/g, '');
  return `${digits}.000000+000`;
}

/** "2026-02-17" → "20260217", as the uninstall registry stores InstallDate. */
export function registryDate(isoDay: string): string {
  return isoDay.replaceAll('-', '');
}
