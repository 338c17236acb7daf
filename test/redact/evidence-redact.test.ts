/**
 * `exzt evidence redact` and `--redact` end to end: a redacted bundle with the translated policy
 * assesses to the same outcomes as the original (the Contoso sample, the HealthChecker corpus),
 * and no original name, e-mail, IP address or domain survives in any output file.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isIPv4 } from 'node:net';
import path from 'node:path';
import { CONTROLS } from '../../src/controls/catalogue.js';
import type { Assessment } from '../../src/engine/assess/assessment.js';
import { loadEvidence } from '../../src/evidence/load.js';
import { decodeText } from '../../src/evidence/raw-content.js';
import { EvidenceFiles } from '../../src/redact/evidence-files.js';
import { keyFromBytes, parseKey } from '../../src/redact/key.js';
import { Pseudonyms } from '../../src/redact/pseudonyms.js';
import { redactEvidenceSet } from '../../src/redact/redact-bundle.js';
import { CORPUS_DIR, EXAMPLES_DIR, REPO_ROOT } from '../helpers/paths.js';

const CONTOSO = path.join(EXAMPLES_DIR, 'contoso');
/** Whole reserved blocks (10.0.0.0/8) are kept by design (docs/redaction.md): they name nobody. */
const KEPT_BLOCKS = new Set([
  '0.0.0.0',
  '255.255.255.255',
  '10.0.0.0',
  '172.16.0.0',
  '192.168.0.0',
]);
const AS_OF = ['--as-of', '2026-11-30T09:00:00Z'];

function exzt(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'exzt.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function assessJson(...args: string[]): Assessment {
  const result = exzt('assess', ...args, ...AS_OF, '--format', 'json');
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as Assessment;
}

/** Control, subject (by its pseudonym), outcome, verdict and finding count, sorted. */
function outcomes(assessment: Assessment, subjectName: (name: string) => string): string[] {
  return assessment.results
    .map((r) =>
      [
        r.control,
        r.subject.type === 'server' ? subjectName(r.subject.name).toLowerCase() : r.subject.type,
        r.outcome,
        r.verdict,
        r.findingCount,
      ].join('|'),
    )
    .sort();
}

function filesBelow(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every original value: the names redaction collected, and every e-mail and IP in the input. */
async function originalValues(evidence: string[], keyHex: string): Promise<string[]> {
  const set = await loadEvidence(evidence, { use: new Map(), allowModified: false });
  const key = parseKey(keyHex, 'key');
  const bundle = await redactEvidenceSet(set, new EvidenceFiles('.'), key, []);
  const { hosts, domains, users, thumbprints } = bundle.vocabulary;
  const values = new Set([...hosts, ...domains, ...users, ...thumbprints]);
  for (const file of set.files) {
    const text = withoutVersions(decodeText(await new EvidenceFiles('.').read(file)));
    for (const email of text.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? []) values.add(email);
    // Addresses, not versions (10.0.17763.0) nor "every address" (0.0.0.0), which stays.
    for (const found of text.matchAll(/(?<![\d.])\d+\.\d+\.\d+\.\d+(?![\d.])/g)) {
      const ip = found[0];
      if (isIPv4(ip) && !KEPT_BLOCKS.has(ip)) values.add(ip);
    }
  }
  return [...values].filter((value) => value.length >= 4).map((v) => v.toLowerCase());
}

/**
 * Versions look like IPv4 addresses and are no names: .NET assembly versions in type names,
 * CliXml Version values, members named for a version or build, Exchange object versions'
 * "0.20 (15.1.0.0)".
 */
function withoutVersions(text: string): string {
  return text
    .replace(/Version="?[\d.]+/gi, '')
    .replace(/<Version[^>]*>[\d.]+<\/Version>/gi, '')
    .replace(/<S N="[^"]*(Version|Build)[^"]*">[^<]*<\/S>/gi, '')
    .replace(/\d+\.\d+ \(\d+\.\d+\.\d+\.\d+\)/g, '');
}

function assertNoLeak(folderOrFiles: string[], values: string[]): void {
  for (const file of folderOrFiles) {
    const text = withoutVersions(decodeText(readFileSync(file))).toLowerCase();
    const leaked = values.filter((value) => containsWord(text, value));
    assert.deepEqual(leaked, [], `${file} still holds ${leaked.slice(0, 5).join(', ')}`);
  }
}

/** As a name of its own, not inside a pseudonym or a longer word. */
function containsWord(text: string, value: string): boolean {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w.-])${escaped}(?![\\w-]|\\.\\d)`).test(text);
}

describe('exzt evidence redact', () => {
  let work: string;
  let keyFile: string;
  let keyHex: string;
  before(() => {
    work = mkdtempSync(path.join(tmpdir(), 'exzt-redact-'));
    // A fixed key keeps the run deterministic: under a random one, a private address could (rarely)
    // map onto another original address, which the leak scan cannot tell from a leak.
    keyHex = createHash('sha256').update('exzt redaction test key').digest('hex');
    keyFile = path.join(work, 'exzt.key');
    writeFileSync(keyFile, `${keyHex}\n`);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  const label = (name: string) => new Pseudonyms(parseKey(keyHex, 'key')).label(name);

  it('keeps the outcomes of the Contoso sample, with policy, waivers and attestations', () => {
    const out = path.join(work, 'contoso');
    const inputs = ['policy', 'waivers', 'attestations'].flatMap((name) => [
      `--${name}`,
      path.join(CONTOSO, `${name}.yaml`),
    ]);
    const bundle = path.join(CONTOSO, 'bundle');
    const redact = exzt(
      'evidence',
      'redact',
      bundle,
      '--key-file',
      keyFile,
      '--out',
      out,
      ...inputs,
    );
    assert.equal(redact.status, 0, redact.stderr);

    const original = assessJson(bundle, ...inputs);
    const redacted = assessJson(
      out,
      ...['policy', 'waivers', 'attestations'].flatMap((n) => [
        `--${n}`,
        path.join(out, `${n}.yaml`),
      ]),
    );
    assert.ok(original.results.some((r) => r.outcome === 'fail'));
    assert.deepEqual(
      outcomes(redacted, (n) => n),
      outcomes(original, label),
    );
    assert.deepEqual(redacted.summary, original.summary);
  });

  it('leaves no original name, e-mail, IP address or domain in any file it writes', async () => {
    const out = path.join(work, 'contoso');
    const values = await originalValues([path.join(CONTOSO, 'bundle')], keyHex);
    for (const expected of ['contoso.com', 'ex01', 'anna.bakker@contoso.com', 'svc-archive'])
      assert.ok(values.includes(expected), `${expected} collected`);
    assert.ok(
      values.some((v) => /^10\.\d+\.\d+\.\d+$/.test(v)),
      'IP addresses collected',
    );
    assertNoLeak(filesBelow(out), values);
  });

  for (const server of ['E19', 'E16']) {
    it(`keeps the outcomes of the HealthChecker corpus ${server}`, async () => {
      const input = path.join(CORPUS_DIR, server);
      const out = path.join(work, server);
      const redact = exzt('evidence', 'redact', input, '--key-file', keyFile, '--out', out);
      assert.equal(redact.status, 0, redact.stderr);
      assert.deepEqual(
        outcomes(assessJson(out), (n) => n),
        outcomes(assessJson(input), label),
      );
      assertNoLeak(filesBelow(out), await originalValues([input], keyHex));
    });
  }

  it('gives the same bundle under the same key and another under another key', () => {
    const again = path.join(work, 'again');
    const other = path.join(work, 'other');
    const otherKey = path.join(work, 'other.key');
    writeFileSync(otherKey, randomBytes(32).toString('base64'));
    const bundle = path.join(CONTOSO, 'bundle');
    assert.equal(
      exzt('evidence', 'redact', bundle, '--key-file', keyFile, '--out', again).status,
      0,
    );
    assert.equal(
      exzt('evidence', 'redact', bundle, '--key-file', otherKey, '--out', other).status,
      0,
    );
    const manifest = (folder: string) => readFileSync(path.join(folder, 'manifest.json'), 'utf8');
    const first = path.join(work, 'contoso', 'servers');
    assert.deepEqual(readdirSync(path.join(again, 'servers')), readdirSync(first));
    assert.notDeepEqual(readdirSync(path.join(other, 'servers')), readdirSync(first));
    assert.match(manifest(again), /"redacted": true/);
  });

  it('refuses a missing or short key and a used --out folder, with exit 2', () => {
    const bundle = path.join(CONTOSO, 'bundle');
    const fresh = path.join(work, 'never');
    const noKey = exzt('evidence', 'redact', bundle, '--out', fresh);
    assert.equal(noKey.status, 2);
    assert.match(noKey.stderr, /--key-file FILE is required/);
    const short = path.join(work, 'short.key');
    writeFileSync(short, randomBytes(8).toString('hex'));
    const shortRun = exzt('evidence', 'redact', bundle, '--key-file', short, '--out', fresh);
    assert.equal(shortRun.status, 2);
    assert.match(shortRun.stderr, /short\.key: the key is 8 bytes/);
    const missing = exzt(
      'evidence',
      'redact',
      bundle,
      '--key-file',
      path.join(work, 'nope.key'),
      '--out',
      fresh,
    );
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.key: cannot read the key file/);
    const used = path.join(work, 'used');
    mkdirSync(used);
    writeFileSync(path.join(used, 'keep.txt'), 'mine');
    const refused = exzt('evidence', 'redact', bundle, '--key-file', keyFile, '--out', used);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /exists and is not empty/);
    assert.equal(readFileSync(path.join(used, 'keep.txt'), 'utf8'), 'mine');
    assert.equal(exzt('assess', bundle, '--redact').status, 2);
  });
});

describe('exzt assess --redact', () => {
  it('redacts every format with the same outcomes as the redacted bundle', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'exzt-redact-assess-'));
    try {
      const keyHex = randomBytes(32).toString('hex');
      const keyFile = path.join(work, 'exzt.key');
      writeFileSync(keyFile, keyHex);
      const bundle = path.join(CONTOSO, 'bundle');
      const inputs = ['policy', 'waivers', 'attestations'].flatMap((name) => [
        `--${name}`,
        path.join(CONTOSO, `${name}.yaml`),
      ]);
      const outDir = path.join(work, 'reports');
      const redacted = assessJson(
        bundle,
        ...inputs,
        '--redact',
        '--key-file',
        keyFile,
        '--out',
        outDir,
      );
      const label = (name: string) =>
        new Pseudonyms(keyFromBytes(Buffer.from(keyHex, 'hex'))).label(name);
      assert.deepEqual(
        outcomes(redacted, (n) => n),
        outcomes(assessJson(bundle, ...inputs), label),
      );
      // The control catalogue in the JSON is exzt's own text (its examples name 10.40.0.25).
      const catalogue = JSON.stringify([redacted.controls, CONTROLS]).toLowerCase();
      const values = (await originalValues([bundle], keyHex)).filter(
        (value) => !containsWord(catalogue, value),
      );
      assertNoLeak(filesBelow(outDir), values);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('exzt version-report --redact', () => {
  it('names the servers by pseudonym, with the same builds and CVEs', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'exzt-redact-version-'));
    try {
      const keyFile = path.join(work, 'exzt.key');
      writeFileSync(keyFile, randomBytes(32).toString('hex'));
      const input = path.join(CORPUS_DIR, 'E19');
      const run = (...extra: string[]) =>
        exzt('version-report', input, ...AS_OF, '--format', 'json', ...extra);
      const original = run();
      const redacted = run('--redact', '--key-file', keyFile);
      assert.equal(redacted.status, original.status, redacted.stderr);
      assert.doesNotMatch(redacted.stdout, /solo/i);
      assert.match(original.stdout, /SOLO-E19A/);
      const builds = (text: string) => (text.match(/"15\.\d+\.\d+\.\d+"/g) ?? []).sort().join(',');
      assert.equal(builds(redacted.stdout), builds(original.stdout));
      assert.equal(exzt('version-report', input, '--key-file', keyFile).status, 2);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
