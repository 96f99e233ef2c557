/**
 * The presentation of every data block as rows and cells, built once from the
 * model and read by both the HTML and the DOCX renderer, so the two outputs
 * show the same headers, the same rows and the same formatted figures.
 */
import type { Amount, AmountColumn, Ramförändring, Tecken, Bedömningar, DataBlock, Diagram, DiagramUnit, Driftredovisning, GenericCell, GenericTable, Indicator, Indikatortabell, Internbudget, Investeringsbudget, Investeringsredovisning, Målområde, Personalnyckeltal, Report, StaffFigure, TextTable } from '../../model/types.ts';
import { driftHeadings, investmentHeadings } from '../../model/redovisning.ts';
import type { Assessment, Outcome, Status, TrendResult } from '../../model/assessment/types.ts';
import { formatAmount, formatNumber, formatPercent, NBSP, type FormatOptions, formatList } from '../../format/swedish.ts';
import { formatMeasured, formatOutcome, formatTarget } from '../../format/values.ts';
import { legendOrder, symbolWord } from '../symbols.ts';
import { assessmentCell, cellNumber, outcomeCell, text, trendCell, koladaUrl, type CellView, type HeaderCellView, type RowKind, type RowView, type TableView, type ViewContext } from './cells.ts';
import { goalViews, goalLevelName } from './goal-tables.ts';
import { defaultVocabulary, type Vocabulary } from '../../model/vocabulary.ts';
export { goalLevelName } from './goal-tables.ts';

export * from './cells.ts';
export { kfMålLine, kfMålView } from './goal-tables.ts';

/** The meaning of an X in an investment schedule, and of a total that cannot be checked. */
export const plannedWord = 'Planerad';
export const checkWords: Record<NonNullable<Amount['check']>, string> = {
  'stated-only': 'Angiven, kan inte kontrolleras',
  partial: 'Angiven, delvis kontrollerad',
};

const amountCell = (a: Amount | undefined, unit: 'tkr' | 'mnkr', format: FormatOptions): CellView =>
  a?.planned
    ? { lines: ['X'], align: 'right', meaning: plannedWord }
    : {
        lines: [a?.value === null || a?.value === undefined ? '' : formatAmount(a.value, unit, format)],
        align: 'right',
        ...(a?.value === null || a?.value === undefined ? {} : cellNumber(a.value, unit === 'tkr' ? 0 : 1, unit)),
        ...(a?.check ? { meaning: checkWords[a.check] } : {}),
      };


function amountHead(first: string, columns: AmountColumn[]): HeaderCellView[][] {
  return [[{ text: first, align: 'left', scope: 'col' }, ...columns.map((c) => ({ text: c.rubrik, align: 'right' as const, scope: 'col' as const }))]];
}

function amountWidths(n: number, first = 34): number[] {
  const rest = (100 - first) / n;
  return [first, ...Array.from({ length: n }, () => rest)];
}

export function internbudgetView(b: Internbudget, { format }: ViewContext): TableView {
  const body: RowView[] = [];
  const span = b.columns.length + 1;
  for (const part of b.parts) {
    body.push({ kind: 'group', cells: [text(part.rubrik, { colSpan: span, rowHeader: true })] });
    for (const row of part.rows) {
      body.push({
        kind: row.kind === 'delsumma' ? 'subtotal' : 'data',
        cells: [text([row.kod, row.namn].filter(Boolean).join(' '), { rowHeader: true }), ...b.columns.map((c) => amountCell(row.values[c.id], b.enhet, format))],
      });
    }
    body.push({ kind: 'total', cells: [text(part.summa.namn, { rowHeader: true }), ...b.columns.map((c) => amountCell(part.summa.values[c.id], b.enhet, format))] });
  }
  return {
    id: b.id,
    caption: `${b.rubrik ?? 'Internbudget'} (${b.enhet})`,
    widths: amountWidths(b.columns.length),
    head: amountHead(`(${b.enhet === 'tkr' ? 'Tkr' : 'Mnkr'})`, b.columns),
    body,
    note: b.not,
    wide: b.columns.length > 6,
    ...signNote(b.tecken, 'nettokostnad = −(intäkter + kostnader), nettokostnaden positiv'),
  };
}

/** The review text's words for a block's sign convention; nothing for the default (negativ). */
function signNote(tecken: Tecken | undefined, positiv: string): { tecken?: string } {
  return tecken === 'positiv' ? { tecken: `${positiv} (nettokostnad_tecken: positiv)` } : {};
}

export function investeringsbudgetView(b: Investeringsbudget, { format }: ViewContext): TableView {
  const body: RowView[] = [];
  const span = b.columns.length + 1;
  for (const cat of b.categories) {
    body.push({ kind: 'group', cells: [text(cat.namn, { colSpan: span, rowHeader: true })] });
    for (const p of cat.projects) {
      body.push({ kind: 'data', cells: [text(p.namn, { rowHeader: true }), ...b.columns.map((c) => amountCell(p.values[c.id], b.enhet, format))] });
    }
    if (cat.summa) {
      body.push({ kind: 'subtotal', cells: [text(`Summa ${cat.namn}`, { rowHeader: true }), ...b.columns.map((c) => amountCell(cat.summa![c.id], b.enhet, format))] });
    }
  }
  body.push({ kind: 'total', cells: [text(b.totalt.rubrik, { rowHeader: true }), ...b.columns.map((c) => amountCell(b.totalt.values[c.id], b.enhet, format))] });
  // What X means, and which totals could not be checked, stand under the table in every output.
  const planned = b.categories.some((cat) => cat.projects.some((p) => Object.values(p.values).some((v) => v.planned)));
  const checkedAs = (check: Amount['check']) => b.columns.filter((c) => b.totalt.values[c.id]?.check === check).map((c) => c.rubrik);
  const statedOnly = checkedAs('stated-only');
  const partial = checkedAs('partial');
  const notes = [
    planned ? 'X: investeringen är planerad det året, utan eget belopp i tabellen.' : '',
    statedOnly.length
      ? `${b.totalt.rubrik} för ${formatList(statedOnly)} är ${statedOnly.length === 1 ? 'angiven' : 'angivna'} i underlaget och kan inte kontrolleras mot projekten, som saknar belopp.`
      : '',
    partial.length ? `${b.totalt.rubrik} för ${formatList(partial)} kan bara delvis kontrolleras: några projekt har X i stället för belopp.` : '',
    b.not ?? '',
  ].filter(Boolean);
  return {
    id: b.id,
    caption: `${b.rubrik ?? 'Investeringsbudget'} (${b.enhet})`,
    widths: amountWidths(b.columns.length, 40),
    head: amountHead('Projekt', b.columns),
    body,
    note: notes.length ? notes.join(' ') : undefined,
    wide: b.columns.length > 6,
  };
}

/** Ram, justeringar and ram again: an ingående ram as a subtotal-style row, an utgående ram as a total-style row. */
export function ramförändringView(b: Ramförändring, { format }: ViewContext): TableView {
  const kinds: Record<Ramförändring['rows'][number]['kind'], RowKind> = { ingående: 'subtotal', justering: 'data', utgående: 'total' };
  const unitHead = `(${b.enhet === 'tkr' ? 'Tkr' : 'Mnkr'})`;
  return {
    id: b.id,
    caption: `${b.rubrik ?? 'Ramförändring'} (${b.enhet})`,
    widths: b.kolumner ? amountWidths(b.columns.length, 46) : [70, 30],
    head: b.kolumner ? amountHead(unitHead, b.columns) : amountHead('Ram och justeringar', [{ id: 'belopp', rubrik: `Belopp ${unitHead.toLowerCase()}` }]),
    body: b.rows.map((r) => ({ kind: kinds[r.kind], cells: [text(r.text, { rowHeader: true }), ...b.columns.map((c) => amountCell(r.values[c.id], b.enhet, format))] })),
    note: b.not,
    wide: b.columns.length > 6,
  };
}

/** Counts per status per målområde, with måluppfyllelsegrad; or, with "visa: mål", each goal and its assessment per målområde. */
export function bedömningarViews(b: Bedömningar, ctx: ViewContext): TableView[] {
  const level = goalLevelName(b.nivå, ctx);
  const areaWord = b.nivå === 'resultatmål' ? 'Övergripande mål' : 'Målområde';
  if (b.visa === 'mål') {
    const goalWord = level.charAt(0).toUpperCase() + level.slice(1);
    return b.områden.map((o, i) => ({
      id: `${b.id}-${i + 1}`,
      caption: o.namn,
      widths: [72, 28],
      head: [[{ text: goalWord, align: 'left', scope: 'col' }, { text: 'Bedömning', align: 'left', scope: 'col' }]],
      body: o.goals.map((g) => ({ kind: 'data' as const, cells: [text(g.text, { rowHeader: true }), assessmentCell(g.bedömning, ctx.ord)] })),
      note: i === b.områden.length - 1 ? b.not : undefined,
      wide: false,
      legend: legendOrder.status,
      symbolSet: ctx.symbols,
    }));
  }
  const statuses = legendOrder.status.filter((ref) => !(ctx.regel === 'uppfyllt' && ref.kind === 'status' && ref.status === 'delvis' && b.totalt.counts.delvis === 0));
  // Result levels ("god måluppfyllelse") belong to the uppfyllt rule set (Oxelösund's bands).
  const withLevel = ctx.regel === 'uppfyllt';
  const row = (namn: string, s: Bedömningar['totalt'], kind: RowView['kind']): RowView => ({
    kind,
    cells: [
      text(namn, { rowHeader: true }),
      ...statuses.map((ref) => ({ lines: [String(s.counts[(ref as { status: Status }).status])], align: 'right' as const, ...cellNumber(s.counts[(ref as { status: Status }).status], 0) })),
      { lines: [String(s.total)], align: 'right', ...cellNumber(s.total, 0) },
      { lines: [s.måluppfyllelse !== undefined ? formatPercent(s.måluppfyllelse, 0, ctx.format) : '–'], align: 'right', ...(s.måluppfyllelse !== undefined ? cellNumber(s.måluppfyllelse, 0, '%') : {}) },
      ...(withLevel ? [text(s.resultatnivå ?? 'Ej bedömd')] : []),
    ],
  });
  const head = (status: Parameters<typeof symbolWord>[0]) => ({ text: symbolWord(status, ctx.ord), align: 'right' as const, scope: 'col' as const });
  return [
    {
      id: b.id,
      caption: b.rubrik ?? `Bedömning av ${level} per ${areaWord.toLowerCase()}`,
      widths: withLevel ? [26, ...statuses.map(() => 36 / statuses.length), 8, 12, 18] : [34, ...statuses.map(() => 40 / statuses.length), 12, 14],
      head: [
        [
          { text: areaWord, align: 'left', scope: 'col' },
          ...statuses.map(head),
          { text: `Antal ${level}`, align: 'right', scope: 'col' },
          { text: 'Måluppfyllelse', align: 'right', scope: 'col' },
          ...(withLevel ? [{ text: 'Resultatnivå', align: 'left' as const, scope: 'col' as const }] : []),
        ],
      ],
      body: [...b.områden.map((o) => row(o.namn, o.summary, 'data')), row('Totalt', b.totalt, 'total')],
      note: b.not,
      wide: false,
    },
  ];
}

/** "7 av 10 KF-mål uppfyllda": one sentence per status with goals, for a målområde or the total. */
export function countSentences(s: Bedömningar['totalt'], level: string, ord: Vocabulary = defaultVocabulary): string[] {
  const plural: Record<string, string> = { uppfyllt: 'uppfyllda', delvis: 'delvis uppfyllda', 'ej-uppfyllt': 'ej uppfyllda', 'ej-utvärderad': 'ej utvärderade' };
  return (['uppfyllt', 'delvis', 'ej-uppfyllt', 'ej-utvärderad'] as const)
    .filter((st) => s.counts[st] > 0)
    .map((st) =>
      // Our own words inflect ("uppfyllda"); a municipality's word is used as it is written ("… KF-mål: delvis uppnått").
      ord.status[st] === defaultVocabulary.status[st] ? `${s.counts[st]} av ${s.total} ${level} ${plural[st]}` : `${s.counts[st]} av ${s.total} ${level}: ${ord.status[st].toLowerCase()}`,
    );
}

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

// ---------------------------------------------------------------- årsredovisning

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
          const responsible = [mål.huvudansvar ? `Huvudansvar: ${mål.huvudansvar}` : '', mål.medansvariga.length ? `Medansvariga: ${mål.medansvariga.join(', ')}` : ''].filter(Boolean);
          cells.push(text([mål.text, ...responsible], { rowSpan: goalRows > 1 ? goalRows : undefined }));
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
        { text: 'Övergripande mål', align: 'left', scope: 'col' },
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

// ---------------------------------------------------------------- charts

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
