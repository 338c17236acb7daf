/**
 * exchange.server: Get-ExchangeServer. The version report reads the name, roles and
 * AdminDisplayVersion; AdminDisplayVersion is a ServerVersion object when exported locally and a
 * string when deserialised from a remote session.
 */
import type { CliDocument, CliNode } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import { asBoolean, asNumber, asString, asStringList, member } from '../clixml/index.js';
import { assignDefined, memberAnchor, objectAnchor, shapeError, singleObject } from './read.js';

export interface ExchangeServerInfo {
  name: string;
  fqdn?: string;
  /** As Exchange writes it: "Version 15.2 (Build 1544.4)". */
  adminDisplayVersion?: string;
  serverRoles: string[];
  isEdgeServer: boolean;
  edition?: string;
  site?: string;
  /** Emergency Mitigation Service: whether it may apply mitigations, and those applied ("M2.1.0"). */
  mitigationsEnabled?: boolean;
  mitigationsApplied: string[];
}

export function importExchangeServer(document: CliDocument): ImportedValue<ExchangeServerInfo> {
  const { object, index } = singleObject(document, {
    typeSuffix: 'ExchangeServer',
    member: 'Name',
    description: 'an ExchangeServer object with a Name member (Get-ExchangeServer)',
  });
  const name = asString(member(object, 'Name'));
  if (name === undefined || name === '') {
    throw shapeError(document, member(object, 'Name'), 'the server name as a non-empty string');
  }

  const serverRoles = rolesOf(member(object, 'ServerRole'));
  const value: ExchangeServerInfo = {
    name,
    serverRoles,
    isEdgeServer: asBoolean(member(object, 'IsEdgeServer')) ?? serverRoles.includes('Edge'),
    mitigationsApplied: asStringList(member(object, 'MitigationsApplied')) ?? [],
  };
  assignDefined(value, 'mitigationsEnabled', asBoolean(member(object, 'MitigationsEnabled')));
  assignDefined(value, 'fqdn', asString(member(object, 'Fqdn')));
  assignDefined(value, 'adminDisplayVersion', versionText(member(object, 'AdminDisplayVersion')));
  assignDefined(value, 'edition', asString(member(object, 'Edition')));
  assignDefined(value, 'site', siteName(member(object, 'Site')));

  const anchors: FactAnchor[] = [objectAnchor(object, index)];
  const versionAnchor = memberAnchor(object, index, 'AdminDisplayVersion');
  if (versionAnchor !== undefined) anchors.push(versionAnchor);
  return { value, anchors };
}

const SERVER_VERSION_TEXT = /^Version \d+\.\d+ \(Build \d+\.\d+\)$/;

/** "Version 15.2 (Build 986.5)" from the ServerVersion's members, or the string as exported. */
function versionText(node: CliNode | undefined): string | undefined {
  if (node?.kind !== 'object') return asString(node);

  const [major, minor, build, revision] = ['Major', 'Minor', 'Build', 'Revision'].map((part) =>
    asNumber(member(node, part)),
  );
  // Truncated at the serialisation depth, a ServerVersion keeps only its ToString, which
  // ServerVersion computes from the very fields that were cut, so it is not stale.
  if (major === undefined || minor === undefined || build === undefined) {
    return SERVER_VERSION_TEXT.test(node.toString ?? '') ? node.toString : undefined;
  }
  return `Version ${major}.${minor} (Build ${build}.${revision ?? 0})`;
}

/** ServerRole is a flags enum: "Mailbox, ClientAccess". */
function rolesOf(node: CliNode | undefined): string[] {
  const label = asString(node);
  if (label === undefined) return [];

  return label
    .split(',')
    .map((role) => role.trim())
    .filter((role) => role !== '' && role !== 'None');
}

/** The site's Name member, or the last segment of a deserialised ADObjectId string. */
function siteName(node: CliNode | undefined): string | undefined {
  const name = asString(member(node, 'Name'));
  if (name !== undefined) return name;

  const path = asString(node);
  return path?.split('/').pop();
}
