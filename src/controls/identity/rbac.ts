/**
 * What the identity rules share about Exchange RBAC: which role groups administer the
 * organisation, and who the policy lets hold them permanently.
 */
import type { RoleGroupMember } from '../../evidence/importers/role-group-members.js';
import type { IdentityPolicy } from '../../policy/model.js';

/**
 * Built-in role groups whose roles change the organisation, its servers or its recipients
 * (learn.microsoft.com/exchange/permissions/permissions, "Built-in role groups"). View-only and
 * end-user groups are left out.
 */
export const ADMIN_ROLE_GROUPS: readonly string[] = [
  'Organization Management',
  'Server Management',
  'Recipient Management',
  'Discovery Management',
  'Compliance Management',
  'Records Management',
  'Hygiene Management',
  'Security Administrator',
  'Public Folder Management',
  'Delegated Setup',
  'UM Management',
  'Help Desk',
];

const ADMIN_GROUP_KEYS = new Set(ADMIN_ROLE_GROUPS.map((name) => name.toLowerCase()));

export function isAdminRoleGroup(name: string): boolean {
  return ADMIN_GROUP_KEYS.has(name.toLowerCase());
}

/** The names a member may be listed under in the policy: name, account, address. */
export function namesOf(
  member: Pick<RoleGroupMember, 'name' | 'samAccountName' | 'primarySmtpAddress'>,
): string[] {
  return [member.name, member.samAccountName, member.primarySmtpAddress].flatMap((name) =>
    name === undefined ? [] : [name.toLowerCase()],
  );
}

export function isBreakGlass(member: RoleGroupMember, policy: IdentityPolicy): boolean {
  const allowed = new Set(policy.breakGlassAccounts.map((name) => name.toLowerCase()));
  return namesOf(member).some((name) => allowed.has(name));
}

/** A case-insensitive glob (`*` any run, `?` one character) over the whole name. */
export function matchesGlob(name: string, pattern: string): boolean {
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i').test(name);
}

/** "Organization Management: admin, alice" style summaries, kept short for findings. */
export function nameList(names: string[], most = 5): string {
  const shown = names.slice(0, most).join(', ');
  return names.length > most ? `${shown} and ${names.length - most} more` : shown;
}
