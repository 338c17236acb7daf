/**
 * The shape waivers.yaml and attestations.yaml share: a YAML list of mappings with known keys.
 * Reads each entry's fields, reporting unknown keys (with the nearest known one), missing
 * required ones and wrongly typed values on the source, all in one pass.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { didYouMean } from './nearest.js';
import { renderGiven, type YamlSource } from './yaml-source.js';

export interface Entry {
  /** e.g. waivers[2] */
  path: string;
  node: Node;
  /** 1-based line where the entry starts, recorded on the loaded waiver or attestation. */
  line: number;
  fields: Map<string, Node>;
}

/** The entries of a list file; an empty file is an empty list. */
export function readEntries(
  source: YamlSource,
  listName: string,
  known: readonly string[],
  required: Readonly<Record<string, string>>,
): Entry[] {
  if (source.root === null) return [];
  if (!isSeq(source.root)) {
    source.report(
      source.root,
      listName,
      renderGiven(source.root),
      `expected a list of ${listName}`,
    );
    return [];
  }

  return source.root.items.flatMap((item, index) => {
    const path = `${listName}[${index}]`;
    const node = item as Node;
    if (!isMap(node)) {
      source.report(
        node,
        path,
        renderGiven(node),
        `expected a mapping with keys ${known.join(', ')}`,
      );
      return [];
    }

    const fields = new Map<string, Node>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : renderGiven(pair.key as Node);
      if (known.includes(key)) fields.set(key, pair.value as Node);
      else {
        const hint = didYouMean(key, known) || `; keys here: ${known.join(', ')}`;
        source.report(
          pair.key as Node,
          `${path}.${key}`,
          renderGiven(pair.value as Node),
          `unknown key${hint}`,
        );
      }
    }
    for (const [key, expected] of Object.entries(required)) {
      if (!fields.has(key))
        source.report(node, `${path}.${key}`, '(missing)', `required: ${expected}`);
    }
    return [{ path, node, line: source.positionOf(node).line, fields }];
  });
}

/**
 * A text field's value, when present and valid; numbers are taken as written (a ticket 112).
 * `check` returns what is allowed when the text is not.
 */
export function textField(
  source: YamlSource,
  entry: Entry,
  key: string,
  check: (text: string) => string | undefined,
): string | undefined {
  const node = entry.fields.get(key);
  if (node === undefined) return undefined;

  const value = isScalar(node) ? node.value : undefined;
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  const problem = text === undefined ? 'expected text' : check(text);
  if (problem === undefined) return text;

  source.report(node, `${entry.path}.${key}`, renderGiven(node), problem);
  return undefined;
}

/** At least `minimum` characters, so the entry says something someone can act on. */
export function atLeast(minimum: number, what: string): (text: string) => string | undefined {
  return (text) =>
    text.trim().length >= minimum
      ? undefined
      : `too short (${text.trim().length} characters); at least ${minimum}: ${what}`;
}
