/**
 * exchange.server: Get-ExchangeServer. The version report reads the name, roles and
 * AdminDisplayVersion; AdminDisplayVersion is a ServerVersion object when exported locally and a
 * string when deserialised from a remote session.
 */
import type { CliDocument, CliNode } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import {
  assignDefined,
  booleanOf,
  enumLabelOf,
  memberAnchor,
  memberOf,
  numberOf,
  objectAnchor,
  shapeError,
  singleObject,
  textOf,
} from './read.js';

export interface ExchangeServerInfo {
  name: string;
  fqdn?: string;
  /** As Exchange writes it: "Version 15.2 (Build 1544.4)". */
  adminDisplayVersion?: string;
  serverRoles: string[];
  isEdgeServer: boolean;
  edition?: string;
  site?: string;
}

export function importExchangeServer(document: CliDocument): ImportedValue<ExchangeServerInfo> {
  const { object, index } = singleObject(document, {
    typeSuffix: 'ExchangeServer',
    member: 'Name',
    description: 'an ExchangeServer object with a Name member (Get-ExchangeServer)',
  });
  const name = textOf(memberOf(object, 'Name'));
  if (name === undefined || name === '') {
    throw shapeError(document, memberOf(object, 'Name'), 'the server name as a non-empty string');
  }

  const serverRoles = rolesOf(memberOf(object, 'ServerRole'));
  const value: ExchangeServerInfo = {
    name,
    serverRoles,
    isEdgeServer: booleanOf(memberOf(object, 'IsEdgeServer')) ?? serverRoles.includes('Edge'),
  };
  assignDefined(value, 'fqdn', textOf(memberOf(object, 'Fqdn')));
  assignDefined(value, 'adminDisplayVersion', versionText(memberOf(object, 'AdminDisplayVersion')));
  assignDefined(value, 'edition', enumLabelOf(memberOf(object, 'Edition')));
  assignDefined(value, 'site', siteName(memberOf(object, 'Site')));

  const anchors: FactAnchor[] = [objectAnchor(object, index)];
  const versionAnchor = memberAnchor(object, index, 'AdminDisplayVersion');
  if (versionAnchor !== undefined) anchors.push(versionAnchor);
  return { value, anchors };
}

/** "Version 15.2 (Build 986.5)" from the ServerVersion's members, or the string as exported. */
function versionText(node: CliNode | undefined): string | undefined {
  if (node?.kind !== 'object') return textOf(node);

  const [major, minor, build, revision] = ['Major', 'Minor', 'Build', 'Revision'].map((part) =>
    numberOf(memberOf(node, part)),
  );
  if (major === undefined || minor === undefined || build === undefined) return undefined;
  return `Version ${major}.${minor} (Build ${build}.${revision ?? 0})`;
}

/** ServerRole is a flags enum: "Mailbox, ClientAccess". */
function rolesOf(node: CliNode | undefined): string[] {
  const label = enumLabelOf(node);
  if (label === undefined) return [];

  return label
    .split(',')
    .map((role) => role.trim())
    .filter((role) => role !== '' && role !== 'None');
}

/** The site's Name member, or the last segment of a deserialised ADObjectId string. */
function siteName(node: CliNode | undefined): string | undefined {
  const name = textOf(memberOf(node, 'Name'));
  if (name !== undefined) return name;

  const path = textOf(node);
  return path?.split('/').pop();
}
