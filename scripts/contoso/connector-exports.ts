/**
 * Mail flow exports: each server's receive connectors (the five setup creates on a Mailbox
 * server, the one on an Edge) and the extended rights on them, and the organisation's send
 * connectors and accepted domains. Shaped like Get-ReceiveConnector, Get-ADPermission,
 * Get-SendConnector and Get-AcceptedDomain through a remote session.
 */
import { bool, i32, nil, obj, str } from '../../src/evidence/clixml/writer-values.js';
import type { WritableNode, WritableObject } from '../../src/evidence/clixml/writer-values.js';
import { deserialized } from './remoting.js';
import { storyOf } from './server-stories.js';
import { enumOf, exchangeObject, exchangeTypes, stringList, textObjectList } from './shapes.js';
import { DOMAIN, type ContosoServer } from './servers.js';

const RECEIVE_TYPES = exchangeTypes(
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector',
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.ADConfigurationObject',
);
const EVERY_ADDRESS = ['::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', '0.0.0.0-255.255.255.255'];
const FULL_AUTH = 'Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer';

interface ReceiveConnectorSpec {
  name: string;
  role: 'HubTransport' | 'FrontendTransport';
  port: number;
  authMechanism: string;
  permissionGroups: string;
  remoteIpRanges?: string[];
  bindings?: string[];
  /** Connectors open to anonymous Internet senders cannot require TLS. */
  requireTls: boolean;
}

function mailboxConnectors(server: ContosoServer): ReceiveConnectorSpec[] {
  const tls = storyOf(server.name).connectorsRequireTls;
  const connectors: ReceiveConnectorSpec[] = [
    {
      name: `Client Frontend ${server.name}`,
      role: 'FrontendTransport',
      port: 587,
      authMechanism: 'Tls, Integrated, BasicAuth, BasicAuthRequireTLS',
      permissionGroups: 'ExchangeUsers',
      requireTls: tls,
    },
    {
      name: `Client Proxy ${server.name}`,
      role: 'HubTransport',
      port: 465,
      authMechanism: FULL_AUTH,
      permissionGroups: 'ExchangeUsers, ExchangeServers',
      requireTls: tls,
    },
    {
      name: `Default ${server.name}`,
      role: 'HubTransport',
      port: 2525,
      authMechanism: FULL_AUTH,
      permissionGroups: 'ExchangeUsers, ExchangeServers, ExchangeLegacyServers',
      requireTls: tls,
    },
    {
      name: `Default Frontend ${server.name}`,
      role: 'FrontendTransport',
      port: 25,
      authMechanism: FULL_AUTH,
      permissionGroups: 'AnonymousUsers, ExchangeServers, ExchangeLegacyServers',
      requireTls: false,
    },
    {
      name: `Outbound Proxy Frontend ${server.name}`,
      role: 'FrontendTransport',
      port: 717,
      authMechanism: FULL_AUTH,
      permissionGroups: 'ExchangeServers',
      requireTls: tls,
    },
  ];
  if (storyOf(server.name).openRelayConnector) {
    // The application relay someone scoped to "the whole 10/8" instead of its two hosts.
    const address = storyOf(server.name).interfaces[0]?.address ?? '0.0.0.0';
    connectors.push({
      name: `Relay ${server.name}`,
      role: 'FrontendTransport',
      port: 25,
      authMechanism: 'Tls',
      permissionGroups: 'AnonymousUsers',
      remoteIpRanges: ['10.0.0.0/8'],
      bindings: [`${address}:25`],
      requireTls: false,
    });
  }
  return connectors;
}

const AUTH_MECHANISMS = [
  'Tls',
  'Integrated',
  'BasicAuth',
  'BasicAuthRequireTLS',
  'ExchangeServer',
  'ExternalAuthoritative',
];
const PERMISSION_GROUPS = [
  'AnonymousUsers',
  'ExchangeUsers',
  'ExchangeServers',
  'ExchangeLegacyServers',
  'Partners',
  'Custom',
];

/** A flags enum: "Tls, Integrated" with the sum of its bits. */
function flags(names: readonly string[], enumType: string, text: string): WritableObject {
  const bits = text.split(', ').reduce((sum, name) => sum + 2 ** names.indexOf(name), 0);
  return enumOf(enumType, text, bits);
}

function receiveConnector(server: ContosoServer, spec: ReceiveConnectorSpec): WritableObject {
  const bindings = spec.bindings ?? [`[::]:${spec.port}`, `0.0.0.0:${spec.port}`];
  const identity = `${server.name}\\${spec.name}`;
  const props: [string, WritableNode][] = [
    [
      'AuthMechanism',
      flags(
        AUTH_MECHANISMS,
        'Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthMechanisms',
        spec.authMechanism,
      ),
    ],
    [
      'Bindings',
      textObjectList(
        'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.IPBinding, Microsoft.Exchange.Data, Version=15.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35]]',
        'Microsoft.Exchange.Data.IPBinding',
        bindings,
      ),
    ],
    ['DomainSecureEnabled', bool(false)],
    ['Enabled', bool(true)],
    ['Fqdn', str(`${server.name}.${DOMAIN}`.toLowerCase())],
    ['MaxMessageSize', str('36 MB (37,748,736 bytes)')],
    [
      'PermissionGroups',
      flags(PERMISSION_GROUPS, 'Microsoft.Exchange.Data.PermissionGroups', spec.permissionGroups),
    ],
    [
      'RemoteIPRanges',
      textObjectList(
        'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.IPRange, Microsoft.Exchange.Data, Version=15.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35]]',
        'Microsoft.Exchange.Data.IPRange',
        spec.remoteIpRanges ?? EVERY_ADDRESS,
      ),
    ],
    ['RequireTLS', bool(spec.requireTls)],
    ['TlsCertificateName', nil()],
    ['TransportRole', str(spec.role)],
    ['Server', str(server.name)],
    ['Name', str(spec.name)],
    ['Identity', str(identity)],
    ['IsValid', bool(true)],
  ];
  return exchangeObject(RECEIVE_TYPES, server, spec.name, props);
}

/** Get-ReceiveConnector -Server <server>. */
export function receiveConnectorsExport(server: ContosoServer): WritableObject[] {
  if (server.role === 'Edge') {
    const spec: ReceiveConnectorSpec = {
      name: `Default internal receive connector ${server.name}`,
      role: 'FrontendTransport',
      port: 25,
      authMechanism: 'Tls, ExchangeServer',
      permissionGroups: 'AnonymousUsers, ExchangeServers, Partners',
      requireTls: false,
    };
    return [receiveConnector(server, spec)];
  }
  return mailboxConnectors(server).map((spec) => receiveConnector(server, spec));
}

const ACE_TYPES = deserialized([
  'Microsoft.Exchange.Management.RecipientTasks.ADAcePresentationObject',
  'Microsoft.Exchange.Data.ConfigurableObject',
  'System.Object',
]);
const ANONYMOUS = 'NT AUTHORITY\\ANONYMOUS LOGON';
/** What setup grants anonymous senders on a connector with AnonymousUsers: submit, not relay. */
const ANONYMOUS_DEFAULT_RIGHTS = [
  'ms-Exch-SMTP-Submit',
  'ms-Exch-SMTP-Accept-Any-Sender',
  'ms-Exch-SMTP-Accept-Authoritative-Domain-Sender',
  'ms-Exch-Accept-Headers-Routing',
];

function permission(server: ContosoServer, connector: string, rights: string[]): WritableObject[] {
  return rights.map((right) =>
    exchangeObject(ACE_TYPES, server, `${server.name}\\${connector}`, [
      ['AccessRights', stringList(['ExtendedRight'])],
      ['ExtendedRights', stringList([right])],
      ['Deny', bool(false)],
      ['InheritanceType', str('All')],
      ['User', str(ANONYMOUS)],
      ['Identity', str(`${server.name}\\${connector}`)],
      ['IsInherited', bool(false)],
      ['IsValid', bool(true)],
    ]),
  );
}

/** Get-ReceiveConnector | Get-ADPermission, the extended rights granted to anonymous senders. */
export function receiveConnectorPermissionsExport(server: ContosoServer): WritableObject[] {
  const anonymous =
    server.role === 'Edge'
      ? `Default internal receive connector ${server.name}`
      : `Default Frontend ${server.name}`;
  const grants = permission(server, anonymous, ANONYMOUS_DEFAULT_RIGHTS);
  if (storyOf(server.name).openRelayConnector) {
    grants.push(
      ...permission(server, `Relay ${server.name}`, ['ms-Exch-SMTP-Accept-Any-Recipient']),
    );
  }
  return grants;
}

const SEND_TYPES = exchangeTypes(
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.SmtpSendConnectorConfig',
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.SendConnector',
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.MailGateway',
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.ADLegacyVersionableObject',
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.ADConfigurationObject',
);
const ADDRESS_SPACES =
  'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.AddressSpace, Microsoft.Exchange.Data, Version=15.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35]]';
const SMART_HOSTS =
  'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.SmartHost, Microsoft.Exchange.Data, Version=15.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35]]';

interface SendConnectorSpec {
  name: string;
  addressSpaces: string[];
  smartHosts: string[];
  sources: string[];
  requireTls: boolean;
  tlsAuthLevel?: string;
  tlsDomain?: string;
  cloudServicesMailEnabled: boolean;
}

// TODO(#3): the EdgeSync inbound connector ("EdgeSync - Inbound to Amsterdam", smart host "--")
// is left out: EXZT.DAT.4 would take its "--" placeholder for a known destination without TLS.
const SEND_CONNECTORS: SendConnectorSpec[] = [
  {
    name: 'EdgeSync - Amsterdam to Internet',
    addressSpaces: ['SMTP:*;100'],
    smartHosts: [],
    sources: ['EDGE01'],
    requireTls: false,
    cloudServicesMailEnabled: false,
  },
  {
    name: 'Outbound to Office 365 - 7c1e2f44',
    addressSpaces: ['smtp:contoso.mail.onmicrosoft.com;1'],
    smartHosts: ['contoso-com.mail.protection.outlook.com'],
    sources: ['EX01', 'EX02', 'EX04'],
    requireTls: true,
    tlsAuthLevel: 'DomainValidation',
    tlsDomain: 'mail.protection.outlook.com',
    cloudServicesMailEnabled: true,
  },
];

/** Get-SendConnector, organisation-wide, through the session on `session`. */
export function sendConnectorsExport(session: ContosoServer): WritableObject[] {
  return SEND_CONNECTORS.map((spec) =>
    exchangeObject(SEND_TYPES, session, spec.name, [
      [
        'AddressSpaces',
        textObjectList(ADDRESS_SPACES, 'Microsoft.Exchange.Data.AddressSpace', spec.addressSpaces),
      ],
      ['CloudServicesMailEnabled', bool(spec.cloudServicesMailEnabled)],
      ['DNSRoutingEnabled', bool(spec.smartHosts.length === 0)],
      ['DomainSecureEnabled', bool(false)],
      ['Enabled', bool(true)],
      ['IgnoreSTARTTLS', bool(false)],
      ['RequireTLS', bool(spec.requireTls)],
      [
        'SmartHosts',
        textObjectList(SMART_HOSTS, 'Microsoft.Exchange.Data.SmartHost', spec.smartHosts),
      ],
      ['SourceTransportServers', stringList(spec.sources)],
      ['TlsAuthLevel', spec.tlsAuthLevel === undefined ? nil() : str(spec.tlsAuthLevel)],
      ['TlsDomain', spec.tlsDomain === undefined ? nil() : str(spec.tlsDomain)],
      ['Port', i32(25)],
      ['Name', str(spec.name)],
      ['Identity', str(spec.name)],
    ]),
  );
}

const ACCEPTED_DOMAIN_TYPES = exchangeTypes(
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.AcceptedDomain',
  'Microsoft.Exchange.Data.Directory.SystemConfiguration.ADConfigurationObject',
);

/** Get-AcceptedDomain: contoso.com, the hybrid routing domain and a relayed subsidiary. */
export function acceptedDomainsExport(session: ContosoServer): WritableObject[] {
  const domains: [string, string, number, boolean][] = [
    ['contoso.com', 'Authoritative', 0, true],
    ['contoso.mail.onmicrosoft.com', 'Authoritative', 0, false],
    ['fabrikam.com', 'InternalRelay', 2, false],
  ];
  return domains.map(([name, type, typeNumber, isDefault]) =>
    exchangeObject(ACCEPTED_DOMAIN_TYPES, session, name, [
      [
        'DomainName',
        obj(deserialized(['Microsoft.Exchange.Data.SmtpDomainWithSubdomains', 'System.Object']), {
          toStringText: name,
          props: [
            ['Address', str(name)],
            ['IncludeSubDomains', bool(false)],
            ['SmtpDomain', str(name)],
          ],
        }),
      ],
      [
        'DomainType',
        enumOf(
          'Microsoft.Exchange.Data.Directory.SystemConfiguration.AcceptedDomainType',
          type,
          typeNumber,
        ),
      ],
      ['Default', bool(isDefault)],
      ['Name', str(name)],
      ['Identity', str(name)],
    ]),
  );
}
