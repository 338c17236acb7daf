/**
 * The commented default policy `exzt policy init` writes: it loads back as exactly
 * DEFAULT_POLICY, and every key carries a comment.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_POLICY } from '../../src/policy/defaults.js';
import { renderDefaultPolicy } from '../../src/policy/init.js';
import { POLICY_KEY_NOTES } from '../../src/policy/key-notes.js';
import { parsePolicy } from '../../src/policy/load.js';
import { policyKeyPaths } from './key-paths.js';

describe('exzt policy init: the default policy file', () => {
  const text = renderDefaultPolicy();

  it('loads as exactly DEFAULT_POLICY, with nothing taken from the defaults', () => {
    const { policy, defaulted } = parsePolicy(text, 'policy.yaml');
    assert.deepEqual(policy, DEFAULT_POLICY);
    assert.deepEqual(defaulted, []);
  });

  it('puts a one-line comment above every key', () => {
    const lines = text.split('\n');
    for (const keyPath of policyKeyPaths(DEFAULT_POLICY)) {
      const at = lineOf(lines, keyPath);
      const indent = '  '.repeat(keyPath.split('.').length - 1);
      assert.ok(at > 0, `${keyPath} is not in the file`);
      assert.equal(lines[at - 1], `${indent}# ${POLICY_KEY_NOTES[keyPath]}`, keyPath);
    }
  });

  it('has a note for every key and no note for a key the policy lacks', () => {
    assert.deepEqual(Object.keys(POLICY_KEY_NOTES).sort(), policyKeyPaths(DEFAULT_POLICY).sort());
  });
});

/** The line of a nested key: each part searched for after its parent, at its own indent. */
function lineOf(lines: string[], keyPath: string): number {
  let at = -1;
  for (const [depth, key] of keyPath.split('.').entries()) {
    const start = at + 1;
    const found = lines
      .slice(start)
      .findIndex((line) => line.startsWith(`${'  '.repeat(depth)}${key}:`));
    if (found < 0) return -1;
    at = start + found;
  }
  return at;
}
