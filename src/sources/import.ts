/**
 * Rows of a table block from a spreadsheet. Where a block's list of rows would
 * be typed, it names a file instead:
 *
 *   rader: { källfil: drift.xlsx, blad: Drift, rubrikrad: 3, summarad: Summa }
 *
 * The cells become the rows as they would have been typed, so every check of a
 * typed row applies unchanged (schema, number shapes, sums, signs), and the
 * returned source file points every message about an imported value at its
 * file, sheet and cell ("drift.xlsx, blad Drift, cell D14").
 */
import { z } from 'zod';
import { basename } from 'node:path';
import type { Diagnostics } from '../diagnostics.ts';
import { formatPath } from '../diagnostics.ts';
import type { SourceFile, SourceCell } from '../content/source-file.ts';
import { check, reportAt } from '../content/validate.ts';
import { isRecord, nearest, strict, text } from '../content/schema-helpers.ts';
import { displayPath } from '../content/load.ts';
import { cellAt, cellName, type CellValue, type Sheet } from './grid.ts';
import { resolveInside, spreadsheetAt, type Spreadsheets } from './files.ts';
import { rowLists, type ColumnSpec, type Path, type RowList } from './shapes.ts';
import { byHeader, byRange, textOf } from './layout.ts';

/** The keys of an import, in place of a list of rows. */
export const importSchema = strict({
  /** The file in the report folder: .xlsx or .csv. */
  källfil: text,
  /** The sheet of an .xlsx (default: the first). */
  blad: z.union([text, z.number().transform(String)]).optional(),
  /** The cells of the rows, e.g. "A2:E7": columns in the order of the table's columns. */
  område: text.optional(),
  /** The row (number) with column headings; the rows below it, up to the first empty row, are read. */
  rubrikrad: z.number().int().min(1).optional(),
  /** The heading of a column in the file when it differs from the table's: { utfall: "Utfall helår" }. */
  rubriker: z.record(z.string(), text).optional(),
  /** The text of the Summa row in the label column; that row becomes the table's summa (or totalt). */
  summarad: text.optional(),
});
export type ImportSpec = z.output<typeof importSchema>;

export interface ImportContext {
  reportDir: string;
  /** The report's year, for headings such as "Utfall 2024". */
  år: number;
  spreadsheets: Spreadsheets;
}

/** An import as recorded for the model: which file and where. */
export interface ImportedRows {
  listPath: Path;
  file: string;
  sheet?: string;
  range: string;
}

export interface ImportResult {
  raw: Record<string, unknown>;
  source: SourceFile;
  imports: ImportedRows[];
}

/** Replaces every imported row list of `raw` by its rows; undefined when an import failed (reported). */
export function importRows(raw: Record<string, unknown>, source: SourceFile, blockPath: Path, ctx: ImportContext, diagnostics: Diagnostics): ImportResult | undefined {
  const all = rowLists(raw, ctx.år);
  const lists = all.filter((l) => isRecord(valueAt(raw, l.listPath)) && 'källfil' in (valueAt(raw, l.listPath) as object));
  // "källfil" where no list of rows can come from a file: say where it can.
  const misplaced = specPaths(raw).filter((p) => !all.some((l) => samePath(l.listPath, p)));
  for (const p of misplaced) {
    reportAt(
      diagnostics,
      source,
      [...blockPath, ...p, 'källfil'],
      'källfil-plats',
      all.length
        ? `"källfil" kan inte stå här i en ${String(raw.typ)}.|Skriv den i stället för listan med rader: under ${all.map((l) => `"${l.listPath.join('.')}"`).join(' eller ')}, t.ex. "${all[0]!.listPath[all[0]!.listPath.length - 1]}: { källfil: budget.xlsx, rubrikrad: 1 }".`
        : `Tabelltypen "${String(raw.typ)}" kan inte läsa rader ur en fil.|Rader ur Excel eller CSV kan läsas i driftredovisning, investeringsredovisning, internbudget, investeringsbudget, personalnyckeltal och tabell; se README, "Siffror från Excel och CSV".`,
    );
  }
  if (misplaced.length > 0) return undefined;
  if (lists.length === 0) return { raw, source, imports: [] };
  const out = structuredClone(raw);
  const cells = new Map<string, SourceCell>();
  const imports: ImportedRows[] = [];
  let ok = true;
  for (const l of lists) {
    const at = [...blockPath, ...l.listPath];
    const spec = check(importSchema, valueAt(raw, l.listPath), source, at, diagnostics);
    const done = spec && importList(out, l, spec, source, at, blockPath, ctx, cells, diagnostics);
    if (!done) ok = false;
    else imports.push(done);
  }
  if (!ok) return undefined;
  return { raw: out, source: withCells(source, cells), imports };
}

function importList(
  out: Record<string, unknown>,
  l: RowList,
  spec: ImportSpec,
  source: SourceFile,
  at: Path,
  blockPath: Path,
  ctx: ImportContext,
  cells: Map<string, SourceCell>,
  diagnostics: Diagnostics,
): ImportedRows | undefined {
  const fail = (field: string, message: string) => {
    reportAt(diagnostics, source, [...at, field], 'källfil', message);
    return undefined;
  };
  const file = resolveInside(ctx.reportDir, spec.källfil);
  if (!file.ok) return fail('källfil', `${file.problem}|${file.hint}`);
  const book = spreadsheetAt(file.path, ctx.spreadsheets);
  if (!book.ok) return fail('källfil', `${spec.källfil}: ${book.problem}|${book.hint}`);
  const name = basename(spec.källfil);
  let sheet: Sheet | undefined = book.sheet.sheets[0];
  if (spec.blad !== undefined) {
    if (book.sheet.kind === 'csv') return fail('blad', `${name} är en CSV-fil, som inte har några blad.|Ta bort "blad", eller spara tabellen som Excel-arbetsbok (.xlsx).`);
    sheet = book.sheet.sheets.find((s) => s.name === spec.blad) ?? book.sheet.sheets.find((s) => s.name.toLowerCase() === spec.blad!.toLowerCase());
    if (!sheet) {
      const names = book.sheet.sheets.map((s) => s.name);
      const guess = nearest(spec.blad, names);
      return fail('blad', `${name} har inget blad "${spec.blad}".${guess ? ` Menade du "${guess}"?` : ''}|Bladen i filen: ${names.map((n) => `"${n}"`).join(', ')}.`);
    }
  }
  if (!sheet) return fail('källfil', `${name} har inga blad.|Spara om filen i Excel.`);
  const where = (row: number, column: number): SourceCell => ({ file: displayPath(file.path), where: `${book.sheet.kind === 'xlsx' ? `blad ${sheet!.name}, ` : ''}cell ${cellName(row, column)}` });

  const layout = spec.område !== undefined ? byRange(spec, l, sheet, name) : spec.rubrikrad !== undefined ? byHeader(spec, l, sheet, name) : { problem: `Ange var raderna står i ${name}: "område" (t.ex. område: A2:E7) eller "rubrikrad" (radnumret med kolumnrubrikerna).|Med "rubrikrad" läses raderna under rubrikerna fram till första tomma rad; kolumnerna känns igen på sina rubriker.`, field: 'område' };
  if ('problem' in layout) return fail(layout.field, layout.problem);

  // Rows as typed, with every cell's address remembered under its path in the block.
  const rows: unknown[] = [];
  let summa: Record<string, unknown> | undefined;
  let summaRow = 0;
  const labelColumn = layout.columns.find((c) => samePath(c.spec.path, l.label));
  const groups: { namn: string; projekt: unknown[] }[] = [];
  for (const r of layout.rows) {
    const label = labelColumn ? textOf(cellAt(sheet, r, labelColumn.column)) : '';
    const isSumma = spec.summarad !== undefined && label.toLowerCase() === spec.summarad.toLowerCase();
    if (!isSumma && spec.summarad === undefined && l.summaPath && /^(summa|s:a|totalt)\b/i.test(label)) {
      reportAt(diagnostics, withCells(source, new Map([[formatPath(at), where(r, labelColumn!.column)]])), at, 'källfil-summarad', `Raden "${label}" ser ut som en summarad men läses som en vanlig rad.|Skriv "summarad: ${label}" under "källfil", så kontrolleras raden som tabellens summa; eller ta med bara verksamhetsraderna i "område".`);
      return undefined;
    }
    const row = isSumma ? { rubrik: label } : l.empty();
    const rowPath: Path = isSumma ? [...blockPath, ...l.summaPath!] : [...blockPath, ...l.listPath, rows.length];
    for (const { spec: col, column } of layout.columns) {
      if (isSumma && (samePath(col.path, l.label) || (l.groupBy && samePath(col.path, l.groupBy)))) continue;
      const value = cellValue(cellAt(sheet, r, column), col);
      // The label of an internbudget's subtotal row ("Dels:a …") is its delsumma.
      const target = !isSumma && samePath(col.path, l.label) && l.subtotal?.test(label) ? ['delsumma'] : col.path;
      const cellPath = [...rowPath, ...target];
      cells.set(formatPath(cellPath), where(r, column));
      if (value === undefined) continue;
      if (typeof value === 'object') {
        reportAt(diagnostics, withCells(source, cells), cellPath, 'cellfel', `${value.problem}.|Rätta cellen i ${name} och spara filen; i Excel: öppna filen, kontrollera formeln och spara.`);
        return undefined;
      }
      setAt(row, target, value);
    }
    cells.set(formatPath(rowPath), where(r, labelColumn?.column ?? layout.columns[0]!.column));
    if (isSumma) {
      if (summa) {
        reportAt(diagnostics, withCells(source, cells), rowPath, 'källfil-summarad', `Två rader heter "${spec.summarad}" (rad ${summaRow} och ${r}).|Ge summaraden en egen text, eller begränsa "område" så att bara en summarad ingår.`);
        return undefined;
      }
      summa = row as Record<string, unknown>;
      summaRow = r;
    } else if (l.groupBy) {
      const record = row as Record<string, unknown>;
      const kategori = String(record.kategori ?? groups[groups.length - 1]?.namn ?? '');
      delete record.kategori;
      let group = groups[groups.length - 1];
      if (!group || group.namn !== kategori) groups.push((group = { namn: kategori, projekt: [] }));
      // Addresses were remembered under the flat row index; move them under kategorier[ci].projekt[pi].
      const flat = formatPath([...blockPath, ...l.listPath, rows.length]);
      const nested = formatPath([...blockPath, ...l.listPath, groups.length - 1, 'projekt', group.projekt.length]);
      for (const [k, v] of [...cells]) if (k === flat || k.startsWith(`${flat}.`)) cells.set(nested + k.slice(flat.length), v);
      group.projekt.push(record);
      rows.push(record);
    } else rows.push(row);
  }
  if (spec.summarad !== undefined && !summa) {
    return fail('summarad', `${name} har ingen rad "${spec.summarad}" i kolumnen för radens namn.|Skriv summaradens text som den står i filen, eller ta bort "summarad" om filen inte har någon summarad.`);
  }
  if (rows.length === 0) return fail(spec.område !== undefined ? 'område' : 'rubrikrad', `Inga rader hittades i ${name}${book.sheet.kind === 'xlsx' ? `, blad ${sheet.name}` : ''}.|Kontrollera "område" eller "rubrikrad": raderna ska stå direkt under rubrikraden, utan tom rad emellan.`);
  if (summa && l.summaPath) {
    if (valueAt(out, l.summaPath) !== undefined) return fail('summarad', `Summaraden står både i ${name} ("summarad") och i innehållet ("${String(l.summaPath[l.summaPath.length - 1])}").|Ta bort den ena.`);
    setAt(out, l.summaPath, summa);
  }
  setAt(out, l.listPath, l.groupBy ? groups : rows);
  cells.set(formatPath(at), { file: displayPath(file.path), where: book.sheet.kind === 'xlsx' ? `blad ${sheet.name}` : '' });
  const cols = layout.columns.map((c) => c.column);
  return { listPath: l.listPath, file: spec.källfil, ...(book.sheet.kind === 'xlsx' ? { sheet: sheet.name } : {}), range: `${cellName(layout.rows[0]!, Math.min(...cols))}:${cellName(layout.rows[layout.rows.length - 1]!, Math.max(...cols))}` };
}

/** A cell as it would be typed: text, a number (or the text the author wrote, left to the schema), or a problem. */
function cellValue(cell: CellValue | undefined, col: ColumnSpec): string | number | { problem: string } | undefined {
  if (!cell) return undefined;
  if (cell.kind === 'fel') return { problem: cell.problem.charAt(0).toUpperCase() + cell.problem.slice(1) };
  if (col.kind === 'text') return cell.kind === 'tal' ? String(cell.value) : cell.value;
  return cell.value;
}

/** The source file, with the spreadsheet cell of every imported value. */
function withCells(source: SourceFile, cells: Map<string, SourceCell>): SourceFile {
  return {
    ...source,
    cellAt: (path) => {
      for (let n = path.length; n > 0; n--) {
        const hit = cells.get(formatPath(path.slice(0, n)));
        if (hit) return hit;
      }
      return source.cellAt?.(path);
    },
  };
}

function valueAt(v: unknown, path: Path): unknown {
  for (const p of path) v = typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

function setAt(target: unknown, path: Path, value: unknown): void {
  let v = target as Record<string | number, unknown>;
  path.slice(0, -1).forEach((p) => {
    if (typeof v[p] !== 'object' || v[p] === null) v[p] = {};
    v = v[p] as Record<string | number, unknown>;
  });
  v[path[path.length - 1]!] = value;
}

/** Where in a block a mapping with "källfil" stands (two levels deep at most). */
function specPaths(raw: Record<string, unknown>): Path[] {
  const out: Path[] = [];
  for (const [k, v] of Object.entries(raw)) {
    if (!isRecord(v)) continue;
    if ('källfil' in v) out.push([k]);
    else for (const [k2, v2] of Object.entries(v)) if (isRecord(v2) && 'källfil' in v2) out.push([k, k2]);
  }
  return out;
}

const samePath = (a: Path, b: Path) => a.length === b.length && a.every((p, i) => p === b[i]);
