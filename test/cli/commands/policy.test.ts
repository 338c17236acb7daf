/**
 * `exzt policy init|validate|explain` end to end: what goes to stdout and stderr, and the exit
 * codes (0 done, 2 with every mistake), through the real binary.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { parseArgs } from 'node:util';
import { COMMON_OPTIONS, type Command } from '../../../src/cli/command.js';
import { policyExplainCommand } from '../../../src/cli/commands/policy-explain.js';
import { policyValidateCommand } from '../../../src/cli/commands/policy-validate.js';
import { createLogger } from '../../../src/cli/logger.js';
import { PolicyError } from '../../../src/policy/yaml-source.js';
import { renderDefaultPolicy } from '../../../src/policy/init.js';
import { makeTempDir } from '../../helpers/bundle-builder.js';
import { REPO_ROOT } from '../../helpers/paths.js';

let folder = '';
before(async () => {
  folder = await makeTempDir('exzt-policy-cli-');
});
after(async () => {
  await rm(folder, { recursive: true, force: true });
});

function exzt(...args: string[]) {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/exzt.js'), ...args], {
    encoding: 'utf8',
    cwd: folder,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a command in this process the way main() does, capturing stdout and stderr. */
async function run(command: Command, ...args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    options: { ...COMMON_OPTIONS, ...command.options },
    allowPositionals: true,
  });
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await command.run({
    values,
    positionals,
    logger: createLogger('normal', stderr),
    stdout,
    stdoutIsTty: false,
    colour: false,
    cwd: folder,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

const PARTIAL_POLICY =
  'apiVersion: exzt/v1\nkind: ZeroTrustPolicy\norganization: Fabrikam\n' +
  'infrastructure:\n  exchange:\n    maxSuAgeDays: 14\n';
const WAIVERS =
  '- control: EXZT.INF.1\n  subjects: { servers: [EX02] }\n' +
  '  reason: "Patched in the quarterly window only"\n  approvedBy: ciso@fabrikam.com\n' +
  '  expires: 2026-12-31\n';
const ATTESTATIONS =
  '- fact: identity.admin.time-bound\n' +
  '  statement: "Admin roles are granted only through the PAM system for 8 hours"\n' +
  '  attestedBy: exchange-admins@fabrikam.com\n  date: 2026-11-02\n  expires: 2027-05-02\n';

describe('exzt policy init', () => {
  it('writes the commented default policy to stdout', () => {
    const { code, stdout } = exzt('policy', 'init');
    assert.equal(code, 0);
    assert.equal(stdout, renderDefaultPolicy());
  });

  it('writes --out once, refuses to overwrite it (exit 2), and overwrites with --force', async () => {
    const file = path.join(folder, 'init-policy.yaml');
    assert.equal(exzt('policy', 'init', '--out', file).code, 0);
    assert.equal(await readFile(file, 'utf8'), renderDefaultPolicy());
    await writeFile(file, 'tailored\n');

    const refused = exzt('policy', 'init', '--out', file);
    assert.equal(refused.code, 2);
    assert.equal(
      refused.stderr,
      `error: ${file} exists; exzt policy init does not overwrite it (give --force to replace it)\n`,
    );
    assert.equal(await readFile(file, 'utf8'), 'tailored\n');

    assert.equal(exzt('policy', 'init', '--out', file, '--force').code, 0);
    assert.equal(await readFile(file, 'utf8'), renderDefaultPolicy());
  });
});

/** bad-policy.yaml (a TLS version below 1.2) and bad-waivers.yaml (an approver with no address). */
async function writeBadFiles(): Promise<void> {
  await writeFile(
    path.join(folder, 'bad-policy.yaml'),
    `${PARTIAL_POLICY}data:\n  minimumTls: "1.1"\n`,
  );
  await writeFile(
    path.join(folder, 'bad-waivers.yaml'),
    WAIVERS.replace('ciso@fabrikam.com', 'ciso'),
  );
}

describe('exzt policy validate', () => {
  it('accepts a partial policy with its waivers and attestations and says what took defaults', async () => {
    await writeFile(path.join(folder, 'policy.yaml'), PARTIAL_POLICY);
    await writeFile(path.join(folder, 'waivers.yaml'), WAIVERS);
    await writeFile(path.join(folder, 'attestations.yaml'), ATTESTATIONS);

    const { code, stdout, stderr } = await run(
      policyValidateCommand,
      path.join(folder, 'policy.yaml'),
      ...['--waivers', path.join(folder, 'waivers.yaml')],
      ...['--attestations', path.join(folder, 'attestations.yaml'), '--as-of', '2027-01-05'],
    );
    assert.equal(code, 0);
    assert.match(stdout, /policy\.yaml: valid policy for Fabrikam \(sha256 [0-9a-f]{64}\)$/m);
    assert.match(stdout, /these keys take their defaults.*\n {2}networks, admin, identity, /);
    assert.match(stdout, /infrastructure\.exchange\.requireLatestSu/);
    assert.doesNotMatch(stdout, /maxSuAgeDays/);
    assert.match(stdout, /waivers\.yaml: valid, 1 waiver for EXZT\.INF\.1$/m);
    assert.match(stdout, /attestations\.yaml: valid, 1 attestation$/m);
    assert.match(
      stderr,
      /^warning: .*waivers\.yaml:1: waiver for EXZT\.INF\.1 expired on 2026-12-31$/m,
    );
  });

  it('reports every mistake of every file at once and exits 2', async () => {
    await writeBadFiles();

    const { code, stdout, stderr } = exzt(
      'policy',
      'validate',
      'bad-policy.yaml',
      '--waivers',
      'bad-waivers.yaml',
    );
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(
      stderr,
      [
        'error: the policy files have mistakes: 2 errors',
        'bad-policy.yaml:8:15: data.minimumTls = "1.1": expected one of 1.2, 1.3',
        'bad-waivers.yaml:4:15: waivers[0].approvedBy = "ciso": expected an e-mail address, e.g. ciso@contoso.com',
        '',
      ].join('\n'),
    );
  });
});

describe('exzt policy validate --format json', () => {
  it('lists the files read, their keys taken as defaults and the warnings, exit 0', async () => {
    await writeFile(path.join(folder, 'policy.yaml'), PARTIAL_POLICY);
    await writeFile(path.join(folder, 'waivers.yaml'), WAIVERS);
    const { code, stdout, stderr } = await run(
      policyValidateCommand,
      path.join(folder, 'policy.yaml'),
      ...['--waivers', path.join(folder, 'waivers.yaml'), '--as-of', '2027-01-05'],
      ...['--format', 'json'],
    );
    assert.equal(code, 0);
    const report = JSON.parse(stdout) as {
      valid: boolean;
      files: Array<Record<string, unknown>>;
      issues: unknown[];
      warnings: Array<Record<string, unknown>>;
    };
    assert.equal(report.valid, true);
    assert.deepEqual(
      report.files.map(({ role, valid, organization, entries, controls }) => ({
        role,
        valid,
        organization,
        entries,
        controls,
      })),
      [
        {
          role: 'policy',
          valid: true,
          organization: 'Fabrikam',
          entries: undefined,
          controls: undefined,
        },
        {
          role: 'waivers',
          valid: true,
          organization: undefined,
          entries: 1,
          controls: ['EXZT.INF.1'],
        },
      ],
    );
    assert.match(String(report.files[0]?.sha256), /^[0-9a-f]{64}$/);
    assert.ok((report.files[0]?.defaulted as string[]).includes('networks'));
    assert.deepEqual(report.issues, []);
    assert.deepEqual(report.warnings, [
      {
        file: path.join(folder, 'waivers.yaml'),
        line: 1,
        message: 'waiver for EXZT.INF.1 expired on 2026-12-31',
      },
    ]);
    assert.match(stderr, /waivers\.yaml:1: waiver for EXZT\.INF\.1 expired on 2026-12-31/);
  });

  it('warns about networks two zones share, with the line, in text and in JSON', async () => {
    const file = path.join(folder, 'overlap.yaml');
    await writeFile(
      file,
      'apiVersion: exzt/v1\nkind: ZeroTrustPolicy\norganization: Fabrikam\n' +
        'network:\n  zones:\n    servers: [servers, backup]\n',
    );
    const text = await run(policyValidateCommand, file);
    assert.equal(text.code, 0);
    assert.match(
      text.stderr,
      /overlap\.yaml:6:24: network\.zones\.servers\[1\]: network backup is in both zones servers and backup/,
    );
    const json = await run(policyValidateCommand, file, '--format', 'json');
    const report = JSON.parse(json.stdout) as { warnings: Array<Record<string, unknown>> };
    assert.deepEqual(
      report.warnings.map(({ line, column, path: key }) => ({ line, column, key })),
      [{ line: 6, column: 24, key: 'network.zones.servers[1]' }],
    );
  });

  it('gives every mistake of every file as data on stdout and exits 2', async () => {
    await writeBadFiles();
    const { code, stdout, stderr } = exzt(
      'policy',
      'validate',
      'bad-policy.yaml',
      ...['--waivers', 'bad-waivers.yaml', '--format', 'json'],
    );
    assert.equal(code, 2);
    assert.equal(stderr, '');
    const report = JSON.parse(stdout) as { valid: boolean; files: unknown[]; issues: unknown[] };
    assert.equal(report.valid, false);
    assert.deepEqual(report.files, [
      { role: 'policy', file: 'bad-policy.yaml', valid: false },
      { role: 'waivers', file: 'bad-waivers.yaml', valid: false },
    ]);
    assert.deepEqual(report.issues, [
      {
        file: 'bad-policy.yaml',
        line: 8,
        column: 15,
        path: 'data.minimumTls',
        given: '"1.1"',
        allowed: 'expected one of 1.2, 1.3',
      },
      {
        file: 'bad-waivers.yaml',
        line: 4,
        column: 15,
        path: 'waivers[0].approvedBy',
        given: '"ciso"',
        allowed: 'expected an e-mail address, e.g. ciso@contoso.com',
      },
    ]);
    assert.equal(exzt('policy', 'validate', 'bad-policy.yaml', '--format', 'yaml').code, 2);
  });
});

describe('exzt policy explain', () => {
  it('throws a PolicyError (exit 2) when the --policy file has mistakes', async () => {
    const policy = path.join(folder, 'typo-policy.yaml');
    await writeFile(policy, `${PARTIAL_POLICY}identiy: {}\n`);
    await assert.rejects(run(policyExplainCommand, 'EXZT.INF.1', '--policy', policy), PolicyError);
  });

  it('explains a control with the policy keys it reads and their values in the given policy', async () => {
    await writeFile(path.join(folder, 'policy.yaml'), PARTIAL_POLICY);

    const withDefaults = await run(policyExplainCommand, 'EXZT.INF.1');
    assert.equal(withDefaults.code, 0);
    assert.match(
      withDefaults.stdout,
      /^# EXZT\.INF\.1: The latest Security Update is installed and active$/m,
    );
    assert.match(withDefaults.stdout, /^## Remediation$/m);
    assert.match(
      withDefaults.stdout,
      /^- `infrastructure\.exchange\.maxSuAgeDays` = 30 \(default\)$/m,
    );

    const policy = path.join(folder, 'policy.yaml');
    const tailored = await run(policyExplainCommand, 'exzt.inf.1', '--policy', policy);
    assert.match(tailored.stdout, /^- `infrastructure\.exchange\.maxSuAgeDays` = 14$/m);
  });

  it('gives the control as JSON without its rule', async () => {
    const { code, stdout } = await run(policyExplainCommand, 'EXZT.INF.1', '--format', 'json');
    assert.equal(code, 0);
    const control = JSON.parse(stdout);
    assert.equal(control.id, 'EXZT.INF.1');
    assert.equal(control.waivable, true);
    assert.deepEqual(control.policyKeys, [
      { key: 'infrastructure.exchange.maxSuAgeDays', value: 30, default: true },
    ]);
    assert.equal(control.evaluate, undefined);
  });

  it('exits 2 on an unknown id, naming the nearest one', () => {
    const { code, stdout, stderr } = exzt('policy', 'explain', 'EXZT.INF.1000');
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^error: no control EXZT\.INF\.1000; did you mean EXZT\.INF\.\d+\?\n$/);
  });
});
