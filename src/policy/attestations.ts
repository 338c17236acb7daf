/**
 * attestations.yaml: facts on-premises evidence cannot show (MFA enforced by a pre-authenticating
 * proxy, admin roles granted only through a privileged-access system), each declared by someone,
 * on a date, until an expiry. Loaded with the same exact errors as the policy.
 */
import { CONTROLS } from '../controls/catalogue.js';
import { AREAS, type Control } from '../controls/model.js';
import type { Attestation } from './model.js';
import { atLeast, readEntries, textField, type Entry } from './entry-list.js';
import { didYouMean } from './nearest.js';
import { readTextFile } from './text-file.js';
import { checkDate, checkEmail } from './value-checks.js';
import { PolicyError, YamlSource } from './yaml-source.js';

const REQUIRED: Readonly<Record<string, string>> = {
  fact: 'the fact id, e.g. identity.mfa.owa',
  statement: 'what is true and how it is enforced',
  attestedBy: 'the e-mail address of who stands behind the statement',
  date: 'the day it was attested, yyyy-mm-dd',
  expires: 'the last day it holds, yyyy-mm-dd',
};
const FIELDS = Object.keys(REQUIRED);
const MINIMUM_STATEMENT_CHARACTERS = 15;

/** <area>.<topic>[.<detail>], lower case, e.g. identity.mfa.owa. */
const FACT_ID = new RegExp(`^(${AREAS.join('|')})\\.[a-z0-9-]+(\\.[a-z0-9-]+)?$`);

export async function loadAttestations(
  file: string,
  controls: readonly Control[] = CONTROLS,
): Promise<Attestation[]> {
  const { text } = await readTextFile(file, 'attestations file');
  return parseAttestations(text, file, controls);
}

/** The attestations in `text`; throws a PolicyError listing every mistake. */
export function parseAttestations(
  text: string,
  file: string,
  controls: readonly Control[] = CONTROLS,
): Attestation[] {
  const source = new YamlSource(file, text);
  source.throwSyntaxErrors();
  const entries = readEntries(source, 'attestations', FIELDS, REQUIRED);
  const attestations = entries.flatMap((entry) => readAttestation(source, entry, controls) ?? []);
  if (source.issues.length > 0) {
    throw new PolicyError(`${file} has invalid attestations`, source.issues);
  }

  return attestations;
}

/** Facts no control in the catalogue reads: probably a typo, or a control not built yet. */
export function unreadFacts(
  attestations: readonly Attestation[],
  controls: readonly Control[] = CONTROLS,
): string[] {
  const read = new Set(controls.flatMap((control) => control.attestations ?? []));
  return [...new Set(attestations.map((a) => a.fact))].filter((fact) => !read.has(fact));
}

function readAttestation(
  source: YamlSource,
  entry: Entry,
  controls: readonly Control[],
): Attestation | undefined {
  const known = controls.flatMap((control) => control.attestations ?? []);
  const fact = textField(source, entry, 'fact', (text) => checkFactId(text, known));
  const statement = textField(
    source,
    entry,
    'statement',
    atLeast(MINIMUM_STATEMENT_CHARACTERS, 'say what is true and how it is enforced'),
  );
  const attestedBy = textField(source, entry, 'attestedBy', checkEmail);
  const date = textField(source, entry, 'date', checkDate);
  const expires = textField(source, entry, 'expires', (text) => checkExpiry(text, date));
  if (fact === undefined || statement === undefined || attestedBy === undefined) return undefined;
  if (date === undefined || expires === undefined) return undefined;

  return {
    fact,
    statement,
    attestedBy,
    date,
    expires,
    source: { file: source.file, line: entry.line },
  };
}

function checkFactId(text: string, known: readonly string[]): string | undefined {
  if (FACT_ID.test(text)) return undefined;

  return (
    `expected <area>.<topic>[.<detail>] in lower case, area one of ${AREAS.join(', ')}, ` +
    `e.g. identity.mfa.owa${didYouMean(text, known)}`
  );
}

/** A real date, not before the day it was attested. */
function checkExpiry(text: string, date: string | undefined): string | undefined {
  const problem = checkDate(text);
  if (problem !== undefined || date === undefined || text >= date) return problem;

  return `must not be before date (${date})`;
}
