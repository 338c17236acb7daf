/**
 * exchange.activesync-organization-settings: Get-ActiveSyncOrganizationSettings, chiefly what
 * ActiveSync does with a device that no device access rule or personal exemption covers.
 */
import type { CliDocument } from '../clixml/model.js';
import { asStringList, member } from '../clixml/index.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import { memberAnchor, objectAnchor, shapeError, singleObject } from './read.js';
import { textOf } from './object-list.js';

export interface ActiveSyncOrganizationSettings {
  name: string;
  /** Allow, Block or Quarantine. */
  defaultAccessLevel: string;
  /** Who is told about quarantined devices. */
  adminMailRecipients: string[];
}

export function importActiveSyncOrganizationSettings(
  document: CliDocument,
): ImportedValue<ActiveSyncOrganizationSettings> {
  const { object, index } = singleObject(document, {
    typeSuffix: 'ActiveSyncOrganizationSettings',
    member: 'DefaultAccessLevel',
    description:
      'an ActiveSyncOrganizationSettings object with DefaultAccessLevel (Get-ActiveSyncOrganizationSettings)',
  });
  const defaultAccessLevel = textOf(member(object, 'DefaultAccessLevel'));
  if (defaultAccessLevel === undefined) {
    throw shapeError(document, member(object, 'DefaultAccessLevel'), 'Allow, Block or Quarantine');
  }

  const value: ActiveSyncOrganizationSettings = {
    name: textOf(member(object, 'Name')) ?? 'Mobile Mailbox Settings',
    defaultAccessLevel,
    adminMailRecipients: asStringList(member(object, 'AdminMailRecipients')) ?? [],
  };
  const anchors: FactAnchor[] = [objectAnchor(object, index)];
  const levelAnchor = memberAnchor(object, index, 'DefaultAccessLevel');
  if (levelAnchor !== undefined) anchors.push(levelAnchor);
  return { value, anchors };
}
