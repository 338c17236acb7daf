/**
 * EXZT.DAT.12: the logs a compromise hunt reads reach back as far as the policy's hunting window:
 * the admin audit log's age limit, and the IIS and HttpProxy log folders the collector measured.
 * Exchange attacks are usually found weeks later; logs that were already deleted cannot help.
 */
import type { LogFolder } from '../../evidence/importers/log-folders.js';
import type { Provenance } from '../../evidence/model.js';
import type { Control, Finding } from '../model.js';
import { fail, optional, pass, required } from '../outcomes.js';

// TODO(#3): exchange.log-folders has no producer until the collector (#5) records it, and the
// IIS/HttpProxy cleanup settings themselves are not read, only what is on disk.

const DAY_MS = 86_400_000;
const HUNTED_LOGS = ['iis', 'http-proxy'];

export const logRetention: Control = {
  id: 'EXZT.DAT.12',
  area: 'data',
  title: 'Audit, IIS and HttpProxy logs cover the hunting window',
  rationale:
    'ProxyLogon, ProxyShell and OWASSRF were traced through IIS and HttpProxy logs, often long after ' +
    'the first request. Exchange and IIS delete old logs on their own schedule, so the hunting window ' +
    'the policy names is only real if the logs are kept at least that long.',
  remediation: {
    text:
      'Raise AdminAuditLogAgeLimit to the hunting window, and keep IIS and HttpProxy logs at least ' +
      'as long (move old files to a log store or SIEM rather than letting the cleanup delete them).',
    powershell: "Set-AdminAuditLogConfig -AdminAuditLogAgeLimit '180.00:00:00'",
  },
  severity: 'medium',
  criticality: 'should',
  waivable: true,
  scope: 'server',
  requires: {
    subject: ['exchange.log-folders'],
    organization: ['exchange.admin-audit-log-config'],
  },
  mappings: {
    cisV8: ['8.3', '8.10'],
    nist800207: ['T7'],
    iso27001: ['A.8.15', 'A.5.28'],
    nist80053: ['AU-4', 'AU-11'],
    disaStig: [],
    ztmm: [{ pillar: 'data', function: 'Visibility & Analytics' }],
  },
  policyKeys: ['data.logRetentionDays'],
  evaluate(context) {
    const windowDays = context.policy.data.logRetentionDays;
    const auditFact = context.organizationFact('exchange.admin-audit-log-config');
    const audit = required(auditFact, 'exchange.admin-audit-log-config');
    const foldersFact = context.fact('exchange.log-folders');
    const folders = required(foldersFact, 'exchange.log-folders');
    const asOfMs = Date.parse(context.asOf);

    const findings: Finding[] = [];
    if ((audit.ageLimitDays ?? 0) < windowDays) {
      const message = `admin audit log kept ${audit.ageLimitDays ?? 'an unknown number of'} day(s), under ${windowDays}`;
      findings.push({
        object: 'Admin Audit Log Settings',
        message,
        value: audit.ageLimitDays,
        evidence: auditFact.provenance,
      });
    }
    // An Edge Transport server runs no IIS and no HttpProxy: only the audit log applies there.
    const edge = optional(context.fact('exchange.server'))?.isEdgeServer === true;
    if (!edge)
      findings.push(...folderFindings(folders, windowDays, asOfMs, foldersFact.provenance));
    if (findings.length > 0)
      return fail(`logs do not cover the ${windowDays}-day hunting window`, findings);

    return pass(`admin audit, IIS and HttpProxy logs reach back ${windowDays} days or more`, [
      ...auditFact.provenance,
      ...foldersFact.provenance,
    ]);
  },
};

function folderFindings(
  folders: LogFolder[],
  windowDays: number,
  asOfMs: number,
  provenance: Provenance[],
): Finding[] {
  const findings: Finding[] = [];
  for (const logType of HUNTED_LOGS) {
    if (!folders.some((folder) => folder.logType === logType)) {
      findings.push({
        object: logType,
        message: `no ${logType} log folder was found`,
        evidence: provenance.slice(0, 1),
      });
    }
  }

  folders.forEach((folder, index) => {
    if (!HUNTED_LOGS.includes(folder.logType)) return;
    const coveredDays =
      folder.oldestFile === undefined
        ? 0
        : Math.floor((asOfMs - Date.parse(folder.oldestFile)) / DAY_MS);
    if (coveredDays >= windowDays) return;
    const entry = provenance[index];
    const message = `oldest file covers ${coveredDays} day(s), under ${windowDays}`;
    findings.push({
      object: folder.path,
      message,
      value: folder.oldestFile ?? null,
      evidence: entry === undefined ? [] : [entry],
    });
  });
  return findings;
}
