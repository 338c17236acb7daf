/**
 * Exchange exports of one Contoso server, shaped like remote Export-Clixml output: member names,
 * order and types follow the HealthChecker corpus (E19/Exchange/GetExchangeServer.xml,
 * ExSetup.xml); members below the serialisation depth appear as their ToString text.
 */
import {
  bool,
  dateTime,
  enumValue,
  guid,
  i32,
  list,
  nil,
  obj,
  str,
} from '../../src/evidence/clixml/writer-values.js';
import type { WritableNode, WritableObject } from '../../src/evidence/clixml/writer-values.js';
import { deserialized, enumTypes, remotingMembers, STRING_LIST_TYPES } from './remoting.js';
import { DOMAIN, fqdn, stableGuid, type ContosoServer } from './servers.js';

const ADMIN_GROUP = 'Exchange Administrative Group (FYDIBOHF23SPDLT)';
const CONFIGURATION_DN = 'CN=Configuration,DC=contoso,DC=com';
const DOMAIN_CONTROLLER = `dc01.${DOMAIN}`;
/** ServerRole values (Microsoft.Exchange.Data.Directory.SystemConfiguration.ServerRole). */
const SERVER_ROLE = { Mailbox: 2, Edge: 64 } as const;

export function exchangeSessionRunspace(server: ContosoServer): string {
  return stableGuid(`${server.name}/exchange-session`);
}

function buildParts(build: string): [number, number, number, number] {
  const [major = 0, minor = 0, patch = 0, revision = 0] = build.split('.').map(Number);
  return [major, minor, patch, revision];
}

/** AdminDisplayVersion reflects the CU only: "Version 15.2 (Build 1544.4)". */
function adminDisplayVersion(cuBuild: string): WritableObject {
  const [major, minor, patch, revision] = buildParts(cuBuild);
  return obj(deserialized(['Microsoft.Exchange.Data.ServerVersion', 'System.Object']), {
    toStringText: `Version ${major}.${minor} (Build ${patch}.${revision})`,
    props: {
      Major: i32(major),
      Minor: i32(minor),
      Build: i32(patch),
      Revision: i32(revision),
      FilePatchLevelDescription: nil(),
    },
  });
}

function roleFlags(server: ContosoServer): [string, WritableNode][] {
  const mailbox = server.role === 'Mailbox';
  return [
    ['IsHubTransportServer', bool(mailbox)],
    ['IsClientAccessServer', bool(mailbox)],
    ['IsExchange2007OrLater', bool(true)],
    ['IsEdgeServer', bool(!mailbox)],
    ['IsMailboxServer', bool(mailbox)],
    ['IsE14OrLater', bool(true)],
    ['IsE15OrLater', bool(true)],
    ['IsProvisionedServer', bool(false)],
    ['IsUnifiedMessagingServer', bool(mailbox && server.product === 'Exchange2013')],
    ['IsFrontendTransportServer', bool(mailbox)],
  ];
}

function serverRole(server: ContosoServer): WritableObject {
  const types = enumTypes('Microsoft.Exchange.Data.Directory.SystemConfiguration.ServerRole');
  if (server.role === 'Edge') return enumValue(types, 'Edge', SERVER_ROLE.Edge);
  // Exchange 2013 lists the Client Access role beside Mailbox (Mailbox | ClientAccess = 6).
  if (server.product === 'Exchange2013') return enumValue(types, 'Mailbox, ClientAccess', 6);
  return enumValue(types, 'Mailbox', SERVER_ROLE.Mailbox);
}

function directoryMembers(server: ContosoServer): [string, WritableNode][] {
  const isEdge = server.role === 'Edge';
  const controllers = isEdge ? [] : [str(DOMAIN_CONTROLLER)];
  return [
    ['StaticDomainControllers', list(STRING_LIST_TYPES, [])],
    ['StaticGlobalCatalogs', list(STRING_LIST_TYPES, [])],
    ['StaticConfigDomainController', str('')],
    ['StaticExcludedDomainControllers', list(STRING_LIST_TYPES, [])],
    ['MonitoringGroup', str('')],
    ['CurrentDomainControllers', list(STRING_LIST_TYPES, controllers)],
    ['CurrentGlobalCatalogs', list(STRING_LIST_TYPES, [...controllers])],
    ['CurrentConfigDomainController', str(isEdge ? '' : DOMAIN_CONTROLLER)],
  ];
}

/** The mitigation service members exist from the September 2021 CUs on, not in Exchange 2013. */
function mitigationMembers(server: ContosoServer): [string, WritableNode][] {
  if (server.product === 'Exchange2013') return [];

  const applied = server.mitigationsApplied ?? [];
  return [
    ['MitigationsEnabled', bool(server.role === 'Mailbox')],
    [
      'MitigationsApplied',
      applied.length === 0
        ? nil()
        : list(
            STRING_LIST_TYPES,
            applied.map((id) => str(id)),
          ),
    ],
    ['MitigationsBlocked', nil()],
  ];
}

function identityMembers(server: ContosoServer, serverDn: string): [string, WritableNode][] {
  const created = `${server.productInstalledOn}T10:00:00`;
  const identity = server.name;
  return [
    ['Identity', str(identity)],
    ['IsValid', bool(true)],
    ['ExchangeVersion', str('0.1 (8.0.535.0)')],
    ['DistinguishedName', str(serverDn)],
    ['Guid', guid(stableGuid(`${server.name}/object-guid`))],
    ['ObjectCategory', str(`${DOMAIN}/Configuration/Schema/ms-Exch-Exchange-Server`)],
    [
      'ObjectClass',
      list(STRING_LIST_TYPES, [str('top'), str('server'), str('msExchExchangeServer')]),
    ],
    ['WhenChanged', dateTime('2026-11-30T08:12:40+00:00')],
    ['WhenCreated', dateTime(`${created}+00:00`)],
    ['WhenChangedUTC', dateTime('2026-11-30T08:12:40Z')],
    ['WhenCreatedUTC', dateTime(`${created}Z`)],
    ['OrganizationId', str('')],
    ['Id', str(identity)],
    ['OriginatingServer', str(server.role === 'Edge' ? fqdn(server) : DOMAIN_CONTROLLER)],
    ['ObjectState', str('Unchanged')],
  ];
}

/** Get-ExchangeServer -Status, through the server's Exchange remote session. */
export function exchangeServerExport(server: ContosoServer, cuBuild: string): WritableObject[] {
  const serverDn =
    `CN=${server.name},CN=Servers,CN=${ADMIN_GROUP},CN=Administrative Groups,` +
    `CN=Contoso,CN=Microsoft Exchange,CN=Services,${CONFIGURATION_DN}`;
  const exchangeServer = obj(
    deserialized([
      'Microsoft.Exchange.Data.Directory.Management.ExchangeServer',
      'Microsoft.Exchange.Data.Directory.Management.ADPresentationObject',
      'Microsoft.Exchange.Data.Directory.ADObject',
      'Microsoft.Exchange.Data.Directory.ADRawEntry',
      'Microsoft.Exchange.Data.ConfigurableObject',
      'System.Object',
    ]),
    {
      toStringText: server.name,
      props: [
        ['Name', str(server.name)],
        ['DataPath', str('C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Mailbox')],
        ['Domain', str(DOMAIN)],
        [
          'Edition',
          enumValue(enumTypes('Microsoft.Exchange.Data.ServerEditionType'), 'Standard', 1),
        ],
        [
          'ExchangeLegacyDN',
          str(`/o=Contoso/ou=${ADMIN_GROUP}/cn=Configuration/cn=Servers/cn=${server.name}`),
        ],
        ['ExchangeLegacyServerRole', i32(0)],
        ['Fqdn', str(fqdn(server))],
        ['CustomerFeedbackEnabled', nil()],
        ['InternetWebProxy', nil()],
        ['InternetWebProxyBypassList', nil()],
        ...roleFlags(server),
        [
          'NetworkAddress',
          list(STRING_LIST_TYPES, [
            str(`ncacn_ip_tcp:${fqdn(server)}`),
            str(`netbios:${server.name}`),
          ]),
        ],
        ['OrganizationalUnit', str(`${DOMAIN}/${server.name}`)],
        ['AdminDisplayVersion', adminDisplayVersion(cuBuild)],
        ['Site', server.role === 'Edge' ? nil() : str(`${DOMAIN}/Configuration/Sites/Amsterdam`)],
        ['ServerRole', serverRole(server)],
        ['ErrorReportingEnabled', bool(false)],
        ...mitigationMembers(server),
        ...directoryMembers(server),
        ['ProductID', str('')],
        ['IsExchangeTrialEdition', bool(false)],
        ['IsExpiredExchangeTrialEdition', bool(false)],
        ['MailboxProvisioningAttributes', nil()],
        ['RemainingTrialPeriod', str('00:00:00')],
        ...identityMembers(server, serverDn),
      ],
      ms: remotingMembers(fqdn(server), exchangeSessionRunspace(server), false),
    },
  );
  return [exchangeServer];
}
