/**
 * Every way an Assessment can be written, in one list: `assess --format`, `assess --out` (all of
 * them at once) and `exzt render` read it, so a new writer is added here and nowhere else.
 * Writers see only the Assessment, never rules or sources.
 */
import type { Assessment } from '../../engine/assess/assessment.js';
import { ansiPaint, noPaint } from '../text-table.js';
import { assessmentCsvChunks } from './csv.js';
import { renderAssessmentHtml } from './html/render-html.js';
import { assessmentJsonChunks } from './json.js';
import { junitChunks } from './junit.js';
import { renderAssessmentMarkdown } from './markdown.js';
import { renderOscal } from './oscal.js';
import { renderSarif } from './sarif.js';
import { renderAssessmentText } from './text.js';

export interface RenderOptions {
  /** ANSI colour, for a terminal only; files never get it. */
  colour: boolean;
}

export interface AssessmentFormat {
  name: string;
  /** The file `--out DIR` writes this format to. */
  fileName: string;
  summary: string;
  /** The document in pieces, so a large one never sits in memory as one string. */
  render(assessment: Assessment, options: RenderOptions): Iterable<string>;
}

export const ASSESSMENT_FORMATS: readonly AssessmentFormat[] = [
  {
    name: 'text',
    fileName: 'assessment.txt',
    summary: 'area summary, failures worst first, framework views (the default)',
    render: (assessment, options) => [
      renderAssessmentText(assessment, options.colour ? ansiPaint : noPaint),
    ],
  },
  {
    name: 'json',
    fileName: 'assessment.json',
    summary: 'the whole Assessment (schemas/assessment.schema.json)',
    render: (assessment) => assessmentJsonChunks(assessment),
  },
  {
    name: 'html',
    fileName: 'assessment.html',
    summary: 'one self-contained page: overview, findings with filters, framework views',
    render: (assessment) => renderAssessmentHtml(assessment),
  },
  {
    name: 'sarif',
    fileName: 'assessment.sarif',
    summary: 'SARIF 2.1.0 for code-scanning dashboards: one rule per control',
    render: (assessment) => [renderSarif(assessment)],
  },
  {
    name: 'oscal',
    fileName: 'assessment.oscal.json',
    summary: 'OSCAL 1.1.2 assessment-results (JSON) for auditors',
    render: (assessment) => [renderOscal(assessment)],
  },
  {
    name: 'junit',
    fileName: 'assessment.junit.xml',
    summary: 'JUnit XML: one test case per control and subject, for CI test tabs',
    render: (assessment) => junitChunks(assessment),
  },
  {
    name: 'csv',
    fileName: 'assessment.csv',
    summary: 'one row per control and subject, formula-safe, for spreadsheets',
    render: (assessment) => assessmentCsvChunks(assessment),
  },
  {
    name: 'md',
    fileName: 'assessment.md',
    summary: 'a bounded Markdown summary for tickets and CI job summaries',
    render: (assessment) => [renderAssessmentMarkdown(assessment)],
  },
];

export function findFormat(name: string): AssessmentFormat | undefined {
  return ASSESSMENT_FORMATS.find((format) => format.name === name);
}
