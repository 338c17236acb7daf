/**
 * `exzt probe <host[:port]>…`: looks at Exchange from where it runs, without credentials, and
 * reports what port 443 and the SMTP ports tell anyone (docs/probe.md). Only the named targets
 * are contacted. The JSON output is evidence `exzt assess --probe-results` reads later.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ExztError } from '../../errors.js';
import { parseLimits, type LimitOptions } from '../../probe/options.js';
import { renderProbeText } from '../../probe/render-text.js';
import { runProbe } from '../../probe/run-probe.js';
import { parseTargets } from '../../probe/targets.js';
import { EXZT_VERSION } from '../../version.js';
import { stringOption, type Command, type CommandContext } from '../command.js';

export const PROBE_LIMIT_OPTIONS = {
  from: { type: 'string' },
  concurrency: { type: 'string' },
  rate: { type: 'string' },
  timeout: { type: 'string' },
  deadline: { type: 'string' },
} as const;

export const PROBE_LIMIT_USAGE = [
  '  --from NETWORK       where the probe runs: internet, or a network name of the policy',
  '  --concurrency N      connections open at once (default 8)',
  '  --rate R             connections started per second, e.g. 20 or 20/s (default 20)',
  '  --timeout MS         per request and handshake (default 5000)',
  '  --deadline S         for the whole run; unfinished checks are not assessed (default 300)',
].join('\n');

export const probeCommand: Command = {
  usage: [
    'Usage: exzt probe <host[:port]>... [--from NETWORK] [--concurrency N] [--rate R/s]',
    '                  [--timeout MS] [--deadline S] [--format text|json] [--out FILE]',
    '',
    '  A bare host is probed on 443 (HTTPS) and 25 and 587 (SMTP); host:25, :465 and :587 are',
    '  SMTP, any other port HTTPS; prefix smtp:// or https:// to say which.',
    PROBE_LIMIT_USAGE,
    '  --format FORMAT      text (default) or json (evidence for exzt assess --probe-results)',
    '  --out FILE           write the report to FILE (never overwrites) instead of stdout; a',
    '                       .json FILE gets JSON unless --format text is given',
  ].join('\n'),
  options: { ...PROBE_LIMIT_OPTIONS, format: { type: 'string' }, out: { type: 'string' } },
  run: runProbeCommand,
};

async function runProbeCommand(context: CommandContext): Promise<number> {
  const out = stringOption(context, 'out');
  // A report written to a .json file is evidence for later: JSON unless text is asked for.
  const format = stringOption(context, 'format') ?? (out?.endsWith('.json') ? 'json' : 'text');
  if (format !== 'text' && format !== 'json') {
    throw new ExztError('USAGE', `--format ${format}: expected text or json`);
  }
  if (context.positionals.length === 0) {
    throw new ExztError(
      'USAGE',
      'no target given: name the hosts to probe, e.g. exzt probe mail.contoso.com',
    );
  }
  const targets = parseTargets(context.positionals);
  const limits = parseLimits(limitOptions(context));

  context.logger.info(`probing ${targets.length} target(s) from ${limits.vantage}`);
  const report = await runProbe(targets, { ...limits, toolVersion: EXZT_VERSION });
  const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderProbeText(report);
  if (out === undefined) {
    context.stdout.write(text);
    return 0;
  }

  const file = path.resolve(context.cwd, out);
  try {
    await writeFile(file, text, { flag: 'wx' });
  } catch (error) {
    throw new ExztError(
      'INPUT',
      `--out ${out}: cannot write (${(error as Error).message}); choose a new file name`,
      { cause: error },
    );
  }
  context.logger.info(`wrote ${file}`);
  return 0;
}

export function limitOptions(context: CommandContext): LimitOptions {
  const names = ['from', 'concurrency', 'rate', 'timeout', 'deadline'] as const;
  const options: LimitOptions = {};
  for (const name of names) {
    const value = stringOption(context, name);
    if (value !== undefined) options[name] = value;
  }
  return options;
}
