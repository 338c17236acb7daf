/**
 * The log-scan benchmark: on each generated set (about 500 MB and 2 GB), runs exzt hunting, exzt
 * hunting with the policy checks, and ripgrep counting the same anchor patterns, three times
 * alternately on a warm page cache. Reports median MB/s (start-up included) and peak RSS from
 * /usr/bin/time, and checks that every planted indicator was found and nothing else flagged.
 * Usage: npm run bench:logs [-- --sizes 500,2000]   (results in bench/results/logs.md)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_POLICY } from '../../src/policy/defaults.js';
import type { LogScanResult } from '../../src/logs/model.js';
import { generateSet, REPO_ROOT, type GeneratedSet } from './generate.js';

const ROUNDS = 3;
/** One literal per hunt anchor, as ripgrep would be asked to find the candidate lines. */
const RG_PATTERNS = [
  'ServerInfo~',
  'autodiscover.json',
  'X-Rps-CAT',
  'powershell',
  '.aspx',
  'VirtualDirectory',
  // proxylogon-static-post (2026-12-04): short literals that every OWA script request holds.
  '.js',
  '.css',
  '.flt',
  'themes/resources',
];
/**
 * The literals before proxylogon-static-post was added: its four cost ripgrep about 3x on this
 * data, so this row keeps the earlier comparison in view beside the like-for-like one.
 */
const RG_PATTERNS_BEFORE_STATIC = RG_PATTERNS.slice(0, 6);

interface Measure {
  seconds: number;
  rssKb: number;
  stdout: string;
}

function timed(command: string[]): Measure {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', ...command], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rssKb = Number(run.stderr.trim().split('\n').at(-1));
  if (run.status !== 0 && run.status !== 1) throw new Error(`${command.join(' ')}: ${run.stderr}`);
  return { seconds, rssKb, stdout: run.stdout };
}

function tools(set: GeneratedSet, policyFile: string): Array<[string, string[]]> {
  const exzt = [process.execPath, 'bin/exzt.js', 'logs', 'scan', set.folder, '--format', 'json'];
  return [
    ['exzt hunting', exzt],
    ['exzt hunting + policy', [...exzt, '--policy', policyFile]],
    [
      'ripgrep -c -i -F',
      // --no-ignore: the repository's .gitignore lists *.log, which rg would otherwise skip.
      ['rg', '--no-ignore', '-c', '-i', '-F', ...RG_PATTERNS.flatMap((p) => ['-e', p]), set.folder],
    ],
    [
      'ripgrep, the six literals before the static-post hunt',
      [
        'rg',
        '--no-ignore',
        '-c',
        '-i',
        '-F',
        ...RG_PATTERNS_BEFORE_STATIC.flatMap((p) => ['-e', p]),
        set.folder,
      ],
    ],
    // Not a scan: reading every byte and counting lines on every core (floor.ts).
    [
      'floor: Node.js read + line count',
      [process.execPath, 'dist/bench/logs/floor.js', set.folder],
    ],
  ];
}

/** Every planted indicator found at its file and line, and no other line flagged. */
function verify(set: GeneratedSet, output: string): string {
  const result = JSON.parse(output) as LogScanResult;
  const found = new Set(
    result.hunts.flatMap((h) =>
      h.findings.map((f) => `${h.hunt} ${path.relative(set.folder, f.file)}:${f.line}`),
    ),
  );
  const missing = set.planted.filter((p) => !found.has(`${p.hunt} ${p.file}:${p.line}`));
  const total = result.hunts.reduce((sum, h) => sum + h.count, 0);
  if (missing.length > 0) return `MISSED ${missing.length} planted`;
  if (total !== set.planted.length) return `FLAGGED ${total - set.planted.length} look-alikes`;
  return `all ${set.planted.length} planted found, no look-alike`;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}

function benchSet(set: GeneratedSet, policyFile: string): string[] {
  const runs = tools(set, policyFile);
  timed(runs[2]?.[1] ?? []); // warm the page cache
  const measures = new Map<string, Measure[]>(runs.map(([name]) => [name, []]));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, command] of runs) measures.get(name)?.push(timed(command));
  }
  const mb = set.bytes / 1e6;
  return runs.map(([name]) => {
    const list = measures.get(name) ?? [];
    const seconds = median(list.map((m) => m.seconds));
    const rss = Math.max(...list.map((m) => m.rssKb)) / 1024;
    const check = name.startsWith('exzt')
      ? verify(set, list[0]?.stdout ?? '{}')
      : name.startsWith('floor')
        ? `${Number(list[0]?.stdout ?? 0).toLocaleString('en-US')} lines`
        : 'counts only';
    return `| ${mb.toFixed(0)} MB | ${name} | ${seconds.toFixed(2)} s | ${(mb / seconds).toFixed(0)} MB/s | ${rss.toFixed(0)} MB | ${check} |`;
  });
}

const sizesAt = process.argv.indexOf('--sizes');
const sizes = (sizesAt === -1 ? '500,2000' : (process.argv[sizesAt + 1] ?? '500'))
  .split(',')
  .map(Number);
const policyFile = path.join(REPO_ROOT, 'bench', 'data', 'logs-policy.json');
mkdirSync(path.dirname(policyFile), { recursive: true });
// The loader reads YAML, and JSON is YAML.
writeFileSync(policyFile, JSON.stringify(DEFAULT_POLICY));
const rows = [
  '| Data | Tool | Median time | Throughput | Peak RSS | Check |',
  '|---|---|---|---|---|---|',
];
for (const size of sizes) rows.push(...benchSet(generateSet(size), policyFile));
const table = rows.join('\n');
console.log(table);
mkdirSync(path.join(REPO_ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(path.join(REPO_ROOT, 'bench', 'results', 'logs.md'), `${table}\n`);
