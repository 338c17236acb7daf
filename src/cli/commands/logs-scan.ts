/**
 * `exzt logs scan <files|folders|.zip|.gz>…`: hunts Exchange and IIS logs for compromise
 * indicators and, with --policy, checks the Zero Trust policy against what clients and admins
 * actually did. Exit 1 when any indicator is found.
 */
import os from 'node:os';
import { ExztError } from '../../errors.js';
import type { LogScanResult } from '../../logs/model.js';
import { indicatorCount, renderLogScanText } from '../../logs/render-text.js';
import { scanLogs } from '../../logs/scan.js';
import type { Policy } from '../../policy/model.js';
import { stringOption, type Command, type CommandContext } from '../command.js';
import { parseTimeOption } from '../time-option.js';

export const logsScanCommand: Command = {
  usage: [
    'Usage: exzt logs scan <files|folders|.zip|.gz>... [--policy FILE] [--since DATE]',
    '                      [--until DATE] [--format text|json] [--threads N]',
    '',
    '  --policy FILE   also check admin access, Basic auth, legacy protocols, client',
    '                  addresses and client builds against this policy',
    '  --since DATE    ignore lines before this date or ISO 8601 time',
    '  --until DATE    ignore lines after it',
    '  --format F      text (default) or json',
    '  --threads N     worker threads (default: the number of CPUs)',
    '',
    'Exit status: 0 nothing found, 1 indicators found, 2 usage or input error.',
  ].join('\n'),
  options: {
    policy: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    format: { type: 'string' },
    threads: { type: 'string' },
  },
  run: runLogsScan,
};

async function runLogsScan(context: CommandContext): Promise<number> {
  if (context.positionals.length === 0) {
    throw new ExztError('USAGE', 'no logs given: name log files, folders, .gz or .zip files');
  }
  const format = stringOption(context, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new ExztError('USAGE', `--format ${format}: expected text or json`);
  }

  const result = await scanFromContext(context);
  if (result.badLines.count > 0) {
    context.logger.warn(
      `${result.badLines.count} bad lines skipped (truncated, binary or too long)`,
    );
  }
  context.stdout.write(
    format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : renderLogScanText(result),
  );
  return indicatorCount(result) > 0 ? 1 : 0;
}

/** Runs the scan the options describe; `policy` overrides --policy (exzt assess --logs). */
export async function scanFromContext(
  context: CommandContext,
  paths: readonly string[] = context.positionals,
  policy?: Policy | null,
): Promise<LogScanResult> {
  const policyFile = stringOption(context, 'policy');
  const chosen =
    policy !== undefined
      ? policy
      : policyFile === undefined
        ? null
        : await loadPolicyFile(policyFile, context);
  const progress = progressReporter(context);
  try {
    return await scanLogs({
      paths,
      cwd: context.cwd,
      policy: chosen,
      since: timeOption(context, 'since'),
      until: timeOption(context, 'until'),
      threads: threadsOption(context),
      ...(progress === undefined ? {} : { onProgress: progress }),
    });
  } finally {
    if (progress !== undefined) process.stderr.write('\r\u001b[K');
  }
}

/** The policy module (and its YAML parser) is loaded only when a policy is given. */
async function loadPolicyFile(file: string, context: CommandContext): Promise<Policy> {
  const { formatPolicyWarning, loadPolicy } = await import('../../policy/load.js');
  const loaded = await loadPolicy(file);
  for (const warning of loaded.warnings) context.logger.warn(formatPolicyWarning(warning));
  return loaded.policy;
}

function timeOption(context: CommandContext, name: string): string | null {
  const value = stringOption(context, name);
  return value === undefined ? null : parseTimeOption(name, value);
}

function threadsOption(context: CommandContext): number {
  const value = stringOption(context, 'threads');
  if (value === undefined) return Math.max(1, os.availableParallelism());
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 64) {
    throw new ExztError('USAGE', `--threads ${value}: expected a whole number from 1 to 64`);
  }
  return Number(value);
}

/** Progress on stderr, only when it is a terminal and not --quiet. */
function progressReporter(
  context: CommandContext,
): ((done: number, total: number) => void) | undefined {
  if (process.stderr.isTTY !== true || context.logger.level === 'quiet') return undefined;
  let shownAt = 0;
  return (done, total) => {
    const now = Date.now();
    if (now - shownAt < 250 && done < total) return;
    shownAt = now;
    const mb = (bytes: number): string => (bytes / 1e6).toFixed(0);
    process.stderr.write(`\rscanning logs: ${mb(done)} of ${mb(total)} MB`);
  };
}
