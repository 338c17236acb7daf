/**
 * EXZT.INF.18: every mailbox database has a recent backup. Assume breach: ransomware and
 * destructive attackers are survived by a restore, and Exchange records the last full,
 * incremental and differential backup per database (Get-MailboxDatabase -Status).
 */
import type { MailboxDatabase } from '../../evidence/importers/mailbox-databases.js';
import type { Control, Finding } from '../model.js';
import { fail, notApplicable, pass, required } from '../outcomes.js';

const HOUR_MS = 3_600_000;

// TODO(#3): backup times are per database as Get-MailboxDatabase -Status reports them; a DAG
// copy backed up elsewhere and restore tests (CIS 11.5) are not evidenced.

export const recentDatabaseBackups: Control = {
  id: 'EXZT.INF.18',
  area: 'infrastructure',
  title: 'Every mailbox database was backed up recently',
  rationale:
    'A database without a recent backup cannot be restored after ransomware, corruption or a ' +
    'destructive attacker, and its transaction logs grow until the volume fills unless circular ' +
    'logging hides the problem by throwing them away.',
  remediation: {
    text:
      'Back every database up with an Exchange-aware (VSS) backup at least as often as the ' +
      'policy requires, and check the job reports for each database.',
  },
  severity: 'high',
  criticality: 'must',
  waivable: true,
  scope: 'organization',
  requires: { organization: ['exchange.mailbox-databases'] },
  mappings: {
    cisV8: ['11.2', '11.1'],
    nist800207: ['T7'],
    iso27001: ['A.8.13'],
    nist80053: ['CP-9'],
    disaStig: [],
    ztmm: [{ pillar: 'data', function: 'Data Availability' }],
  },
  policyKeys: ['infrastructure.maxBackupAgeHours'],
  evaluate(context) {
    const fact = context.organizationFact('exchange.mailbox-databases');
    const databases = required(fact, 'exchange.mailbox-databases');
    if (databases.length === 0) return notApplicable('the organisation has no mailbox database');

    const maxHours = context.policy.infrastructure.maxBackupAgeHours;
    const asOfMs = Date.parse(context.asOf);
    const findings: Finding[] = databases.flatMap((database, index) => {
      const problem = backupProblem(database, asOfMs, maxHours);
      if (problem === undefined) return [];
      const evidence = fact.provenance.slice(index, index + 1);
      return [{ object: database.name, message: problem.message, value: problem.newest, evidence }];
    });
    if (findings.length > 0) {
      return fail(
        `${findings.length} of ${databases.length} database(s) lack a recent backup`,
        findings,
      );
    }

    return pass(
      `all ${databases.length} database(s) backed up within ${maxHours} hours`,
      fact.provenance,
    );
  },
};

function backupProblem(
  database: MailboxDatabase,
  asOfMs: number,
  maxHours: number,
): { message: string; newest: string | null } | undefined {
  const times = [
    database.lastFullBackup,
    database.lastIncrementalBackup,
    database.lastDifferentialBackup,
  ];
  const newest = times
    .filter((time): time is string => time !== undefined)
    .sort()
    .at(-1);
  if (newest === undefined) return { message: 'never backed up', newest: null };

  const ageHours = Math.floor((asOfMs - Date.parse(newest)) / HOUR_MS);
  if (ageHours <= maxHours) return undefined;
  return { message: `newest backup ${ageHours} hours old (policy allows ${maxHours})`, newest };
}
