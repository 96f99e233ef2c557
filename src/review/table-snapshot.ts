/**
 * A table view (src/render/views) as reviewers compare it: a heading per
 * column, and body rows labelled by their first cells, with spans filled in.
 */
import type { TableView } from '../render/views/cells.ts';
import type { TableRole, TableRowSnapshot, TableSnapshot } from './snapshot.ts';

const lines = (l: string[]) => l.join(' / ');

/** Header text per column, and body rows with every column filled in (spanned cells repeated), from a table view. */
export function tableSnapshot(view: TableView, blockId: string, role: TableRole): TableSnapshot {
  const headGrid = expand(view.head.map((row) => row.map((c) => ({ text: c.text, colSpan: c.colSpan, rowSpan: c.rowSpan }))));
  const width = Math.max(0, ...headGrid.map((r) => r.length));
  const columns = Array.from({ length: width }, (_, i) => {
    const parts: string[] = [];
    for (const row of headGrid) {
      const t = row[i]?.trim();
      if (t && parts.at(-1) !== t) parts.push(t);
    }
    return parts.join(' ');
  });
  const bodyGrid = expand(view.body.map((row) => row.cells.map((c) => ({ text: cellText(c), colSpan: c.colSpan, rowSpan: c.rowSpan }))));
  const figureGrid = expand(view.body.map((row) => row.cells.map((c) => ({ text: c.number, colSpan: c.colSpan, rowSpan: c.rowSpan }))));
  const rows: TableRowSnapshot[] = [];
  let group = '';
  view.body.forEach((row, r) => {
    const cells = bodyGrid[r] ?? [];
    const first = cells[0] ?? '';
    if (row.kind === 'group') group = first;
    // A total closes the whole table or a part of it named in its own label ("S:a Intäkter"): no group prefix.
    const label = row.kind === 'group' || row.kind === 'total' || !group ? first : `${group} › ${first}`;
    const columns = row.kind === 'group' ? 1 : Math.max(width, cells.length);
    rows.push({ label, labelColumns: 1, kind: row.kind, cells: Array.from({ length: columns }, (_, i) => cells[i] ?? ''), figures: Array.from({ length: columns }, (_, i) => figureGrid[r]?.[i]) });
  });
  uniqueLabels(rows);
  return { blockId, id: view.id, caption: view.caption, role, columns, rows, note: view.note, ...(view.tecken ? { tecken: view.tecken } : {}) };
}

/**
 * Rows that share a label (a KF-mål spanning several indicator rows) are told
 * apart by the next columns: "Äldre känner sig trygga › Nöjdheten ökar › Nöjdhet
 * hemtjänst"; a counter only when the whole row repeats.
 */
function uniqueLabels(rows: TableRowSnapshot[]): void {
  const duplicates = () => {
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.label, (counts.get(r.label) ?? 0) + 1);
    return rows.filter((r) => r.kind !== 'group' && counts.get(r.label)! > 1);
  };
  for (let dup = duplicates(); dup.length; dup = duplicates()) {
    const extendable = dup.filter((r) => r.labelColumns < r.cells.length);
    if (extendable.length === 0) break;
    for (const r of extendable) {
      const next = r.cells[r.labelColumns] ?? '';
      if (next) r.label = `${r.label} › ${next}`;
      r.labelColumns++;
    }
  }
  const seen = new Map<string, number>();
  for (const r of rows) {
    const n = (seen.get(r.label) ?? 0) + 1;
    seen.set(r.label, n);
    if (n > 1) r.label = `${r.label} (${n})`;
  }
}

function cellText(c: TableView['body'][number]['cells'][number]): string {
  const parts = [lines(c.lines.filter((l) => l !== ''))];
  // A mark's meaning in words: "X (planerad)", "91 000 (angiven, kan inte kontrolleras)".
  if (c.meaning) parts.push(`(${c.meaning.toLowerCase()})`);
  if (c.link) parts.push(`(${c.link.text})`);
  if (c.footnote) parts.push(`[not: ${c.footnote}]`);
  return parts.filter(Boolean).join(' ');
}

/** Lays out cells with row and column spans on a grid; a spanned cell's text (or figure) fills every slot it covers. */
function expand<T>(rows: { text: T; colSpan?: number; rowSpan?: number }[][]): (T | undefined)[][] {
  const grid: (T | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (col in grid[r]!) col++;
      for (let dr = 0; dr < (cell.rowSpan ?? 1) && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) grid[r + dr]![col + dc] = cell.text;
      }
      col += cell.colSpan ?? 1;
    }
  });
  return grid.map((row) => Array.from({ length: row.length }, (_, i) => row[i]));
}
