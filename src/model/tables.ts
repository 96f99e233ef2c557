/** Text tables (nyckeltal, utvecklingsarbete, fokusområden) and the generic table with its optional sum row. */
import type { BlockInput, TabellInput } from '../content/schema.ts';
import type { GenericCell, GenericTable, Tecken, TextTable } from './types.ts';
import type { Problems } from './problems.ts';
import { parseMeasured } from './values.ts';
import { parseSwedishNumber } from '../format/swedish.ts';
import { sumAmounts } from './amounts.ts';

type TextTableInput = Extract<BlockInput, { typ: 'nyckeltal' | 'utvecklingsarbete' | 'fokusområden' }>;

/** A text table with the author's column headings where given ("Planerat projekt/åtgärd"), one per column. */
export function buildTextTable(input: TextTableInput, problems: Problems): TextTable {
  const table = textTable(input);
  const headings = input.kolumnrubriker;
  if (!headings) return table;
  if (headings.length !== table.columns.length) {
    problems.error(
      ['kolumnrubriker'],
      'kolumnrubriker-antal',
      `"kolumnrubriker" har ${headings.length} rubriker men tabellen har ${table.columns.length} kolumner.|Skriv en rubrik per kolumn, i ordning: ${table.columns.join(' | ')}.`,
    );
    return table;
  }
  return { ...table, columns: headings };
}

function textTable(input: TextTableInput): TextTable {
  const common = { id: input.id, rubrik: input.rubrik, not: input.not };
  switch (input.typ) {
    case 'nyckeltal':
      return {
        kind: 'nyckeltal',
        ...common,
        columns: ['Mått', 'Syfte (varför)', 'Datakälla', 'Jämförelsevärde (år)', 'Uppföljningstillfälle'],
        rows: input.rader.map((r) => [
          r.mått,
          r.syfte,
          r.datakälla,
          r.jämförelsevärde !== undefined ? parseMeasured(r.jämförelsevärde) : '',
          r.uppföljning,
        ]),
      };
    case 'utvecklingsarbete':
      return { kind: 'utvecklingsarbete', ...common, columns: ['Projekt', 'Syfte', 'Ansvar'], rows: input.rader.map((r) => [r.projekt, r.syfte, r.ansvar]) };
    case 'fokusområden':
      return { kind: 'fokusområden', ...common, columns: ['Fokusområde', 'Nämndens omhändertagande'], rows: input.rader.map((r) => [r.fokusområde, r.omhändertagande]) };
  }
}

/** `tecken`: the sign convention resolved from the block and the profile; recorded only where the table has belopp columns. */
export function buildGenericTable(input: TabellInput, problems: Problems, tecken: Tecken = 'negativ'): GenericTable {
  const columns = input.kolumner;
  const withAmounts = columns.some((c) => c.typ === 'belopp');
  if (input.nettokostnad_tecken && !withAmounts) {
    problems.warn(
      ['nettokostnad_tecken'],
      'tecken-utan-belopp',
      `"nettokostnad_tecken" gäller tabellens beloppskolumner, men tabellen "${input.id}" har ingen kolumn av typen belopp.|Ta bort nyckeln, eller ge beloppskolumnerna "typ: belopp".`,
    );
  }
  const rows: GenericCell[][] = input.rader.map((row, ri) => {
    if (row.length !== columns.length) {
      problems.error(
        ['rader', ri],
        'antal-celler',
        `Raden har ${row.length} celler men tabellen har ${columns.length} kolumner.|Ge varje rad exakt en cell per kolumn; skriv null för en tom cell.`,
      );
    }
    return columns.map((col, ci): GenericCell => {
      const raw = row[ci];
      if (raw === null || raw === undefined || raw === '') return { kind: 'tom' };
      if (col.typ === 'text') return { kind: 'text', text: String(raw) };
      const value = typeof raw === 'number' ? raw : parseSwedishNumber(raw.replace(/\s*%$/, ''));
      if (value === undefined) {
        problems.error(
          ['rader', ri, ci],
          'fel-typ',
          `Kolumnen "${col.rubrik}" ska innehålla tal, men cellen innehåller texten "${String(raw)}".|Skriv ett tal (t.ex. 1250 eller "1 250,5"), null för en tom cell, eller ändra kolumnens typ till text.`,
        );
        return { kind: 'tom' };
      }
      return { kind: 'tal', value };
    });
  });
  const summa = input.summarad
    ? {
        rubrik: input.summarad,
        cells: columns.map((col, ci): GenericCell => {
          if (ci === 0) return { kind: 'text', text: input.summarad! };
          if (col.typ === 'belopp' || col.typ === 'tal') {
            const v = sumAmounts(rows.map((r) => (r[ci]?.kind === 'tal' ? (r[ci] as { value: number }).value : null)));
            return v === null ? { kind: 'tom' } : { kind: 'tal', value: v };
          }
          return { kind: 'tom' };
        }),
      }
    : undefined;
  return { kind: 'tabell', id: input.id, rubrik: input.rubrik, not: input.not, enhet: input.enhet, ...(withAmounts ? { tecken } : {}), columns, rows, summa };
}
