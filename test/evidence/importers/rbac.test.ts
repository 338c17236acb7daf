/**
 * exchange.role-group-members and exchange.role-assignments are bundle-only: no HealthChecker
 * export exists, so these cases are hand-written CliXml shaped like a remote session's
 * Deserialized output (Select-Object note properties in MS, enums as ToString + number), encoded
 * UTF-16 LE with a BOM as Windows PowerShell 5.1 writes them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExztError } from '../../../src/errors.js';
import { parseCliXml } from '../../../src/evidence/clixml/index.js';
import { encodeClixml } from '../../../src/evidence/clixml/writer.js';
import {
  bool,
  enumValue,
  obj,
  str,
  type WritableNode,
} from '../../../src/evidence/clixml/writer-values.js';
import { importRoleAssignments } from '../../../src/evidence/importers/role-assignments.js';
import { importRoleGroupMembers } from '../../../src/evidence/importers/role-group-members.js';

const SELECTED_RECIPIENT = [
  'Deserialized.Selected.Microsoft.Exchange.Data.Directory.Management.ReducedRecipient',
  'Deserialized.System.Management.Automation.PSCustomObject',
  'Deserialized.System.Object',
];
const ROLE_ASSIGNMENT = [
  'Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.ExchangeRoleAssignmentPresentation',
  'Deserialized.Microsoft.Exchange.Data.Directory.ADConfigurationObject',
  'Deserialized.System.Object',
];
const RECIPIENT_TYPE = [
  'Deserialized.Microsoft.Exchange.Data.Directory.Recipient.RecipientType',
  'Deserialized.System.Enum',
];

function parsed(objects: WritableNode[]) {
  return parseCliXml(encodeClixml(objects), { file: 'exchange.role-group-members.xml' });
}

function roleGroupMember(group: string, name: string, type: [string, number], sam = '') {
  return obj(SELECTED_RECIPIENT, {
    ms: [
      ['RoleGroup', str(group)],
      ['Name', str(name)],
      ['RecipientType', enumValue(RECIPIENT_TYPE, type[0], type[1])],
      ['SamAccountName', str(sam)],
      ['PrimarySmtpAddress', str(sam === '' ? '' : `${sam}@contoso.com`)],
    ],
  });
}

function assignment(role: string, assignee: string, type: string, delegation: string) {
  return obj(ROLE_ASSIGNMENT, {
    props: [
      ['Name', str(`${role}-${assignee}`)],
      ['Role', str(role)],
      ['RoleAssigneeName', str(assignee)],
      ['RoleAssigneeType', str(type)],
      ['RoleAssignmentDelegationType', str(delegation)],
      ['Enabled', bool(true)],
      ['RecipientWriteScope', str('Organization')],
    ],
  });
}

describe('exchange.role-group-members importer', () => {
  it('reads one membership per object, enums by name, empty strings left out', () => {
    const document = parsed([
      roleGroupMember(
        'Organization Management',
        'Administrator',
        ['UserMailbox', 1073741824],
        'administrator',
      ),
      roleGroupMember('Organization Management', 'Exchange Admins', [
        'MailUniversalSecurityGroup',
        16,
      ]),
    ]);
    const { value, anchors } = importRoleGroupMembers(document);

    assert.deepEqual(value, [
      {
        roleGroup: 'Organization Management',
        name: 'Administrator',
        recipientType: 'UserMailbox',
        samAccountName: 'administrator',
        primarySmtpAddress: 'administrator@contoso.com',
      },
      {
        roleGroup: 'Organization Management',
        name: 'Exchange Admins',
        recipientType: 'MailUniversalSecurityGroup',
      },
    ]);
    assert.deepEqual(
      anchors.map((anchor) => anchor.index),
      [0, 1],
    );
  });

  it('imports an empty export as an empty list', () => {
    assert.deepEqual(importRoleGroupMembers(parsed([])).value, []);
  });

  it('refuses a member without its role group, naming the position', () => {
    const document = parsed([obj(SELECTED_RECIPIENT, { ms: [['Name', str('Administrator')]] })]);
    assert.throws(
      () => importRoleGroupMembers(document),
      (error: unknown) =>
        error instanceof ExztError &&
        error.code === 'EVIDENCE' &&
        error.position?.line === 2 &&
        /expected a role group member with RoleGroup and Name/.test(error.message),
    );
  });
});

describe('exchange.role-assignments importer', () => {
  it('reads role, assignee and delegation type of each assignment', () => {
    const document = parsed([
      assignment(
        'Mailbox Import Export',
        'Organization Management',
        'RoleGroup',
        'DelegatingOrgWide',
      ),
      assignment('ApplicationImpersonation', 'svc-archive', 'User', 'Regular'),
    ]);
    const { value } = importRoleAssignments(document);

    assert.deepEqual(
      value.map((a) => [a.role, a.roleAssignee, a.roleAssigneeType, a.delegationType, a.enabled]),
      [
        [
          'Mailbox Import Export',
          'Organization Management',
          'RoleGroup',
          'DelegatingOrgWide',
          true,
        ],
        ['ApplicationImpersonation', 'svc-archive', 'User', 'Regular', true],
      ],
    );
    assert.equal(value[1]?.recipientWriteScope, 'Organization');
  });

  it('refuses an assignment without a role', () => {
    const document = parsed([
      obj(ROLE_ASSIGNMENT, {
        props: [
          ['Name', str('x')],
          ['RoleAssigneeName', str('y')],
        ],
      }),
    ]);
    assert.throws(() => importRoleAssignments(document), /expected a management role assignment/);
  });
});
