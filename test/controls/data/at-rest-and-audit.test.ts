import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { auditLogging } from '../../../src/controls/data/audit-logging.js';
import { bitLockerVolumes } from '../../../src/controls/data/bitlocker-volumes.js';
import { logRetention } from '../../../src/controls/data/log-retention.js';
import type { AdminAuditLogConfig } from '../../../src/evidence/importers/admin-audit-log-config.js';
import type { BitLockerVolume } from '../../../src/evidence/importers/bitlocker-volumes.js';
import type { LogFolder } from '../../../src/evidence/importers/log-folders.js';
import { importOrganizationConfig } from '../../../src/evidence/importers/organization-config.js';
import { factState, onlyResult, runControl } from '../../helpers/control-harness.js';
import { corpusValue } from './corpus.js';

const encrypted: BitLockerVolume = {
  mountPoint: 'C:',
  volumeStatus: 'FullyEncrypted',
  protectionStatus: 'On',
  encryptionMethod: 'XtsAes256',
  volumeType: 'OperatingSystem',
};
const runBitLocker = (volumes: BitLockerVolume[] | ReturnType<typeof factState>, policy = {}) =>
  onlyResult(
    runControl(
      bitLockerVolumes,
      { servers: { EX01: { 'os.bitlocker-volumes': volumes as BitLockerVolume[] } } },
      { policy },
    ),
  );

describe('EXZT.DAT.10 BitLocker on every volume', () => {
  it('passes when every volume is fully encrypted with protection on', () => {
    assert.equal(
      runBitLocker([encrypted, { ...encrypted, mountPoint: 'D:', volumeType: 'Data' }]).outcome,
      'pass',
    );
  });

  it('fails a decrypted database volume and a suspended system volume', () => {
    const result = runBitLocker([
      { ...encrypted, protectionStatus: 'Off' },
      { ...encrypted, mountPoint: 'D:', volumeStatus: 'FullyDecrypted', encryptionMethod: 'None' },
    ]);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => [f.object, f.message]),
      [
        ['C:', 'protection is Off (suspended or no protector)'],
        ['D:', 'volume is FullyDecrypted'],
      ],
    );
  });

  it('is not applicable when the policy makes encryption at rest optional', () => {
    assert.equal(
      runBitLocker([], { data: { encryptionAtRest: 'optional' } }).outcome,
      'not-applicable',
    );
  });

  it('is not assessed when Get-BitLockerVolume failed', () => {
    assert.equal(
      runBitLocker(factState('collection-failed', undefined, 'BitLocker feature absent')).outcome,
      'not-assessed',
    );
  });
});

const AUDIT_ON: AdminAuditLogConfig = { adminAuditLogEnabled: true, ageLimitDays: 180 };
const E19_ORGANIZATION = () =>
  corpusValue('E19/Exchange/GetOrganizationConfig.xml', importOrganizationConfig);
const runAudit = (audit: AdminAuditLogConfig, organization = E19_ORGANIZATION(), policy = {}) =>
  onlyResult(
    runControl(
      auditLogging,
      {
        organization: {
          'exchange.admin-audit-log-config': audit,
          'exchange.organization-config': organization,
        },
      },
      { policy },
    ),
  );

describe('EXZT.DAT.11 admin audit logging and mailbox auditing', () => {
  it('passes with admin audit on and the E19 organisation (AuditDisabled not exported: default on)', () => {
    const result = runAudit(AUDIT_ON);
    assert.equal(result.outcome, 'pass');
    assert.match(result.message, /default on/);
  });

  it('fails with admin audit off and mailbox auditing disabled', () => {
    const result = runAudit(
      { adminAuditLogEnabled: false },
      { ...E19_ORGANIZATION(), auditDisabled: true },
    );
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings.length, 2);
  });

  it('is not applicable when the policy makes audit logging optional', () => {
    assert.equal(
      runAudit(AUDIT_ON, E19_ORGANIZATION(), { data: { auditLogging: 'optional' } }).outcome,
      'not-applicable',
    );
  });

  it('is not assessed without Get-AdminAuditLogConfig', () => {
    const result = onlyResult(
      runControl(auditLogging, {
        organization: { 'exchange.organization-config': E19_ORGANIZATION() },
      }),
    );
    assert.equal(result.outcome, 'not-assessed');
  });
});

// The harness's as-of time is 2026-11-30T09:00:00Z.
const folder = (logType: string, oldestFile: string | undefined): LogFolder => ({
  logType,
  path:
    logType === 'iis'
      ? 'C:\\inetpub\\logs\\LogFiles\\W3SVC1'
      : 'D:\\Exchange\\Logging\\HttpProxy\\Owa',
  fileCount: oldestFile === undefined ? 0 : 200,
  ...(oldestFile === undefined ? {} : { oldestFile }),
});
const runRetention = (audit: AdminAuditLogConfig, folders: LogFolder[]) =>
  onlyResult(
    runControl(logRetention, {
      servers: { EX01: { 'exchange.log-folders': folders } },
      organization: { 'exchange.admin-audit-log-config': audit },
    }),
  );

describe('EXZT.DAT.12 logs cover the hunting window', () => {
  it('passes with 180 days of admin audit and IIS/HttpProxy logs since June', () => {
    const result = runRetention(AUDIT_ON, [
      folder('iis', '2026-06-01T00:00:00Z'),
      folder('http-proxy', '2026-06-01T00:00:00Z'),
    ]);
    assert.equal(result.outcome, 'pass');
  });

  it('fails a 30-day audit age limit, HttpProxy logs of 10 days and an empty IIS folder', () => {
    const result = runRetention({ adminAuditLogEnabled: true, ageLimitDays: 30 }, [
      folder('iis', undefined),
      folder('http-proxy', '2026-11-20T00:00:00Z'),
    ]);
    assert.equal(result.outcome, 'fail');
    assert.deepEqual(
      result.findings.map((f) => f.message),
      [
        'admin audit log kept 30 day(s), under 90',
        'oldest file covers 0 day(s), under 90',
        'oldest file covers 10 day(s), under 90',
      ],
    );
  });

  it('passes an Edge Transport server without IIS or HttpProxy logs, which it never has', () => {
    const result = onlyResult(
      runControl(logRetention, {
        servers: {
          EDGE01: {
            'exchange.server': {
              name: 'EDGE01',
              serverRoles: ['Edge'],
              isEdgeServer: true,
              mitigationsApplied: [],
            },
            'exchange.log-folders': [],
          },
        },
        organization: { 'exchange.admin-audit-log-config': AUDIT_ON },
      }),
    );
    assert.equal(result.outcome, 'pass');
  });

  it('fails when the collector found no HttpProxy folder at all', () => {
    const result = runRetention(AUDIT_ON, [folder('iis', '2026-01-01T00:00:00Z')]);
    assert.equal(result.outcome, 'fail');
    assert.equal(result.findings[0]?.message, 'no http-proxy log folder was found');
  });

  it('is not assessed without the log-folder evidence', () => {
    const result = onlyResult(
      runControl(logRetention, {
        servers: { EX01: {} },
        organization: { 'exchange.admin-audit-log-config': AUDIT_ON },
      }),
    );
    assert.equal(result.outcome, 'not-assessed');
    assert.deepEqual(result.missing, ['exchange.log-folders (not collected)']);
  });
});
