/** docs/policy.md documents every key of the default policy, with its default value. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_POLICY } from '../../src/policy/defaults.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { policyKeyPaths } from './key-paths.js';

const page = readFileSync(path.join(REPO_ROOT, 'docs', 'policy.md'), 'utf8');

function defaultAt(keyPath: string): unknown {
  return keyPath
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], DEFAULT_POLICY);
}

describe('docs/policy.md', () => {
  it('has a row for every key of DEFAULT_POLICY, showing its default', () => {
    for (const keyPath of policyKeyPaths(DEFAULT_POLICY)) {
      const value = defaultAt(keyPath);
      if (typeof value === 'object' && !Array.isArray(value) && keyPath !== 'networks') {
        assert.ok(page.includes(`\`${keyPath}.`), `${keyPath}: no key under it is documented`);
        continue;
      }

      const row = page.split('\n').find((line) => line.startsWith(`| \`${keyPath}\` `));
      assert.ok(row, `${keyPath} has no row in docs/policy.md`);
      const shown = Array.isArray(value)
        ? value.length === 0
          ? '(none)'
          : value.join(', ')
        : typeof value === 'object'
          ? Object.keys(value as object).join(', ')
          : String(value);
      assert.ok(
        row.includes(`| ${shown} `) || row.includes(`| \`${shown}\` `),
        `${keyPath}: default ${shown} not shown`,
      );
    }
  });
});
