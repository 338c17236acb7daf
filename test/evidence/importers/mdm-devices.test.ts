import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { ExztError } from '../../../src/errors.js';
import { factOf, findSubject } from '../../../src/evidence/evidence-set.js';
import { importMdmDevices } from '../../../src/evidence/importers/mdm-devices.js';
import { loadEvidence } from '../../../src/evidence/load.js';
import { makeTempDir, writeBundle } from '../../helpers/bundle-builder.js';

/** Intune's "All devices" export columns, in Intune's order, with a BOM and CRLF. */
const INTUNE_EXPORT =
  '\uFEFFDevice ID,Device name,Enrollment date,Last check-in,Ownership,Compliance,OS,OS version,' +
  'Encrypted,Jailbroken,Primary user UPN,Primary user email address\r\n' +
  '1a2b,LT-ANN,2025-03-01 08:00:00,2026-11-29 07:45:12,Corporate,Compliant,Windows,10.0.22631.4460,' +
  'Yes,No,ann@contoso.com,ann@contoso.com\r\n' +
  '3c4d,"PH-BOB, spare",2025-06-10,11/2/2026 4:05:00 PM,Personal,Noncompliant,Android,12,' +
  'No,Unknown,,bob@contoso.com\r\n';

describe('inventory.mdm-devices: an MDM export (CSV)', () => {
  it("reads Intune's columns by name: flags, both date forms, missing UPN", () => {
    const { value, lines } = importMdmDevices(INTUNE_EXPORT, 'intune.csv');
    assert.deepEqual(lines, [2, 3]);
    assert.deepEqual(value[0], {
      deviceName: 'LT-ANN',
      os: 'Windows',
      osVersion: '10.0.22631.4460',
      encrypted: true,
      jailbroken: false,
      compliance: 'Compliant',
      lastCheckIn: '2026-11-29T07:45:12.000Z',
      primaryUser: 'ann@contoso.com',
      primaryUserEmail: 'ann@contoso.com',
    });
    assert.equal(value[1]?.deviceName, 'PH-BOB, spare');
    assert.equal(value[1]?.lastCheckIn, '2026-11-02T16:05:00.000Z');
    assert.equal(value[1]?.jailbroken, undefined);
    assert.equal(value[1]?.primaryUser, undefined);
  });

  it('names the file and line of a value it cannot read, and the column expected', () => {
    const text = 'Device name,OS,Encrypted\nLT-1,Windows,maybe\n';
    assert.throws(
      () => importMdmDevices(text, 'mdm.csv'),
      (error: unknown) =>
        error instanceof ExztError &&
        error.describe() ===
          'mdm.csv:2: expected Yes, No, True, False or Unknown in column "Encrypted", found "maybe"',
    );
    assert.throws(
      () => importMdmDevices('Device name,OS,Last check-in\nA,iOS,yesterday\n', 'm.csv'),
      (error: unknown) =>
        error instanceof ExztError && error.describe().startsWith('m.csv:2: expected a date'),
    );
    assert.throws(() => importMdmDevices('Name,Platform\n,iOS\n', 'm.csv'), /column "Name"/);
    assert.throws(
      () => importMdmDevices('Device,Version\nA,1\n', 'm.csv'),
      /expected a column "Device name"/,
    );
  });

  it('loads from a bundle as organization/inventory.mdm-devices.csv, one provenance line per device', async () => {
    const folder = await makeTempDir();
    try {
      await mkdir(path.join(folder, 'organization'), { recursive: true });
      await writeBundle(folder, [
        {
          path: 'organization/inventory.mdm-devices.csv',
          bytes: Buffer.from(INTUNE_EXPORT, 'utf8'),
        },
      ]);
      const set = await loadEvidence([folder], { use: new Map(), allowModified: false });
      const fact = factOf(findSubject(set, 'organization'), 'inventory.mdm-devices');
      assert.equal(fact.status, 'observed');
      assert.equal(fact.value?.length, 2);
      assert.deepEqual(
        fact.provenance.map((p) => p.line),
        [2, 3],
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
