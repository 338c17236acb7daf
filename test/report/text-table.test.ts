import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ansiPaint, noPaint, renderTable, terminalSafe } from '../../src/report/text-table.js';

test('columns line up with and without colour', () => {
  const rows = [[{ text: 'EX01' }, { text: 'exposed', style: 'bad' as const }]];
  const plain = renderTable(['Server', 'State'], rows, noPaint).split('\n');
  assert.equal(plain[0], 'Server  State');
  assert.equal(plain[2], 'EX01    exposed');

  const coloured = renderTable(['Server', 'State'], rows, ansiPaint);
  assert.ok(coloured.includes('\u001b[31mexposed\u001b[0m'));
});

test('escape sequences from evidence never reach the terminal raw', () => {
  assert.equal(terminalSafe('EX01\u001b[2J'), 'EX01\\x1b[2J');
});
