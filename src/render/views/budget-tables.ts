/**
 * Budget tables as views: internbudget, investeringsbudget and ramförändring,
 * with the amount cells, headings and sign notes the årsredovisning's tables share.
 */
import type { Amount, AmountColumn, Internbudget, Investeringsbudget, Ramförändring, Tecken } from '../../model/types.ts';
import { formatAmount, formatList, type FormatOptions } from '../../format/swedish.ts';
import { cellNumber, text, type CellView, type HeaderCellView, type RowKind, type RowView, type TableView, type ViewContext } from './cells.ts';

/** The meaning of an X in an investment schedule, and of a total that cannot be checked. */
export const plannedWord = 'Planerad';
export const checkWords: Record<NonNullable<Amount['check']>, string> = {
  'stated-only': 'Angiven, kan inte kontrolleras',
  partial: 'Angiven, delvis kontrollerad',
};

export const amountCell = (a: Amount | undefined, unit: 'tkr' | 'mnkr', format: FormatOptions): CellView =>
  a?.planned
    ? { lines: ['X'], align: 'right', meaning: plannedWord }
    : {
        lines: [a?.value === null || a?.value === undefined ? '' : formatAmount(a.value, unit, format)],
        align: 'right',
        ...(a?.value === null || a?.value === undefined ? {} : cellNumber(a.value, unit === 'tkr' ? 0 : 1, unit)),
        ...(a?.check ? { meaning: checkWords[a.check] } : {}),
      };


export function amountHead(first: string, columns: AmountColumn[]): HeaderCellView[][] {
  return [[{ text: first, align: 'left', scope: 'col' }, ...columns.map((c) => ({ text: c.rubrik, align: 'right' as const, scope: 'col' as const }))]];
}

export function amountWidths(n: number, first = 34): number[] {
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
export function signNote(tecken: Tecken | undefined, positiv: string): { tecken?: string } {
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
