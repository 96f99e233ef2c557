/**
 * Rows of amount tables hold their values under the ids of the table's
 * columns. A misspelt column id is reported here, from the raw front matter,
 * so it is found in the same run as every other problem of the block.
 */
import type { Diagnostics } from '../diagnostics.ts';
import type { SourceFile } from './source-file.ts';
import { nearest, isRecord } from './schema-helpers.ts';
import { reportAt } from './validate.ts';

type Path = (string | number)[];
type Raw = Record<string, unknown>;


/** Which keys of which rows hold amounts, per block type, besides the row's own fields. */
const rowsOf: Record<string, (block: Raw) => { row: unknown; path: Path; own: string[] }[]> = {
  internbudget: (block) =>
    ['nettokostnad', 'intäkter', 'kostnader'].flatMap((part) => {
      const p = block[part];
      if (!isRecord(p)) return [];
      const rows = Array.isArray(p.rader) ? p.rader.map((row, i) => ({ row, path: [part, 'rader', i], own: ['kod', 'namn', 'delsumma'] })) : [];
      return [...rows, { row: p.summa, path: [part, 'summa'], own: ['rubrik'] }];
    }),
  investeringsbudget: (block) => [
    ...(Array.isArray(block.kategorier) ? block.kategorier : []).flatMap((cat, ci) =>
      isRecord(cat) && Array.isArray(cat.projekt) ? cat.projekt.map((row, pi) => ({ row, path: ['kategorier', ci, 'projekt', pi] as Path, own: ['namn'] })) : [],
    ),
    { row: block.totalt, path: ['totalt'], own: ['rubrik'] },
  ],
  ramförändring: (block) =>
    (Array.isArray(block.rader) ? block.rader : []).map((row, i) => ({ row, path: ['rader', i] as Path, own: ['ingående', 'justering', 'utgående'] })),
};

/** Blocks whose columns are optional: without `kolumner`, a row's one amount is `belopp`. */
const singleColumn: Record<string, string> = { ramförändring: 'belopp' };

export function checkColumnKeys(block: Raw, source: SourceFile, blockPath: Path, diagnostics: Diagnostics): void {
  const rows = rowsOf[String(block.typ)];
  const single = singleColumn[String(block.typ)];
  if (!rows || (!Array.isArray(block.kolumner) && !single)) return;
  const ids = Array.isArray(block.kolumner) ? block.kolumner.filter(isRecord).map((c) => String(c.id)) : [single!];
  for (const { row, path, own } of rows(block)) {
    if (!isRecord(row)) continue;
    for (const key of Object.keys(row)) {
      if (own.includes(key) || ids.includes(key)) continue;
      const suggestion = nearest(key, [...ids, ...own]);
      reportAt(
        diagnostics,
        source,
        [...blockPath, ...path, key],
        'okänd-kolumn',
        Array.isArray(block.kolumner)
          ? `Okänd kolumn "${key}".${suggestion ? ` Menade du "${suggestion}"?` : ''}|Kolumnerna i den här tabellen är: ${ids.map((i) => `"${i}"`).join(', ')} (se "kolumner").`
          : `Okänd nyckel "${key}".${suggestion ? ` Menade du "${suggestion}"?` : ''}|Utan "kolumner" har varje rad sitt belopp under "${single}"; giltiga nycklar här: ${[...own, single].map((k) => `"${k}"`).join(', ')}.`,
      );
    }
  }
}
