/**
 * The end-to-end benchmark: `exzt assess bench/data/assess --format json` three times under
 * /usr/bin/time, reporting the median wall time, the peak RSS and the result count (the same in
 * every run, or the benchmark fails). Writes the table to bench/results/assess.md.
 * Usage: npm run bench:assess   (generates bench/data/assess/ first when it is missing)
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ASSESS_BUNDLE_DIR, CAS_MAILBOXES, MOBILE_DEVICES, REPO_ROOT } from './generate.js';
import { MAILBOX_SERVER_COUNT } from './mailbox-exports.js';

const ROUNDS = 3;
const TIME_BINARY = '/usr/bin/time';
const RESULTS_PATH = path.join(REPO_ROOT, 'bench', 'results', 'assess.md');
const TARGET = { seconds: 20, rssMb: 1024 };

interface Run {
  seconds: number;
  peakRssMb: number;
  results: number;
  /** Results per outcome (pass, fail, not-assessed, …), to show how much control work ran. */
  outcomes: Record<string, number>;
}

/** One run; stdout goes to a scratch file instead of /dev/null so the results can be counted. */
function runOnce(): Run {
  const scratch = path.join(os.tmpdir(), `exzt-bench-assess-${process.pid}`);
  const timing = `${scratch}.time`;
  const output = `${scratch}.json`;
  const command = `node bin/exzt.js assess ${path.relative(REPO_ROOT, ASSESS_BUNDLE_DIR)} --format json > ${output}`;
  const started = process.hrtime.bigint();
  const result = spawnSync(TIME_BINARY, ['-f', '%M', '-o', timing, 'sh', '-c', command], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    throw new Error(`${command} failed (${result.status}): ${result.stderr.slice(-2000)}`);
  }

  const peakRssMb = Number(readFileSync(timing, 'utf8').trim().split('\n').pop()) / 1024;
  const assessment = JSON.parse(readFileSync(output, 'utf8')) as {
    results: { outcome: string }[];
  };
  rmSync(timing, { force: true });
  rmSync(output, { force: true });
  const outcomes: Record<string, number> = {};
  for (const { outcome } of assessment.results) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  return { seconds, peakRssMb, results: assessment.results.length, outcomes };
}

/** "7,228 results: 7,100 assessed (pass 5,000, fail 2,000, …), 128 not assessed". */
function describeOutcomes(run: Run): string {
  const notAssessed = run.outcomes['not-assessed'] ?? 0;
  const assessed = Object.entries(run.outcomes)
    .filter(([outcome]) => outcome !== 'not-assessed')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const parts = assessed.map(([outcome, count]) => `${outcome} ${count}`).join(', ');
  return `${run.results} results: ${run.results - notAssessed} assessed (${parts}), ${notAssessed} not assessed`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function ensureBundle(): void {
  if (existsSync(path.join(ASSESS_BUNDLE_DIR, 'manifest.json'))) return;
  console.error(`generating ${ASSESS_BUNDLE_DIR} (about 3 GB, a few minutes)`);
  const generated = spawnSync(process.execPath, ['dist/bench/assess/generate.js'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (generated.status !== 0) throw new Error('bench/assess/generate.js failed');
}

/**
 * Reads every file of the bundle once, so round 1 finds the page cache as warm as the others
 * (a bundle written long ago, or moved, may be partly out of the cache).
 */
function warmPageCache(folder: string): void {
  const buffer = Buffer.allocUnsafe(1 << 20);
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const fd = openSync(path.join(entry.parentPath, entry.name), 'r');
    try {
      while (readSync(fd, buffer, 0, buffer.length, null) > 0);
    } finally {
      closeSync(fd);
    }
  }
}

function bundleMegabytes(): number {
  const du = spawnSync('du', ['-sb', ASSESS_BUNDLE_DIR], { encoding: 'utf8' });
  return Number(du.stdout.split('\t')[0]) / 1e6;
}

function report(runs: Run[]): string {
  const seconds = median(runs.map((run) => run.seconds));
  const rssMb = Math.max(...runs.map((run) => run.peakRssMb));
  const counts = [...new Set(runs.map((run) => run.results))];
  const verdict = (ok: boolean) => (ok ? 'met' : 'missed');
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return [
    '# `exzt assess` benchmark',
    '',
    `Run ${new Date().toISOString()} by \`npm run bench:assess\` on Node ${process.version}, ${cpu} (${os.cpus().length} cores).`,
    `Bundle: ${MAILBOX_SERVER_COUNT} servers, ${CAS_MAILBOXES} CAS mailboxes, ${MOBILE_DEVICES} mobile devices, ` +
      `UTF-16 LE CliXml, ${bundleMegabytes().toFixed(0)} MB. ${ROUNDS} runs, warm page cache; wall time is the ` +
      'median and includes start-up and import; peak RSS is the largest (`/usr/bin/time -f %M`).',
    '',
    '| runs (s) | median (s) | peak RSS per run (MB) | peak RSS (MB) | results |',
    '| --- | ---: | --- | ---: | ---: |',
    `| ${runs.map((run) => run.seconds.toFixed(1)).join(', ')} | ${seconds.toFixed(1)} | ${runs.map((run) => run.peakRssMb.toFixed(0)).join(', ')} | ${rssMb.toFixed(0)} | ${counts.join(' ≠ ')} |`,
    '',
    `Outcomes (first run): ${runs[0] === undefined ? 'none' : describeOutcomes(runs[0])}.`,
    '',
    `Targets: under ${TARGET.seconds} s (${verdict(seconds < TARGET.seconds)}) and ${TARGET.rssMb} MB (${verdict(rssMb < TARGET.rssMb)}).`,
    '',
  ].join('\n');
}

function main(): void {
  if (!existsSync(TIME_BINARY)) {
    throw new Error(`${TIME_BINARY} is missing: install it with "apt-get install -y time"`);
  }
  ensureBundle();
  warmPageCache(ASSESS_BUNDLE_DIR);
  const runs: Run[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const run = runOnce();
    console.error(
      `round ${round}: ${run.seconds.toFixed(1)} s, ${run.peakRssMb.toFixed(0)} MB, ${describeOutcomes(run)}`,
    );
    runs.push(run);
  }

  const text = report(runs);
  mkdirSync(path.dirname(RESULTS_PATH), { recursive: true });
  writeFileSync(RESULTS_PATH, text);
  console.log(text);
  if (new Set(runs.map((run) => run.results)).size !== 1) {
    throw new Error('the result count differs between runs');
  }
}

main();
