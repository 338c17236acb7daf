import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import {
  REGISTRY_TABLE_END,
  REGISTRY_TABLE_START,
  registryTableMarkdown,
} from '../../src/evidence/registry-table.js';
import { REPO_ROOT } from '../helpers/paths.js';

test('docs/evidence-bundle.md holds the registry table exactly as the code generates it', async () => {
  const text = await readFile(path.join(REPO_ROOT, 'docs/evidence-bundle.md'), 'utf8');
  const start = text.indexOf(REGISTRY_TABLE_START);
  const end = text.indexOf(REGISTRY_TABLE_END);
  assert.ok(start !== -1 && end > start, 'the table markers are present');

  const documented = text.slice(start + REGISTRY_TABLE_START.length, end).trim();
  assert.equal(documented, registryTableMarkdown());
});
