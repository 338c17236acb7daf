/**
 * exchange.send-connectors: Get-SendConnector, organisation-wide. The TLS-relevant members:
 * RequireTLS, TlsAuthLevel, TlsDomain, IgnoreSTARTTLS, smart hosts and address spaces
 * (reference/healthchecker-checks.md §11, §12).
 */
import type { CliDocument, CliObject } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import { asBoolean, asString, member } from '../clixml/index.js';
import { itemTexts, objectName } from './connector-members.js';
import { assignDefined, objectAnchor, objectsOf, plainTypeNames, shapeError } from './read.js';

export interface SendConnector {
  name: string;
  identity?: string;
  enabled: boolean;
  requireTls: boolean;
  /** EncryptionOnly, CertificateValidation or DomainValidation; undefined when not set. */
  tlsAuthLevel?: string;
  tlsDomain?: string;
  ignoreStartTls: boolean;
  /** Empty when the connector routes by DNS MX lookup. */
  smartHosts: string[];
  /** "SMTP:*;1", "SMTP:contoso.com;1". */
  addressSpaces: string[];
  /** Servers (or Edge subscriptions) that send through the connector. */
  sourceTransportServers: string[];
  dnsRoutingEnabled: boolean;
  cloudServicesMailEnabled: boolean;
  domainSecureEnabled: boolean;
  tlsCertificateName?: string;
}

const TYPE_SUFFIX = 'SmtpSendConnectorConfig';
const EXPECTED = 'a SmtpSendConnectorConfig object with Name and RequireTLS (Get-SendConnector)';

export function importSendConnectors(document: CliDocument): ImportedValue<SendConnector[]> {
  const connectors: SendConnector[] = [];
  const anchors: FactAnchor[] = [];
  for (const { object, index } of objectsOf(document)) {
    connectors.push(readSendConnector(document, object));
    anchors.push(objectAnchor(object, index));
  }

  return { value: connectors, anchors };
}

function readSendConnector(document: CliDocument, object: CliObject): SendConnector {
  const typeNames = plainTypeNames(object);
  const name = asString(member(object, 'Name'));
  const requireTls = asBoolean(member(object, 'RequireTLS'));
  const typeMatches = typeNames.length === 0 || typeNames.some((t) => t.endsWith(TYPE_SUFFIX));
  if (!typeMatches || !name || requireTls === undefined) {
    throw shapeError(document, object, EXPECTED);
  }

  const connector: SendConnector = {
    name,
    enabled: asBoolean(member(object, 'Enabled')) ?? true,
    requireTls,
    ignoreStartTls: asBoolean(member(object, 'IgnoreSTARTTLS')) ?? false,
    smartHosts: itemTexts(member(object, 'SmartHosts')),
    addressSpaces: itemTexts(member(object, 'AddressSpaces')),
    sourceTransportServers: itemTexts(member(object, 'SourceTransportServers')),
    dnsRoutingEnabled: asBoolean(member(object, 'DNSRoutingEnabled')) ?? true,
    cloudServicesMailEnabled: asBoolean(member(object, 'CloudServicesMailEnabled')) ?? false,
    domainSecureEnabled: asBoolean(member(object, 'DomainSecureEnabled')) ?? false,
  };
  assignDefined(connector, 'identity', objectName(member(object, 'Identity')));
  assignDefined(connector, 'tlsAuthLevel', asString(member(object, 'TlsAuthLevel')));
  assignDefined(connector, 'tlsDomain', asString(member(object, 'TlsDomain')));
  assignDefined(connector, 'tlsCertificateName', objectName(member(object, 'TlsCertificateName')));
  return connector;
}
