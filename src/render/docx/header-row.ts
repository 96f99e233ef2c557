/**
 * One header row for the DOCX. A two-row header (a group such as "Målvärde" over
 * its years) merges cells vertically and horizontally; Word's accessibility
 * checker and screen readers in Word take only a table's first row as its header.
 * Here every column gets one header cell naming what stands above it, top to
 * bottom ("Målvärde 2025"); neighbouring columns with the same name share a cell.
 */
import type { HeaderCellView } from '../views/cells.ts';

export function singleHeaderRow(head: readonly (readonly HeaderCellView[])[]): HeaderCellView[][] {
  if (head.length <= 1) return head.map((row) => [...row]);
  // The cells covering each column, row by row.
  const grid: (HeaderCellView | undefined)[][] = head.map(() => []);
  head.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (grid[r]![col]) col++;
      for (let dr = 0; dr < (cell.rowSpan ?? 1) && r + dr < head.length; dr++) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) grid[r + dr]![col + dc] = cell;
      }
      col += cell.colSpan ?? 1;
    }
  });
  const columns = Math.max(...grid.map((row) => row.length));
  const stacks = Array.from({ length: columns }, (_, c) => [...new Set(grid.map((row) => row[c]).filter((x): x is HeaderCellView => x !== undefined))]);
  const out: HeaderCellView[] = [];
  let previous: HeaderCellView[] | undefined;
  for (const stack of stacks) {
    const last = out[out.length - 1];
    if (last && previous && previous.length === stack.length && previous.every((cell, i) => cell === stack[i])) {
      last.colSpan = (last.colSpan ?? 1) + 1;
      continue;
    }
    const bottom = stack[stack.length - 1]!;
    out.push({ text: stack.map((c) => c.text).filter(Boolean).join(' '), align: bottom.align, scope: 'col' });
    previous = stack;
  }
  for (const cell of out) if (cell.colSpan && cell.colSpan > 1) cell.scope = 'colgroup';
  return [out];
}
