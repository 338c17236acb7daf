/**
 * EXZT.DAT.11: administrator audit logging is on and mailbox auditing is not switched off for
 * the organisation (Get-AdminAuditLogConfig, Get-OrganizationConfig AuditDisabled). Without them
 * there is no record of who changed permissions or read someone else's mailbox.
 */
import type { Control, Finding } from '../model.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';

// TODO(#3): per-mailbox AuditEnabled and audit bypass associations
// (Get-MailboxAuditBypassAssociation) are not collected; only the organisation switch is read.

export const auditLogging: Control = {
  id: 'EXZT.DAT.11',
  area: 'data',
  title: 'Admin audit logging and mailbox auditing are on',
  rationale:
    'Assume breach means being able to answer who did what: which admin granted FullAccess, who ' +
    'exported a mailbox, who logged on to a mailbox that is not theirs. Exchange records that only ' +
    'while admin audit logging and mailbox auditing are on.',
  remediation: {
    text: 'Turn admin audit logging on and leave mailbox auditing on by default for the organisation.',
    powershell:
      'Set-AdminAuditLogConfig -AdminAuditLogEnabled $true\nSet-OrganizationConfig -AuditDisabled $false',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { organization: ['exchange.admin-audit-log-config', 'exchange.organization-config'] },
  mappings: {
    cisV8: ['8.2', '8.5', '3.14'],
    nist800207: ['T7'],
    iso27001: ['A.8.15', 'A.5.28'],
    nist80053: ['AU-2', 'AU-12'],
    disaStig: ['V-259648'],
    ztmm: [
      { pillar: 'data', function: 'Data Access' },
      { pillar: 'data', function: 'Visibility & Analytics' },
    ],
  },
  policyKeys: ['data.auditLogging'],
  evaluate(context) {
    if (context.policy.data.auditLogging !== 'required') {
      return notApplicable('the policy does not require audit logging');
    }
    const adminFact = context.organizationFact('exchange.admin-audit-log-config');
    const admin = required(adminFact, 'exchange.admin-audit-log-config');
    const organizationFact = context.organizationFact('exchange.organization-config');
    const organization = required(organizationFact, 'exchange.organization-config');

    const findings: Finding[] = [];
    if (!admin.adminAuditLogEnabled) {
      findings.push({
        object: 'Admin Audit Log Settings',
        message: 'admin audit logging is off',
        value: false,
        evidence: adminFact.provenance,
      });
    }
    if (organization.auditDisabled === true) {
      const message = 'mailbox auditing is off for the organisation (AuditDisabled)';
      findings.push({
        object: organization.name,
        message,
        value: true,
        evidence: organizationFact.provenance,
      });
    }
    if (findings.length > 0) return fail('audit logging is incomplete', findings);

    // Exchange 2019 and 2016 CU-era exports without AuditDisabled mean the default: auditing on.
    const mailboxNote =
      organization.auditDisabled === undefined ? ' (AuditDisabled not exported; default on)' : '';
    return pass(`admin audit logging and mailbox auditing are on${mailboxNote}`, [
      ...adminFact.provenance,
      ...organizationFact.provenance,
    ]);
  },
};
