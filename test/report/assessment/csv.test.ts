/** The assessment CSV: one row per result, and no cell a spreadsheet would run as a formula. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ASSESSMENT_CSV_COLUMNS, assessmentCsvChunks } from '../../../src/report/assessment/csv.js';
import { contosoAssessment } from './fixture.js';
import { FORMULA, hostileAssessment } from './hostile.js';

/** RFC 4180 rows, quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else {
      cell += char;
    }
  }
  return rows;
}

describe('assessment CSV', () => {
  it('has a header and one row per result, every row as wide as the header', async () => {
    const assessment = await contosoAssessment();
    const rows = parseCsv([...assessmentCsvChunks(assessment)].join(''));
    assert.deepEqual(rows[0], [...ASSESSMENT_CSV_COLUMNS]);
    assert.equal(rows.length, assessment.results.length + 1);
    for (const row of rows) assert.equal(row.length, ASSESSMENT_CSV_COLUMNS.length);
    assert.equal(rows[1]?.[0], assessment.results[0]?.control);
  });

  it('neutralises cells that start with = + - @, a tab or a carriage return', async () => {
    const rows = parseCsv(
      [...assessmentCsvChunks(hostileAssessment(await contosoAssessment()))].join(''),
    );
    const cells = rows.flat();
    assert.ok(cells.includes(`'${FORMULA}`), 'the formula message was not neutralised');
    for (const cell of cells) {
      assert.ok(!/^[=+\-@\t\r]/.test(cell), `a cell starts like a formula: ${cell.slice(0, 40)}`);
    }
  });
});
