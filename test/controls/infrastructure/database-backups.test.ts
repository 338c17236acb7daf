import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { recentDatabaseBackups } from '../../../src/controls/infrastructure/database-backups.js';
import type { MailboxDatabase } from '../../../src/evidence/importers/mailbox-databases.js';
import { factState, onlyResult, runControl } from '../../helpers/control-harness.js';

// TEST_AS_OF is 2026-11-30T09:00:00Z.
const run = (databases: MailboxDatabase[]) =>
  onlyResult(
    runControl(recentDatabaseBackups, {
      organization: { 'exchange.mailbox-databases': databases },
    }),
  );

describe('EXZT.INF.18 recent mailbox database backups', () => {
  it('passes when the newest backup of each database is within 48 hours', () => {
    const result = run([
      {
        name: 'DB01',
        lastFullBackup: '2026-11-23T01:00:00.000Z',
        lastIncrementalBackup: '2026-11-29T01:00:00.000Z',
      },
      { name: 'DB02', lastFullBackup: '2026-11-29T22:00:00.000Z' },
    ]);
    assert.equal(result.outcome, 'pass');
    assert.equal(result.message, 'all 2 database(s) backed up within 48 hours');
  });

  it('fails on a stale and a never backed-up database, counting them', () => {
    const result = run([
      { name: 'DB01', lastFullBackup: '2026-11-25T09:00:00.000Z' },
      { name: 'DB02', circularLoggingEnabled: true },
      { name: 'DB03', lastFullBackup: '2026-11-30T01:00:00.000Z' },
    ]);
    assert.equal(result.outcome, 'fail');
    assert.equal(result.message, '2 of 3 database(s) lack a recent backup');
    assert.deepEqual(
      result.findings.map((f) => `${f.object}: ${f.message}`),
      ['DB01: newest backup 120 hours old (policy allows 48)', 'DB02: never backed up'],
    );
  });

  it('is not applicable without mailbox databases', () => {
    assert.equal(run([]).outcome, 'not-applicable');
  });

  it('is not assessed without Get-MailboxDatabase -Status', () => {
    const result = onlyResult(
      runControl(recentDatabaseBackups, {
        organization: { 'exchange.mailbox-databases': factState('not-collected') },
      }),
    );
    assert.deepEqual(result.missing, ['organization:exchange.mailbox-databases (not collected)']);
  });
});
