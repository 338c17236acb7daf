/**
 * The report's inline script is assembled from the browser modules' own source: it must parse
 * as one script, hold every exported function exactly once, and end by calling main().
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import vm from 'node:vm';
import {
  browserFunctions,
  REPORT_SCRIPT,
} from '../../../src/report/assessment/html/report-script.js';

describe('REPORT_SCRIPT', () => {
  it('parses as one classic script', () => {
    assert.doesNotThrow(() => new vm.Script(REPORT_SCRIPT));
  });

  it('declares every browser function once, by name, and calls main()', () => {
    const names = browserFunctions().map(([name]) => name);
    for (const name of names) {
      const declarations = REPORT_SCRIPT.match(new RegExp(`^function ${name}\\(`, 'gm')) ?? [];
      assert.equal(declarations.length, 1, name);
    }
    assert.ok(names.includes('main'));
    assert.match(REPORT_SCRIPT, /\nmain\(\);\n\}\)\(\);$/);
  });

  it('refers to no module: the functions were compiled without imports of their own', () => {
    assert.doesNotMatch(REPORT_SCRIPT, /\bimport\b|\brequire\(|\bexports\./);
  });
});
