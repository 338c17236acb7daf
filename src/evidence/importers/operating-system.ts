/**
 * os.operating-system: Win32_OperatingSystem. LastBootUpTime is a DateTime from Get-CimInstance
 * and a CIM_DATETIME string ("20210929115907.020592-420") from Get-WmiObject.
 */
import type { CliDocument, CliNode } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import { asString, member } from '../clixml/index.js';
import { assignDefined, objectAnchor, singleObject } from './read.js';

export interface OperatingSystemInfo {
  caption?: string;
  version?: string;
  buildNumber?: string;
  /** ISO 8601 with the offset the server reported. */
  lastBootUpTime?: string;
}

export function importOperatingSystem(document: CliDocument): ImportedValue<OperatingSystemInfo> {
  const { object, index } = singleObject(document, {
    typeSuffix: 'Win32_OperatingSystem',
    member: 'Version',
    description: 'a Win32_OperatingSystem object with a Version member',
  });

  const value: OperatingSystemInfo = {};
  assignDefined(value, 'caption', asString(member(object, 'Caption')));
  assignDefined(value, 'version', asString(member(object, 'Version')));
  assignDefined(value, 'buildNumber', asString(member(object, 'BuildNumber')));
  assignDefined(value, 'lastBootUpTime', bootTime(member(object, 'LastBootUpTime')));
  return { value, anchors: [objectAnchor(object, index)] };
}

function bootTime(node: CliNode | undefined): string | undefined {
  if (node?.kind === 'datetime') return node.text;
  return cimDateTimeToIso(asString(node));
}

const CIM_DATETIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\.(\d{3})\d{3}([+-])(\d{3})$/;

/** CIM_DATETIME (DMTF DSP0004): yyyymmddHHMMSS.mmmmmm then the UTC offset in minutes. */
export function cimDateTimeToIso(text: string | undefined): string | undefined {
  const match = CIM_DATETIME.exec(text?.trim() ?? '');
  if (match === null) return undefined;

  const [, year, month, day, hour, minute, second, millis, sign, offset] = match;
  const offsetMinutes = Number(offset);
  const hours = String(Math.floor(offsetMinutes / 60)).padStart(2, '0');
  const minutes = String(offsetMinutes % 60).padStart(2, '0');
  return `${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}${sign}${hours}:${minutes}`;
}
