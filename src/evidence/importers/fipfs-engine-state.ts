/**
 * exchange.fipfs-engine-state: HealthChecker's Get-FIPFSScanEngineVersionState, the highest
 * numbered scan-engine folder under FIP-FS\Data\Engines\amd64\Microsoft\Bin and whether the
 * build carries the fix for the 2022 "bad pattern" date bug (healthchecker-checks.md §13).
 */
import type { CliDocument } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import { asBigInt, asBoolean, member } from '../clixml/index.js';
import { assignDefined, objectAnchor, shapeError, singleObject } from './read.js';

export interface FipFsEngineState {
  /** HealthChecker's verdict that the Exchange build carries the FIP-FS fix. */
  fixedBuild?: boolean;
  /** True on the Mailbox role, the only one that runs the FIP-FS engine. */
  serverRoleAffected?: boolean;
  /** The highest engine folder number found, e.g. 2201010000 (yymmdd + 4 digits); absent when none. */
  highestVersionNumber?: number;
  badVersionNumberDetected: boolean;
}

export function importFipFsEngineState(document: CliDocument): ImportedValue<FipFsEngineState> {
  const { object, index } = singleObject(document, {
    typeSuffix: 'PSCustomObject',
    member: 'BadVersionNumberDirDetected',
    description: 'an object with BadVersionNumberDirDetected (Get-FIPFSScanEngineVersionState)',
  });
  const badVersionNumberDetected = asBoolean(member(object, 'BadVersionNumberDirDetected'));
  if (badVersionNumberDetected === undefined) {
    throw shapeError(document, object, 'BadVersionNumberDirDetected as a boolean');
  }

  const value: FipFsEngineState = { badVersionNumberDetected };
  assignDefined(value, 'fixedBuild', asBoolean(member(object, 'FIPFSFixedBuild')));
  assignDefined(value, 'serverRoleAffected', asBoolean(member(object, 'ServerRoleAffected')));
  const highest = asBigInt(member(object, 'HighestVersionNumberDetected'));
  assignDefined(value, 'highestVersionNumber', highest === undefined ? undefined : Number(highest));
  return { value, anchors: [objectAnchor(object, index)] };
}
