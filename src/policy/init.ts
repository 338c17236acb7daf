/**
 * The default policy as YAML, every key with a one-line comment on what it means and why Zero
 * Trust wants it: what `exzt policy init` writes. Built from DEFAULT_POLICY itself, so loading
 * it gives the defaults back exactly (a test holds it to that).
 */
import { Document, isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { ExztError } from '../errors.js';
import { DEFAULT_POLICY } from './defaults.js';
import { POLICY_KEY_NOTES } from './key-notes.js';

const HEADER = [
  ' exzt Zero Trust policy (docs/policy.md describes every key).',
  ' Verify explicitly, grant least privilege for the least time, assume breach.',
  ' A key left out takes the default shown here; the networks are placeholders to replace.',
].join('\n');

export function renderDefaultPolicy(): string {
  const document = new Document(DEFAULT_POLICY);
  document.commentBefore = HEADER;
  annotate(document.contents, '');
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Puts each key's note above it, lists of words on one line, and a blank line between sections. */
function annotate(node: Node | null, path: string): void {
  if (isSeq(node) && node.items.every((item) => isScalar(item))) node.flow = true;
  // "07:00" quoted: a YAML 1.1 reader would take 07:00 for the number 420.
  if (isScalar(node) && typeof node.value === 'string' && /^\d\d:\d\d$/.test(node.value)) {
    node.type = Scalar.QUOTE_DOUBLE;
  }
  if (!isMap(node)) return;

  for (const pair of node.items) {
    const key = pair.key as Scalar;
    const keyPath = path === '' ? String(key.value) : `${path}.${String(key.value)}`;
    const note = POLICY_KEY_NOTES[keyPath];
    if (note === undefined) {
      throw new ExztError('INTERNAL', `no note for policy key ${keyPath} in key-notes.ts`);
    }

    key.commentBefore = ` ${note}`;
    if (path === '' && isMap(pair.value)) key.spaceBefore = true;
    annotate(pair.value as Node | null, keyPath);
  }
}
