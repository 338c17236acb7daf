/**
 * The sample organisation's bundle (examples/contoso/bundle) is what the collector writes: the
 * same layout, names, subjects and commands, a manifest the collector's own version wrote, and
 * every file matching its SHA-256.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { kindOfBundleFile } from '../../src/evidence/kinds.js';
import { parseManifest } from '../../src/evidence/manifest.js';
import { verifyBundle } from '../../src/evidence/verify.js';
import { collectorExport } from '../../scripts/collector/export-plan.js';
import { EXAMPLES_DIR, REPO_ROOT } from '../helpers/paths.js';

const BUNDLE = path.join(EXAMPLES_DIR, 'contoso', 'bundle');
const COLLECTOR = path.join(REPO_ROOT, 'collector', 'Collect-ExztEvidence.ps1');

function bundleMembers(): string[] {
  return readdirSync(BUNDLE, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(BUNDLE, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort();
}

/** Why a member is not where the collector would write it; undefined when it is. */
function layoutProblem(member: string): string | undefined {
  if (member === 'manifest.json') return undefined;
  const server = /^servers\/([^/]+)\/([^/]+)$/.exec(member);
  const organization = /^organization\/([^/]+)$/.exec(member);
  const kind = kindOfBundleFile(server?.[2] ?? organization?.[1] ?? '');
  if (kind === undefined) return 'no kind of the registry has this file name';
  if (collectorExport(kind).runs === 'not-collected') return `${kind.id} is not collected`;
  const scope = server === null ? 'organization' : 'server';
  return kind.scope === scope
    ? undefined
    : `${kind.id} is ${kind.scope}-wide, found under ${scope}`;
}

describe('examples/contoso/bundle has the collector layout', () => {
  const manifest = parseManifest(readFileSync(path.join(BUNDLE, 'manifest.json')), 'manifest.json');

  it('holds only manifest.json and files at the collector paths', () => {
    const problems = bundleMembers().flatMap((member) => {
      const problem = layoutProblem(member);
      return problem === undefined ? [] : [`${member}: ${problem}`];
    });
    assert.deepEqual(problems, []);
    assert.match(layoutProblem('organization/os.hotfixes.xml') ?? '', /server-wide/);
    assert.match(layoutProblem('servers/EX01/notes.xml') ?? '', /no kind/);
  });

  it('has a manifest as the collector writes it: its tool and version, each file with its kind, subject and command', () => {
    const version = /\$CollectorVersion = '([^']+)'/.exec(readFileSync(COLLECTOR, 'utf8'))?.[1];
    assert.equal(manifest.tool, 'Collect-ExztEvidence.ps1');
    assert.equal(manifest.toolVersion, version);
    assert.ok(manifest.collectedAt !== undefined && manifest.organization !== undefined);
    for (const file of manifest.files) {
      const kind = kindOfBundleFile(file.path.split('/').pop() ?? '');
      assert.equal(file.kind, kind?.id, file.path);
      assert.equal(file.command, kind?.command, file.path);
      const subject: string | undefined = file.path.startsWith('servers/')
        ? file.path.split('/')[1]
        : manifest.organization;
      assert.equal(file.subject, subject, file.path);
      assert.ok(file.collectedAt !== undefined, file.path);
    }
    assert.deepEqual(
      manifest.files.map((file) => file.path).sort(),
      bundleMembers().filter((m) => m !== 'manifest.json'),
    );
  });

  it('records failures as the collector does: subject, kind, command and error', () => {
    assert.ok(manifest.failures.length > 0);
    for (const failure of manifest.failures) {
      assert.ok(failure.subject && failure.command && failure.error, JSON.stringify(failure));
    }
  });

  it('verifies: every file matches its SHA-256, none missing or extra', async () => {
    const verification = await verifyBundle(BUNDLE);
    assert.deepEqual(verification.problems, []);
  });
});
