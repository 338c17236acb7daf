/**
 * Reads an Assessment saved by `exzt assess --format json`, for `exzt render` and `exzt diff`.
 * A file that is not JSON, not an Assessment, or of another schemaVersion is refused with the
 * file, the place and what was expected: a report made from a half-understood file would be
 * wrong without saying so. The check is structural (the members writers and diff read), not the
 * full schemas/assessment.schema.json, which the tests hold the JSON writer to.
 */
import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { ASSESSMENT_SCHEMA_VERSION, type Assessment } from '../../engine/assess/assessment.js';
import { ExztError } from '../../errors.js';

type Shape = 'object' | 'array' | 'string' | 'number';

/** Member → shape, checked at the top level. */
const TOP_LEVEL: ReadonlyArray<[string, Shape]> = [
  ['metadata', 'object'],
  ['controls', 'array'],
  ['versionReport', 'object'],
  ['results', 'array'],
  ['waivers', 'object'],
  ['attestations', 'object'],
  ['scores', 'object'],
  ['summary', 'object'],
];

const VERDICTS = new Set([
  'pass',
  'fail',
  'warn',
  'waived',
  'not-applicable',
  'not-assessed',
  'error',
]);

export async function readAssessment(file: string): Promise<Assessment> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new ExztError('INPUT', `${file}: cannot read it (${error.code ?? error.message})`, {
      cause: error,
    });
  });
  return parseAssessment(text, file);
}

export function parseAssessment(text: string, file: string): Assessment {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ExztError(
      'INPUT',
      `not JSON (${syntaxMessage(error as Error)}); expected an assessment saved by ` +
        '`exzt assess --format json`',
      { position: { file, ...jsonPosition(text) }, cause: error },
    );
  }
  checkAssessment(document, file);
  return document as Assessment;
}

function checkAssessment(document: unknown, file: string): void {
  const fail = (message: string): never => {
    throw new ExztError('INPUT', `${file}: ${message}`);
  };
  if (!isObject(document))
    fail('expected a JSON object: an assessment saved by `exzt assess --format json`');
  const record = document as Record<string, unknown>;
  if (!('schemaVersion' in record) || !('results' in record)) {
    fail(
      'not an exzt assessment (no schemaVersion and results); save one with `exzt assess --format json`',
    );
  }
  if (record.schemaVersion !== ASSESSMENT_SCHEMA_VERSION) {
    fail(
      `assessment schemaVersion ${JSON.stringify(record.schemaVersion)}, but this exzt reads ` +
        `schemaVersion ${ASSESSMENT_SCHEMA_VERSION}; render it with the exzt that wrote it, or assess again`,
    );
  }
  for (const [member, shape] of TOP_LEVEL) {
    if (!hasShape(record[member], shape)) fail(`${member}: expected ${article(shape)}`);
  }
  (record.results as unknown[]).forEach((result, index) =>
    checkResult(result, `results[${index}]`, fail),
  );
}

function checkResult(result: unknown, at: string, fail: (message: string) => never): void {
  if (!isObject(result)) fail(`${at}: expected an object`);
  const record = result as Record<string, unknown>;
  if (typeof record.control !== 'string') fail(`${at}.control: expected a string`);
  if (
    !isObject(record.subject) ||
    typeof (record.subject as Record<string, unknown>).key !== 'string'
  ) {
    fail(`${at}.subject.key: expected a string`);
  }
  if (typeof record.verdict !== 'string' || !VERDICTS.has(record.verdict)) {
    fail(`${at}.verdict: expected one of ${[...VERDICTS].join(', ')}`);
  }
  if (!Array.isArray(record.findings) || !Array.isArray(record.evidence)) {
    fail(`${at}: expected findings and evidence arrays`);
  }
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasShape(value: unknown, shape: Shape): boolean {
  if (shape === 'object') return isObject(value);
  if (shape === 'array') return Array.isArray(value);
  return typeof value === shape;
}

function article(shape: Shape): string {
  return shape === 'object' || shape === 'array' ? `an ${shape}` : `a ${shape}`;
}

/** Node 20's JSON.parse quotes the whole input back in its message; the reason is enough. */
function syntaxMessage(error: Error): string {
  return error.message.replace(/, (\.\.\.)?".*" is not valid JSON$/s, '');
}

/**
 * Node 20's JSON.parse gives no position, so the YAML parser (JSON is YAML) is asked where the
 * first error is; run only when the file is already known to be broken.
 */
function jsonPosition(text: string): { line?: number; column?: number } {
  const position = parseDocument(text).errors[0]?.linePos?.[0];
  return position === undefined ? {} : { line: position.line, column: position.col };
}
