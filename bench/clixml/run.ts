/**
 * The CliXml reader benchmark: for each generated export, runs every tool three times,
 * alternating, on a warm page cache, and reports the median throughput (start-up included) and
 * the peak RSS from /usr/bin/time. Prints a Markdown table and writes bench/results/clixml.md.
 * Usage: npm run bench:clixml [-- --only small|large]   (generates bench/data/ first when missing)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBenchData, REPO_ROOT, type GeneratedFile } from './generate.js';

const ROUNDS = 3;
const TIME_BINARY = '/usr/bin/time';
const RESULTS_PATH = path.join(REPO_ROOT, 'bench', 'results', 'clixml.md');

interface Tool {
  name: string;
  /** The command for one file; undefined when the tool does not run on it. */
  command(file: GeneratedFile): string[] | undefined;
  /** Whether the tool prints the object count (xmllint --stream cannot count). */
  counts: boolean;
}

const TOOLS: Tool[] = [
  {
    name: 'exzt streamCliXml',
    command: (file) => [process.execPath, 'dist/bench/clixml/read.js', file.file],
    counts: true,
  },
  {
    name: 'xmllint --stream',
    command: (file) => ['xmllint', '--stream', '--noout', file.file],
    counts: false,
  },
  {
    // Not a reader: the least any JavaScript reader does per element (floor.ts), UTF-8 only.
    name: 'floor: minimal JS scan',
    command: (file) =>
      file.encoding === 'utf-8'
        ? [process.execPath, 'dist/bench/clixml/floor.js', file.file]
        : undefined,
    counts: true,
  },
  {
    name: 'fast-xml-parser',
    // Holds the whole document in memory, so only the ~100 MB files.
    command: (file) =>
      file.set === 'small'
        ? [
            process.execPath,
            '--max-old-space-size=8192',
            'dist/bench/clixml/read-fxp.js',
            file.file,
          ]
        : undefined,
    counts: true,
  },
];

interface Run {
  seconds: number;
  /** User plus system CPU time: steadier than wall time when other work shares the machine. */
  cpuSeconds: number;
  peakRssKb: number;
  count: number | undefined;
}

function runOnce(command: string[]): Run {
  const timing = path.join(os.tmpdir(), `exzt-bench-time-${process.pid}.txt`);
  const started = process.hrtime.bigint();
  const result = spawnSync(TIME_BINARY, ['-f', '%M %U %S', '-o', timing, ...command], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) {
    throw new Error(
      `${command.join(' ')} failed (${result.status}): ${result.stderr.slice(0, 500)}`,
    );
  }

  const [peakRssKb, user, system] = readFileSync(timing, 'utf8')
    .trim()
    .split('\n')
    .pop()!
    .split(' ')
    .map(Number);
  rmSync(timing, { force: true });
  const printed = result.stdout.trim();
  return {
    seconds,
    cpuSeconds: user! + system!,
    peakRssKb: peakRssKb!,
    count: printed === '' ? undefined : Number(printed),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface Row {
  file: GeneratedFile;
  tool: Tool;
  runs: Run[];
}

function benchmarkFile(file: GeneratedFile, tools: Tool[]): Row[] {
  execFileSync('cat', [file.file], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] }); // warm the cache
  const rows = tools
    .filter((tool) => tool.command(file) !== undefined)
    .map((tool) => ({ file, tool, runs: [] as Run[] }));
  for (let round = 1; round <= ROUNDS; round++) {
    for (const row of rows) {
      const run = runOnce(row.tool.command(file)!);
      console.error(
        `  ${path.basename(file.file)} ${row.tool.name} round ${round}: ${run.seconds.toFixed(2)} s, CPU ${run.cpuSeconds.toFixed(2)} s, ${(run.peakRssKb / 1024).toFixed(0)} MB`,
      );
      row.runs.push(run);
    }
  }
  return rows;
}

function countCheck(row: Row): string {
  if (!row.tool.counts) return 'n/a (no count)';
  const counts = new Set(row.runs.map((run) => run.count));
  const [count] = [...counts];
  return counts.size === 1 && count === row.file.objects
    ? `✓ ${count}`
    : `✗ ${[...counts].join('/')} ≠ ${row.file.objects}`;
}

function tableOf(rows: Row[]): string {
  const header = [
    '| file | encoding | size (MB) | objects | tool | median (s) | MB/s | median CPU (s) | peak RSS (MB) | count |',
    '| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |',
  ];
  const lines = rows.map((row) => {
    const seconds = median(row.runs.map((run) => run.seconds));
    const cpuSeconds = median(row.runs.map((run) => run.cpuSeconds));
    const rssMb = Math.max(...row.runs.map((run) => run.peakRssKb)) / 1024;
    const megabytes = row.file.bytes / 1e6;
    return `| ${path.basename(row.file.file)} | ${row.file.encoding} | ${megabytes.toFixed(0)} | ${row.file.objects} | ${row.tool.name} | ${seconds.toFixed(2)} | ${(megabytes / seconds).toFixed(1)} | ${cpuSeconds.toFixed(2)} | ${rssMb.toFixed(0)} | ${countCheck(row)} |`;
  });
  return [...header, ...lines].join('\n');
}

function environment(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const xmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).stderr.split('\n')[0];
  return `Node ${process.version}, ${xmllint}, ${cpu} (${os.cpus().length} cores), ${os.platform()} ${os.release()}`;
}

function availableTools(): Tool[] {
  if (!existsSync(TIME_BINARY)) {
    throw new Error(`${TIME_BINARY} is missing: install it with "apt-get install -y time"`);
  }
  const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
  if (!hasXmllint)
    console.error(
      'xmllint is missing, skipped: install it with "apt-get install -y libxml2-utils"',
    );
  return TOOLS.filter((tool) => hasXmllint || !tool.name.startsWith('xmllint'));
}

/** `--only small|large` measures one set (the other set's files are neither written nor read). */
function selectedSet(): string | undefined {
  const at = process.argv.indexOf('--only');
  return at === -1 ? undefined : process.argv[at + 1];
}

async function main(): Promise<void> {
  const tools = availableTools();
  const only = selectedSet();
  const files = (await ensureBenchData({ only })).filter(
    (file) => only === undefined || file.set === only,
  );
  const rows = files.flatMap((file) => benchmarkFile(file, tools));

  const report = [
    '# CliXml reader benchmark',
    '',
    `Run ${new Date().toISOString()} by \`npm run bench:clixml\` on ${environment()}.`,
    `Each tool ${ROUNDS} times per file, alternating, warm page cache; median wall time including`,
    'process start-up; median user + system CPU time, which other work on the machine disturbs less;',
    'peak RSS is the largest of the runs (`/usr/bin/time -f %M`). MB = 10^6 bytes.',
    '',
    tableOf(rows),
    '',
  ].join('\n');
  mkdirSync(path.dirname(RESULTS_PATH), { recursive: true });
  writeFileSync(RESULTS_PATH, report);
  console.log(report);
}

await main();
