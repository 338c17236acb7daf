/**
 * exchange.receive-connectors: Get-ReceiveConnector for one server. The TLS-relevant members:
 * AuthMechanism (Tls = STARTTLS offered), RequireTLS, PermissionGroups, DomainSecureEnabled and
 * TlsCertificateName (reference/healthchecker-checks.md §12).
 */
import type { CliDocument, CliObject } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import { asBoolean, asString, member } from '../clixml/index.js';
import { flagNames, itemTexts, objectName } from './connector-members.js';
import { assignDefined, objectAnchor, objectsOf, plainTypeNames, shapeError } from './read.js';

export interface ReceiveConnector {
  name: string;
  /** "SERVER\Connector name". */
  identity?: string;
  enabled: boolean;
  /** HubTransport or FrontendTransport. */
  transportRole?: string;
  /** "0.0.0.0:25", "[::]:587". */
  bindings: string[];
  /** Who may connect, as Exchange writes it: "10.0.0.1-10.0.0.50", "10.0.0.0/24", one address. */
  remoteIpRanges: string[];
  /** Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer, ExternalAuthoritative. */
  authMechanism: string[];
  /** AnonymousUsers, ExchangeUsers, ExchangeServers, ExchangeLegacyServers, Partners. */
  permissionGroups: string[];
  requireTls: boolean;
  domainSecureEnabled: boolean;
  /** "<I>issuer<S>subject". */
  tlsCertificateName?: string;
}

const TYPE_SUFFIX = 'ReceiveConnector';
const EXPECTED = 'a ReceiveConnector object with Name and AuthMechanism (Get-ReceiveConnector)';

export function importReceiveConnectors(document: CliDocument): ImportedValue<ReceiveConnector[]> {
  const connectors: ReceiveConnector[] = [];
  const anchors: FactAnchor[] = [];
  for (const { object, index } of objectsOf(document)) {
    connectors.push(readReceiveConnector(document, object));
    anchors.push(objectAnchor(object, index));
  }

  return { value: connectors, anchors };
}

function readReceiveConnector(document: CliDocument, object: CliObject): ReceiveConnector {
  const typeNames = plainTypeNames(object);
  const name = asString(member(object, 'Name'));
  const typeMatches = typeNames.length === 0 || typeNames.some((t) => t.endsWith(TYPE_SUFFIX));
  if (!typeMatches || !name || member(object, 'AuthMechanism') === undefined) {
    throw shapeError(document, object, EXPECTED);
  }

  const connector: ReceiveConnector = {
    name,
    // An export without Enabled comes from an Exchange that had no way to disable connectors.
    enabled: asBoolean(member(object, 'Enabled')) ?? true,
    bindings: itemTexts(member(object, 'Bindings')),
    remoteIpRanges: itemTexts(member(object, 'RemoteIPRanges')),
    authMechanism: flagNames(member(object, 'AuthMechanism')),
    permissionGroups: flagNames(member(object, 'PermissionGroups')),
    requireTls: asBoolean(member(object, 'RequireTLS')) ?? false,
    domainSecureEnabled: asBoolean(member(object, 'DomainSecureEnabled')) ?? false,
  };
  assignDefined(connector, 'identity', objectName(member(object, 'Identity')));
  assignDefined(connector, 'transportRole', asString(member(object, 'TransportRole')));
  assignDefined(connector, 'tlsCertificateName', objectName(member(object, 'TlsCertificateName')));
  return connector;
}
