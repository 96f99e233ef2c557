/**
 * Symbol legends ("Teckenförklaring"): which symbols a table or a list of
 * uppdrag uses, in the legend's order, each with its word. Every renderer
 * prints a legend from this view.
 */
import type { Vocabulary } from '../../model/vocabulary.ts';
import { symbolWord, type SymbolRef } from '../symbols.ts';
import type { TableView } from './cells.ts';
import { fieldLabels } from './labels.ts';

export interface LegendEntry {
  symbol: SymbolRef;
  word: string;
}

export interface LegendView {
  /** "Teckenförklaring". */
  label: string;
  entries: LegendEntry[];
}

/** The legend of the symbols in `order` that `used` holds; no entries when none is used. */
export function legendView(order: readonly SymbolRef[], used: (ref: SymbolRef) => boolean, ord: Vocabulary): LegendView {
  return { label: fieldLabels.legend, entries: order.filter(used).map((symbol) => ({ symbol, word: symbolWord(symbol, ord) })) };
}

/** A table's legend: the symbols its cells show, in the order of the table's legend. */
export function tableLegend(view: TableView, ord: Vocabulary): LegendView {
  const used = new Set(view.body.flatMap((r) => r.cells.flatMap((c) => (c.symbol ? [JSON.stringify(c.symbol)] : []))));
  return legendView(view.legend ?? [], (ref) => used.has(JSON.stringify(ref)), ord);
}
