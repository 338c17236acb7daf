/**
 * `exzt render <assessment.json>`: writes a saved assessment in another format (or every format
 * with --out DIR) without the evidence, the policy or the rules: a report read on another
 * machine, or months later, says exactly what the run concluded.
 */
import { ASSESSMENT_FORMATS, findFormat } from '../../report/assessment/formats.js';
import { readAssessment } from '../../report/assessment/read-assessment.js';
import { writeAllFormats, writeChunks } from '../../report/assessment/write.js';
import { ExztError } from '../../errors.js';
import { stringOption, type Command, type CommandContext } from '../command.js';

const FORMAT_NAMES = ASSESSMENT_FORMATS.map((format) => format.name);

export const renderCommand: Command = {
  usage: [
    'Usage: exzt render <assessment.json> [--format FORMAT] [--out DIR]',
    '',
    '  <assessment.json>  an assessment saved by `exzt assess --format json` (or --out)',
    `  --format FORMAT    one of ${FORMAT_NAMES.join(', ')} (default text)`,
    '  --out DIR          write every format into DIR; stdout keeps the chosen format',
  ].join('\n'),
  options: { format: { type: 'string' }, out: { type: 'string' } },
  run: runRender,
};

async function runRender(context: CommandContext): Promise<number> {
  const formatName = stringOption(context, 'format') ?? 'text';
  const format = findFormat(formatName);
  if (format === undefined) {
    throw new ExztError(
      'USAGE',
      `--format ${formatName}: expected one of ${FORMAT_NAMES.join(', ')}`,
    );
  }
  const [file, ...extra] = context.positionals;
  if (file === undefined || extra.length > 0) {
    throw new ExztError('USAGE', 'expected one assessment file: exzt render <assessment.json>');
  }

  const assessment = await readAssessment(file);
  const outDir = stringOption(context, 'out');
  if (outDir !== undefined) {
    const written = await writeAllFormats(assessment, outDir, context.cwd);
    for (const target of written) context.logger.info(`wrote ${target}`);
  }
  await writeChunks(context.stdout, format.render(assessment, { colour: context.colour }));
  return 0;
}
