/**
 * A CSV table as inventories export it (RFC 4180: comma-separated, fields in double quotes where
 * they hold commas, quotes or line breaks, quotes doubled inside), tolerating a BOM, CRLF or LF
 * line ends and blank lines. Every row keeps the line it starts on, for provenance and errors.
 */
import { ExztError } from '../../errors.js';

export interface CsvRow {
  /** 1-based line the row starts on. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  file: string;
  header: string[];
  rows: CsvRow[];
}

export function parseCsv(text: string, file: string): CsvTable {
  const records = readRecords(text.replace(/^\uFEFF/, ''), file);
  const [header, ...rows] = records.filter((record) => !isBlank(record.cells));
  if (header === undefined) {
    throw new ExztError('EVIDENCE', 'expected a CSV header row, found an empty file', {
      position: { file, line: 1, column: 1 },
    });
  }

  return { file, header: header.cells.map((name) => name.trim()), rows };
}

/**
 * The index of the first header column named by one of `names` (case-insensitive, spaces and
 * punctuation ignored), or undefined.
 */
export function findColumn(table: CsvTable, names: readonly string[]): number | undefined {
  const wanted = new Set(names.map(normaliseName));
  const index = table.header.findIndex((name) => wanted.has(normaliseName(name)));
  return index < 0 ? undefined : index;
}

/** Like findColumn, but a missing column is an error naming the header line and what was expected. */
export function requireColumn(table: CsvTable, names: readonly string[]): number {
  const index = findColumn(table, names);
  if (index !== undefined) return index;

  const expected = names.map((name) => `"${name}"`).join(' or ');
  throw new ExztError(
    'EVIDENCE',
    `expected a column ${expected} in the header, found ${table.header.map((n) => `"${n}"`).join(', ')}`,
    { position: { file: table.file, line: 1, column: 1 } },
  );
}

/** The trimmed cell at `index`, or undefined when the row is shorter or the cell empty. */
export function cellAt(row: CsvRow, index: number | undefined): string | undefined {
  if (index === undefined) return undefined;

  const cell = row.cells[index]?.trim();
  return cell === undefined || cell === '' ? undefined : cell;
}

function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function isBlank(cells: string[]): boolean {
  return cells.length === 1 && cells[0]?.trim() === '';
}

/** Splits the text into records, honouring quoted fields that span lines. */
function readRecords(text: string, file: string): CsvRow[] {
  const records: CsvRow[] = [];
  let cells: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let position = 0;

  while (position < text.length) {
    const char = text[position];
    if (char === '"' && field.trim() === '') {
      const quoted = readQuoted(text, position, { file, line });
      field = quoted.value;
      line = quoted.line;
      position = quoted.end;
      continue;
    }
    if (char === ',') {
      cells.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      records.push({ line: recordLine, cells: [...cells, field] });
      cells = [];
      field = '';
      if (char === '\r' && text[position + 1] === '\n') position += 1;
      line += 1;
      recordLine = line;
    } else {
      field += char;
    }
    position += 1;
  }
  if (field !== '' || cells.length > 0)
    records.push({ line: recordLine, cells: [...cells, field] });
  return records;
}

/** A quoted field from its opening quote: its value, the line it ends on and where it ends. */
function readQuoted(
  text: string,
  start: number,
  at: { file: string; line: number },
): { value: string; line: number; end: number } {
  let value = '';
  let line = at.line;
  let position = start + 1;
  while (position < text.length) {
    const char = text[position];
    if (char === '"' && text[position + 1] === '"') {
      value += '"';
      position += 2;
      continue;
    }
    if (char === '"') return { value, line, end: position + 1 };
    if (char === '\n' || (char === '\r' && text[position + 1] !== '\n')) line += 1;
    value += char;
    position += 1;
  }

  throw new ExztError('EVIDENCE', 'expected a closing double quote, found the end of the file', {
    position: { file: at.file, line: at.line, column: columnOf(text, start) },
  });
}

function columnOf(text: string, offset: number): number {
  const lineStart = Math.max(
    text.lastIndexOf('\n', offset - 1),
    text.lastIndexOf('\r', offset - 1),
  );
  return offset - lineStart;
}
