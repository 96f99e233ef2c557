/**
 * The block views (src/render/views/blocks.ts) as the HTML partials read them:
 * the same fields, with the symbols and charts drawn as SVG and the footnotes
 * numbered. Nothing is laid out here that the views do not already say.
 */
import Handlebars from 'handlebars';
import type { Profile } from '../../model/types.ts';
import type { BlockView } from '../views/blocks.ts';
import type { TableView, ViewContext } from '../views/cells.ts';
import { tableLegend, type LegendView } from '../views/legend.ts';
import { symbolSvg, symbolWord, type SymbolRef, type SymbolSet } from '../symbols.ts';
import { proseHtml } from './prose.ts';
import { csvDataUri, tableCsv } from '../xlsx/csv.ts';
import { chartStyle, drawChart } from '../charts/draw.ts';
import { inlineSvg } from '../charts/svg.ts';

/** Where each table gets a CSV download link (the web page; not the page printed to PDF). */
export interface Downloads {
  reportId: string;
}

const svg = (ref: SymbolRef, set: SymbolSet, size: number, word: string) => new Handlebars.SafeString(symbolSvg(ref, set, size, word));

/** A legend with each symbol drawn. */
function htmlLegend(legend: LegendView, set: SymbolSet): Record<string, unknown> {
  return { label: legend.label, entries: legend.entries.map((e) => ({ svg: svg(e.symbol, set, 11, e.word), word: e.word })) };
}

/** A table view with its symbols drawn and its footnotes numbered, ready for the table partial. */
export function htmlTable(view: TableView, ctx: ViewContext, downloads?: Downloads): Record<string, unknown> {
  const footnotes: string[] = [];
  const set = view.symbolSet ?? ctx.symbols;
  const cell = <C extends { symbol?: SymbolRef; footnote?: string }>(c: C) => {
    const note = c.footnote ? footnotes.push(c.footnote) : undefined;
    return {
      ...c,
      svg: c.symbol ? svg(c.symbol, set, 12, symbolWord(c.symbol, ctx.ord)) : null,
      meaning: (c as { meaning?: string }).meaning ?? null,
      note: note ? { n: note, id: `${view.id}-not-${note}` } : null,
    };
  };
  return {
    ...view,
    note: view.note ?? null,
    body: view.body.map((r) => ({ ...r, cells: r.cells.map(cell) })),
    footnotes: footnotes.map((text, i) => ({ n: i + 1, id: `${view.id}-not-${i + 1}`, text })),
    download: downloads ? { href: csvDataUri(tableCsv(view)), filename: `${downloads.reportId}-${view.id}.csv` } : null,
    legend: htmlLegend(tableLegend(view, ctx.ord), set),
  };
}

/** One block view as its partial's context: `partial` names the partial. */
export function htmlBlock(view: BlockView, ctx: ViewContext, profile: Profile, downloads?: Downloads): Record<string, unknown> {
  if (view.kind === 'prose') return { partial: 'prose', html: new Handlebars.SafeString(proseHtml([view.block])) };
  const common = { className: view.className, tables: view.tables.map((t) => htmlTable(t, ctx, downloads)) };
  switch (view.kind) {
    case 'tabeller':
      return { partial: 'tabellblock', ...common };
    case 'målområde':
      return { partial: 'målområde', ...common, beskrivning: view.beskrivning ?? null, kfMål: view.kfMål };
    case 'bedömningar':
      return { partial: 'bedömningar', ...common, counts: view.counts };
    case 'uppdrag':
      return {
        partial: 'uppdrag',
        ...common,
        groups: view.groups.map((g) => ({
          område: g.område ?? null,
          cards: g.cards.map((c) => ({ ...c, rubrik: c.rubrik ?? null, status: { ...c.status, svg: svg(c.status.symbol, ctx.symbols, 12, c.status.word) } })),
        })),
        legend: htmlLegend(view.legend, ctx.symbols),
        not: view.not ?? null,
      };
    case 'resultatmål':
      return {
        partial: 'resultatmål',
        ...common,
        cards: view.cards.map((c) => ({
          ...c,
          assessment: {
            label: c.assessment.label,
            svg: c.assessment.symbol ? svg(c.assessment.symbol, ctx.symbols, 12, c.assessment.word!) : null,
            word: c.assessment.word ?? null,
            note: c.assessment.note ?? null,
          },
        })),
        not: view.not ?? null,
      };
    case 'diagram':
      return {
        partial: 'diagram',
        ...common,
        id: view.id,
        rubrik: view.rubrik,
        svg: view.chart ? new Handlebars.SafeString(inlineSvg(drawChart(view.chart, chartStyle(profile), 'svg').data, `diagram-${view.id}`, view.chart.alt)) : null,
        hänvisning: view.hänvisning ?? null,
        not: view.not ?? null,
      };
  }
}
