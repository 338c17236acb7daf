/**
 * Bundle-only registry and WMI kinds the collector writes with Select-Object, so every member is
 * present and an unset registry value is Nil: os.lsa-settings (Control\Lsa), os.device-guard
 * (Win32_DeviceGuard) and os.dotnet-release (NDP\v4\Full). Nil reads as undefined and the rule
 * applies Windows' default.
 */
import type { CliDocument, CliNode, CliObject } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import { asNumber, asString, member } from '../clixml/index.js';
import { assignDefined, objectAnchor, objectsOf, shapeError } from './read.js';

export interface LsaSettings {
  /** HKLM\SYSTEM\CurrentControlSet\Control\Lsa\LmCompatibilityLevel; unset means 3. */
  lmCompatibilityLevel?: number;
  /** LsaCfgFlags: 1 or 2 turn Credential Guard on. */
  lsaCfgFlags?: number;
  runAsPpl?: number;
  /**
   * SuppressExtendedProtection: not 0 switches Extended Protection off for the whole server
   * (HealthChecker calls the server vulnerable). Null when unset (0), absent when the export does
   * not carry it (collectors before 2026-12-04).
   */
  suppressExtendedProtection?: number | null;
}

export interface DeviceGuard {
  /** Win32_DeviceGuard.SecurityServicesRunning: 1 = Credential Guard, 2 = HVCI, … */
  securityServicesRunning: number[];
  securityServicesConfigured: number[];
  virtualizationBasedSecurityStatus?: number;
}

export interface DotNetRelease {
  /** NDP\v4\Full\Release, e.g. 528040 (.NET Framework 4.8). */
  release: number;
  version?: string;
}

export function importLsaSettings(document: CliDocument): ImportedValue<LsaSettings> {
  const { object, index } = firstObject(
    document,
    'LmCompatibilityLevel',
    'the Lsa registry values',
  );
  const value: LsaSettings = {};
  assignDefined(
    value,
    'lmCompatibilityLevel',
    numberOrNil(document, object, 'LmCompatibilityLevel'),
  );
  assignDefined(value, 'lsaCfgFlags', numberOrNil(document, object, 'LsaCfgFlags'));
  assignDefined(value, 'runAsPpl', numberOrNil(document, object, 'RunAsPPL'));
  if (member(object, 'SuppressExtendedProtection') !== undefined) {
    value.suppressExtendedProtection =
      numberOrNil(document, object, 'SuppressExtendedProtection') ?? null;
  }
  return { value, anchors: [objectAnchor(object, index)] };
}

export function importDeviceGuard(document: CliDocument): ImportedValue<DeviceGuard> {
  const description = 'a Win32_DeviceGuard object';
  const { object, index } = firstObject(document, 'SecurityServicesRunning', description);
  const value: DeviceGuard = {
    securityServicesRunning: numberList(member(object, 'SecurityServicesRunning')),
    securityServicesConfigured: numberList(member(object, 'SecurityServicesConfigured')),
  };
  assignDefined(
    value,
    'virtualizationBasedSecurityStatus',
    numberOrNil(document, object, 'VirtualizationBasedSecurityStatus'),
  );
  return { value, anchors: [objectAnchor(object, index)] };
}

export function importDotNetRelease(document: CliDocument): ImportedValue<DotNetRelease> {
  const { object, index } = firstObject(document, 'Release', 'the NDP\\v4\\Full registry values');
  const release = numberOrNil(document, object, 'Release');
  if (release === undefined) throw shapeError(document, object, 'Release as a number');

  const value: DotNetRelease = { release };
  assignDefined(value, 'version', asString(member(object, 'Version')));
  return { value, anchors: [objectAnchor(object, index)] };
}

function firstObject(document: CliDocument, required: string, description: string) {
  const first = objectsOf(document)[0];
  if (first === undefined || member(first.object, required) === undefined) {
    throw shapeError(
      document,
      first?.object ?? document.objects[0],
      `${description} (${required})`,
    );
  }
  return first;
}

/** A number, or undefined for Nil; any other value is a shape error. */
function numberOrNil(document: CliDocument, object: CliObject, name: string): number | undefined {
  const node = member(object, name);
  if (node === undefined || node.kind === 'nil') return undefined;

  const number = asNumber(node);
  if (number === undefined) throw shapeError(document, node, `${name} as a number`);
  return number;
}

function numberList(node: CliNode | undefined): number[] {
  if (node?.kind === 'object' && node.items !== undefined) {
    return node.items.flatMap((item) => {
      const number = asNumber(item);
      return number === undefined ? [] : [number];
    });
  }
  const single = asNumber(node);
  return single === undefined ? [] : [single];
}
