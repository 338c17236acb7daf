/**
 * EXZT.IDN.1: Organization Management, which can do anything in Exchange (and through Exchange
 * Windows Permissions, much in Active Directory), has no more members than the policy allows.
 */
import type { Control } from '../model.js';
import { fail, pass, required } from '../outcomes.js';
import { itemEvidence } from './facts.js';
import { nameList } from './rbac.js';

const ORGANIZATION_MANAGEMENT = 'organization management';

export const organizationManagementSize: Control = {
  id: 'EXZT.IDN.1',
  area: 'identity',
  title: 'Organization Management has no more members than the policy allows',
  rationale:
    'Every member of Organization Management can grant themselves any Exchange role, read any ' +
    'mailbox and, through Exchange Windows Permissions, change Active Directory objects. Each ' +
    'extra member is one more account whose compromise hands an attacker the whole organisation.',
  remediation: {
    text:
      'Remove members who do not need full control; give them a narrower role group (Recipient ' +
      'Management, Server Management) or a custom one. Keep break-glass accounts counted.',
    powershell:
      "Get-RoleGroupMember 'Organization Management'\n" +
      "Remove-RoleGroupMember -Identity 'Organization Management' -Member <account> -Confirm",
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { subject: ['exchange.role-group-members'] },
  mappings: {
    cisV8: ['5.4', '6.8'],
    nist800207: ['T3', 'T6'],
    iso27001: ['A.8.2', 'A.5.18'],
    nist80053: ['AC-6(5)', 'AC-2'],
    disaStig: ['V-259698'],
    ztmm: [{ pillar: 'identity', function: 'Access Management' }],
  },
  policyKeys: ['identity.maxOrganizationManagementMembers'],
  evaluate(context) {
    const fact = context.fact('exchange.role-group-members');
    const members = required(fact, 'exchange.role-group-members')
      .map((member, index) => ({ member, index }))
      .filter(({ member }) => member.roleGroup.toLowerCase() === ORGANIZATION_MANAGEMENT);
    const allowed = context.policy.identity.maxOrganizationManagementMembers;
    const names = members.map(({ member }) => member.name);
    // TODO(#3): nested groups count as one member; expanding them needs Get-ADGroupMember evidence.
    if (members.length <= allowed) {
      return pass(
        `Organization Management has ${members.length} member(s), within ${allowed}`,
        fact.provenance,
      );
    }

    const findings = members.map(({ member, index }) => ({
      object: member.name,
      message: `member of Organization Management (${member.recipientType ?? 'unknown type'})`,
      evidence: itemEvidence(fact, index),
    }));
    return fail(
      `Organization Management has ${members.length} members (policy allows ${allowed}): ${nameList(names)}`,
      findings,
    );
  },
};
