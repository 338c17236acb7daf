/**
 * The options every command that reads evidence shares, and the one way they are applied:
 * --use for HealthChecker alternates, --allow-modified for bundles whose hashes do not match.
 */
import { ExztError } from '../errors.js';
import type { EvidenceSet } from '../evidence/evidence-set.js';
import { loadEvidence } from '../evidence/load.js';
import {
  flagOption,
  listOption,
  stringOption,
  type CommandContext,
  type OptionSpec,
} from './command.js';
import { parseTimeOption } from './time-option.js';

export const EVIDENCE_OPTIONS: OptionSpec = {
  use: { type: 'string', multiple: true },
  'allow-modified': { type: 'boolean' },
};

export const EVIDENCE_USAGE = [
  '  --use ExSetup.xml=ExSetup1.xml   import a HealthChecker alternate instead of the canonical',
  '                                   file; the left side may carry its folder',
  '                                   (OS/GetAllTlsSettings.xml=GetAllTlsSettings1.xml)',
  '  --allow-modified                 read a bundle whose files do not match its manifest,',
  '                                   with a warning',
].join('\n');

/**
 * Loads the positional paths as evidence and logs the warnings the load collected. A command
 * whose output reads typed kinds only passes `parseUnreadKinds: false` (LoadOptions).
 */
export async function loadEvidenceFromContext(
  context: CommandContext,
  load: { parseUnreadKinds?: boolean } = {},
): Promise<EvidenceSet> {
  if (context.positionals.length === 0) {
    throw new ExztError(
      'USAGE',
      'no evidence given: name a bundle, a .zip, a HealthChecker folder or CliXml files; see --help',
    );
  }

  const set = await loadEvidence(
    context.positionals,
    {
      use: parseUse(listOption(context, 'use')),
      allowModified: flagOption(context, 'allow-modified'),
      ...load,
    },
    context.cwd,
  );
  for (const warning of set.warnings) context.logger.warn(warning);
  return set;
}

export function parseUse(values: string[]): Map<string, string> {
  const use = new Map<string, string>();
  for (const value of values) {
    const parts = value.split('=');
    const [canonical, alternate] = parts;
    if (parts.length !== 2 || !canonical || !alternate) {
      throw new ExztError(
        'USAGE',
        `--use ${value}: expected CANONICAL=ALTERNATE, e.g. --use ExSetup.xml=ExSetup1.xml`,
      );
    }
    use.set(canonical, alternate);
  }
  return use;
}

/** --as-of, else the evidence's collected-at, else the clock (reports say which). */
export function asOfFromContext(
  context: CommandContext,
  evidence: EvidenceSet,
): { asOf: string; asOfSource: 'option' | 'collected-at' | 'clock' } {
  const option = stringOption(context, 'as-of');
  if (option !== undefined) return { asOf: parseTimeOption('as-of', option), asOfSource: 'option' };
  if (evidence.collectedAt !== undefined) {
    return { asOf: evidence.collectedAt, asOfSource: 'collected-at' };
  }

  return { asOf: new Date().toISOString(), asOfSource: 'clock' };
}
