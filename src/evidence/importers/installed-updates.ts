/**
 * exchange.installed-updates: Exchange entries of the Windows uninstall registry, selected as
 * PSCustomObjects (DisplayName, DisplayVersion, InstallDate as yyyymmdd, Publisher, PSChildName).
 * Security Updates name their KB in the display name: "... Cumulative Update 14 (KB5049233)".
 */
import type { CliDocument } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import { asString, member } from '../clixml/index.js';
import { assignDefined, compactDateToIso, objectAnchor, objectsOf, shapeError } from './read.js';

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
    const displayName = asString(member(object, 'DisplayName'));
    if (displayName === undefined || displayName === '') {
      throw shapeError(document, object, 'an uninstall-registry entry with a DisplayName');
    }

    const update: InstalledUpdate = { displayName };
    const kb =
      KB_IN_NAME.exec(displayName) ??
      KB_IN_NAME.exec(asString(member(object, 'PSChildName')) ?? '');
    assignDefined(update, 'kb', kb === null ? undefined : `KB${kb[1]}`);
    assignDefined(update, 'installDate', compactDateToIso(asString(member(object, 'InstallDate'))));
    assignDefined(update, 'displayVersion', asString(member(object, 'DisplayVersion')));
    updates.push(update);
    anchors.push(objectAnchor(object, index));
  }

  return { value: updates, anchors };
}
