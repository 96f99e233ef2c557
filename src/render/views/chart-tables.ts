/** A chart's data as a table view, in the chart's unit. */
import type { Diagram, DiagramUnit } from '../../model/types.ts';
import { formatAmount, formatNumber, formatPercent, type FormatOptions } from '../../format/swedish.ts';
import { formatTarget } from '../../format/values.ts';
import { cellNumber, text, type CellView, type TableView, type ViewContext } from './cells.ts';

/** A chart's figures in the chart's unit: "204 370", "64 %", "1 332,5". */
export function diagramCell(value: number | null | undefined, unit: DiagramUnit, format: FormatOptions): string {
  if (value === null || value === undefined) return '–';
  switch (unit.kind) {
    case 'belopp':
      return formatAmount(value, unit.enhet, format);
    case 'procent':
      return formatPercent(value, unit.decimaler, format);
    case 'tal':
      return formatNumber(value, unit.decimaler, format);
  }
}

/** The number behind a chart's figure, in the chart's unit. */
function diagramNumber(value: number | null | undefined, unit: DiagramUnit): Partial<CellView> {
  if (value === null || value === undefined) return {};
  return unit.kind === 'belopp' ? cellNumber(value, unit.enhet === 'tkr' ? 0 : 1, unit.enhet) : unit.kind === 'procent' ? cellNumber(value, unit.decimaler, '%') : cellNumber(value, unit.decimaler);
}

/** The data table of a chart: the chart's categories as rows, its series as columns, and the källa's sum row; targets as typed. */
export function diagramTableView(d: Diagram, { format }: ViewContext): TableView {
  const unit = d.enhet.kind === 'belopp' ? ` (${d.enhet.enhet})` : d.enhet.kind === 'tal' && d.enhet.enhet ? ` (${d.enhet.enhet})` : '';
  const cell = (s: Diagram['serier'][number], i: number): CellView => {
    const target = s.mål?.[i];
    return { lines: target ? formatTarget(target, format) : [diagramCell(s.värden[i], d.enhet, format)], align: 'right', ...(target ? {} : diagramNumber(s.värden[i], d.enhet)) };
  };
  const n = d.serier.length;
  const first = n > 3 ? 30 : 40;
  return {
    id: `${d.id}-data`,
    caption: `Diagrammets data: ${d.rubrik}${unit}`,
    widths: [first, ...d.serier.map(() => (100 - first) / n)],
    head: [[{ text: d.kategorirubrik, align: 'left', scope: 'col' }, ...d.serier.map((s) => ({ text: s.namn, align: 'right' as const, scope: 'col' as const }))]],
    body: [
      ...d.kategorier.map((k, i) => ({ kind: 'data' as const, cells: [text(k, { rowHeader: true }), ...d.serier.map((s) => cell(s, i))] })),
      ...(d.summa ? [{ kind: 'total' as const, cells: [text(d.summa.namn, { rowHeader: true }), ...d.serier.map((_, i) => ({ lines: [diagramCell(d.summa!.värden[i], d.enhet, format)], align: 'right' as const, ...diagramNumber(d.summa!.värden[i], d.enhet) }))] }] : []),
    ],
    note: d.not,
    wide: false,
  };
}
