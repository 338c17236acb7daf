/**
 * waivers.yaml: accepted risks, each for one control, with a reason, who approved it and until
 * when. Loaded with the same exact errors as the policy; every control id must exist in the
 * catalogue, and each waiver remembers the file and line it was written on.
 */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { CONTROLS } from '../controls/catalogue.js';
import type { Control } from '../controls/model.js';
import type { Waiver } from './model.js';
import { controlIdProblem } from './control-ids.js';
import { didYouMean } from './nearest.js';
import { atLeast, readEntries, textField, type Entry } from './entry-list.js';
import { readTextFile } from './text-file.js';
import { checkDate, checkEmail } from './value-checks.js';
import { PolicyError, renderGiven, YamlSource } from './yaml-source.js';

const FIELDS = ['control', 'subjects', 'reason', 'approvedBy', 'ticket', 'expires'] as const;
const REQUIRED: Readonly<Record<string, string>> = {
  control: 'the control id, e.g. EXZT.APP.4',
  reason: 'why the risk is accepted',
  approvedBy: 'the e-mail address of who accepted the risk',
  expires: 'the last day the waiver applies, yyyy-mm-dd',
};
const MINIMUM_REASON_CHARACTERS = 15;
const SERVER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const SUBJECT_KEYS = ['servers', 'organization'];

export async function loadWaivers(
  file: string,
  controls: readonly Control[] = CONTROLS,
): Promise<Waiver[]> {
  const { text } = await readTextFile(file, 'waivers file');
  return parseWaivers(text, file, controls);
}

/** The waivers in `text`; throws a PolicyError listing every mistake. */
export function parseWaivers(
  text: string,
  file: string,
  controls: readonly Control[] = CONTROLS,
): Waiver[] {
  const source = new YamlSource(file, text);
  source.throwSyntaxErrors();
  const entries = readEntries(source, 'waivers', FIELDS, REQUIRED);
  const waivers = entries.flatMap((entry) => readWaiver(source, entry, controls) ?? []);
  if (source.issues.length > 0) throw new PolicyError(`${file} has invalid waivers`, source.issues);

  return waivers;
}

function readWaiver(
  source: YamlSource,
  entry: Entry,
  controls: readonly Control[],
): Waiver | undefined {
  const control = textField(source, entry, 'control', (id) => controlIdProblem(id, controls));
  const canonical = controls.find((c) => c.id.toLowerCase() === control?.toLowerCase());
  const subjects = readSubjects(source, entry, canonical);
  const reason = textField(
    source,
    entry,
    'reason',
    atLeast(MINIMUM_REASON_CHARACTERS, 'say why the risk is accepted'),
  );
  const approvedBy = textField(source, entry, 'approvedBy', checkEmail);
  const ticket = textField(source, entry, 'ticket', () => undefined);
  const expires = textField(source, entry, 'expires', checkDate);
  if (canonical === undefined || subjects === undefined) return undefined;
  if (reason === undefined || approvedBy === undefined || expires === undefined) return undefined;

  return {
    control: canonical.id,
    subjects,
    reason,
    approvedBy,
    ...(ticket === undefined ? {} : { ticket }),
    expires,
    source: { file: source.file, line: entry.line },
  };
}

/** Absent or empty: every subject of the control. Scopes the control does not have are errors. */
function readSubjects(
  source: YamlSource,
  entry: Entry,
  control: Control | undefined,
): Waiver['subjects'] | undefined {
  const node = entry.fields.get('subjects');
  const path = `${entry.path}.subjects`;
  if (node === undefined || (isScalar(node) && node.value === null)) return {};
  if (!isMap(node)) {
    const allowed = 'expected { servers: [names], organization: true }';
    source.report(node, path, renderGiven(node), allowed);
    return undefined;
  }

  const errorsBefore = source.issues.length;
  const subjects: Waiver['subjects'] = {};
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (key === 'servers') {
      const servers = readServers(source, value, `${path}.servers`);
      if (servers !== undefined) subjects.servers = servers;
    } else if (key === 'organization') {
      subjects.organization = readFlag(source, value, `${path}.organization`);
    } else {
      const allowed = `unknown key${didYouMean(key, SUBJECT_KEYS) || '; keys here: servers, organization'}`;
      source.report(pair.key as Node, `${path}.${key}`, renderGiven(value), allowed);
    }
  }
  if (source.issues.length > errorsBefore) return undefined;

  return scopeFits(source, node, path, subjects, control) ? subjects : undefined;
}

function readFlag(source: YamlSource, node: Node | null, path: string): boolean {
  if (isScalar(node) && typeof node.value === 'boolean') return node.value;

  source.report(node, path, renderGiven(node), 'expected true or false');
  return false;
}

function readServers(source: YamlSource, node: Node | null, path: string): string[] | undefined {
  if (!isSeq(node)) {
    const allowed = 'expected a list of server names, e.g. [EX01, EX02]';
    source.report(node, path, renderGiven(node), allowed);
    return undefined;
  }

  const names: string[] = [];
  node.items.forEach((item, index) => {
    const value = isScalar(item) ? item.value : undefined;
    if (typeof value === 'string' && SERVER_NAME.test(value)) names.push(value);
    else {
      const allowed = 'expected a server name such as EX01';
      source.report(item as Node, `${path}[${index}]`, renderGiven(item as Node), allowed);
    }
  });
  return names.length === node.items.length ? names : undefined;
}

/** A waiver naming servers for an organisation control (or the reverse) would never match. */
function scopeFits(
  source: YamlSource,
  node: YAMLMap,
  path: string,
  subjects: Waiver['subjects'],
  control: Control | undefined,
): boolean {
  if (control === undefined) return true;
  const wrong =
    control.scope === 'server' && subjects.organization === true
      ? 'organization'
      : control.scope === 'organization' && (subjects.servers?.length ?? 0) > 0
        ? 'servers'
        : undefined;
  if (wrong === undefined) return true;

  const instead = control.scope === 'server' ? 'servers: [names]' : 'organization: true';
  const allowed = `${control.id} has one result per ${control.scope}, so ${wrong} never matches; use ${instead}`;
  const value = node.get(wrong, true) as Node | undefined;
  source.report(value, `${path}.${wrong}`, renderGiven(value), allowed);
  return false;
}
