/**
 * The presentation of every data block as rows and cells, built once from the
 * model and read by the HTML, DOCX and XLSX renderers and the review snapshot,
 * so every output shows the same headers, the same rows and the same formatted
 * figures. Each family of tables has its own file; tableViews() picks one.
 */
import type { DataBlock, GenericCell, GenericTable, TextTable } from '../../model/types.ts';
import { formatAmount, formatNumber, formatPercent, type FormatOptions } from '../../format/swedish.ts';
import { formatMeasured } from '../../format/values.ts';
import { cellNumber, text, type CellView, type TableView, type ViewContext } from './cells.ts';
import { goalViews } from './goal-tables.ts';
import { internbudgetView, investeringsbudgetView, ramförändringView, signNote } from './budget-tables.ts';
import { bedömningarViews } from './assessment-tables.ts';
import { driftredovisningView, indikatortabellView, investeringsredovisningView, personalnyckeltalView } from './annual-tables.ts';
import { diagramTableView } from './chart-tables.ts';

export * from './cells.ts';
export { goalLevelName, kfMålLine, kfMålView } from './goal-tables.ts';
export { checkWords, internbudgetView, investeringsbudgetView, plannedWord, ramförändringView } from './budget-tables.ts';
export { bedömningarViews, countSentences } from './assessment-tables.ts';
export { driftredovisningView, indikatortabellView, investeringsredovisningView, personalnyckeltalView } from './annual-tables.ts';
export { diagramCell, diagramTableView } from './chart-tables.ts';

export function textTableView(b: TextTable, { format }: ViewContext): TableView {
  const defaults: Record<TextTable['kind'], string> = { nyckeltal: 'Nyckeltal', utvecklingsarbete: 'Utvecklingsarbete', fokusområden: 'Fokusområden' };
  return {
    id: b.id,
    caption: b.rubrik ?? defaults[b.kind],
    widths: b.columns.map(() => 100 / b.columns.length),
    head: [b.columns.map((c) => ({ text: c, align: 'left' as const, scope: 'col' as const }))],
    body: b.rows.map((r) => ({
      kind: 'data' as const,
      cells: r.map((c, i) => text(typeof c === 'string' ? c : formatMeasured(c, format), i === 0 ? { rowHeader: true } : {})),
    })),
    note: b.not,
    wide: false,
  };
}

function genericCell(c: GenericCell | undefined, col: GenericTable['columns'][number], format: FormatOptions, unit: GenericTable['enhet']): CellView {
  if (!c || c.kind === 'tom') return { lines: [''], align: col.typ === 'text' ? 'left' : 'right' };
  if (c.kind === 'text') return text(c.text);
  const shown =
    col.typ === 'procent'
      ? formatPercent(c.value, col.decimaler, format)
      : col.typ === 'belopp' && unit
        ? formatAmount(c.value, unit, format)
        : formatNumber(c.value, col.decimaler, format);
  const number =
    col.typ === 'procent' ? cellNumber(c.value, col.decimaler, '%') : col.typ === 'belopp' && unit ? cellNumber(c.value, unit === 'tkr' ? 0 : 1, unit) : cellNumber(c.value, col.decimaler);
  return { lines: [shown], align: 'right', ...number };
}

export function genericTableView(b: GenericTable, { format }: ViewContext): TableView {
  const cells = (row: GenericCell[]) => b.columns.map((col, i) => ({ ...genericCell(row[i], col, format, b.enhet), rowHeader: i === 0 }));
  return {
    id: b.id,
    caption: b.enhet ? `${b.rubrik} (${b.enhet})` : b.rubrik,
    widths: b.columns.map(() => 100 / b.columns.length),
    head: [b.columns.map((c) => ({ text: c.rubrik, align: c.typ === 'text' ? ('left' as const) : ('right' as const), scope: 'col' as const }))],
    body: [...b.rows.map((r) => ({ kind: 'data' as const, cells: cells(r) })), ...(b.summa ? [{ kind: 'total' as const, cells: cells(b.summa.cells) }] : [])],
    note: b.not,
    wide: b.columns.length > 7,
    ...signNote(b.tecken, 'nettokostnad med positivt tecken'),
  };
}

/** The table views of a data block, in print order. Uppdrag and resultatmål are laid out as goal cards, not tables. */
export function tableViews(block: DataBlock, ctx: ViewContext): TableView[] {
  switch (block.kind) {
    case 'internbudget':
      return [internbudgetView(block, ctx)];
    case 'investeringsbudget':
      return [investeringsbudgetView(block, ctx)];
    case 'ramförändring':
      return [ramförändringView(block, ctx)];
    case 'målområde':
    case 'måltabell':
      return goalViews(block, ctx);
    case 'nyckeltal':
    case 'utvecklingsarbete':
    case 'fokusområden':
      return [textTableView(block, ctx)];
    case 'tabell':
      return [genericTableView(block, ctx)];
    case 'bedömningar':
      return bedömningarViews(block, ctx);
    case 'driftredovisning':
      return [driftredovisningView(block, ctx)];
    case 'investeringsredovisning':
      return [investeringsredovisningView(block, ctx)];
    case 'personalnyckeltal':
      return [personalnyckeltalView(block, ctx)];
    case 'indikatortabell':
      return [indikatortabellView(block, ctx)];
    case 'uppdrag':
    case 'resultatmål':
      return [];
    case 'diagram':
      return block.visa === 'diagram' ? [] : [diagramTableView(block, ctx)];
  }
}
