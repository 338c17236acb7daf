/**
 * Windows exports of one Contoso server beyond the version report's: Schannel and .NET TLS
 * values (in HealthChecker's Get-AllTlsSettings shape), services, SMB, features, LSA, Device
 * Guard, .NET release, firewall profiles and addresses. Values follow the server's story.
 */
import {
  bool,
  dictionary,
  i32,
  list,
  nil,
  obj,
  str,
  u32,
} from '../../src/evidence/clixml/writer-values.js';
import type { WritableNode, WritableObject } from '../../src/evidence/clixml/writer-values.js';
import { deserialized, remotingMembers } from './remoting.js';
import { storyOf } from './server-stories.js';
import { cimObject, enumOf, nestedObject, probeObject, selectedObject } from './shapes.js';
import { invokeCommandRunspace } from './setup-exports.js';
import type { ContosoServer } from './servers.js';

const HASHTABLE_TYPES = deserialized(['System.Collections.Hashtable', 'System.Object']);

function dword(value: number | undefined): WritableNode {
  return value === undefined ? nil() : i32(value);
}

/** One SCHANNEL\Protocols\TLS x entry: both sides off, or both on, as registry DWORDs. */
function tlsEntry(version: string, enabled: boolean | undefined): WritableObject {
  const on = enabled === undefined ? undefined : enabled ? 1 : 0;
  const offByDefault = enabled === undefined ? undefined : enabled ? 0 : 1;
  return nestedObject([
    ['TLSVersion', str(version)],
    ['ServerEnabledValue', dword(on)],
    ['ServerDisabledByDefaultValue', dword(offByDefault)],
    ['ClientEnabledValue', dword(on)],
    ['ClientDisabledByDefaultValue', dword(offByDefault)],
  ]);
}

function dotNetEntry(version: string, strongCrypto: boolean): WritableObject {
  const value = strongCrypto ? 1 : undefined;
  return nestedObject([
    ['NetVersion', str(version)],
    ['SystemDefaultTlsVersionsValue', dword(value)],
    ['SchUseStrongCryptoValue', dword(value)],
    ['WowSystemDefaultTlsVersionsValue', dword(value)],
    ['WowSchUseStrongCryptoValue', dword(value)],
  ]);
}

/** HealthChecker's Get-AllTlsSettings: Registry.TLS keyed by version, Registry.NET by NETv4/NETv2. */
export function tlsSettingsExport(server: ContosoServer): WritableObject[] {
  const story = storyOf(server.name);
  const legacy = story.legacyTlsEnabled;
  const tls = dictionary(HASHTABLE_TYPES, [
    [str('1.0'), tlsEntry('1.0', legacy)],
    [str('1.1'), tlsEntry('1.1', legacy)],
    [str('1.2'), tlsEntry('1.2', true)],
  ]);
  const net = dictionary(HASHTABLE_TYPES, [
    [str('NETv4'), dotNetEntry('v4.0.30319', story.dotNetStrongCrypto)],
    [str('NETv2'), dotNetEntry('v2.0.50727', story.dotNetStrongCrypto)],
  ]);
  const registry = nestedObject([
    ['TLS', tls],
    ['NET', net],
  ]);
  return [probeObject(server, [['Registry', registry]])];
}

const SERVICE_TYPES = deserialized([
  'System.ServiceProcess.ServiceController',
  'System.ComponentModel.Component',
  'System.MarshalByRefObject',
  'System.Object',
]);
const STATUS = { Running: 4, Stopped: 1 } as const;
const START = { Automatic: 2, Manual: 3, Disabled: 4 } as const;

interface ServiceState {
  name: string;
  displayName: string;
  status: keyof typeof STATUS;
  startType: keyof typeof START;
}

function service(server: ContosoServer, state: ServiceState): WritableObject {
  return obj(SERVICE_TYPES, {
    toStringText: state.name,
    props: [
      ['Name', str(state.name)],
      ['DisplayName', str(state.displayName)],
      ['ServiceName', str(state.name)],
      [
        'Status',
        enumOf('System.ServiceProcess.ServiceControllerStatus', state.status, STATUS[state.status]),
      ],
      [
        'StartType',
        enumOf('System.ServiceProcess.ServiceStartMode', state.startType, START[state.startType]),
      ],
      ['MachineName', str('.')],
    ],
    ms: remotingMembers(server.name, invokeCommandRunspace(server), true),
  });
}

function mitigationServiceState(server: ContosoServer): ServiceState {
  const stopped = storyOf(server.name).mitigationServiceStopped;
  return {
    name: 'MSExchangeMitigation',
    displayName: 'Microsoft Exchange Emergency Mitigation Service',
    status: stopped ? 'Stopped' : 'Running',
    startType: stopped ? 'Disabled' : 'Automatic',
  };
}

function legacyProtocolServices(server: ContosoServer): ServiceState[] {
  const running = storyOf(server.name).imapServiceRunning;
  const imap: Pick<ServiceState, 'status' | 'startType'> = running
    ? { status: 'Running', startType: 'Automatic' }
    : { status: 'Stopped', startType: 'Disabled' };
  const off = { status: 'Stopped', startType: 'Disabled' } as const;
  return [
    { name: 'MSExchangeImap4', displayName: 'Microsoft Exchange IMAP4', ...imap },
    { name: 'MSExchangeImap4BE', displayName: 'Microsoft Exchange IMAP4 Backend', ...imap },
    { name: 'MSExchangePop3', displayName: 'Microsoft Exchange POP3', ...off },
    { name: 'MSExchangePop3BE', displayName: 'Microsoft Exchange POP3 Backend', ...off },
  ];
}

/** Get-Service: the Exchange and Windows services the controls read, in name order. */
export function servicesExport(server: ContosoServer): WritableObject[] {
  const running = { status: 'Running', startType: 'Automatic' } as const;
  const states: ServiceState[] =
    server.role === 'Edge'
      ? [
          { name: 'ADAM_MSExchange', displayName: 'Microsoft Exchange ADAM', ...running },
          { name: 'MSExchangeTransport', displayName: 'Microsoft Exchange Transport', ...running },
        ]
      : [
          { name: 'MSExchangeIS', displayName: 'Microsoft Exchange Information Store', ...running },
          { name: 'MSExchangeTransport', displayName: 'Microsoft Exchange Transport', ...running },
          ...legacyProtocolServices(server),
          ...(server.product === 'Exchange2013' ? [] : [mitigationServiceState(server)]),
          { name: 'W3SVC', displayName: 'World Wide Web Publishing Service', ...running },
        ];
  return states.sort((a, b) => a.name.localeCompare(b.name)).map((state) => service(server, state));
}

/** Get-Service MSExchangeMitigation; Edge and Exchange 2013 have no such service (empty export). */
export function mitigationServiceExport(server: ContosoServer): WritableObject[] {
  if (server.role === 'Edge' || server.product === 'Exchange2013') return [];
  return [service(server, mitigationServiceState(server))];
}

export function smbServerConfigurationExport(server: ContosoServer): WritableObject[] {
  const smb1 = storyOf(server.name).smb1;
  return [
    cimObject(server, 'MSFT_SmbServerConfiguration', 'ROOT/Microsoft/Windows/SMB', [
      ['AuditSmb1Access', bool(false)],
      ['EnableSMB1Protocol', bool(smb1)],
      ['EnableSMB2Protocol', bool(true)],
      ['RequireSecuritySignature', bool(!smb1)],
    ]),
  ];
}

const FEATURE_TYPES = deserialized([
  'Microsoft.Windows.ServerManager.Commands.Feature',
  'System.Object',
]);

/** Get-WindowsFeature, the features the controls and an admin look at. */
export function windowsFeaturesExport(server: ContosoServer): WritableObject[] {
  const features: [string, string, boolean][] = [
    ['FS-SMB1', 'SMB 1.0/CIFS File Sharing Support', storyOf(server.name).smb1],
    ['NET-Framework-45-Core', '.NET Framework 4.8', true],
    ['RSAT-ADDS', 'AD DS Tools', server.role === 'Mailbox'],
    ['Web-Server', 'Web Server (IIS)', server.role === 'Mailbox'],
  ];
  return features.map(([name, displayName, installed]) =>
    obj(FEATURE_TYPES, {
      toStringText: name,
      props: [
        ['Name', str(name)],
        ['DisplayName', str(displayName)],
        ['Installed', bool(installed)],
        [
          'InstallState',
          enumOf(
            'Microsoft.Windows.ServerManager.Commands.InstallState',
            installed ? 'Installed' : 'Available',
            installed ? 1 : 0,
          ),
        ],
      ],
      ms: remotingMembers(server.name, invokeCommandRunspace(server), true),
    }),
  );
}

/**
 * Get-ItemProperty …\Control\Lsa | Select-Object LmCompatibilityLevel, LsaCfgFlags, RunAsPPL,
 * SuppressExtendedProtection (unset everywhere: Extended Protection is not suppressed).
 */
export function lsaSettingsExport(server: ContosoServer): WritableObject[] {
  const level = storyOf(server.name).lmCompatibilityLevel;
  return [
    selectedObject(server, 'System.Management.Automation.PSCustomObject', [
      ['LmCompatibilityLevel', i32(level)],
      ['LsaCfgFlags', nil()],
      ['RunAsPPL', server.product === 'Exchange2013' ? nil() : i32(1)],
      ['SuppressExtendedProtection', nil()],
    ]),
  ];
}

const UINT_ARRAY_TYPES = deserialized(['System.UInt32[]', 'System.Array', 'System.Object']);

/** Win32_DeviceGuard: VBS available, no security service running (Credential Guard off). */
export function deviceGuardExport(server: ContosoServer): WritableObject[] {
  return [
    selectedObject(server, 'Microsoft.Management.Infrastructure.CimInstance', [
      ['SecurityServicesRunning', list(UINT_ARRAY_TYPES, [u32(0)])],
      ['SecurityServicesConfigured', list(UINT_ARRAY_TYPES, [u32(0)])],
      ['VirtualizationBasedSecurityStatus', u32(0)],
    ]),
  ];
}

/** NDP\v4\Full: Release and Version. */
export function dotNetReleaseExport(server: ContosoServer): WritableObject[] {
  const release = storyOf(server.name).dotNetRelease;
  const version = release >= 533320 ? '4.8.09032' : release >= 528040 ? '4.8.04084' : '4.7.03190';
  return [
    selectedObject(server, 'System.Management.Automation.PSCustomObject', [
      ['Release', i32(release)],
      ['Version', str(version)],
    ]),
  ];
}

const GPO_BOOLEAN = 'Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.GpoBoolean';
const ACTION = 'Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetSecurity.Action';

/** Get-NetFirewallProfile -PolicyStore ActiveStore: Domain, Private, Public. */
export function firewallProfilesExport(server: ContosoServer): WritableObject[] {
  const off = storyOf(server.name).firewallOffProfile;
  return ['Domain', 'Private', 'Public'].map((name) =>
    cimObject(server, 'MSFT_NetFirewallProfile', 'ROOT/StandardCimv2', [
      ['Name', str(name)],
      ['Enabled', name === off ? enumOf(GPO_BOOLEAN, 'False', 0) : enumOf(GPO_BOOLEAN, 'True', 1)],
      ['DefaultInboundAction', enumOf(ACTION, 'Block', 4)],
      ['DefaultOutboundAction', enumOf(ACTION, 'Allow', 2)],
      ['LogBlocked', enumOf(GPO_BOOLEAN, 'True', 1)],
    ]),
  );
}

const NET_IP_TYPES = deserialized(['NetIPConfiguration', 'System.Object']);
const CIM_ARRAY_TYPES = deserialized([
  'Microsoft.Management.Infrastructure.CimInstance[]',
  'System.Array',
  'System.Object',
]);

/** Get-NetIPConfiguration: one object per interface with its IPv4 address. */
export function netIpConfigurationExport(server: ContosoServer): WritableObject[] {
  return storyOf(server.name).interfaces.map((networkInterface, index) => {
    const address = cimObject(server, 'MSFT_NetIPAddress', 'ROOT/StandardCimv2', [
      ['IPAddress', str(networkInterface.address)],
      ['InterfaceAlias', str(networkInterface.alias)],
      ['PrefixLength', i32(networkInterface.prefixLength)],
    ]);
    return obj(NET_IP_TYPES, {
      toStringText: 'NetIPConfiguration',
      props: [
        ['InterfaceAlias', str(networkInterface.alias)],
        ['InterfaceIndex', i32(index + 4)],
        ['InterfaceDescription', str(`Microsoft Hyper-V Network Adapter #${index + 1}`)],
        ['IPv4Address', list(CIM_ARRAY_TYPES, [address])],
      ],
      ms: remotingMembers(server.name, invokeCommandRunspace(server), true),
    });
  });
}
