/**
 * The collector cannot be run here (no PowerShell), so it is parsed: with the tree-sitter
 * PowerShell grammar it must have no syntax error, and no syntax Windows PowerShell 5.1 lacks.
 * Each check is first shown to fail on a snippet that breaks it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../helpers/paths.js';
import { powerShell7Constructs, syntaxErrors } from './powershell-syntax.js';

const COLLECTOR = path.join(REPO_ROOT, 'collector', 'Collect-ExztEvidence.ps1');
const TABLE = path.join(REPO_ROOT, 'collector', 'ExztKinds.psd1');

describe('collector syntax (tree-sitter-powershell)', () => {
  it('finds the syntax errors in broken snippets, with their line', () => {
    const broken: [string, RegExp][] = [
      ['$a = @{ key = 1\n', /missing|unexpected/],
      ['if ($a { Get-Item }\n', /missing|unexpected/],
      ['function f {\n  Get-Item -Path "a\n', /missing|unexpected/],
      ['$x = (1 + )\n', /unexpected|missing/],
    ];
    for (const [snippet, expected] of broken) {
      const errors = syntaxErrors(snippet);
      assert.ok(errors.length > 0, `no error found in ${JSON.stringify(snippet)}`);
      assert.match(errors.join('\n'), expected);
    }
    assert.deepEqual(syntaxErrors('Get-Item -Path "a" | Select-Object \'Name\'\n'), []);
  });

  it('parses Collect-ExztEvidence.ps1 without an ERROR or MISSING node', () => {
    assert.deepEqual(syntaxErrors(readFileSync(COLLECTOR, 'utf8')), []);
  });

  it('parses the generated kind table ExztKinds.psd1 without an error', () => {
    assert.deepEqual(syntaxErrors(readFileSync(TABLE, 'utf8')), []);
  });
});

describe('collector has no PowerShell 7 syntax', () => {
  it('names each PowerShell-7-only construct in a snippet, and passes its 5.1 equivalent', () => {
    const cases: [string, RegExp][] = [
      ['$a = $b ?? 3\n', /null-coalescing/],
      ['$a ??= 3\n', /null-coalescing/],
      ['$name = $server?.Name\n', /null-conditional/],
      ['$first = $list?[0]\n', /null-conditional/],
      ['$v = $ok ? 1 : 2\n', /ternary/],
      ['Get-Item a && Get-Item b\n', /pipeline chain operator &&/],
      ['Get-Item a || Get-Item b\n', /pipeline chain operator \|\|/],
      ['1..3 | ForEach-Object -Parallel { $_ }\n', /-Parallel/],
      ['function f { process { $_ } clean { 1 } }\n', /clean \{\} block/],
    ];
    for (const [snippet, expected] of cases) {
      assert.match(powerShell7Constructs(snippet).join('\n'), expected, snippet);
    }
    const windowsPowerShell = [
      'if ($null -ne $b) { $a = $b } else { $a = 3 }',
      '$v = $(if ($ok) { 1 } else { 2 })',
      'Get-Item a; if ($?) { Get-Item b }',
      'Get-Process | ? { $_.Id -gt 4 }',
      '1..3 | ForEach-Object { $_ }',
      '$cleanup = { 1 }',
    ].join('\n');
    assert.deepEqual(powerShell7Constructs(`${windowsPowerShell}\n`), []);
  });

  it('finds none in Collect-ExztEvidence.ps1', () => {
    assert.deepEqual(powerShell7Constructs(readFileSync(COLLECTOR, 'utf8')), []);
  });
});
