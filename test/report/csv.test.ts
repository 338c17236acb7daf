import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, csvLine } from '../../src/report/csv.js';

test('cells a spreadsheet would run as formulas are neutralised', () => {
  for (const dangerous of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx']) {
    assert.ok(csvCell(dangerous).replace(/^"/, '').startsWith("'"), dangerous);
  }
});

test('numbers keep their sign; plain text is untouched', () => {
  assert.equal(csvCell(-3), '-3');
  assert.equal(csvCell('EX01'), 'EX01');
  assert.equal(csvCell(null), '');
});

test('quotes, commas and line breaks are quoted per RFC 4180', () => {
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvLine(['x', 'y\nz']), 'x,"y\nz"\r\n');
});
