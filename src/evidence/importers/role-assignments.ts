/**
 * exchange.role-assignments: Get-ManagementRoleAssignment, every link between a management role
 * and who holds it. Only enabled Regular assignments grant a role's permissions; Delegating ones
 * let the assignee hand the role on (Organization Management has those for every role).
 */
import type { CliDocument, CliObject } from '../clixml/model.js';
import type { ImportedValue } from '../kinds/kind.js';
import { asBoolean, asString, member } from '../clixml/index.js';
import { adObjectName, importObjectList } from './directory-values.js';
import { assignDefined, shapeError } from './read.js';

export interface RoleAssignment {
  name: string;
  /** The management role, e.g. "Mailbox Import Export". */
  role: string;
  /** Who holds it: a role group, user, security group or role assignment policy. */
  roleAssignee: string;
  /** RoleGroup, User, SecurityGroup, RoleAssignmentPolicy, … */
  roleAssigneeType?: string;
  /** Regular, DelegatingOrgWide or Delegating. */
  delegationType: string;
  enabled: boolean;
  recipientWriteScope?: string;
  customRecipientWriteScope?: string;
}

const EXPECTED =
  'a management role assignment with Name, Role and RoleAssigneeName (Get-ManagementRoleAssignment)';

export function importRoleAssignments(document: CliDocument): ImportedValue<RoleAssignment[]> {
  return importObjectList(document, (object) => readAssignment(document, object));
}

function readAssignment(document: CliDocument, object: CliObject): RoleAssignment {
  const name = asString(member(object, 'Name'));
  const role = adObjectName(member(object, 'Role'));
  const roleAssignee =
    asString(member(object, 'RoleAssigneeName')) ?? adObjectName(member(object, 'User'));
  if (!name || !role || !roleAssignee) throw shapeError(document, object, EXPECTED);

  const assignment: RoleAssignment = {
    name,
    role,
    roleAssignee,
    delegationType: asString(member(object, 'RoleAssignmentDelegationType')) ?? 'Regular',
    // Get-ManagementRoleAssignment lists disabled assignments too; absent means enabled.
    enabled: asBoolean(member(object, 'Enabled')) ?? true,
  };
  assignDefined(assignment, 'roleAssigneeType', asString(member(object, 'RoleAssigneeType')));
  assignDefined(assignment, 'recipientWriteScope', asString(member(object, 'RecipientWriteScope')));
  assignDefined(
    assignment,
    'customRecipientWriteScope',
    adObjectName(member(object, 'CustomRecipientWriteScope')),
  );
  return assignment;
}
