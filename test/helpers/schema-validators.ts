/**
 * Real JSON Schema validators for the machine-readable formats: exzt's own assessment schema
 * (draft-07), the official SARIF 2.1.0 schema (draft-04, hence ajv-draft-04) and NIST's OSCAL
 * 1.1.2 assessment-results schema (draft-07; its \p{L} patterns need ajv's unicode regular
 * expressions, which are ajv's default and stated here so nobody turns them off). All compile in
 * ajv's strict mode: nothing in the schemas is skipped or weakened.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AjvModule, { type ValidateFunction } from 'ajv';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { REPO_ROOT } from './paths.js';

// CommonJS packages seen from ESM under NodeNext: the classes are their `default` members.
const Ajv = AjvModule.default;
const AjvDraft04 = AjvDraft04Module.default;
const addFormats = addFormatsModule.default;

const SCHEMAS = path.join(REPO_ROOT, 'schemas');

function schema(relative: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(SCHEMAS, relative), 'utf8')) as Record<string, unknown>;
}

let cache: Record<'assessment' | 'sarif' | 'oscal', ValidateFunction> | undefined;

export function validators(): Record<'assessment' | 'sarif' | 'oscal', ValidateFunction> {
  if (cache !== undefined) return cache;

  const draft07 = new Ajv({ allErrors: true, unicodeRegExp: true });
  addFormats(draft07);
  const draft04 = new AjvDraft04({ allErrors: true });
  addFormats(draft04);
  cache = {
    assessment: draft07.compile(schema('assessment.schema.json')),
    sarif: draft04.compile(schema('vendor/sarif/sarif-schema-2.1.0.json')),
    oscal: draft07.compile(schema('vendor/oscal/oscal_assessment-results_schema.json')),
  };
  return cache;
}

/** The first few errors, readable in an assertion message. */
export function schemaErrors(validate: ValidateFunction): string {
  return JSON.stringify((validate.errors ?? []).slice(0, 5), null, 2);
}
