/** Runs the log scan on fixtures or on files a test writes into its own temporary folder. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { scanLogs, type ScanOptions } from '../../src/logs/scan.js';
import type { LogScanResult } from '../../src/logs/model.js';
import { REPO_ROOT } from '../helpers/paths.js';

export const LOG_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'logs');

export function scan(paths: string[], options: Partial<ScanOptions> = {}): Promise<LogScanResult> {
  return scanLogs({
    paths,
    cwd: LOG_FIXTURES,
    policy: null,
    since: null,
    until: null,
    threads: 1,
    ...options,
  });
}

/** Writes files into a fresh folder, runs `use`, and removes the folder. */
export async function withFiles<T>(
  files: Record<string, string | Buffer>,
  use: (folder: string) => Promise<T>,
): Promise<T> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'exzt-logs-'));
  try {
    for (const [name, content] of Object.entries(files)) {
      await writeFile(path.join(folder, name), content);
    }
    return await use(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

export function placesOf(result: LogScanResult, hunt: string): string[] {
  const tally = result.hunts.find((entry) => entry.hunt === hunt);
  return (tally?.findings ?? []).map((f) => `${path.basename(f.file)}:${f.line}`);
}

export const IIS_FIELDS =
  '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken';

/** One IIS line in the default field order. */
export function iisLine(
  time: string,
  method: string,
  stem: string,
  query: string,
  user: string,
  ip: string,
  agent: string,
  status: string,
): string {
  return `${time.replace('T', ' ')} 10.40.0.11 ${method} ${stem} ${query} 443 ${user} ${ip} ${agent} - ${status} 0 0 15`;
}
