/**
 * exchange.mailbox-databases: Get-MailboxDatabase -Status, reduced by the collector to Name,
 * Server, LastFullBackup, LastIncrementalBackup, LastDifferentialBackup and
 * CircularLoggingEnabled. A database never backed up has Nil backup times.
 */
import type { CliDocument, CliNode } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import { asBoolean, asDate, asString, member } from '../clixml/index.js';
import { assignDefined, objectAnchor, objectsOf, shapeError } from './read.js';

export interface MailboxDatabase {
  name: string;
  /** The server holding the active copy. */
  server?: string;
  /** ISO 8601, UTC. */
  lastFullBackup?: string;
  lastIncrementalBackup?: string;
  lastDifferentialBackup?: string;
  circularLoggingEnabled?: boolean;
}

export function importMailboxDatabases(document: CliDocument): ImportedValue<MailboxDatabase[]> {
  const databases: MailboxDatabase[] = [];
  const anchors: FactAnchor[] = [];
  for (const { object, index } of objectsOf(document)) {
    const name = asString(member(object, 'Name'));
    if (name === undefined || name === '' || member(object, 'LastFullBackup') === undefined) {
      throw shapeError(document, object, 'a mailbox database with Name and LastFullBackup');
    }

    const database: MailboxDatabase = { name };
    assignDefined(database, 'server', serverName(member(object, 'Server')));
    for (const field of [
      'lastFullBackup',
      'lastIncrementalBackup',
      'lastDifferentialBackup',
    ] as const) {
      assignDefined(database, field, isoDate(member(object, field)));
    }
    assignDefined(
      database,
      'circularLoggingEnabled',
      asBoolean(member(object, 'CircularLoggingEnabled')),
    );
    databases.push(database);
    anchors.push(objectAnchor(object, index));
  }

  return { value: databases, anchors };
}

function isoDate(node: CliNode | undefined): string | undefined {
  const epochMs = asDate(node);
  return epochMs === undefined ? undefined : new Date(epochMs).toISOString();
}

/** An ADObjectId's Name, or the last segment of its deserialised string. */
function serverName(node: CliNode | undefined): string | undefined {
  return asString(member(node, 'Name')) ?? asString(node)?.split('/').pop();
}
