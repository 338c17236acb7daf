import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { organizationManagementSize } from '../../../src/controls/identity/organization-management-size.js';
import { restrictedRoles } from '../../../src/controls/identity/restricted-roles.js';
import { serviceAccountAdmins } from '../../../src/controls/identity/service-account-admins.js';
import { standingAdminAccess } from '../../../src/controls/identity/standing-admin-access.js';
import type { RoleAssignment } from '../../../src/evidence/importers/role-assignments.js';
import type { RoleGroupMember } from '../../../src/evidence/importers/role-group-members.js';
import type { Attestation } from '../../../src/policy/model.js';
import { factState, onlyResult, runControl } from '../../helpers/control-harness.js';

const member = (roleGroup: string, name: string, extra: Partial<RoleGroupMember> = {}) => ({
  roleGroup,
  name,
  recipientType: 'UserMailbox',
  ...extra,
});
const assignment = (role: string, roleAssignee: string, extra: Partial<RoleAssignment> = {}) => ({
  name: `${role}-${roleAssignee}`,
  role,
  roleAssignee,
  roleAssigneeType: 'User',
  delegationType: 'Regular',
  enabled: true,
  ...extra,
});
const orgManagement = (count: number) =>
  Array.from({ length: count }, (_, i) => member('Organization Management', `admin${i + 1}`));
const attestation = (fact: string, expires = '2027-05-02'): Attestation => ({
  fact,
  statement: 'PIM grants admin role groups for 8 hours on approval',
  attestedBy: 'exchange-admins@contoso.com',
  date: '2026-11-02',
  expires,
  source: { file: 'attestations.yaml', line: 1 },
});

describe('EXZT.IDN.1 Organization Management size', () => {
  it('passes with as many members as the policy allows', () => {
    const result = onlyResult(
      runControl(organizationManagementSize, {
        organization: { 'exchange.role-group-members': orgManagement(4) },
      }),
    );
    assert.equal(result.outcome, 'pass');
    assert.match(result.message, /4 member\(s\), within 4/);
  });

  it('fails with one member too many, one finding per member, other groups not counted', () => {
    const members = [...orgManagement(5), member('Recipient Management', 'helpdesk1')];
    const result = onlyResult(
      runControl(organizationManagementSize, {
        organization: { 'exchange.role-group-members': members },
      }),
    );
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings.length, 5);
    assert.match(
      result.message,
      /5 members \(policy allows 4\): admin1, admin2, admin3, admin4, admin5$/,
    );
  });

  it('is not assessed when the role group members were not collected', () => {
    const result = onlyResult(
      runControl(organizationManagementSize, {
        organization: { 'exchange.role-group-members': factState('collection-failed') },
      }),
    );
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['exchange.role-group-members (collection failed)']);
  });
});

describe('EXZT.IDN.2 standing admin access', () => {
  const breakGlass = member('Organization Management', 'bg-admin');
  const members = [breakGlass, member('Server Management', 'alice')];

  it('passes when only break-glass accounts hold admin role groups', () => {
    const result = onlyResult(
      runControl(
        standingAdminAccess,
        {
          organization: {
            'exchange.role-group-members': [
              breakGlass,
              member('View-Only Organization Management', 'bob'),
            ],
          },
        },
        { policy: { identity: { breakGlassAccounts: ['BG-Admin'] } } },
      ),
    );
    assert.equal(result.outcome, 'pass');
    assert.equal(result.basis, 'observed');
  });

  it('fails on a standing member without an attestation', () => {
    const result = onlyResult(
      runControl(
        standingAdminAccess,
        { organization: { 'exchange.role-group-members': members } },
        { policy: { identity: { breakGlassAccounts: ['bg-admin'] } } },
      ),
    );
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => [f.object, f.message]),
      [['alice', 'standing member of Server Management']],
    );
  });

  it('passes as attested on a current identity.admin.time-bound attestation', () => {
    const result = onlyResult(
      runControl(
        standingAdminAccess,
        { organization: { 'exchange.role-group-members': members } },
        { attestations: [attestation('identity.admin.time-bound')] },
      ),
    );
    assert.equal(result.outcome, 'pass');
    assert.equal(result.basis, 'attested');
  });

  it('fails when the attestation expired before the as-of date', () => {
    const result = onlyResult(
      runControl(
        standingAdminAccess,
        { organization: { 'exchange.role-group-members': members } },
        { attestations: [attestation('identity.admin.time-bound', '2026-11-29')] },
      ),
    );
    assert.equal(result.outcome, 'fail');
  });

  it('is not applicable when the policy allows standing access', () => {
    const result = onlyResult(
      runControl(
        standingAdminAccess,
        { organization: { 'exchange.role-group-members': members } },
        { policy: { identity: { adminStandingAccess: 'allowed' } } },
      ),
    );
    assert.equal(result.outcome, 'not-applicable');
  });
});

describe('EXZT.IDN.3 service accounts holding admin roles', () => {
  const clean = {
    'exchange.role-group-members': [member('Organization Management', 'alice')],
    'exchange.role-assignments': [
      assignment('MyBaseOptions', 'Default Role Assignment Policy', {
        roleAssigneeType: 'RoleAssignmentPolicy',
      }),
      assignment('Mail Recipients', 'svc-crm', { enabled: false }),
    ],
  };

  it('passes when no account named like a service account holds an admin role', () => {
    const result = onlyResult(runControl(serviceAccountAdmins, { organization: clean }));
    assert.equal(result.outcome, 'pass');
  });

  it('fails on a service account in an admin role group (by SMTP local part) and a direct role', () => {
    const result = onlyResult(
      runControl(serviceAccountAdmins, {
        organization: {
          'exchange.role-group-members': [
            member('Recipient Management', 'Backup Agent', {
              primarySmtpAddress: 'sa-backup@contoso.com',
            }),
          ],
          'exchange.role-assignments': [assignment('ApplicationImpersonation', 'crm-svc')],
        },
      }),
    );
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => [f.object, f.message]),
      [
        ['Backup Agent', 'member of Recipient Management'],
        ['crm-svc', 'assigned the ApplicationImpersonation role directly'],
      ],
    );
  });

  it('is not assessed without role assignments', () => {
    const result = onlyResult(
      runControl(serviceAccountAdmins, {
        organization: { 'exchange.role-group-members': clean['exchange.role-group-members'] },
      }),
    );
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['exchange.role-assignments (not collected)']);
  });
});

describe('EXZT.IDN.4 restricted roles', () => {
  it('passes with only the default delegating assignments of Organization Management', () => {
    const result = onlyResult(
      runControl(restrictedRoles, {
        organization: {
          'exchange.role-assignments': [
            assignment('Mailbox Import Export', 'Organization Management', {
              roleAssigneeType: 'RoleGroup',
              delegationType: 'DelegatingOrgWide',
            }),
            assignment('ApplicationImpersonation', 'Organization Management', {
              roleAssigneeType: 'RoleGroup',
              delegationType: 'DelegatingOrgWide',
            }),
          ],
        },
      }),
    );
    assert.equal(result.outcome, 'pass');
  });

  it('fails on an enabled regular assignment, naming holder and scope; disabled ones do not count', () => {
    const result = onlyResult(
      runControl(restrictedRoles, {
        organization: {
          'exchange.role-assignments': [
            assignment('Mailbox Import Export', 'migration-admin', {
              recipientWriteScope: 'Organization',
            }),
            assignment('ApplicationImpersonation', 'old-tool', { enabled: false }),
          ],
        },
      }),
    );
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => [f.object, f.message]),
      [['migration-admin', 'holds Mailbox Import Export (User, scope Organization)']],
    );
  });

  it('is not assessed when the assignments failed to collect', () => {
    const result = onlyResult(
      runControl(restrictedRoles, {
        organization: { 'exchange.role-assignments': factState('collection-failed') },
      }),
    );
    assert.equal(result.outcome, 'not-assessed');
  });
});
