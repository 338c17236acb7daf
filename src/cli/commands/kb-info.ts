/**
 * `exzt kb info`: what the Exchange knowledge base holds, and a warning on stderr when it is
 * older than 45 days at --as-of (default: today).
 */
import { usageError } from '../../errors.js';
import { kbAgeWarning, kbInfo, type KbInfo } from '../../knowledge/index.js';
import { stringOption, type Command, type CommandContext } from '../command.js';

export const kbInfoCommand: Command = {
  usage: [
    'Usage: exzt kb info [--format text|json] [--as-of YYYY-MM-DD]',
    '',
    '  --format  text (default) or json',
    '  --as-of   judge the knowledge base age against this date instead of today',
  ].join('\n'),
  options: {
    format: { type: 'string' },
    'as-of': { type: 'string' },
  },
  run: (context) => Promise.resolve(runKbInfo(context)),
};

function runKbInfo(context: CommandContext): number {
  const format = stringOption(context, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw usageError(`--format '${format}' is not supported; expected text or json`);
  }

  const info = kbInfo();
  const warning = kbAgeWarning(info.asOf, asOfDate(stringOption(context, 'as-of')));
  if (warning !== undefined) context.logger.warn(warning);

  context.stdout.write(format === 'json' ? `${JSON.stringify(info, null, 2)}\n` : renderText(info));
  return 0;
}

function asOfDate(text: string | undefined): Date {
  if (text === undefined) return new Date();

  const date = new Date(`${text}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(date.getTime())) {
    throw usageError(`--as-of '${text}' is not a date; expected YYYY-MM-DD`);
  }
  return date;
}

function renderText(info: KbInfo): string {
  const products = info.products.map((entry) => {
    const newest = entry.newestSecurityUpdate;
    const latest =
      newest === undefined
        ? 'none'
        : `${newest.cu} ${newest.name} ${newest.build} (${newest.releaseDate ?? 'date unknown'})`;
    return `  ${entry.product.padEnd(13)} ${String(entry.cus).padStart(2)} CUs, ${entry.securityUpdates} SUs, ${entry.hotfixUpdates} HUs; newest SU: ${latest}`;
  });
  const mitigations = info.mitigations.map(
    (mitigation) =>
      `  ${mitigation.id.padEnd(6)} ${mitigation.cves.join(', ') || '(test, no CVE)'}`,
  );
  const sources = info.sources.map((source) => `  ${source.id}: ${source.citation}`);
  return [
    `Exchange knowledge base as of ${info.asOf}`,
    '',
    'Products:',
    ...products,
    '',
    `CVEs: ${info.cves} (${info.knownExploited} on CISA's Known Exploited Vulnerabilities list), fixed by ${info.updatesWithCves} updates`,
    'Emergency Mitigation Service mitigations:',
    ...mitigations,
    `  new mitigations from ${info.mitigationServiceMinimum.from} reach only servers at ${info.mitigationServiceMinimum.update} or later`,
    '',
    'Sources:',
    ...sources,
    '',
  ].join('\n');
}
