/**
 * os.msipc-server-acl: the access rules of HKLM\SOFTWARE\Microsoft\MSIPC\Server, which AES256-CBC
 * protected content needs NETWORK SERVICE to control (reference/healthchecker-checks.md §13).
 * The collector translates each IdentityReference to a SID, so names in any language compare.
 */
import type { CliDocument, CliObject } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import type { FactAnchor } from '../object-path.js';
import { asString, member } from '../clixml/index.js';
import { objectAnchor, objectsOf, shapeError } from './read.js';

export interface RegistryAccessRule {
  sid: string;
  /** RegistryRights by name: FullControl, ReadKey, … */
  registryRights: string;
  /** Allow or Deny. */
  accessControlType: string;
  /** "ContainerInherit, ObjectInherit", or None. */
  inheritanceFlags: string;
}

const EXPECTED = 'an access rule with Sid, RegistryRights and AccessControlType (Get-Acl)';

export function importMsipcServerAcl(document: CliDocument): ImportedValue<RegistryAccessRule[]> {
  const rules: RegistryAccessRule[] = [];
  const anchors: FactAnchor[] = [];
  for (const { object, index } of objectsOf(document)) {
    rules.push(readRule(document, object));
    anchors.push(objectAnchor(object, index));
  }

  return { value: rules, anchors };
}

function readRule(document: CliDocument, object: CliObject): RegistryAccessRule {
  const sid = asString(member(object, 'Sid'));
  const registryRights = asString(member(object, 'RegistryRights'));
  const accessControlType = asString(member(object, 'AccessControlType'));
  if (!sid || registryRights === undefined || accessControlType === undefined) {
    throw shapeError(document, object, EXPECTED);
  }

  return {
    sid,
    registryRights,
    accessControlType,
    inheritanceFlags: asString(member(object, 'InheritanceFlags')) ?? 'None',
  };
}
