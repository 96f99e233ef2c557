/**
 * One table as CSV in the Swedish Excel dialect: UTF-8 with a byte order mark
 * (so Excel reads å, ä and ö), semicolons between cells, decimal comma, CRLF.
 * Figures are written without thousands separators so Excel reads them as
 * numbers; a percent as "45%".
 */
import type { CellNumber, CellView, TableView } from '../views/table-view.ts';
import { cellText } from './tables.ts';

const BOM = '\uFEFF';

export function tableCsv(view: TableView): string {
  const rows: string[][] = [];
  const spans = (cells: { colSpan?: number }[], text: (i: number) => string) => cells.flatMap((c, i) => [text(i), ...Array.from({ length: (c.colSpan ?? 1) - 1 }, () => '')]);
  for (const head of view.head) rows.push(spans(head, (i) => head[i]!.text));
  // A cell spanning rows stands in its first row; the rows below get an empty cell in its place.
  const below = new Map<string, number>();
  view.body.forEach((row, r) => {
    const out: string[] = [];
    let col = 0;
    const fill = () => {
      while ((below.get(`${r}:${col}`) ?? 0) > 0) {
        out.push('');
        col++;
      }
    };
    for (const c of row.cells) {
      fill();
      out.push(csvValue(c));
      for (let k = 1; k < (c.rowSpan ?? 1); k++) below.set(`${r + k}:${col}`, 1);
      for (let k = 1; k < (c.colSpan ?? 1); k++) out.push('');
      col += c.colSpan ?? 1;
    }
    fill();
    rows.push(out);
  });
  return BOM + rows.map((r) => r.map(quote).join(';')).join('\r\n') + '\r\n';
}

function csvValue(c: CellView): string {
  return c.number ? csvNumber(c.number) : cellText(c);
}

/** -20790, 61,5, 45%: what Swedish Excel reads as a number. */
export function csvNumber(n: CellNumber): string {
  const text = n.value.toFixed(n.decimals).replace('.', ',');
  return n.unit === '%' ? `${text}%` : text;
}

function quote(cell: string): string {
  return /[;"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** A data: URI of the CSV, for a download link in the self-contained HTML page. */
export function csvDataUri(csv: string): string {
  return `data:text/csv;charset=utf-8;base64,${Buffer.from(csv, 'utf8').toString('base64')}`;
}
