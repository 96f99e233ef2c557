/**
 * The presentation of every data block as rows and cells, built once from the
 * model and read by both the HTML and the DOCX renderer, so the two outputs
 * show the same headers, the same rows and the same formatted figures.
 */
import type { Amount, AmountColumn, DataBlock, GenericCell, GenericTable, Internbudget, Investeringsbudget, Målområde, TextTable } from '../../model/types.ts';
import { formatAmount, formatNumber, formatPercent, type FormatOptions } from '../../format/swedish.ts';
import { formatMeasured, formatTarget } from '../../format/values.ts';

export type Align = 'left' | 'right';

export interface CellView {
  /** Text lines of the cell; several lines for per-group values. */
  lines: string[];
  align: Align;
  colSpan?: number;
  rowSpan?: number;
  /** Row header (`<th scope="row">`). */
  rowHeader?: boolean;
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
}

const text = (lines: string | string[], extra: Partial<CellView> = {}): CellView => ({
  lines: Array.isArray(lines) ? lines : [lines],
  align: 'left',
  ...extra,
});

const amountCell = (a: Amount | undefined, unit: 'tkr' | 'mnkr', format: FormatOptions): CellView => ({
  lines: [a?.value === null || a?.value === undefined ? '' : formatAmount(a.value, unit, format)],
  align: 'right',
});

function amountHead(first: string, columns: AmountColumn[]): HeaderCellView[][] {
  return [[{ text: first, align: 'left', scope: 'col' }, ...columns.map((c) => ({ text: c.rubrik, align: 'right' as const, scope: 'col' as const }))]];
}

function amountWidths(n: number, first = 34): number[] {
  const rest = (100 - first) / n;
  return [first, ...Array.from({ length: n }, () => rest)];
}

export function internbudgetView(b: Internbudget, format: FormatOptions): TableView {
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
  };
}

export function investeringsbudgetView(b: Investeringsbudget, format: FormatOptions): TableView {
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
  return {
    id: b.id,
    caption: `${b.rubrik ?? 'Investeringsbudget'} (${b.enhet})`,
    widths: amountWidths(b.columns.length, 40),
    head: amountHead('Projekt', b.columns),
    body,
    note: b.not,
    wide: b.columns.length > 6,
  };
}

/** The goal table: KF-mål | Nämndmål | Mått och datakälla | Ingångsvärde | Målvärde per year. */
export function måltabellView(b: Målområde, format: FormatOptions): TableView | undefined {
  const body: RowView[] = [];
  for (const kf of b.kfMål) {
    const kfRows = kf.nämndmål.reduce((n, nm) => n + Math.max(1, nm.indikatorer.length), 0);
    if (kfRows === 0) continue;
    let firstOfKf = true;
    for (const nm of kf.nämndmål) {
      const nmRows = Math.max(1, nm.indikatorer.length);
      const indicators = nm.indikatorer.length ? nm.indikatorer : [undefined];
      indicators.forEach((ind, i) => {
        const cells: CellView[] = [];
        if (firstOfKf) cells.push(text(kf.text, { rowSpan: kfRows > 1 ? kfRows : undefined, rowHeader: true }));
        if (i === 0) cells.push(text(nm.text, { rowSpan: nmRows > 1 ? nmRows : undefined }));
        cells.push(text(ind ? [ind.mått, ...(ind.datakälla ? [`Källa: ${ind.datakälla}${ind.kolada ? ` (${ind.kolada})` : ''}`] : [])] : ['–']));
        cells.push(text(ind?.ingångsvärde ? formatMeasured(ind.ingångsvärde, format) : ['–']));
        for (const year of b.målår) {
          const t = ind?.målvärden[year];
          cells.push({ lines: t ? formatTarget(t, format) : [''], align: 'right' });
        }
        body.push({ kind: 'data', cells });
        firstOfKf = false;
      });
    }
  }
  if (body.length === 0) return undefined;
  const years = b.målår.length;
  return {
    id: `${b.id}-måltabell`,
    caption: `Mål och mått: ${b.namn}`,
    widths: [22, 24, 18, 13, ...Array.from({ length: years }, () => 23 / years)],
    head: [
      [
        { text: 'KF-mål', align: 'left', rowSpan: 2, scope: 'col' },
        { text: 'Nämndmål', align: 'left', rowSpan: 2, scope: 'col' },
        { text: 'Mått och datakälla', align: 'left', rowSpan: 2, scope: 'col' },
        { text: 'Ingångsvärde (år)', align: 'left', rowSpan: 2, scope: 'col' },
        { text: 'Målvärde', align: 'right', colSpan: years, scope: 'colgroup' },
      ],
      b.målår.map((y) => ({ text: y, align: 'right' as const, scope: 'col' as const })),
    ],
    body,
    note: b.not,
    wide: true,
  };
}

/** "Alla nämnder … (VON, KFN) (B)": a KF-mål as listed under "Kommunfullmäktiges mål". */
export function kfMålLine(kf: Målområde['kfMål'][number]): string {
  const parts = [kf.text];
  if (kf.ansvariga.length) parts.push(`(${kf.ansvariga.join(', ')})`);
  if (kf.uppföljning) parts.push(`(${kf.uppföljning})`);
  if (kf.anmärkning) parts.push(`– ${kf.anmärkning}`);
  return parts.join(' ');
}

export function textTableView(b: TextTable, format: FormatOptions): TableView {
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
  return { lines: [shown], align: 'right' };
}

export function genericTableView(b: GenericTable, format: FormatOptions): TableView {
  const cells = (row: GenericCell[]) => b.columns.map((col, i) => ({ ...genericCell(row[i], col, format, b.enhet), rowHeader: i === 0 }));
  return {
    id: b.id,
    caption: b.enhet ? `${b.rubrik} (${b.enhet})` : b.rubrik,
    widths: b.columns.map(() => 100 / b.columns.length),
    head: [b.columns.map((c) => ({ text: c.rubrik, align: c.typ === 'text' ? ('left' as const) : ('right' as const), scope: 'col' as const }))],
    body: [...b.rows.map((r) => ({ kind: 'data' as const, cells: cells(r) })), ...(b.summa ? [{ kind: 'total' as const, cells: cells(b.summa.cells) }] : [])],
    note: b.not,
    wide: b.columns.length > 7,
  };
}

/** The table views of a data block, in print order. */
export function tableViews(block: DataBlock, format: FormatOptions): TableView[] {
  switch (block.kind) {
    case 'internbudget':
      return [internbudgetView(block, format)];
    case 'investeringsbudget':
      return [investeringsbudgetView(block, format)];
    case 'målområde': {
      const v = måltabellView(block, format);
      return v ? [v] : [];
    }
    case 'nyckeltal':
    case 'utvecklingsarbete':
    case 'fokusområden':
      return [textTableView(block, format)];
    case 'tabell':
      return [genericTableView(block, format)];
  }
}
