/**
 * `exzt evidence verify` as an auditor and a CI pipeline run it: exit 0 when the bundle is as
 * collected, 1 naming what failed, 2 for a bad thumbprint or a path that is no bundle.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir, writeBundle } from '../../helpers/bundle-builder.js';
import { makeSigner, signLikeDotNet } from '../../helpers/dotnet-signer.js';
import { EXAMPLES_DIR, REPO_ROOT } from '../../helpers/paths.js';

function exzt(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'exzt.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('exzt evidence verify', () => {
  let dir = '';
  let bundle = '';
  before(async () => {
    dir = await makeTempDir('exzt-verify-cli-');
    bundle = path.join(dir, 'bundle');
    cpSync(path.join(EXAMPLES_DIR, 'contoso', 'bundle'), bundle, { recursive: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 and says VERIFIED for the sample bundle, with the manifest SHA-256', () => {
    const run = exzt('evidence', 'verify', bundle);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /VERIFIED/);
    assert.match(run.stdout, /manifest\.json SHA-256 [0-9a-f]{64}/);
    assert.match(run.stdout, /Signature: none/);
  });

  it('exits 1 and names the modified file; json says the same', () => {
    const file = path.join(bundle, 'servers', 'EX03', 'os.services.xml');
    const original = readFileSync(file);
    writeFileSync(file, Buffer.concat([original, Buffer.from('\n')]));
    try {
      const text = exzt('evidence', 'verify', bundle);
      assert.equal(text.status, 1);
      assert.match(text.stdout, /servers\/EX03\/os\.services\.xml: modified/);
      const json = exzt('evidence', 'verify', bundle, '--format', 'json');
      assert.equal(json.status, 1);
      const parsed = JSON.parse(json.stdout) as { verified: boolean; modified: { path: string }[] };
      assert.equal(parsed.verified, false);
      assert.deepEqual(
        parsed.modified.map((m) => m.path),
        ['servers/EX03/os.services.xml'],
      );
    } finally {
      writeFileSync(file, original);
    }
  });

  it('exits 1 when a signer is pinned and the bundle is unsigned', () => {
    const run = exzt(
      'evidence',
      'verify',
      bundle,
      '--signer',
      'ab cd ef 01 23 45 67 89 ab cd ef 01 23 45 67 89 ab cd ef 01',
    );
    assert.equal(run.status, 1);
    assert.match(
      run.stdout,
      /expected ABCDEF0123456789ABCDEF0123456789ABCDEF01, but the bundle is not signed/,
    );
  });

  it('exits 2 for a thumbprint that is not 40 hex digits, and for a path that is no bundle', () => {
    const bad = exzt('evidence', 'verify', bundle, '--signer', 'xyz');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--signer xyz: expected a certificate thumbprint/);
    const missing = exzt('evidence', 'verify', path.join(dir, 'nowhere'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nowhere: no such file or folder/);
  });
});

describe('exzt evidence verify --signer on a signed bundle', () => {
  let dir = '';
  let bundle = '';
  let thumbprint = '';
  before(async () => {
    dir = await makeTempDir('exzt-verify-signed-');
    bundle = path.join(dir, 'bundle');
    const empty =
      '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04" />';
    await writeBundle(
      bundle,
      [{ path: 'organization/exchange.accepted-domains.xml', bytes: Buffer.from(empty) }],
      { collectedAt: new Date(Date.now() + 60_000).toISOString() },
    );
    const signer = makeSigner('ec', dir, '/CN=Contoso Collector');
    const manifest = readFileSync(path.join(bundle, 'manifest.json'));
    writeFileSync(path.join(bundle, 'manifest.sig'), signLikeDotNet(signer, manifest));
    writeFileSync(path.join(bundle, 'signer.cer'), signer.certificate);
    thumbprint = createHash('sha1').update(signer.certificate).digest('hex');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 for the expected signer (thumbprint in any case), naming who signed', () => {
    const run = exzt('evidence', 'verify', bundle, '--signer', thumbprint.toLowerCase());
    assert.equal(run.status, 0, run.stdout);
    assert.match(run.stdout, /Signature: valid \(ECDSA SHA-256/);
    assert.match(run.stdout, /signer CN=Contoso Collector/);
    assert.match(run.stdout, new RegExp(`thumbprint ${thumbprint.toUpperCase()}`));
  });

  it('exits 1 for another expected signer', () => {
    const run = exzt('evidence', 'verify', bundle, '--signer', '0'.repeat(40));
    assert.equal(run.status, 1);
    assert.match(run.stdout, /DOES NOT MATCH/);
  });
});
