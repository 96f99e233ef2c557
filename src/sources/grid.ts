/**
 * A spreadsheet as the importer sees it: named sheets of cells addressed by
 * row and column (1-based, as in Excel), each cell a number, a text or empty,
 * or a problem (an error value, a formula without a stored value). Both the
 * XLSX and the CSV reader produce this, so the importer knows no file format.
 */

export type CellValue =
  | { kind: 'tal'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'fel'; problem: string };

export interface Sheet {
  name: string;
  /** Cells by "row:column"; empty cells are absent. */
  cells: Map<string, CellValue>;
  /** The last row and column with a value. */
  rows: number;
  columns: number;
}

export interface Spreadsheet {
  kind: 'xlsx' | 'csv';
  sheets: Sheet[];
}

export function cellAt(sheet: Sheet, row: number, column: number): CellValue | undefined {
  return sheet.cells.get(`${row}:${column}`);
}

/** 1 → "A", 27 → "AA". */
export function columnLetters(column: number): string {
  let out = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** "D14" for row 14, column 4. */
export function cellName(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A2:E7" (or one cell "B3") → the range; undefined when not a range in A1 form. */
export function parseRange(text: string): Range | undefined {
  const m = /^\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})(?:\s*:\s*\$?([A-Za-z]{1,3})\$?(\d{1,7}))?\s*$/.exec(text);
  if (!m) return undefined;
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const a = { row: Number(m[2]), column: col(m[1]!) };
  const b = m[3] ? { row: Number(m[4]), column: col(m[3]) } : a;
  if (a.row < 1 || b.row < 1) return undefined;
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.column, b.column), right: Math.max(a.column, b.column) };
}

export function sheetFromRows(name: string, rows: (CellValue | undefined)[][]): Sheet {
  const cells = new Map<string, CellValue>();
  let lastRow = 0;
  let lastColumn = 0;
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      cells.set(`${r + 1}:${c + 1}`, cell);
      lastRow = Math.max(lastRow, r + 1);
      lastColumn = Math.max(lastColumn, c + 1);
    }),
  );
  return { name, cells, rows: lastRow, columns: lastColumn };
}
