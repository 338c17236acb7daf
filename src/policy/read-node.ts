/**
 * Walks a YAML node against a ValueSpec: returns the value with defaults filled in, and reports
 * every mistake on the source (unknown keys with the nearest known one, wrong types, values out
 * of range) instead of stopping at the first.
 */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { Weekday } from './model.js';
import { didYouMean } from './nearest.js';
import type { ValueSpec } from './schema.js';
import { NETWORK_NAME } from './schema.js';
import { renderGiven, type YamlSource } from './yaml-source.js';

export const WEEKDAYS: readonly Weekday[] = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export interface ReadState {
  source: YamlSource;
  /** Paths whose value came from the defaults because the file did not give one. */
  defaulted: string[];
  /** Every node read, by path, so later checks can point at it. */
  nodes: Map<string, Node>;
}

type Reader = (
  node: Node,
  spec: never,
  fallback: unknown,
  path: string,
  state: ReadState,
) => unknown;

const READERS: Record<ValueSpec['type'], Reader> = {
  section: readSection as Reader,
  platforms: readPlatforms as Reader,
  named: readNamed as Reader,
  list: readList as Reader,
  enum: readEnum as Reader,
  boolean: readBoolean as Reader,
  integer: readInteger as Reader,
  text: readText as Reader,
  weekdays: readWeekdays as Reader,
};

/** The value at `node`; a missing or empty node takes `fallback`. */
export function readValue(
  node: Node | null | undefined,
  spec: ValueSpec,
  fallback: unknown,
  path: string,
  state: ReadState,
): unknown {
  if (node === null || node === undefined || isEmpty(node)) {
    if (spec.type === 'section' || spec.type === 'platforms' || spec.type === 'named') {
      state.defaulted.push(path);
      return fallback;
    }
    state.source.report(node, path, '(empty)', `no value; expected ${describe(spec)}`);
    return undefined;
  }

  state.nodes.set(path, node);
  return READERS[spec.type](node, spec as never, fallback, path, state);
}

function readSection(
  node: Node,
  spec: Extract<ValueSpec, { type: 'section' }>,
  fallback: unknown,
  path: string,
  state: ReadState,
): unknown {
  if (!isMap(node)) return mismatch(node, path, state, spec, fallback);

  const given = pairsOf(node, path, Object.keys(spec.fields), state);
  const defaults = (fallback ?? {}) as Record<string, unknown>;
  const value: Record<string, unknown> = {};
  for (const [key, fieldSpec] of Object.entries(spec.fields)) {
    const childPath = join(path, key);
    const child = given.get(key);
    if (child === undefined && spec.required?.includes(key) === true) {
      state.source.report(
        node,
        childPath,
        '(missing)',
        `required; expected ${describe(fieldSpec)}`,
      );
      continue;
    }
    if (child === undefined) {
      state.defaulted.push(childPath);
      value[key] = defaults[key];
      continue;
    }

    value[key] = readValue(child, fieldSpec, defaults[key], childPath, state);
  }
  return value;
}

function readPlatforms(
  node: Node,
  spec: Extract<ValueSpec, { type: 'platforms' }>,
  fallback: unknown,
  path: string,
  state: ReadState,
): unknown {
  if (!isMap(node)) return mismatch(node, path, state, spec, fallback);

  const value: Record<string, unknown> = {};
  for (const [key, child] of pairsOf(node, path, Object.keys(spec.fields), state)) {
    const fieldSpec = spec.fields[key] as ValueSpec;
    value[key] = readValue(child, fieldSpec, undefined, join(path, key), state);
  }
  return value;
}

function readNamed(
  node: Node,
  spec: Extract<ValueSpec, { type: 'named' }>,
  fallback: unknown,
  path: string,
  state: ReadState,
): unknown {
  if (!isMap(node)) return mismatch(node, path, state, spec, fallback);

  const value: Record<string, unknown> = {};
  for (const pair of node.items) {
    const keyNode = pair.key as Node | null;
    const name = isScalar(keyNode) ? String(keyNode.value) : '';
    if (!NETWORK_NAME.test(name)) {
      const allowed = 'a name of letters, digits, - and _, starting with a letter';
      state.source.report(keyNode, join(path, name), renderGiven(keyNode), `expected ${allowed}`);
      continue;
    }
    value[name] = readValue(pair.value as Node | null, spec.values, [], join(path, name), state);
  }
  return value;
}

function readList(
  node: Node,
  spec: Extract<ValueSpec, { type: 'list' }>,
  fallback: unknown,
  path: string,
  state: ReadState,
): unknown {
  if (!isSeq(node)) return mismatch(node, path, state, spec, fallback);

  const seen = new Set<string>();
  return node.items.flatMap((item, index) => {
    const itemPath = `${path}[${index}]`;
    const value = readValue(item as Node | null, spec.items, undefined, itemPath, state);
    if (value === undefined) return [];
    if (seen.has(String(value))) {
      state.source.report(item as Node, itemPath, renderGiven(item as Node), 'listed twice');
      return [];
    }

    seen.add(String(value));
    return [value];
  });
}

function readEnum(
  node: Node,
  spec: Extract<ValueSpec, { type: 'enum' }>,
  _fallback: unknown,
  path: string,
  state: ReadState,
): unknown {
  const text = scalarText(node, spec.numbersAsText === true);
  if (text !== undefined && spec.values.includes(text)) return text;

  // A near miss among version numbers (1.1 for 1.2) is a choice, not a typo: no suggestion.
  const suggest = text !== undefined && spec.values.length > 1 && spec.numbersAsText !== true;
  const hint = suggest ? didYouMean(text, spec.values) : '';
  state.source.report(node, path, renderGiven(node), `expected ${describe(spec)}${hint}`);
  return undefined;
}

function readBoolean(
  node: Node,
  spec: ValueSpec,
  _fallback: unknown,
  path: string,
  state: ReadState,
) {
  if (isScalar(node) && typeof node.value === 'boolean') return node.value;

  state.source.report(node, path, renderGiven(node), `expected ${describe(spec)}`);
  return undefined;
}

function readInteger(
  node: Node,
  spec: Extract<ValueSpec, { type: 'integer' }>,
  _fallback: unknown,
  path: string,
  state: ReadState,
): unknown {
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value === 'number' && Number.isInteger(value)) {
    if (value >= spec.min && value <= spec.max) return value;
  }

  state.source.report(node, path, renderGiven(node), `expected ${describe(spec)}`);
  return undefined;
}

function readText(
  node: Node,
  spec: Extract<ValueSpec, { type: 'text' }>,
  _fallback: unknown,
  path: string,
  state: ReadState,
): unknown {
  const text = scalarText(node, spec.check !== undefined);
  if (text === undefined || text.trim() === '') {
    state.source.report(node, path, renderGiven(node), `expected ${describe(spec)}`);
    return undefined;
  }

  const problem = spec.check?.(text);
  if (problem === undefined) return text;
  state.source.report(node, path, renderGiven(node), problem);
  return undefined;
}

function readWeekdays(
  node: Node,
  spec: ValueSpec,
  _fallback: unknown,
  path: string,
  state: ReadState,
) {
  const items: Array<[Node, string]> = isSeq(node)
    ? node.items.map((item, index) => [item as Node, `${path}[${index}]`])
    : [[node, path]];
  const chosen = new Set<Weekday>();
  for (const [item, itemPath] of items) {
    const text = scalarText(item, false);
    const range = text === undefined ? undefined : expandDays(text);
    if (range === undefined) {
      state.source.report(item, itemPath, renderGiven(item), `expected ${describe(spec)}`);
      continue;
    }
    for (const day of range) chosen.add(day);
  }
  return WEEKDAYS.filter((day) => chosen.has(day));
}

/** "Mon" → [Mon]; "Mon-Fri" → [Mon … Fri]; a range may not wrap past Sunday. */
export function expandDays(text: string): Weekday[] | undefined {
  const [first, last, extra] = text.split('-').map((part) => part.trim());
  const from = WEEKDAYS.indexOf(first as Weekday);
  const to = last === undefined ? from : WEEKDAYS.indexOf(last as Weekday);
  if (extra !== undefined || from < 0 || to < from) return undefined;

  return WEEKDAYS.slice(from, to + 1);
}

/** A mapping's pairs by key; unknown and non-text keys are reported with the nearest known key. */
function pairsOf(
  node: YAMLMap,
  path: string,
  known: string[],
  state: ReadState,
): Map<string, Node> {
  const pairs = new Map<string, Node>();
  for (const pair of node.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : renderGiven(keyNode);
    if (!known.includes(key)) {
      const hint = didYouMean(key, known) || `; keys here: ${known.join(', ')}`;
      const given = renderGiven(pair.value as Node | null);
      state.source.report(keyNode, join(path, key), given, `unknown key${hint}`);
      continue;
    }
    pairs.set(key, pair.value as Node);
  }
  return pairs;
}

/** Reports a value of the wrong shape; the result is missing, so later checks skip it. */
function mismatch(node: Node, path: string, state: ReadState, spec: ValueSpec, _fallback: unknown) {
  state.source.report(node, path, renderGiven(node), `expected ${describe(spec)}`);
  return undefined;
}

/** A scalar's text; numbers only where a version-like value may be written unquoted (1.2, 13). */
function scalarText(node: Node, numbersAsText: boolean): string | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'string') return node.value;
  if (numbersAsText && typeof node.value === 'number') return node.source ?? String(node.value);
  return undefined;
}

function isEmpty(node: Node): boolean {
  return isScalar(node) && node.value === null;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** What a spec allows, in words, for "expected …". */
export function describe(spec: ValueSpec): string {
  switch (spec.type) {
    case 'section':
    case 'platforms':
      return `a mapping with keys ${Object.keys(spec.fields).join(', ')}`;
    case 'named':
      return 'a mapping of names to values';
    case 'list':
      return `a list, each ${describe(spec.items)}`;
    case 'enum':
      return spec.values.length === 1 ? (spec.values[0] ?? '') : `one of ${spec.values.join(', ')}`;
    case 'boolean':
      return 'true or false';
    case 'integer':
      return `a whole number of ${spec.unit} from ${spec.min} to ${spec.max}`;
    case 'text':
      return spec.expected;
    case 'weekdays':
      return 'days Mon..Sun, as a list and/or ranges such as Mon-Fri';
  }
}
