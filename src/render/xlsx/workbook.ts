/**
 * The report's tables as data: one .xlsx workbook with a sheet per table (and
 * per chart's data), figures stored as numbers with their number formats, the
 * header rows, the unit and the source named above each table, and a first
 * sheet that lists them. Read from the table views, never from formatted text.
 */
import ExcelJS from 'exceljs';
import type { Report } from '../../model/types.ts';
import { reportView, type ReportView } from '../views/blocks.ts';
import type { CellView, HeaderCellView, TableView } from '../views/table-view.ts';
import { excelFormat, excelValue, reportTables } from './tables.ts';
import { workbookBytes } from './zip.ts';

const UNIT_WORDS: Record<string, string> = { tkr: 'tkr (tusen kronor)', mnkr: 'mnkr (miljoner kronor)', '%': 'procent' };

export async function renderWorkbook(report: Report, views: ReportView = reportView(report)): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const tables = reportTables(report, views);
  const names = sheetNames(tables.map((t) => t.view.id));
  const about = wb.addWorksheet('Innehåll');
  const { facts } = views;
  const source = `${facts.title}, ${facts.kommun}`;
  about.addRow([facts.title]).font = { bold: true, size: 14 };
  about.addRow([`${facts.summary}. Dokumentets datum: ${facts.datum}.`]);
  about.addRow(['Varje tabell i rapporten står på ett eget blad, med diagrammens data. Talen är tal (inte text), i tabellens enhet.']);
  about.addRow([]);
  about.addRow(['Blad', 'Tabell', 'Avsnitt']).font = { bold: true };
  tables.forEach((t, i) => {
    const row = about.addRow([{ text: names[i]!, hyperlink: `#'${names[i]}'!A1` }, t.view.caption, t.section]);
    row.getCell(1).font = { color: { argb: 'FF0563C1' }, underline: true };
  });
  about.getColumn(1).width = 32;
  about.getColumn(2).width = 70;
  about.getColumn(3).width = 40;
  tables.forEach((t, i) => tableSheet(wb.addWorksheet(names[i]!), t.view, `Källa: ${source}, avsnitt ${t.section}.${t.imported ? ` ${t.imported}` : ''}`));
  return workbookBytes(wb, new Date(`${facts.datum}T00:00:00Z`));
}

/** Caption, unit, source, a blank row, the header rows and the body; the note under it. */
function tableSheet(ws: ExcelJS.Worksheet, view: TableView, source: string): void {
  ws.addRow([view.caption]).font = { bold: true, size: 12 };
  const numbers = view.body.flatMap((r) => r.cells.flatMap((c) => (c.number ? [c.number] : [])));
  const units = [...new Set(numbers.flatMap((n) => (n.unit ? [n.unit] : [])))];
  // One unit for the whole table, or the headings say it (a personnel table mixes tkr, counts and percent).
  const unit = units.length === 1 && numbers.every((n) => n.unit) ? UNIT_WORDS[units[0]!] : numbers.length ? 'enligt rad- och kolumnrubrikerna; procent lagras som andel (45 % = 0,45)' : 'text';
  ws.addRow([`Enhet: ${unit}`]);
  ws.addRow([source]);
  ws.addRow([]);
  const first = ws.rowCount + 1;
  const grid = new Grid();
  view.head.forEach((cells, r) => place(ws, grid, first + r, cells, (cell, c) => headerCell(cell, c)));
  const bodyStart = first + view.head.length;
  view.body.forEach((row, r) => {
    place(ws, grid, bodyStart + r, row.cells, (cell, c) => bodyCell(cell, c));
    if (row.kind !== 'data') ws.getRow(bodyStart + r).font = { bold: true };
  });
  const last = bodyStart + view.body.length;
  if (view.note) ws.getCell(last + 1, 1).value = `Not: ${view.note}`;
  ws.views = [{ state: 'frozen', ySplit: bodyStart - 1, xSplit: 0 }];
  const total = view.widths.reduce((a, b) => a + b, 0) || 1;
  view.widths.forEach((w, i) => (ws.getColumn(i + 1).width = Math.max(10, Math.round((w / total) * 110))));
}

function headerCell(h: HeaderCellView, cell: ExcelJS.Cell): void {
  cell.value = h.text;
  cell.font = { bold: true };
  cell.alignment = { horizontal: h.align, vertical: 'bottom', wrapText: true };
  cell.border = { bottom: { style: 'thin' } };
}

function bodyCell(c: CellView, cell: ExcelJS.Cell): void {
  if (c.number) {
    cell.value = excelValue(c.number);
    cell.numFmt = excelFormat(c.number);
    return;
  }
  const text = c.lines.filter(Boolean).join('\n');
  cell.value = c.link ? { text: [text, c.link.text].filter(Boolean).join('\n'), hyperlink: c.link.href } : text || null;
  cell.alignment = { horizontal: c.align, vertical: 'top', wrapText: c.lines.length > 1 || !!c.link };
}

/** Cells spanning rows or columns take their place as in an HTML table, and are merged. */
class Grid {
  private taken = new Set<string>();
  next(row: number, from: number): number {
    let c = from;
    while (this.taken.has(`${row}:${c}`)) c++;
    return c;
  }
  take(row: number, col: number, rows: number, cols: number): void {
    for (let r = row; r < row + rows; r++) for (let c = col; c < col + cols; c++) this.taken.add(`${r}:${c}`);
  }
}

function place<T extends { colSpan?: number; rowSpan?: number }>(ws: ExcelJS.Worksheet, grid: Grid, row: number, cells: T[], write: (cell: T, target: ExcelJS.Cell) => void): void {
  let col = 1;
  for (const c of cells) {
    col = grid.next(row, col);
    const rows = c.rowSpan ?? 1;
    const cols = c.colSpan ?? 1;
    write(c, ws.getCell(row, col));
    grid.take(row, col, rows, cols);
    if (rows > 1 || cols > 1) ws.mergeCells(row, col, row + rows - 1, col + cols - 1);
    col += cols;
  }
}

/** Sheet names from table ids: at most 31 characters, none of : \ / ? * [ ], unique. */
export function sheetNames(ids: string[]): string[] {
  const used = new Set<string>(['innehåll']);
  return ids.map((id) => {
    const base = id.replace(/[:\\/?*[\]]/g, '-').slice(0, 31);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}-${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}
