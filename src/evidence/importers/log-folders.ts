/**
 * exchange.log-folders: the log folders a hunt reads (IIS W3SVC1/W3SVC2, HttpProxy protocol
 * folders) with their oldest file, as the collector records them (bundle-only).
 */
import type { CliDocument, CliObject } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import { asDate, asNumber, asString, member } from '../clixml/index.js';
import { objectAnchor, objectsOf, shapeError } from './read.js';

export interface LogFolder {
  /** iis or http-proxy. */
  logType: string;
  path: string;
  fileCount: number;
  /** ISO 8601 LastWriteTime of the oldest file; undefined when the folder is empty. */
  oldestFile?: string;
}

const EXPECTED = 'a log folder object with LogType, Path and FileCount (exzt log-folder probe)';

export function importLogFolders(document: CliDocument): ImportedValue<LogFolder[]> {
  const folders: LogFolder[] = [];
  const anchors: FactAnchor[] = [];
  for (const { object, index } of objectsOf(document)) {
    folders.push(readFolder(document, object));
    anchors.push(objectAnchor(object, index));
  }

  return { value: folders, anchors };
}

function readFolder(document: CliDocument, object: CliObject): LogFolder {
  const logType = asString(member(object, 'LogType'));
  const path = asString(member(object, 'Path'));
  const fileCount = asNumber(member(object, 'FileCount'));
  if (!logType || !path || fileCount === undefined) throw shapeError(document, object, EXPECTED);

  const folder: LogFolder = { logType: logType.toLowerCase(), path, fileCount };
  const oldest = asDate(member(object, 'OldestFile'));
  if (oldest !== undefined) folder.oldestFile = new Date(oldest).toISOString();
  return folder;
}
