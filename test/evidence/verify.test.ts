/**
 * `verifyBundle`: every file of a bundle against manifest.json, named when it is missing, extra
 * or modified (one changed byte in any file of the sample organisation's bundle), folder and
 * .zip alike; and the manifest signature, made here with RSA and ECDSA keys as .NET signs.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadEvidence } from '../../src/evidence/load.js';
import { verifyBundle } from '../../src/evidence/verify.js';
import { makeTempDir, writeBundle } from '../helpers/bundle-builder.js';
import {
  makeSigner,
  signDerEcdsa,
  signLikeDotNet,
  type TestSigner,
} from '../helpers/dotnet-signer.js';
import { EXAMPLES_DIR } from '../helpers/paths.js';
import { buildZip } from '../helpers/zip-writer.js';

/** An export of a command that returned nothing. */
const EMPTY_CLIXML =
  '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04" />';

const CONTOSO_BUNDLE = path.join(EXAMPLES_DIR, 'contoso', 'bundle');

function bundleFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort();
}

describe('verifyBundle: files against the manifest', () => {
  let dir = '';
  let bundle = '';
  before(async () => {
    dir = await makeTempDir('exzt-verify-');
    bundle = path.join(dir, 'bundle');
    cpSync(CONTOSO_BUNDLE, bundle, { recursive: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('verifies the sample organisation bundle as generated (unsigned)', async () => {
    const verification = await verifyBundle(bundle);
    assert.deepEqual(verification.problems, []);
    assert.equal(verification.verified, true);
    assert.equal(verification.signature.status, 'unsigned');
    assert.equal(verification.listed, bundleFiles(bundle).length - 1);
  });

  it('detects one modified byte in every file of the bundle and names that file', async () => {
    const members = bundleFiles(bundle).filter((member) => member !== 'manifest.json');
    assert.ok(members.length > 200, `only ${members.length} files`);
    for (const member of members) {
      const file = path.join(bundle, ...member.split('/'));
      const original = readFileSync(file);
      const changed = Buffer.from(original);
      const at = Math.floor(changed.length / 2);
      changed[at] = (changed[at] ?? 0) ^ 0x01;
      writeFileSync(file, changed);
      try {
        const verification = await verifyBundle(bundle);
        assert.equal(verification.verified, false, member);
        assert.deepEqual(
          verification.modified.map((m) => m.path),
          [member],
        );
        assert.match(
          verification.problems.join('\n'),
          new RegExp(`${member.replace(/\./g, '\\.')}: modified`),
        );
      } finally {
        writeFileSync(file, original);
      }
    }
  });

  it('names a missing file and an extra one', async () => {
    const victim = path.join(bundle, 'servers', 'EX01', 'os.hotfixes.xml');
    const original = readFileSync(victim);
    const extra = path.join(bundle, 'servers', 'EX01', 'notes.txt');
    unlinkSync(victim);
    writeFileSync(extra, 'added after collection');
    try {
      const verification = await verifyBundle(bundle);
      assert.deepEqual(verification.missing, ['servers/EX01/os.hotfixes.xml']);
      assert.deepEqual(verification.extra, ['servers/EX01/notes.txt']);
      assert.equal(verification.verified, false);
    } finally {
      writeFileSync(victim, original);
      unlinkSync(extra);
    }
  });

  it('reads a .zip with the bundle in one top folder, and names a modified entry in it', async () => {
    const entries = bundleFiles(bundle).map((member) => ({
      name: `contoso/${member}`,
      data: readFileSync(path.join(bundle, ...member.split('/'))),
      deflate: true,
    }));
    const zip = path.join(dir, 'contoso.zip');
    writeFileSync(zip, buildZip(entries));
    assert.equal((await verifyBundle(zip)).verified, true);

    const target = entries.find(
      (entry) => entry.name === 'contoso/servers/EX02/exchange.server.xml',
    );
    assert.ok(target);
    target.data = Buffer.concat([target.data, Buffer.from(' ')]);
    writeFileSync(zip, buildZip(entries));
    const verification = await verifyBundle(zip);
    assert.deepEqual(
      verification.modified.map((m) => m.path),
      ['servers/EX02/exchange.server.xml'],
    );
  });

  it('refuses a folder that is no bundle, naming it (an input error, not a failed check)', async () => {
    await assert.rejects(
      verifyBundle(path.join(bundle, 'servers')),
      (error: Error & { code?: string }) => {
        assert.equal(error.code, 'INPUT');
        assert.match(error.message, /servers has no manifest\.json/);
        return true;
      },
    );
  });
});

describe('verifyBundle: the manifest signature', () => {
  let dir = '';
  let rsa: TestSigner;
  let ec: TestSigner;
  let other: TestSigner;
  before(async () => {
    dir = await makeTempDir('exzt-verify-sig-');
    rsa = makeSigner('rsa', dir, '/CN=Exchange Collector RSA/O=Contoso');
    ec = makeSigner('ec', dir, '/CN=Exchange Collector EC/O=Contoso');
    other = makeSigner('ec', dir, '/CN=Someone Else');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** A small bundle collected a minute from now, so the fresh certificates were valid then. */
  async function signedBundle(
    name: string,
    signer: TestSigner,
    collectedAt?: string,
  ): Promise<string> {
    const folder = path.join(dir, name);
    await writeBundle(
      folder,
      [{ path: 'organization/exchange.accepted-domains.xml', bytes: Buffer.from(EMPTY_CLIXML) }],
      { collectedAt: collectedAt ?? new Date(Date.now() + 60_000).toISOString() },
    );
    const manifest = readFileSync(path.join(folder, 'manifest.json'));
    writeFileSync(path.join(folder, 'manifest.sig'), signLikeDotNet(signer, manifest));
    writeFileSync(path.join(folder, 'signer.cer'), signer.certificate);
    return folder;
  }

  function thumbprint(signer: TestSigner): string {
    return createHash('sha1').update(signer.certificate).digest('hex').toUpperCase();
  }

  for (const keyType of ['rsa', 'ec'] as const) {
    it(`accepts a ${keyType.toUpperCase()} signature made as .NET makes it, and says who signed`, async () => {
      const signer = keyType === 'rsa' ? rsa : ec;
      const verification = await verifyBundle(
        await signedBundle(`good-${keyType}`, signer),
        thumbprint(signer),
      );
      assert.deepEqual(verification.problems, []);
      assert.equal(verification.signature.status, 'valid');
      if (verification.signature.status !== 'valid') return;
      assert.equal(verification.signature.signer.thumbprint, thumbprint(signer));
      assert.match(verification.signature.signer.subject, /CN=Exchange Collector/);
      assert.match(
        verification.signature.signer.algorithm,
        keyType === 'rsa' ? /PKCS#1 v1\.5/ : /P1363/,
      );
      assert.deepEqual(verification.pinnedSigner, {
        thumbprint: thumbprint(signer),
        matches: true,
      });
    });
  }

  it('rejects a good signature from another signer than the one pinned', async () => {
    const verification = await verifyBundle(await signedBundle('other', other), thumbprint(rsa));
    assert.equal(verification.signature.status, 'valid');
    assert.equal(verification.verified, false);
    assert.match(
      verification.problems.join('\n'),
      new RegExp(`signer: expected ${thumbprint(rsa)}, but it was signed by ${thumbprint(other)}`),
    );
  });

  it('rejects an unsigned bundle when a signer is pinned', async () => {
    const folder = await signedBundle('unsigned', rsa);
    unlinkSync(path.join(folder, 'manifest.sig'));
    unlinkSync(path.join(folder, 'signer.cer'));
    const verification = await verifyBundle(folder, thumbprint(rsa));
    assert.equal(verification.verified, false);
    assert.match(verification.problems.join('\n'), /the bundle is not signed/);
  });

  it('rejects a signature with one bit flipped', async () => {
    const folder = await signedBundle('bad-bit', rsa);
    const signature = Buffer.from(
      readFileSync(path.join(folder, 'manifest.sig'), 'ascii'),
      'base64',
    );
    signature[10] = (signature[10] ?? 0) ^ 0x01;
    writeFileSync(path.join(folder, 'manifest.sig'), signature.toString('base64'));
    const verification = await verifyBundle(folder);
    assert.equal(verification.signature.status, 'invalid');
    assert.equal(verification.verified, false);
  });

  it('rejects a manifest changed after it was signed, though the files match it', async () => {
    const folder = await signedBundle('changed-manifest', ec);
    const manifestFile = path.join(folder, 'manifest.json');
    writeFileSync(
      manifestFile,
      readFileSync(manifestFile, 'utf8').replace('"tool": "test"', '"tool": "tset"'),
    );
    const verification = await verifyBundle(folder);
    assert.deepEqual(verification.modified, []);
    assert.equal(verification.signature.status, 'invalid');
    assert.match(verification.problems.join('\n'), /does not match manifest\.json/);
  });

  it('rejects a DER-encoded ECDSA signature: .NET writes P1363 r||s, and so must the signer', async () => {
    const folder = await signedBundle('der-ecdsa', ec);
    const manifest = readFileSync(path.join(folder, 'manifest.json'));
    writeFileSync(path.join(folder, 'manifest.sig'), signDerEcdsa(ec, manifest));
    assert.equal((await verifyBundle(folder)).signature.status, 'invalid');
  });

  it('rejects a certificate that was not valid at collection time', async () => {
    const folder = await signedBundle('expired', rsa, '2020-01-01T00:00:00Z');
    const verification = await verifyBundle(folder);
    assert.equal(verification.signature.status, 'invalid');
    assert.match(verification.problems.join('\n'), /not valid at collection time 2020-01-01/);
  });

  it('rejects a signature without its certificate', async () => {
    const folder = await signedBundle('no-cert', rsa);
    unlinkSync(path.join(folder, 'signer.cer'));
    const verification = await verifyBundle(folder);
    assert.match(verification.problems.join('\n'), /signer\.cer is missing/);
  });

  it('leaves manifest.sig and signer.cer out of the import: no warning, nothing unrecognised', async () => {
    const folder = await signedBundle('loaded', rsa);
    const set = await loadEvidence([folder], { use: new Map(), allowModified: false });
    assert.deepEqual(
      set.files.filter((file) => /manifest\.sig|signer\.cer/.test(file.member)),
      [],
    );
    assert.deepEqual(
      set.warnings.filter((warning) => /manifest\.sig|signer\.cer/.test(warning)),
      [],
    );
    assert.equal(set.sources[0]?.integrity.verdict, 'verified');
  });
});
