/**
 * EXZT.IDN.2: no standing membership of admin role groups. On-premises evidence cannot show a
 * privileged-access system that adds and removes members on request, so the control passes
 * only when nobody but break-glass accounts holds an admin role group, or on an attestation.
 */
import type { Control } from '../model.js';
import { fail, notApplicable, pass, passAttested, required } from '../outcomes.js';
import { itemEvidence } from './facts.js';
import { isAdminRoleGroup, isBreakGlass } from './rbac.js';

export const TIME_BOUND_ADMIN_FACT = 'identity.admin.time-bound';

export const standingAdminAccess: Control = {
  id: 'EXZT.IDN.2',
  area: 'identity',
  title: 'Admin role groups hold no standing members',
  rationale:
    'A standing admin is an admin at 3 a.m. on a Sunday, when nobody is watching and their ' +
    'session token is stolen. Time-bound membership, granted on request and removed afterwards, ' +
    'shrinks the window an attacker has to the hours the work needs.',
  remediation: {
    text:
      'Grant admin role groups through a privileged-access system (time-bound group membership ' +
      'or Exchange RBAC assignments added and removed on approval) and attest it as ' +
      `${TIME_BOUND_ADMIN_FACT}; keep only the break-glass accounts as permanent members.`,
    powershell: "Remove-RoleGroupMember -Identity '<role group>' -Member <account> -Confirm",
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { subject: ['exchange.role-group-members'] },
  attestations: [TIME_BOUND_ADMIN_FACT],
  mappings: {
    cisV8: ['5.4', '6.8'],
    nist800207: ['T3'],
    iso27001: ['A.8.2'],
    nist80053: ['AC-2(2)', 'AC-6(5)'],
    disaStig: [],
    ztmm: [{ pillar: 'identity', function: 'Access Management' }],
  },
  policyKeys: ['identity.adminStandingAccess', 'identity.breakGlassAccounts'],
  evaluate(context) {
    const identity = context.policy.identity;
    if (identity.adminStandingAccess === 'allowed') {
      return notApplicable('the policy allows standing admin access');
    }

    const fact = context.fact('exchange.role-group-members');
    const standing = required(fact, 'exchange.role-group-members')
      .map((member, index) => ({ member, index }))
      .filter(
        ({ member }) => isAdminRoleGroup(member.roleGroup) && !isBreakGlass(member, identity),
      );
    if (standing.length === 0) {
      return pass('only break-glass accounts hold admin role groups', fact.provenance);
    }

    const attestation = context.attestation(TIME_BOUND_ADMIN_FACT);
    if (attestation !== undefined) {
      return passAttested(
        `${standing.length} admin membership(s) are time-bound, as ${attestation.attestedBy} ` +
          `attested until ${attestation.expires}`,
      );
    }

    const findings = standing.map(({ member, index }) => ({
      object: member.name,
      message: `standing member of ${member.roleGroup}`,
      evidence: itemEvidence(fact, index),
    }));
    return fail(
      `${standing.length} standing admin membership(s) and no current ${TIME_BOUND_ADMIN_FACT} attestation`,
      findings,
    );
  },
};
