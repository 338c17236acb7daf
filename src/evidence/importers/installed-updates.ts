/**
 * exchange.installed-updates: Exchange entries of the Windows uninstall registry, selected as
 * PSCustomObjects (DisplayName, DisplayVersion, InstallDate as yyyymmdd, Publisher, PSChildName).
 * Security Updates name their KB in the display name: "... Cumulative Update 14 (KB5049233)".
 */
import type { CliDocument } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import {
  assignDefined,
  compactDateToIso,
  memberOf,
  objectAnchor,
  objectsOf,
  shapeError,
  textOf,
} from './read.js';

export interface InstalledUpdate {
  displayName: string;
  kb?: string;
  /** yyyy-mm-dd. */
  installDate?: string;
  displayVersion?: string;
}

const KB_IN_NAME = /\bKB(\d{6,8})\b/i;

export function importInstalledUpdates(document: CliDocument): ImportedValue<InstalledUpdate[]> {
  const updates: InstalledUpdate[] = [];
  const anchors: FactAnchor[] = [];
  for (const { object, index } of objectsOf(document)) {
    const displayName = textOf(memberOf(object, 'DisplayName'));
    if (displayName === undefined || displayName === '') {
      throw shapeError(document, object, 'an uninstall-registry entry with a DisplayName');
    }

    const update: InstalledUpdate = { displayName };
    const kb =
      KB_IN_NAME.exec(displayName) ??
      KB_IN_NAME.exec(textOf(memberOf(object, 'PSChildName')) ?? '');
    assignDefined(update, 'kb', kb === null ? undefined : `KB${kb[1]}`);
    assignDefined(update, 'installDate', compactDateToIso(textOf(memberOf(object, 'InstallDate'))));
    assignDefined(update, 'displayVersion', textOf(memberOf(object, 'DisplayVersion')));
    updates.push(update);
    anchors.push(objectAnchor(object, index));
  }

  return { value: updates, anchors };
}
