/**
 * Windows exports of one Contoso server, through Invoke-Command: Win32_OperatingSystem and
 * Get-HotFix as WMI objects (members as in the corpus's E19/OS/Win32_OperatingSystem.xml and
 * GetHotFix.xml), and the reboot-pending probe's PSCustomObject (GetServerRebootPending.xml).
 */
import {
  bool,
  byte,
  dateTime,
  i16,
  i32,
  list,
  nil,
  obj,
  str,
  u16,
  u32,
  u64,
} from '../../src/evidence/clixml/writer-values.js';
import type { WritableNode, WritableObject } from '../../src/evidence/clixml/writer-values.js';
import { deserialized, remotingMembers, wmiDateTime } from './remoting.js';
import { invokeCommandRunspace } from './setup-exports.js';
import { COLLECTED_AT, type ContosoServer } from './servers.js';

const STRING_ARRAY_TYPES = deserialized(['System.String[]', 'System.Array', 'System.Object']);

/** The type names WMI gives a class, most derived first. */
function wmiTypes(className: string, parents: readonly string[]): string[] {
  const classes = [className, ...parents];
  return deserialized([
    ...classes.map((name) => `System.Management.ManagementObject#root\\cimv2\\${name}`),
    ...classes.map((name) => `System.Management.ManagementObject#${name}`),
    'System.Management.ManagementObject',
    'System.Management.ManagementBaseObject',
    'System.ComponentModel.Component',
    'System.MarshalByRefObject',
    'System.Object',
  ]);
}

function wmiSystemMembers(
  server: ContosoServer,
  className: string,
  parents: readonly string[],
  relativePath: string,
  propertyCount: number,
): [string, WritableNode][] {
  return [
    ['__GENUS', i32(2)],
    ['__CLASS', str(className)],
    ['__SUPERCLASS', str(parents[0] ?? '')],
    ['__DYNASTY', str(parents.at(-1) ?? className)],
    ['__RELPATH', str(relativePath)],
    ['__PROPERTY_COUNT', i32(propertyCount)],
    ['__DERIVATION', list(STRING_ARRAY_TYPES, parents.map(str))],
    ['__SERVER', str(server.name)],
    ['__NAMESPACE', str('root\\cimv2')],
    ['__PATH', str(`\\\\${server.name}\\root\\cimv2:${relativePath}`)],
  ];
}

const OS_PARENTS = ['CIM_OperatingSystem', 'CIM_LogicalElement', 'CIM_ManagedSystemElement'];

/**
 * Get-CimInstance Win32_OperatingSystem, in the WMI shape HealthChecker's export has.
 * TODO(#2): a real Get-CimInstance export is a CimInstance (DT LastBootUpTime, CimInstance type
 * names); add one server in that shape once the importer reads both.
 */
export function operatingSystemExport(server: ContosoServer): WritableObject[] {
  const { os } = server;
  const relPath = 'Win32_OperatingSystem=@';
  const operatingSystem = obj(wmiTypes('Win32_OperatingSystem', OS_PARENTS), {
    toStringText: `\\\\${server.name}\\root\\cimv2:${relPath}`,
    props: [
      ...wmiSystemMembers(server, 'Win32_OperatingSystem', OS_PARENTS, relPath, 64),
      ['BootDevice', str('\\Device\\HarddiskVolume1')],
      ['BuildNumber', str(os.buildNumber)],
      ['BuildType', str('Multiprocessor Free')],
      ['Caption', str(os.caption)],
      ['CodeSet', str('1252')],
      ['CountryCode', str('1')],
      ['CSDVersion', nil()],
      ['CSName', str(server.name)],
      ['CurrentTimeZone', i16(0)],
      ['DataExecutionPrevention_Available', bool(true)],
      ['DataExecutionPrevention_SupportPolicy', byte(3)],
      ['FreePhysicalMemory', u64(9_437_184)],
      ['InstallDate', str(wmiDateTime(os.installDate))],
      ['LargeSystemCache', nil()],
      ['LastBootUpTime', str(wmiDateTime(os.lastBootUpTime))],
      ['LocalDateTime', str(wmiDateTime(COLLECTED_AT.replace('Z', '')))],
      ['Locale', str('0409')],
      ['Manufacturer', str('Microsoft Corporation')],
      ['Name', str(`${os.caption}|C:\\Windows|\\Device\\Harddisk0\\Partition2`)],
      ['OperatingSystemSKU', u32(os.sku)],
      ['OSArchitecture', str('64-bit')],
      ['OSLanguage', u32(1033)],
      ['OSType', u16(18)],
      ['ProductType', u32(3)],
      ['ServicePackMajorVersion', u16(0)],
      ['Status', str('OK')],
      ['SystemDirectory', str('C:\\Windows\\system32')],
      ['TotalVisibleMemorySize', u64(134_217_728)],
      ['Version', str(os.version)],
      ['WindowsDirectory', str('C:\\Windows')],
    ],
    ms: remotingMembers(server.name, invokeCommandRunspace(server), true),
  });
  return [operatingSystem];
}

const REBOOT_LOCATIONS = {
  fileRename:
    'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\PendingFileRenameOperations',
  componentBasedServicing:
    'HKLM:\\Software\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending',
};

const STRING_LIST_TYPES = deserialized([
  'System.Collections.Generic.List`1[[System.String, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089]]',
  'System.Object',
]);

/** exzt's reboot-pending probe: the registry keys Windows and installers set. */
export function rebootPendingExport(server: ContosoServer): WritableObject[] {
  const pending = server.rebootPending;
  const locations = pending
    ? [str(REBOOT_LOCATIONS.fileRename), str(REBOOT_LOCATIONS.componentBasedServicing)]
    : [];
  const probe = obj(
    deserialized(['System.Management.Automation.PSCustomObject', 'System.Object']),
    {
      ms: [
        ['PendingFileRenameOperations', bool(pending)],
        ['ComponentBasedServicingPendingReboot', bool(pending)],
        ['AutoUpdatePendingReboot', bool(false)],
        ['UpdateExeVolatileValue', bool(false)],
        ['CcmRebootPending', bool(false)],
        ['PendingReboot', bool(pending)],
        ['PendingRebootLocations', list(STRING_LIST_TYPES, locations)],
        ...remotingMembers(server.name, invokeCommandRunspace(server), true),
      ],
    },
  );
  return [probe];
}

export interface HotFixEntry {
  id: string;
  description: 'Update' | 'Security Update';
  /** yyyy-mm-dd */
  installedOn: string;
}

const QFE_PARENTS = ['CIM_LogicalElement', 'CIM_ManagedSystemElement'];

function hotFix(server: ContosoServer, entry: HotFixEntry): WritableObject {
  const relPath = `Win32_QuickFixEngineering.HotFixID="${entry.id}",ServicePackInEffect=""`;
  const [year, month, day] = entry.installedOn.split('-').map(Number);
  return obj(wmiTypes('Win32_QuickFixEngineering', QFE_PARENTS), {
    toStringText: `\\\\${server.name}\\root\\cimv2:${relPath}`,
    props: [
      ...wmiSystemMembers(server, 'Win32_QuickFixEngineering', QFE_PARENTS, relPath, 11),
      ['Caption', str(`https://support.microsoft.com/help/${entry.id.slice(2)}`)],
      ['CSName', str(server.name)],
      ['Description', str(entry.description)],
      ['FixComments', str('')],
      ['HotFixID', str(entry.id)],
      ['InstallDate', nil()],
      ['InstalledBy', str('NT AUTHORITY\\SYSTEM')],
      ['InstalledOn', str(`${month}/${day}/${year}`)],
      ['Name', nil()],
      ['ServicePackInEffect', str('')],
      ['Status', nil()],
    ],
    ms: [
      ...remotingMembers(server.name, invokeCommandRunspace(server), true),
      ['InstalledOn', dateTime(`${entry.installedOn}T00:00:00`)],
    ],
  });
}

/** Get-HotFix: one object per installed Windows update. */
export function hotFixesExport(
  server: ContosoServer,
  entries: readonly HotFixEntry[],
): WritableObject[] {
  return entries.map((entry) => hotFix(server, entry));
}
