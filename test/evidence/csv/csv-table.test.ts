import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ExztError } from '../../../src/errors.js';
import { parseCsv, requireColumn } from '../../../src/evidence/csv/csv-table.js';

describe('CSV tables', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, keeping start lines', () => {
    const table = parseCsv(
      '\uFEFFDevice name,Notes\r\n"LT-1","a, ""b"""\r\n\r\n"PH-2","two\r\nlines"\r\nPH-3,plain',
      'devices.csv',
    );
    assert.deepEqual(table.header, ['Device name', 'Notes']);
    assert.deepEqual(
      table.rows.map((row) => [row.line, ...row.cells]),
      [
        [2, 'LT-1', 'a, "b"'],
        [4, 'PH-2', 'two\r\nlines'],
        [6, 'PH-3', 'plain'],
      ],
    );
  });

  it('names the file, line and column of an unterminated quote', () => {
    assert.throws(
      () => parseCsv('Name\n"never closed\n', 'devices.csv'),
      (error: unknown) =>
        error instanceof ExztError &&
        error.describe() ===
          'devices.csv:2:1: expected a closing double quote, found the end of the file',
    );
  });

  it('refuses an empty file and names the header when a required column is missing', () => {
    assert.throws(() => parseCsv('\r\n', 'empty.csv'), /expected a CSV header row/);
    const table = parseCsv('Name,OS\nx,y', 'devices.csv');
    assert.equal(requireColumn(table, ['os']), 1);
    assert.throws(
      () => requireColumn(table, ['Primary user UPN']),
      (error: unknown) =>
        error instanceof ExztError &&
        error.describe() ===
          'devices.csv:1:1: expected a column "Primary user UPN" in the header, found "Name", "OS"',
    );
  });
});
