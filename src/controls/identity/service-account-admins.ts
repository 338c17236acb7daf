/**
 * EXZT.IDN.3: accounts named like service accounts (identity.serviceAccountPatterns) hold no
 * admin role group and no management role assigned to them directly. Service accounts sign in
 * without a person, often with a password in a script, and rarely with MFA.
 */
import type { Control, Finding } from '../model.js';
import { fail, pass, required } from '../outcomes.js';
import type { RuleContext } from '../context.js';
import { itemEvidence } from './facts.js';
import { isAdminRoleGroup, matchesGlob, namesOf } from './rbac.js';

export const serviceAccountAdmins: Control = {
  id: 'EXZT.IDN.3',
  area: 'identity',
  title: 'Service accounts hold no admin role',
  rationale:
    'Service accounts authenticate unattended, usually with a long-lived password stored on an ' +
    'application server, and cannot answer an MFA prompt. An admin role on such an account turns ' +
    'one leaked configuration file into control of Exchange.',
  remediation: {
    text:
      'Remove the service account from admin role groups and give the application a custom ' +
      'role with only the cmdlets it calls, scoped to the recipients it manages; prefer OAuth ' +
      'application permissions where the application supports them.',
    powershell:
      "Remove-RoleGroupMember -Identity '<role group>' -Member <service account> -Confirm\n" +
      'Remove-ManagementRoleAssignment -Identity <assignment name> -Confirm',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { subject: ['exchange.role-group-members', 'exchange.role-assignments'] },
  mappings: {
    cisV8: ['5.5', '5.4'],
    nist800207: ['T6'],
    iso27001: ['A.8.2', 'A.5.16'],
    nist80053: ['AC-6(5)', 'IA-2'],
    disaStig: ['V-259698'],
    ztmm: [{ pillar: 'identity', function: 'Access Management' }],
  },
  policyKeys: ['identity.serviceAccountPatterns'],
  evaluate(context) {
    const findings = [...roleGroupFindings(context), ...directAssignmentFindings(context)];
    const patterns = context.policy.identity.serviceAccountPatterns.join(', ');
    if (findings.length === 0) {
      return pass(`no account matching ${patterns} holds an admin role`);
    }

    const accounts = new Set(findings.map((finding) => finding.object));
    return fail(`${accounts.size} service account(s) hold admin roles`, findings);
  },
};

function isServiceAccount(names: string[], context: RuleContext): boolean {
  const localParts = names.map((name) => name.split('@')[0] ?? name);
  return [...names, ...localParts].some((name) =>
    context.policy.identity.serviceAccountPatterns.some((pattern) => matchesGlob(name, pattern)),
  );
}

function roleGroupFindings(context: RuleContext): Finding[] {
  const fact = context.fact('exchange.role-group-members');
  return required(fact, 'exchange.role-group-members').flatMap((member, index) =>
    isAdminRoleGroup(member.roleGroup) && isServiceAccount(namesOf(member), context)
      ? [
          {
            object: member.name,
            message: `member of ${member.roleGroup}`,
            evidence: itemEvidence(fact, index),
          },
        ]
      : [],
  );
}

/** Regular, enabled assignments made to the account itself; "My*" roles are end-user roles. */
function directAssignmentFindings(context: RuleContext): Finding[] {
  const fact = context.fact('exchange.role-assignments');
  return required(fact, 'exchange.role-assignments').flatMap((assignment, index) => {
    const direct =
      assignment.enabled &&
      assignment.delegationType === 'Regular' &&
      !['RoleGroup', 'RoleAssignmentPolicy', 'Policy'].includes(
        assignment.roleAssigneeType ?? '',
      ) &&
      !/^My/.test(assignment.role);
    if (!direct || !isServiceAccount([assignment.roleAssignee.toLowerCase()], context)) return [];

    return [
      {
        object: assignment.roleAssignee,
        message: `assigned the ${assignment.role} role directly`,
        evidence: itemEvidence(fact, index),
      },
    ];
  });
}
