/**
 * Host exports of one Contoso server: hardware (Win32_ComputerSystem, Win32_Processor, the Hyper-V
 * memory counter), BitLocker volumes, the log folders a hunt reads, and HealthChecker's FIP-FS
 * and IIS module probes. Values follow the server's story.
 */
import {
  bool,
  dateTime,
  double,
  i32,
  i64,
  list,
  obj,
  str,
  u32,
  u64,
} from '../../src/evidence/clixml/writer-values.js';
import type { WritableObject } from '../../src/evidence/clixml/writer-values.js';
import { deserialized, remotingMembers } from './remoting.js';
import { invokeCommandRunspace } from './setup-exports.js';
import { storyOf } from './server-stories.js';
import { cimObject, enumOf, nestedObject, probeObject, selectedObject } from './shapes.js';
import { COLLECTED_AT, type ContosoServer } from './servers.js';

const DAY_MS = 86_400_000;
const GIB = 1024 ** 3;

function isVirtual(server: ContosoServer): boolean {
  return server.product !== 'Exchange2013';
}

export function computerSystemExport(server: ContosoServer): WritableObject[] {
  const story = storyOf(server.name);
  const virtual = isVirtual(server);
  return [
    cimObject(server, 'Win32_ComputerSystem', 'root/cimv2', [
      ['Name', str(server.name)],
      ['Manufacturer', str(virtual ? 'Microsoft Corporation' : 'HPE')],
      ['Model', str(virtual ? 'Virtual Machine' : 'ProLiant DL380 Gen9')],
      ['NumberOfProcessors', u32(virtual ? 1 : 2)],
      ['NumberOfLogicalProcessors', u32(story.logicalProcessors)],
      ['TotalPhysicalMemory', u64(story.memoryGib * GIB)],
      ['HypervisorPresent', bool(virtual)],
      ['Domain', str(server.role === 'Edge' ? 'WORKGROUP' : 'contoso.com')],
      ['PartOfDomain', bool(server.role !== 'Edge')],
    ]),
  ];
}

export function processorExport(server: ContosoServer): WritableObject[] {
  const story = storyOf(server.name);
  const sockets = isVirtual(server) ? 1 : 2;
  const name = isVirtual(server)
    ? 'Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz'
    : 'Intel(R) Xeon(R) CPU E5-2620 v3 @ 2.40GHz';
  return Array.from({ length: sockets }, (_, socket) =>
    cimObject(server, 'Win32_Processor', 'root/cimv2', [
      ['DeviceID', str(`CPU${socket}`)],
      ['Name', str(name)],
      ['NumberOfCores', u32(story.physicalCores / sockets)],
      ['NumberOfLogicalProcessors', u32(story.logicalProcessors / sockets)],
      ['MaxClockSpeed', u32(isVirtual(server) ? 2000 : 2400)],
    ]),
  );
}

const COUNTER_TYPES = deserialized([
  'Microsoft.PowerShell.Commands.GetCounter.PerformanceCounterSample',
  'System.Object',
]);

/** Get-Counter samples: static memory shows as the maximum equal to what Windows sees. */
export function performanceCountersExport(server: ContosoServer): WritableObject[] {
  const maximumMb = storyOf(server.name).memoryGib * 1024;
  const host = server.name.toLowerCase();
  const sample = (path: string, value: number) =>
    obj(COUNTER_TYPES, {
      toStringText: 'Microsoft.PowerShell.Commands.GetCounter.PerformanceCounterSample',
      props: [
        ['Path', str(`\\\\${host}${path}`)],
        ['InstanceName', str('')],
        ['CookedValue', double(value)],
        ['Timestamp', dateTime(COLLECTED_AT.replace('Z', ''))],
      ],
      ms: remotingMembers(server.name, invokeCommandRunspace(server), true),
    });
  const samples = [sample('\\processor(_total)\\% processor time', 7.5)];
  if (isVirtual(server)) {
    samples.unshift(
      sample('\\hyper-v dynamic memory integration service\\maximum memory, mbytes', maximumMb),
    );
  }
  return samples;
}

const BITLOCKER = 'Microsoft.BitLocker.Structures.BitLockerVolume';

function bitLockerVolume(server: ContosoServer, mountPoint: string, on: boolean): WritableObject {
  const volumeType = mountPoint === 'C:' ? 'OperatingSystem' : 'Data';
  return selectedObject(server, `${BITLOCKER}`, [
    ['MountPoint', str(mountPoint)],
    ['VolumeType', enumOf(`${BITLOCKER}VolumeType`, volumeType, volumeType === 'Data' ? 1 : 0)],
    [
      'VolumeStatus',
      on
        ? enumOf(`${BITLOCKER}Status`, 'FullyEncrypted', 1)
        : enumOf(`${BITLOCKER}Status`, 'FullyDecrypted', 0),
    ],
    ['ProtectionStatus', enumOf(`${BITLOCKER}ProtectionStatus`, on ? 'On' : 'Off', on ? 1 : 0)],
    [
      'EncryptionMethod',
      enumOf(`${BITLOCKER}EncryptionMethod`, on ? 'XtsAes256' : 'None', on ? 7 : 0),
    ],
    ['EncryptionPercentage', double(on ? 100 : 0)],
  ]);
}

/** Get-BitLockerVolume | Select-Object …: the system volume and, on Mailbox servers, D: and L:. */
export function bitLockerVolumesExport(server: ContosoServer): WritableObject[] {
  const off = storyOf(server.name).bitLockerOffVolume;
  const mountPoints = server.role === 'Edge' ? ['C:'] : ['C:', 'D:', 'L:'];
  return mountPoints.map((mountPoint) => bitLockerVolume(server, mountPoint, mountPoint !== off));
}

function daysBefore(days: number): string {
  return new Date(Date.parse(COLLECTED_AT) - days * DAY_MS).toISOString().replace('.000Z', 'Z');
}

/** exzt's log-folder probe: IIS W3SVC1/W3SVC2 and the HttpProxy folders, oldest file per folder. */
export function logFoldersExport(server: ContosoServer): WritableObject[] {
  if (server.role === 'Edge') return [];

  const days = storyOf(server.name).logDays;
  const root = 'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Logging\\HttpProxy';
  const folders: [string, string][] = [
    ['iis', 'C:\\inetpub\\logs\\LogFiles\\W3SVC1'],
    ['iis', 'C:\\inetpub\\logs\\LogFiles\\W3SVC2'],
    ['http-proxy', `${root}\\Ews`],
    ['http-proxy', `${root}\\Owa`],
    ['http-proxy', `${root}\\Autodiscover`],
  ];
  return folders.map(([logType, path]) =>
    probeObject(server, [
      ['LogType', str(logType)],
      ['Path', str(path)],
      ['FileCount', i32(logType === 'iis' ? days : days * 24)],
      ['OldestFile', dateTime(daysBefore(days))],
    ]),
  );
}

/** HealthChecker's Get-FIPFSScanEngineVersionState; Edge runs no FIP-FS engine. */
export function fipFsEngineStateExport(server: ContosoServer): WritableObject[] {
  return [
    probeObject(server, [
      ['FIPFSFixedBuild', bool(true)],
      ['ServerRoleAffected', bool(server.role === 'Mailbox')],
      ['HighestVersionNumberDetected', i64(2611290004)],
      ['BadVersionNumberDirDetected', bool(false)],
    ]),
  ];
}

const IIS_MODULES: [string, string][] = [
  ['HttpCacheModule', '%windir%\\System32\\inetsrv\\cachhttp.dll'],
  ['StaticCompressionModule', '%windir%\\System32\\inetsrv\\compstat.dll'],
  ['WindowsAuthenticationModule', '%windir%\\System32\\inetsrv\\authsspi.dll'],
  ['TokenCacheModule', '%windir%\\System32\\inetsrv\\cachtokn.dll'],
  [
    'Microsoft.Exchange.HttpProxy.HttpModule',
    'C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Bin\\Kerberos\\Microsoft.Exchange.HttpProxy.Kerberos.dll',
  ],
];

const MICROSOFT_SIGNER =
  'CN=Microsoft Windows, O=Microsoft Corporation, L=Redmond, S=Washington, C=US';

/** HealthChecker's Get-IISModules: the global modules and their Authenticode signatures. */
export function iisModulesExport(server: ContosoServer): WritableObject[] {
  const modules = server.role === 'Edge' ? [] : IIS_MODULES;
  const listTypes = deserialized([
    'System.Collections.Generic.List`1[[System.Object, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089]]',
    'System.Object',
  ]);
  const moduleList = list(
    listTypes,
    modules.map(([name, path]) =>
      nestedObject([
        ['Name', str(name)],
        ['Path', str(path)],
        ['Signed', bool(true)],
        [
          'SignatureDetails',
          nestedObject([
            ['Signer', str(MICROSOFT_SIGNER)],
            ['SignatureStatus', enumOf('System.Management.Automation.SignatureStatus', 'Valid', 0)],
            ['IsMicrosoftSigned', bool(true)],
          ]),
        ],
      ]),
    ),
  );
  return [
    probeObject(server, [
      ['AllSignedModulesSignedByMSFT', bool(true)],
      ['AllSignaturesValid', bool(true)],
      ['AllModulesSigned', bool(true)],
      ['ModuleList', moduleList],
    ]),
  ];
}
