/**
 * The bundle-only infrastructure importers on hand-written CliXml in the shape the collector's
 * Select-Object writes (HealthChecker keeps no export of these): os.lsa-settings,
 * os.device-guard, os.dotnet-release and exchange.mailbox-databases, plus malformed cases.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ExztError } from '../../../src/errors.js';
import { importMailboxDatabases } from '../../../src/evidence/importers/mailbox-databases.js';
import {
  importDeviceGuard,
  importDotNetRelease,
  importLsaSettings,
} from '../../../src/evidence/importers/registry-values.js';
import { cliXml, parseText } from '../../helpers/clixml.js';

const CUSTOM =
  '<TN RefId="0"><T>System.Management.Automation.PSCustomObject</T><T>System.Object</T></TN>';
const object = (members: string) => `<Obj RefId="0">${CUSTOM}<MS>${members}</MS></Obj>`;

test('LSA values: numbers read, Nil left unset so the rule applies the Windows default', () => {
  const document = parseText(
    cliXml(
      object(
        '<I32 N="LmCompatibilityLevel">5</I32><Nil N="LsaCfgFlags" /><I32 N="RunAsPPL">1</I32>',
      ),
    ),
  );
  assert.deepEqual(importLsaSettings(document).value, { lmCompatibilityLevel: 5, runAsPpl: 1 });
});

test('LSA values: SuppressExtendedProtection set, unset (Nil), or not in an older export', () => {
  const lsa = (suppress: string) =>
    importLsaSettings(parseText(cliXml(object(`<I32 N="LmCompatibilityLevel">5</I32>${suppress}`))))
      .value.suppressExtendedProtection;
  assert.equal(lsa('<I32 N="SuppressExtendedProtection">1</I32>'), 1);
  assert.equal(lsa('<Nil N="SuppressExtendedProtection" />'), null);
  assert.equal(lsa(''), undefined);
});

test('LSA values: a string where a DWORD belongs is an EVIDENCE error at its line', () => {
  const document = parseText(cliXml(object('\n<S N="LmCompatibilityLevel">five</S>')));
  assert.throws(
    () => importLsaSettings(document),
    (error: unknown) =>
      error instanceof ExztError &&
      error.code === 'EVIDENCE' &&
      error.position?.line === 3 &&
      /LmCompatibilityLevel as a number/.test(error.message),
  );
});

test('Win32_DeviceGuard: the running and configured services as number lists', () => {
  const list = (name: string, values: number[]) =>
    `<Obj N="${name}" RefId="${name.length}"><TN RefId="${name.length}"><T>System.UInt32[]</T></TN><LST>${values
      .map((value) => `<U32>${value}</U32>`)
      .join('')}</LST></Obj>`;
  const document = parseText(
    cliXml(
      object(
        list('SecurityServicesRunning', [1, 2]) +
          list('SecurityServicesConfigured', [1]) +
          '<U32 N="VirtualizationBasedSecurityStatus">2</U32>',
      ),
    ),
  );
  assert.deepEqual(importDeviceGuard(document).value, {
    securityServicesRunning: [1, 2],
    securityServicesConfigured: [1],
    virtualizationBasedSecurityStatus: 2,
  });
});

test('NDP Release: the number and version text; a missing Release is an error', () => {
  const document = parseText(
    cliXml(object('<I32 N="Release">533320</I32><S N="Version">4.8.09032</S>')),
  );
  assert.deepEqual(importDotNetRelease(document).value, { release: 533320, version: '4.8.09032' });
  assert.throws(
    () => importDotNetRelease(parseText(cliXml(object('<S N="Version">4.8</S>')))),
    /Release/,
  );
});

test('mailbox databases: backup times as UTC ISO text, never backed up as absent, server by name', () => {
  const database = (name: string, full: string) =>
    `<Obj RefId="${name}">${CUSTOM}<MS><S N="Name">${name}</S><S N="Server">EX01</S>${full}` +
    '<Nil N="LastIncrementalBackup" /><Nil N="LastDifferentialBackup" /><B N="CircularLoggingEnabled">false</B></MS></Obj>';
  const document = parseText(
    cliXml(
      database('DB01', '<DT N="LastFullBackup">2026-11-29T23:15:00+01:00</DT>') +
        database('DB02', '<Nil N="LastFullBackup" />'),
    ),
  );
  const { value, anchors } = importMailboxDatabases(document);
  assert.deepEqual(value, [
    {
      name: 'DB01',
      server: 'EX01',
      lastFullBackup: '2026-11-29T22:15:00.000Z',
      circularLoggingEnabled: false,
    },
    { name: 'DB02', server: 'EX01', circularLoggingEnabled: false },
  ]);
  assert.equal(anchors.length, 2);
});

test('mailbox databases: an object without LastFullBackup (no -Status) is an EVIDENCE error', () => {
  const document = parseText(cliXml(object('<S N="Name">DB01</S>')));
  assert.throws(() => importMailboxDatabases(document), /LastFullBackup/);
});

test('an empty Get-MailboxDatabase export is an empty list', () => {
  assert.deepEqual(importMailboxDatabases(parseText(cliXml(''))).value, []);
});
