/**
 * The årsredovisning's tables as views: driftredovisning,
 * investeringsredovisning, personalnyckeltal and the indicator table.
 */
import type { Driftredovisning, Indicator, Indikatortabell, Investeringsredovisning, Personalnyckeltal, StaffFigure } from '../../model/types.ts';
import { driftHeadings, investmentHeadings } from '../../model/redovisning.ts';
import { formatNumber, formatPercent } from '../../format/swedish.ts';
import { formatTarget } from '../../format/values.ts';
import { legendOrder } from '../symbols.ts';
import { assessmentCell, cellNumber, koladaUrl, outcomeCell, text, trendCell, type CellView, type HeaderCellView, type RowKind, type RowView, type TableView, type ViewContext } from './cells.ts';
import { fieldLabels, responsibilityParts } from './labels.ts';
import { amountCell, amountWidths, signNote } from './budget-tables.ts';

const amountColumnsHead = (first: string, headings: string[]): HeaderCellView[][] => [
  [{ text: first, align: 'left', scope: 'col' }, ...headings.map((h) => ({ text: h, align: 'right' as const, scope: 'col' as const }))],
];

/** Verksamhetsområde | Utfall (last year) | Utfall | Budget | Avvikelse, and the Summa row. */
export function driftredovisningView(b: Driftredovisning, { format }: ViewContext): TableView {
  const headings = driftHeadings(b.år, b.föregåendeÅr);
  const columns = ['föregående_år', 'utfall', 'budget', 'avvikelse'] as const;
  const row = (label: string, values: Driftredovisning['summa']['values'], kind: RowKind): RowView => ({
    kind,
    cells: [text(label, { rowHeader: true }), ...columns.map((c) => amountCell(values[c], b.enhet, format))],
  });
  return {
    id: b.id,
    caption: `${b.rubrik ?? 'Driftredovisning'} (${b.enhet})`,
    widths: amountWidths(columns.length, 36),
    head: amountColumnsHead('Verksamhetsområde', columns.map((c) => headings[c])),
    body: [...b.rows.map((r) => row(r.verksamhet, r.values, 'data')), row(b.summa.rubrik, b.summa.values, 'total')],
    note: b.not,
    wide: false,
    ...signNote(b.tecken, 'kostnader positiva, avvikelse = budget − utfall'),
  };
}

/** Projekt | Utfall | Budget | Kvar av årets budget | Färdigställs år/mån, and the Summa row. */
export function investeringsredovisningView(b: Investeringsredovisning, { format }: ViewContext): TableView {
  const columns = ['utfall', 'budget', 'kvar'] as const;
  const row = (label: string, values: Investeringsredovisning['summa']['values'], done: string, kind: RowKind): RowView => ({
    kind,
    cells: [text(label, { rowHeader: true }), ...columns.map((c) => amountCell(values[c], b.enhet, format)), { lines: [done], align: 'right' }],
  });
  return {
    id: b.id,
    caption: `${b.rubrik ?? 'Investeringsredovisning'} (${b.enhet})`,
    widths: [36, 14, 14, 18, 18],
    head: [[...amountColumnsHead('Projekt', columns.map((c) => investmentHeadings[c]))[0]!, { text: 'Färdigställs år/mån', align: 'right', scope: 'col' }]],
    body: [
      ...b.projects.map((p) => row([p.nummer, p.namn].filter(Boolean).join(' '), p.values, p.färdigställs ?? '', 'data')),
      row(b.summa.rubrik, b.summa.values, '', 'total'),
    ],
    note: b.not,
    wide: false,
  };
}

/** Nyckeltal | Mätdatum | Totalt, Kvinnor, Män per year. */
export function personalnyckeltalView(b: Personalnyckeltal, { format }: ViewContext): TableView {
  const figure = (f: StaffFigure | undefined, decimals: number): CellView => ({
    lines: [f ? (f.percent ? formatPercent(f.value, decimals, format) : formatNumber(f.value, decimals, format)) : ''],
    align: 'right',
    ...(f ? cellNumber(f.value, decimals, f.percent ? '%' : undefined) : {}),
  });
  const groups = ['totalt', 'kvinnor', 'män'] as const;
  const names = { totalt: 'Totalt', kvinnor: 'Kvinnor', män: 'Män' };
  const n = b.år.length * groups.length;
  const first = b.mätdatum ? 44 : 34;
  return {
    id: b.id,
    caption: b.rubrik ?? 'Personalnyckeltal',
    widths: [first - (b.mätdatum ? 10 : 0), ...(b.mätdatum ? [10] : []), ...Array.from({ length: n }, () => (100 - first) / n)],
    head: [
      [
        { text: 'Nyckeltal', align: 'left', scope: 'col' },
        ...(b.mätdatum ? [{ text: 'Mätdatum', align: 'left' as const, scope: 'col' as const }] : []),
        ...b.år.flatMap((y) => groups.map((g) => ({ text: `${names[g]} ${y}`, align: 'right' as const, scope: 'col' as const }))),
      ],
    ],
    body: b.rows.map((r) => ({
      kind: 'data' as const,
      cells: [
        text(r.mått, { rowHeader: true }),
        ...(b.mätdatum ? [text(r.mätdatum ?? '')] : []),
        ...b.år.flatMap((y) => groups.map((g) => figure(r.värden[y]?.[g], r.decimaler))),
      ],
    })),
    note: b.not,
    wide: false,
  };
}

/** The source cell of an indicator: its source text, and the Kolada link with the publication week. */
function sourceCell(ind: Indicator): CellView {
  return text(ind.datakälla ? [ind.datakälla] : ind.kolada ? [] : ['–'], ind.kolada ? { link: { text: `Kolada ${ind.kolada}${ind.publicering ? ` (${ind.publicering})` : ''}`, href: koladaUrl(ind.kolada) } } : {});
}

/** Övergripande mål | Resultatmål | Indikator | Utfall per year | Trend | Riktvärde | Bedömning | Källa: landscape, one row per indicator. */
export function indikatortabellView(b: Indikatortabell, ctx: ViewContext): TableView {
  const { format } = ctx;
  const body: RowView[] = [];
  for (const område of b.områden) {
    for (const mål of område.mål) {
      const goalRows = Math.max(1, mål.indikatorer.length);
      const indicators: (Indicator | undefined)[] = mål.indikatorer.length ? mål.indikatorer : [undefined];
      indicators.forEach((ind, i) => {
        const cells: CellView[] = [];
        // The övergripande mål is printed on the first row of each resultatmål, not spanned over the whole area:
        // a cell spanning a dozen rows keeps Chromium from breaking the page until the area ends. Every
        // resultatmål names it, so no row header is empty and a page that starts inside an area still names it.
        if (i === 0) cells.push(text(område.övergripandeMål, { rowSpan: goalRows > 1 ? goalRows : undefined, rowHeader: true }));
        if (i === 0) {
          cells.push(text([mål.text, ...responsibilityParts(mål)], { rowSpan: goalRows > 1 ? goalRows : undefined }));
        }
        cells.push(text(ind?.mått ?? '–'));
        for (const y of b.år) cells.push(outcomeCell(ind?.utfall[y], format));
        cells.push(trendCell(ind?.trend));
        const t = ind?.målvärden[ctx.år];
        cells.push({ lines: t ? formatTarget(t, format) : ['–'], align: 'right' }, assessmentCell(ind?.bedömning, ctx.ord), ind ? sourceCell(ind) : text('–'));
        body.push({ kind: 'data', cells });
      });
    }
  }
  const years = b.år.length;
  return {
    id: b.id,
    caption: b.rubrik ?? `Indikatorer och ${ctx.ord.labels.målvärde.toLowerCase()}n ${ctx.år}`,
    widths: [10, 15, 19, ...Array.from({ length: years }, () => 16 / years), 9.5, 7, 10.5, 13].map((w) => Math.round(w * 100) / 100),
    head: [
      [
        { text: fieldLabels.övergripandeMål, align: 'left', scope: 'col' },
        { text: 'Resultatmål', align: 'left', scope: 'col' },
        { text: 'Indikator', align: 'left', scope: 'col' },
        ...b.år.map((y) => ({ text: `${ctx.ord.labels.utfall} ${y}`, align: 'right' as const, scope: 'col' as const })),
        { text: ctx.ord.labels.trend, align: 'left', scope: 'col' },
        { text: `${ctx.ord.labels.målvärde} ${ctx.år}`, align: 'right', scope: 'col' },
        { text: ctx.ord.labels.bedömning, align: 'left', scope: 'col' },
        { text: 'Källa', align: 'left', scope: 'col' },
      ],
    ],
    body,
    note: b.not,
    wide: true,
    compact: true,
    legend: [...legendOrder.status, ...legendOrder.trend],
    symbolSet: ctx.symbols,
  };
}
