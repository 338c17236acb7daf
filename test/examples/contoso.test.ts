import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { writeContosoBundle } from '../../scripts/generate-contoso.js';
import { parseCliXml } from '../../src/evidence/clixml/index.js';
import { latestSecurityUpdate } from '../../src/knowledge/index.js';
import type { ManifestFailure, ManifestFile } from '../../scripts/contoso/bundle.js';
import { EXAMPLES_DIR } from '../helpers/paths.js';

const CONTOSO_DIR = path.join(EXAMPLES_DIR, 'contoso');
const BUNDLE_DIR = path.join(CONTOSO_DIR, 'bundle');

interface Manifest {
  schema: string;
  collectedAt: string;
  organization: string;
  files: ManifestFile[];
  failures: ManifestFailure[];
}

/** Every file below a folder, as bundle member paths with forward slashes. */
function listMembers(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort();
}

function isClixml(file: ManifestFile): boolean {
  return file.path.endsWith('.xml');
}

function readManifest(): Manifest {
  return JSON.parse(readFileSync(path.join(BUNDLE_DIR, 'manifest.json'), 'utf8')) as Manifest;
}

describe('examples/contoso', () => {
  it('is exactly what the generator writes (regenerate with npm run examples:contoso)', () => {
    const regenerated = mkdtempSync(path.join(tmpdir(), 'exzt-contoso-'));
    try {
      const written = writeContosoBundle(regenerated).sort();
      // The policy, waivers and attestations beside the bundle are written by hand.
      const committed = listMembers(CONTOSO_DIR).filter((member) => !member.endsWith('.yaml'));
      assert.deepEqual(committed, written, 'committed files differ from generated');
      for (const member of written) {
        const committed = readFileSync(path.join(CONTOSO_DIR, member));
        const fresh = readFileSync(path.join(regenerated, member));
        assert.ok(committed.equals(fresh), `${member} drifted from the generator`);
      }
    } finally {
      rmSync(regenerated, { recursive: true, force: true });
    }
  });

  it('has a manifest whose SHA-256 matches every file it lists, and lists every export', () => {
    const manifest = readManifest();
    const exports = listMembers(BUNDLE_DIR).filter((member) => member !== 'manifest.json');
    assert.deepEqual(manifest.files.map((file) => file.path).sort(), exports);
    for (const file of manifest.files) {
      const bytes = readFileSync(path.join(BUNDLE_DIR, file.path));
      assert.equal(createHash('sha256').update(bytes).digest('hex'), file.sha256, file.path);
    }
  });

  it('describes six servers, the organisation and three failed commands', () => {
    const manifest = readManifest();
    assert.equal(manifest.schema, 'exzt-bundle/1');
    assert.equal(manifest.collectedAt, '2026-11-30T09:00:00Z');
    const subjects = new Set(manifest.files.map((file) => file.subject));
    assert.deepEqual([...subjects].sort(), [
      'Contoso',
      'EDGE01',
      'EX01',
      'EX02',
      'EX03',
      'EX04',
      'EX2013',
    ]);
    assert.deepEqual(
      manifest.failures.map((failure) => `${failure.subject} ${failure.kind}`),
      ['EDGE01 os.hotfixes', 'EDGE01 iis.application-host', 'EX2013 os.device-guard'],
    );
    assert.ok(!manifest.files.some((file) => file.path === 'servers/EDGE01/os.hotfixes.xml'));
  });

  it('writes the os.* files of EX02, EX04 and EX2013 in UTF-16 LE with BOM and CRLF, others UTF-8 with BOM', () => {
    const utf16 = ['EX02', 'EX04', 'EX2013'];
    for (const file of readManifest().files.filter(isClixml)) {
      const bytes = readFileSync(path.join(BUNDLE_DIR, file.path));
      const wide = utf16.includes(file.subject) && file.kind.startsWith('os.');
      const text = wide
        ? bytes.subarray(2).toString('utf16le')
        : bytes.subarray(3).toString('utf8');
      assert.deepEqual(
        [...bytes.subarray(0, wide ? 2 : 3)],
        wide ? [0xff, 0xfe] : [0xef, 0xbb, 0xbf],
        file.path,
      );
      assert.ok(
        text.startsWith('<Objs Version="1.1.0.1"') &&
          (text.includes('>\r\n  <Obj') || text.endsWith(' />')),
        file.path,
      );
    }
  });

  it('shows EX04 with its SU installed after the last boot and a reboot pending', () => {
    const read = (kind: string) =>
      readFileSync(path.join(BUNDLE_DIR, 'servers/EX04', `${kind}.xml`));
    const os = read('os.operating-system').toString('utf16le');
    const updates = read('exchange.installed-updates').toString('utf8');
    const reboot = read('os.reboot-pending').toString('utf16le');
    const lastBoot = /<S N="LastBootUpTime">(\d{8})/.exec(os)?.[1];
    const installed =
      /Security Update for [^<]+<\/S>\r\n\s+<S N="DisplayVersion">[^<]+<\/S>\r\n\s+<S N="InstallDate">(\d{8})/.exec(
        updates,
      )?.[1];
    assert.ok(lastBoot !== undefined && installed !== undefined && installed > lastBoot);
    assert.match(reboot, /<B N="ComponentBasedServicingPendingReboot">true<\/B>/);
  });

  it('reads back with the CliXml reader: remote type names and the builds of the knowledge base', () => {
    for (const file of readManifest().files.filter(isClixml)) {
      const document = parseCliXml(readFileSync(path.join(BUNDLE_DIR, file.path)), {
        file: file.path,
      });
      const first = document.objects[0];
      // An empty export (an Edge server's virtual directories) is a cmdlet that returned nothing.
      if (first === undefined) continue;
      assert.ok(
        first?.kind === 'object' && first.typeNames[0]?.startsWith('Deserialized.'),
        file.path,
      );
    }

    const setup = parseCliXml(
      readFileSync(path.join(BUNDLE_DIR, 'servers/EX04/exchange.setup-version.xml')),
      {
        file: 'EX04',
      },
    ).objects[0];
    const fileVersion = setup?.kind === 'object' ? setup.members.get('fileversionraw') : undefined;
    assert.deepEqual(
      fileVersion?.kind === 'version' ? fileVersion.value : undefined,
      latestSecurityUpdate('ExchangeSE', 'RTM')?.build,
    );
  });
});
