/**
 * CSV (RFC 4180) with spreadsheet-formula neutralisation: a cell that starts with = + - @, a tab
 * or a carriage return is prefixed with an apostrophe so a spreadsheet shows it as text and
 * never runs it (OWASP "CSV injection").
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';

  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (/[",\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function csvLine(cells: Array<string | number | boolean | null | undefined>): string {
  return cells.map(csvCell).join(',') + '\r\n';
}
