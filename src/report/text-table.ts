/**
 * Plain-text tables for the terminal. Colour is applied per cell by the caller's `paint`, and
 * widths are measured without escape codes so columns line up either way.
 */
export type Paint = (style: CellStyle, text: string) => string;
export type CellStyle = 'plain' | 'good' | 'warn' | 'bad' | 'dim' | 'bold';

export interface Cell {
  text: string;
  style?: CellStyle;
}

const ANSI: Record<CellStyle, string> = {
  plain: '',
  good: '32',
  warn: '33',
  bad: '31',
  dim: '2',
  bold: '1',
};

export function ansiPaint(style: CellStyle, text: string): string {
  const code = ANSI[style];
  return code === '' ? text : `\u001b[${code}m${text}\u001b[0m`;
}

export const noPaint: Paint = (_style, text) => text;

export function renderTable(header: string[], rows: Cell[][], paint: Paint): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => displayWidth(row[column]?.text ?? ''))),
  );
  const line = (cells: Cell[]): string =>
    cells
      .map((cell, column) => {
        const padding = ' '.repeat((widths[column] ?? 0) - displayWidth(cell.text));
        return paint(cell.style ?? 'plain', cell.text) + padding;
      })
      .join('  ')
      .trimEnd();

  const headerLine = line(header.map((text) => ({ text, style: 'bold' as const })));
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [headerLine, rule, ...rows.map(line)].join('\n') + '\n';
}

/** Width in terminal columns; control characters are shown escaped, so they count as text. */
function displayWidth(text: string): number {
  return [...text].length;
}

/**
 * Makes text from evidence safe for a terminal: server names and log lines may carry escape
 * sequences an attacker chose.
 */
export function terminalSafe(text: string): string {
  return text.replace(
    CONTROL_CHARACTERS,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

// C0 and C1 control characters, escape sequences' introducers among them.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;
