/**
 * exchange.role-group-members: the members of every RBAC role group, one object per membership,
 * as the collector writes them: Get-RoleGroupMember's recipients with the group's name added as
 * a RoleGroup note property. Nested groups appear as members of type group; Get-RoleGroupMember
 * does not expand them.
 */
import type { CliDocument, CliObject } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import { asString, member } from '../clixml/index.js';
import { importObjectList } from './directory-values.js';
import { assignDefined, shapeError } from './read.js';

export interface RoleGroupMember {
  /** The role group, e.g. "Organization Management". */
  roleGroup: string;
  /** The member's name as Exchange shows it. */
  name: string;
  /** RecipientTypeDetails or RecipientType: UserMailbox, User, MailUniversalSecurityGroup, … */
  recipientType?: string;
  samAccountName?: string;
  primarySmtpAddress?: string;
  distinguishedName?: string;
}

const EXPECTED = 'a role group member with RoleGroup and Name (Get-RoleGroupMember)';

export function importRoleGroupMembers(document: CliDocument): ImportedValue<RoleGroupMember[]> {
  return importObjectList(document, (object) => readMember(document, object));
}

function readMember(document: CliDocument, object: CliObject): RoleGroupMember {
  const roleGroup = asString(member(object, 'RoleGroup'));
  const name = asString(member(object, 'Name'));
  if (!roleGroup || !name) throw shapeError(document, object, EXPECTED);

  const value: RoleGroupMember = { roleGroup, name };
  const recipientType =
    asString(member(object, 'RecipientTypeDetails')) ?? asString(member(object, 'RecipientType'));
  assignDefined(value, 'recipientType', recipientType);
  assignDefined(value, 'samAccountName', nonEmpty(asString(member(object, 'SamAccountName'))));
  assignDefined(
    value,
    'primarySmtpAddress',
    nonEmpty(asString(member(object, 'PrimarySmtpAddress'))),
  );
  assignDefined(value, 'distinguishedName', asString(member(object, 'DistinguishedName')));
  return value;
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === '' ? undefined : text;
}
