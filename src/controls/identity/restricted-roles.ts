/**
 * EXZT.IDN.4: nobody holds the roles the policy restricts (identity.restrictedRoles; by default
 * Mailbox Import Export, which exports any mailbox to a PST, and ApplicationImpersonation, which
 * acts as any mailbox through EWS). Only enabled Regular assignments grant a role; the
 * Delegating ones Organization Management has by default only let it hand the role on.
 */
import type { Control } from '../model.js';
import { fail, pass, required } from '../outcomes.js';
import { itemEvidence } from './facts.js';

export const restrictedRoles: Control = {
  id: 'EXZT.IDN.4',
  area: 'identity',
  title: 'Nobody holds Mailbox Import Export, ApplicationImpersonation or another restricted role',
  rationale:
    'Mailbox Import Export copies any mailbox to a PST file on a share, and ' +
    'ApplicationImpersonation lets an application act as any user through EWS: both read all ' +
    'mail without the owner knowing. They are the quiet path to bulk data theft after an ' +
    'account is taken over.',
  remediation: {
    text:
      'Remove the assignment; when a migration or archive tool needs the role, assign it for ' +
      'the duration of the work only, scoped to the mailboxes concerned, under a waiver.',
    powershell:
      "Get-ManagementRoleAssignment -Role 'Mailbox Import Export' -Delegating $false |\n" +
      '  Remove-ManagementRoleAssignment -Confirm',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { subject: ['exchange.role-assignments'] },
  mappings: {
    cisV8: ['6.8', '3.3'],
    nist800207: ['T3'],
    iso27001: ['A.8.3', 'A.8.2'],
    nist80053: ['AC-6', 'AC-3'],
    disaStig: ['V-259698'],
    ztmm: [
      { pillar: 'identity', function: 'Access Management' },
      { pillar: 'data', function: 'Data Access' },
    ],
  },
  policyKeys: ['identity.restrictedRoles'],
  evaluate(context) {
    const restricted = new Set(context.policy.identity.restrictedRoles.map((r) => r.toLowerCase()));
    const fact = context.fact('exchange.role-assignments');
    const holders = required(fact, 'exchange.role-assignments')
      .map((assignment, index) => ({ assignment, index }))
      .filter(
        ({ assignment }) =>
          assignment.enabled &&
          assignment.delegationType === 'Regular' &&
          restricted.has(assignment.role.toLowerCase()),
      );
    const roles = context.policy.identity.restrictedRoles.join(', ');
    if (holders.length === 0) return pass(`no enabled assignment of ${roles}`, fact.provenance);

    // TODO(#3): a role group holder is one finding; its members are in exchange.role-group-members.
    const findings = holders.map(({ assignment, index }) => ({
      object: assignment.roleAssignee,
      message: `holds ${assignment.role} (${assignment.roleAssigneeType ?? 'assignee'}, scope ${assignment.customRecipientWriteScope ?? assignment.recipientWriteScope ?? 'organisation'})`,
      evidence: itemEvidence(fact, index),
    }));
    return fail(`${holders.length} assignment(s) of restricted roles`, findings);
  },
};
