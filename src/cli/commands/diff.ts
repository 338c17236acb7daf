/**
 * `exzt diff <old.json> <new.json>`: what changed since the last assessment, for the monthly
 * review and for CI. Exits 1 when a must-control regressed or newly failed, so a pipeline can
 * hold the line without a threshold of its own.
 */
import { ExztError } from '../../errors.js';
import { readAssessment } from '../../report/assessment/read-assessment.js';
import { diffAssessments } from '../../report/diff/compare.js';
import { DIFF_FORMATS, renderDiff, type DiffFormat } from '../../report/diff/render-diff.js';
import { stringOption, type Command, type CommandContext } from '../command.js';

export const diffCommand: Command = {
  usage: [
    'Usage: exzt diff <old.json> <new.json> [--format text|json|md]',
    '',
    '  <old.json> <new.json>  assessments saved by `exzt assess --format json`',
    '  --format FORMAT        text (default), json or md',
    '',
    'Results are matched by control and stable subject key. Exit 1 when a must-control newly',
    'fails or regressed (passed or was waived before); should-level warnings are listed only.',
  ].join('\n'),
  options: { format: { type: 'string' } },
  run: runDiff,
};

async function runDiff(context: CommandContext): Promise<number> {
  const format = stringOption(context, 'format') ?? 'text';
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) {
    throw new ExztError('USAGE', `--format ${format}: expected one of ${DIFF_FORMATS.join(', ')}`);
  }
  const [oldFile, newFile, ...extra] = context.positionals;
  if (oldFile === undefined || newFile === undefined || extra.length > 0) {
    throw new ExztError('USAGE', 'expected two assessment files: exzt diff <old.json> <new.json>');
  }

  const diff = diffAssessments(await readAssessment(oldFile), await readAssessment(newFile));
  for (const warning of diff.warnings) context.logger.warn(warning);
  context.stdout.write(renderDiff(diff, format as DiffFormat));
  return diff.regression ? 1 : 0;
}
