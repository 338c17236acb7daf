/**
 * The nine virtual-directory exports of a Contoso Mailbox server (Get-*VirtualDirectory
 * -ADPropertiesOnly, Get-OutlookAnywhere): OWA and ECP behind AD FS, the client protocols on
 * Windows and OAuth (hybrid modern authentication), with the exceptions the story needs.
 * Edge servers have no client virtual directories: their exports are empty.
 */
import { bool, str } from '../../src/evidence/clixml/writer-values.js';
import type { WritableNode, WritableObject } from '../../src/evidence/clixml/writer-values.js';
import { storyOf } from './server-stories.js';
import { VIRTUAL_DIRECTORY_KINDS } from '../../src/evidence/importers/virtual-directories.js';
import { exchangeObject, exchangeTypes, stringList } from './shapes.js';
import { DOMAIN, type ContosoServer } from './servers.js';

export { VIRTUAL_DIRECTORY_KINDS };

export type VirtualDirectoryKind = (typeof VIRTUAL_DIRECTORY_KINDS)[number];

interface DirectorySpec {
  typeName: string;
  name: string;
  path: string;
  switches: Record<string, boolean>;
  /** InternalAuthenticationMethods / IISAuthenticationMethods, as the enum names. */
  methods: string[];
  extra?: [string, WritableNode][];
}

const NAMESPACE = `https://mail.${DOMAIN}`;
const OFF = { BasicAuthentication: false, DigestAuthentication: false };

function owaSpec(server: ContosoServer): DirectorySpec {
  const downloads = storyOf(server.name).downloadDomains ? `download.${DOMAIN}` : '';
  return {
    typeName: 'ADOwaVirtualDirectory',
    name: 'owa',
    path: '/owa',
    switches: {
      ...OFF,
      FormsAuthentication: false,
      WindowsAuthentication: false,
      AdfsAuthentication: true,
      OAuthAuthentication: false,
    },
    methods: ['Adfs'],
    extra: [
      ['InternalDownloadHostName', str(downloads)],
      ['ExternalDownloadHostName', str(downloads)],
    ],
  };
}

function ewsSpec(server: ContosoServer): DirectorySpec {
  const basic = storyOf(server.name).basicAuthOnEws;
  return {
    typeName: 'ADWebServicesVirtualDirectory',
    name: 'EWS',
    path: '/EWS/Exchange.asmx',
    switches: {
      ...OFF,
      BasicAuthentication: basic,
      WindowsAuthentication: true,
      OAuthAuthentication: true,
      WSSecurityAuthentication: true,
    },
    methods: [...(basic ? ['Basic'] : []), 'Ntlm', 'WindowsIntegrated', 'WSSecurity', 'OAuth'],
  };
}

function outlookAnywhereSpec(server: ContosoServer): DirectorySpec {
  const external = server.product === 'Exchange2013' ? 'Basic' : 'Negotiate';
  return {
    typeName: 'ADRpcHttpVirtualDirectory',
    name: 'Rpc',
    path: '/rpc/rpcproxy.dll',
    switches: {},
    methods: ['Ntlm', 'Negotiate', ...(external === 'Basic' ? ['Basic'] : [])],
    extra: [
      ['InternalClientAuthenticationMethod', str('Ntlm')],
      ['ExternalClientAuthenticationMethod', str(external)],
    ],
  };
}

function specFor(kind: VirtualDirectoryKind, server: ContosoServer): DirectorySpec {
  const windowsAndOAuth = { ...OFF, WindowsAuthentication: true, OAuthAuthentication: true };
  switch (kind) {
    case 'exchange.owa-virtual-directory':
      return owaSpec(server);
    case 'exchange.ecp-virtual-directory':
      return {
        ...owaSpec(server),
        typeName: 'ADEcpVirtualDirectory',
        name: 'ecp',
        path: '/ecp',
        extra: [],
      };
    case 'exchange.web-services-virtual-directory':
      return ewsSpec(server);
    case 'exchange.activesync-virtual-directory':
      return {
        typeName: 'ADMobileVirtualDirectory',
        name: 'Microsoft-Server-ActiveSync',
        path: '/Microsoft-Server-ActiveSync',
        switches: { BasicAuthEnabled: false, WindowsAuthEnabled: false, OAuthAuthentication: true },
        methods: ['OAuth'],
      };
    case 'exchange.mapi-virtual-directory':
      return {
        typeName: 'ADMapiVirtualDirectory',
        name: 'mapi',
        path: '/mapi',
        switches: windowsAndOAuth,
        methods: ['Ntlm', 'OAuth', 'Negotiate'],
      };
    case 'exchange.oab-virtual-directory':
      return {
        typeName: 'ADOabVirtualDirectory',
        name: 'OAB',
        path: '/OAB',
        switches: windowsAndOAuth,
        methods: ['WindowsIntegrated', 'OAuth'],
      };
    case 'exchange.autodiscover-virtual-directory':
      return {
        typeName: 'ADAutodiscoverVirtualDirectory',
        name: 'Autodiscover',
        path: '/Autodiscover/Autodiscover.xml',
        switches: { ...windowsAndOAuth, WSSecurityAuthentication: true },
        methods: ['Ntlm', 'WindowsIntegrated', 'WSSecurity', 'OAuth'],
      };
    case 'exchange.powershell-virtual-directory':
      return {
        typeName: 'ADPowerShellVirtualDirectory',
        name: 'PowerShell',
        path: '/powershell',
        switches: { ...OFF, WindowsAuthentication: true, CertificateAuthentication: false },
        methods: ['Kerberos'],
      };
    case 'exchange.outlook-anywhere':
      return outlookAnywhereSpec(server);
  }
}

function directory(server: ContosoServer, spec: DirectorySpec): WritableObject {
  const name = `${spec.name} (Default Web Site)`;
  const types = exchangeTypes(
    `Microsoft.Exchange.Data.Directory.SystemConfiguration.${spec.typeName}`,
    'Microsoft.Exchange.Data.Directory.SystemConfiguration.ExchangeVirtualDirectory',
    'Microsoft.Exchange.Data.Directory.SystemConfiguration.ADConfigurationObject',
  );
  const host = `${server.name.toLowerCase()}.${DOMAIN}`;
  const props: [string, WritableNode][] = [
    ...Object.entries(spec.switches).map(([member, on]): [string, WritableNode] => [
      member,
      bool(on),
    ]),
    ['InternalAuthenticationMethods', stringList(spec.methods)],
    ['ExternalAuthenticationMethods', stringList(spec.methods)],
    ...(spec.extra ?? []),
    ['InternalUrl', str(`https://${host}${spec.path}`)],
    ['ExternalUrl', str(`${NAMESPACE}${spec.path}`)],
    ['Server', str(server.name)],
    ['Name', str(name)],
    ['Identity', str(`${server.name}\\${name}`)],
  ];
  return exchangeObject(types, server, `${server.name}\\${name}`, props);
}

/** One virtual-directory export of `server`: one object, or none on an Edge server. */
export function virtualDirectoryExport(
  kind: VirtualDirectoryKind,
  server: ContosoServer,
): WritableObject[] {
  if (server.role === 'Edge') return [];
  return [directory(server, specFor(kind, server))];
}
