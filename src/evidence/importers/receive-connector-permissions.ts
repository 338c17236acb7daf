/**
 * exchange.receive-connector-permissions: the extended rights granted on receive connectors
 * (Get-ReceiveConnector | Get-ADPermission). Anonymous relay is ms-Exch-SMTP-Accept-Any-Recipient
 * granted to NT AUTHORITY\ANONYMOUS LOGON; the connector's own export cannot show it.
 */
import type { CliDocument, CliNode } from '../clixml/model.js';
import { asBoolean, asString, member } from '../clixml/index.js';
import type { ImportedValue } from '../kinds/kind.js';
import { importObjectList, textOf } from './object-list.js';

export interface ReceiveConnectorPermission {
  /** "SERVER\Connector", as Get-ADPermission names the object. */
  connector: string;
  /** "NT AUTHORITY\ANONYMOUS LOGON", "MS Exchange\Externally Secured Servers". */
  user: string;
  extendedRights: string[];
  deny: boolean;
  inherited: boolean;
}

const EXPECTED =
  'an ADAcePresentationObject with Identity, User and ExtendedRights (Get-ADPermission)';

export function importReceiveConnectorPermissions(
  document: CliDocument,
): ImportedValue<ReceiveConnectorPermission[]> {
  const spec = { typeSuffix: 'ADAcePresentationObject', expected: EXPECTED };
  return importObjectList(document, spec, (object) => {
    const connector = identityText(member(object, 'Identity'));
    const user = identityText(member(object, 'User'));
    if (connector === undefined || user === undefined) return undefined;

    return {
      connector,
      user,
      extendedRights: rightsOf(member(object, 'ExtendedRights')),
      deny: asBoolean(member(object, 'Deny')) ?? false,
      inherited: asBoolean(member(object, 'IsInherited')) ?? false,
    };
  });
}

/**
 * Identity parameters keep what was asked for in RawIdentity; a remote session may flatten them
 * to text. Their ToString is that same RawIdentity, so it is the last resort, not a stale copy.
 */
function identityText(node: CliNode | undefined): string | undefined {
  return (
    textOf(member(node, 'RawIdentity')) ??
    textOf(node) ??
    (node?.kind === 'object' ? node.toString : undefined)
  );
}

function rightsOf(node: CliNode | undefined): string[] {
  const items = node?.kind === 'object' && node.items !== undefined ? node.items : [node];
  return items
    .map((item) => identityText(item) ?? asString(item))
    .filter((right): right is string => right !== undefined && right !== '');
}
