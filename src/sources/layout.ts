/**
 * Where the rows of an import are in a sheet: by a range whose columns are the
 * table's in order ("område"), or by a header row whose headings name them
 * ("rubrikrad"), with the rows below up to the first empty one.
 */
import { cellAt, cellName, parseRange, type CellValue, type Sheet } from './grid.ts';
import type { ColumnSpec, RowList } from './shapes.ts';
import type { ImportSpec } from './import.ts';

export interface Layout {
  rows: number[];
  columns: { spec: ColumnSpec; column: number }[];
}

/** område: the columns of the range are the table's columns in order (optional ones may be left out together). */
export function byRange(spec: ImportSpec, l: RowList, sheet: Sheet, name: string): Layout | { problem: string; field: string } {
  if (spec.rubrikrad !== undefined) return { field: 'rubrikrad', problem: 'Ange antingen "område" eller "rubrikrad", inte båda.|Med "område" står kolumnerna i tabellens ordning; med "rubrikrad" känns de igen på sina rubriker.' };
  const range = parseRange(spec.område!);
  if (!range) return { field: 'område', problem: `"${spec.område}" är inget område.|Skriv cellerna från övre vänstra till nedre högra hörnet, t.ex. "A2:E7".` };
  const width = range.right - range.left + 1;
  const required = l.columns.filter((c) => !c.optional);
  const columns = width === l.columns.length ? l.columns : width === required.length ? required : undefined;
  if (!columns) {
    const names = l.columns.map((c) => `${c.headings[0]}${c.optional ? ' (valfri)' : ''}`).join(', ');
    return { field: 'område', problem: `Området ${spec.område} i ${name} har ${width} kolumner, men tabellen har ${l.columns.length}${required.length !== l.columns.length ? ` (${required.length} utan de valfria)` : ''}: ${names}.|Ändra "område" så att det täcker kolumnerna i den ordningen, eller använd "rubrikrad" så känns kolumnerna igen på sina rubriker.` };
  }
  const rows: number[] = [];
  for (let r = range.top; r <= Math.min(range.bottom, sheet.rows); r++) {
    if (columns.some((_, i) => cellAt(sheet, r, range.left + i))) rows.push(r);
  }
  return { rows, columns: columns.map((c, i) => ({ spec: c, column: range.left + i })) };
}

const normal = (s: string) => s.toLowerCase().replace(/[_\s\u00a0]+/g, ' ').trim();

/** rubrikrad: columns found by their headings; the rows below, up to the first empty one. */
export function byHeader(spec: ImportSpec, l: RowList, sheet: Sheet, name: string): Layout | { problem: string; field: string } {
  const headerRow = spec.rubrikrad!;
  const headers = new Map<string, number>();
  for (let c = 1; c <= sheet.columns; c++) {
    const h = textOf(cellAt(sheet, headerRow, c));
    if (h && !headers.has(normal(h))) headers.set(normal(h), c);
  }
  const own = spec.rubriker ?? {};
  const unknownKey = Object.keys(own).find((k) => !l.columns.some((c) => c.path.join('-') === k || c.headings[0] === k));
  if (unknownKey) return { field: 'rubriker', problem: `"${unknownKey}" är ingen kolumn i tabellen.|Kolumnerna är: ${l.columns.map((c) => c.path.join('-')).join(', ')}.` };
  const columns: Layout['columns'] = [];
  const missing: string[] = [];
  for (const c of l.columns) {
    const key = c.path.join('-');
    const names = own[key] !== undefined ? [own[key]!] : c.headings.filter(Boolean);
    const column = names.map((n) => headers.get(normal(n))).find((x) => x !== undefined);
    if (column !== undefined) columns.push({ spec: c, column });
    else if (!c.optional) missing.push(`${key} (${names.map((n) => `"${n}"`).join(' eller ')})`);
  }
  if (missing.length > 0) {
    const found = [...headers.keys()].length ? [...headers.entries()].map(([h, c]) => `${cellName(headerRow, c)} "${h}"`).join(', ') : 'inga';
    return { field: 'rubrikrad', problem: `Rad ${headerRow} i ${name} saknar rubrik för ${missing.join(', ')}. Rubriker på raden: ${found}.|Ändra rubriken i filen, eller ange vilken rubrik som gäller med "rubriker: { ${missing[0]!.split(' ')[0]}: Rubriken i filen }".` };
  }
  const rows: number[] = [];
  for (let r = headerRow + 1; r <= sheet.rows; r++) {
    if (!columns.some((c) => cellAt(sheet, r, c.column))) break;
    rows.push(r);
  }
  return { rows, columns };
}

export function textOf(cell: CellValue | undefined): string {
  return cell?.kind === 'text' ? cell.value : cell?.kind === 'tal' ? String(cell.value) : '';
}
