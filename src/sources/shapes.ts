/**
 * Which lists of rows of which blocks may come from a spreadsheet, and the
 * columns of such a row: where each cell goes in the row as it would be typed,
 * the headings a header row may use for it, and whether it holds text or a number.
 */
import { isRecord } from '../content/schema-helpers.ts';
import { driftHeadings, investmentHeadings } from '../content/schema.ts';

export type Path = (string | number)[];

export interface ColumnSpec {
  /** Where the cell goes in the row as typed: ["utfall"], [2] in a tabell, ["värden", "2024", "kvinnor"]. */
  path: Path;
  /** Headings that name the column in a header row (compared without case, spaces or "_"). */
  headings: string[];
  kind: 'text' | 'tal';
  /** May be missing from a sheet (kod, nummer, mätdatum …). */
  optional?: boolean;
}

export interface RowList {
  /** Where the list of rows is in the block: ["rader"], ["kostnader", "rader"]. */
  listPath: Path;
  columns: ColumnSpec[];
  /** The column that labels a row: the Summa row is found by it. */
  label: Path;
  /** Where a Summa row goes ["summa"]; none for a tabell (its summarad is computed). */
  summaPath?: Path;
  /** The row as typed before any cell is set: an object, or a tabell's list of cells. */
  empty: () => Record<string, unknown> | unknown[];
  /** A row labelled like this is a subtotal of an internbudget: { delsumma: label, …amounts }. */
  subtotal?: RegExp;
  /** investeringsbudget: rows grouped under their kategori into { namn, projekt: [...] }. */
  groupBy?: Path;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (key: string, headings: string[], optional = false): ColumnSpec => ({ path: [key], headings: [key, ...headings], kind: 'text', optional });
const tal = (key: string, headings: string[]): ColumnSpec => ({ path: [key], headings: [key, ...headings], kind: 'tal' });

/** The row lists of a block, for the report's year `år`. */
export function rowLists(block: Record<string, unknown>, år: number): RowList[] {
  switch (block.typ) {
    case 'driftredovisning': {
      const h = driftHeadings(String(år), String(år - 1));
      return [{
        listPath: ['rader'],
        label: ['verksamhet'],
        summaPath: ['summa'],
        empty: () => ({}),
        columns: [
          text('verksamhet', ['verksamhetsområde']),
          tal('föregående_år', ['föregående år', h.föregående_år]),
          tal('utfall', [h.utfall]),
          tal('budget', [h.budget]),
          tal('avvikelse', [h.avvikelse]),
        ],
      }];
    }
    case 'investeringsredovisning':
      return [{
        listPath: ['projekt'],
        label: ['namn'],
        summaPath: ['summa'],
        empty: () => ({}),
        columns: [
          text('nummer', ['projektnummer', 'nr'], true),
          text('namn', ['projekt', 'projektnamn']),
          tal('utfall', [investmentHeadings.utfall]),
          tal('budget', [investmentHeadings.budget]),
          tal('kvar', [investmentHeadings.kvar]),
          text('färdigställs', ['färdigställs år/mån'], true),
        ],
      }];
    case 'internbudget': {
      const amounts = list(block.kolumner).filter(isRecord).map((c) => tal(String(c.id), [String(c.rubrik ?? '')]));
      return ['nettokostnad', 'intäkter', 'kostnader'].map((part) => ({
        listPath: [part, 'rader'],
        label: ['namn'],
        summaPath: [part, 'summa'],
        empty: () => ({}),
        subtotal: /^(dels:a|delsumma)\b/i,
        columns: [text('kod', [], true), text('namn', ['verksamhet']), ...amounts],
      }));
    }
    case 'investeringsbudget': {
      const amounts = list(block.kolumner).filter(isRecord).map((c) => tal(String(c.id), [String(c.rubrik ?? '')]));
      return [{
        listPath: ['kategorier'],
        label: ['namn'],
        summaPath: ['totalt'],
        empty: () => ({}),
        groupBy: ['kategori'],
        columns: [text('kategori', []), text('namn', ['projekt']), ...amounts],
      }];
    }
    case 'tabell': {
      const columns = list(block.kolumner);
      return [{
        listPath: ['rader'],
        label: [0],
        empty: () => columns.map(() => null),
        columns: columns.map((c, i) => {
          const rubrik = typeof c === 'string' ? c : isRecord(c) ? String(c.rubrik ?? '') : '';
          const typ = isRecord(c) ? c.typ : 'text';
          return { path: [i], headings: [rubrik], kind: typ === 'tal' || typ === 'belopp' || typ === 'procent' ? 'tal' : 'text' };
        }),
      }];
    }
    case 'personalnyckeltal': {
      const years = list(block.år).map(String);
      const groups = [['totalt', 'Totalt'], ['kvinnor', 'Kvinnor'], ['män', 'Män']] as const;
      return [{
        listPath: ['rader'],
        label: ['mått'],
        empty: () => ({}),
        columns: [
          text('mått', ['nyckeltal']),
          text('mätdatum', [], true),
          text('enhet', [], true),
          ...years.flatMap((y) => groups.map(([g, name]): ColumnSpec => ({ path: ['värden', y, g], headings: [`${name} ${y}`, `${g}-${y}`], kind: 'tal', optional: g !== 'totalt' }))),
        ],
      }];
    }
    default:
      return [];
  }
}
