/**
 * The vocabulary of every view: what a table, row and cell are, and the
 * cells shared by several tables (text, assessment, trend, outcome).
 */
import type { Report } from '../../model/types.ts';
import type { Assessment, Outcome, TrendResult } from '../../model/assessment/types.ts';
import type { Vocabulary } from '../../model/vocabulary.ts';
import { formatOutcome } from '../../format/values.ts';
import type { FormatOptions } from '../../format/swedish.ts';
import { symbolWord, type SymbolRef, type SymbolSet } from '../symbols.ts';

/** What every view needs from the report besides its block. */
export interface ViewContext {
  format: FormatOptions;
  symbols: SymbolSet;
  /** The assessed year, and whether the report shows assessments at all. */
  år: string;
  assessed: boolean;
  /** The rule set: "uppfyllt" has no partial status, so no column for it. */
  regel: Report['bedömning']['rules']['regel'];
  /** The municipality's labels and status words. */
  ord: Vocabulary;
}

export function viewContext(report: Report): ViewContext {
  return { format: report.profile.format, symbols: report.bedömning.rules.symboler, år: report.bedömning.år, assessed: report.bedömning.used, regel: report.bedömning.rules.regel, ord: report.profile.ord };
}

export type Align = 'left' | 'right';

export interface CellView {
  /** Text lines of the cell; several lines for per-group values. */
  lines: string[];
  align: Align;
  colSpan?: number;
  rowSpan?: number;
  /** Row header (`<th scope="row">`). */
  rowHeader?: boolean;
  /** A symbol drawn before the first line, which holds its word. */
  symbol?: SymbolRef;
  /** A footnote marker and its text, for overridden assessments. */
  footnote?: string;
  /** A link printed as the cell's last line, such as the indicator's KPI in Kolada. */
  link?: { text: string; href: string };
  /** What a short mark in the cell means, in words, for assistive technology and the review text: "Planerad" for an X. */
  meaning?: string;
  /** The number the cell shows, for the data outputs (workbook, CSV): never re-read from the formatted text. */
  number?: CellNumber;
}

/** A figure in its table's unit: 45 for 45 %, with the decimals the table shows. */
export interface CellNumber {
  value: number;
  unit?: 'tkr' | 'mnkr' | '%';
  decimals: number;
}

export const cellNumber = (value: number, decimals: number, unit?: CellNumber['unit']): { number: CellNumber } => ({ number: { value, decimals, ...(unit ? { unit } : {}) } });

/** The public page of a Kolada KPI, for an id such as U21468. */
export function koladaUrl(id: string): string {
  return `https://www.kolada.se/verktyg/fri-sokning/?kpis=${encodeURIComponent(id)}`;
}

export interface HeaderCellView {
  text: string;
  align: Align;
  colSpan?: number;
  rowSpan?: number;
  /** "col" for a column header, "colgroup" for a header spanning several columns. */
  scope: 'col' | 'colgroup';
}

export type RowKind = 'data' | 'group' | 'subtotal' | 'total';

export interface RowView {
  kind: RowKind;
  cells: CellView[];
}

export interface TableView {
  id: string;
  caption: string;
  /** Relative column widths, summing to 100. */
  widths: number[];
  head: HeaderCellView[][];
  body: RowView[];
  note?: string;
  /** Wide tables may be printed on landscape pages. */
  wide: boolean;
  /** Dense tables are set in a smaller type, in every output. */
  compact?: boolean;
  /** The symbols used in the table, explained under it. */
  legend?: SymbolRef[];
  /** A sign convention other than the default, in words, for the review text and the diff (not printed). */
  tecken?: string;
  symbolSet?: SymbolSet;
}

export const text = (lines: string | string[], extra: Partial<CellView> = {}): CellView => ({
  lines: Array.isArray(lines) ? lines : [lines],
  align: 'left',
  ...extra,
});

export const assessmentCell = (a: Assessment | undefined, ord: Vocabulary): CellView =>
  a
    ? {
        lines: [symbolWord({ kind: 'status', status: a.status }, ord)],
        align: 'left',
        symbol: { kind: 'status', status: a.status },
        footnote: a.source === 'åsidosatt' ? `Bedömningen är satt av nämnden; beräknad: ${symbolWord({ kind: 'status', status: a.computed! }, ord).toLowerCase()}. ${a.motivering}` : undefined,
      }
    : { lines: ['–'], align: 'left' };

export const trendCell = (t: TrendResult | undefined): CellView =>
  t
    ? {
        lines: [symbolWord({ kind: 'trend', trend: t.trend })],
        align: 'left',
        symbol: { kind: 'trend', trend: t.trend },
        footnote: t.source === 'åsidosatt' ? `Trenden är satt av nämnden${t.computed ? `; beräknad: ${symbolWord({ kind: 'trend', trend: t.computed }).toLowerCase()}` : ''}. ${t.motivering}` : undefined,
      }
    : { lines: ['–'], align: 'left' };

export const outcomeCell = (o: Outcome | undefined, format: FormatOptions): CellView => ({ lines: o ? formatOutcome(o, format) : ['–'], align: 'right' });

