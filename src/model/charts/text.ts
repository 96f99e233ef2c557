/**
 * The words of the charts' alternative texts: a value in its unit, a change,
 * the largest and smallest category, and net cost under either sign convention.
 */
import { formatAmountWithUnit, formatNumber, formatPercent, NBSP, type FormatOptions } from '../../format/swedish.ts';
import type { Diagram, DiagramUnit, Tecken } from '../types.ts';

/** What a chart's computation gives: everything of the Diagram but what the declaration itself says. */
export type ChartData = Omit<Diagram, 'kind' | 'id' | 'not' | 'diagramtyp' | 'källa' | 'datatabell' | 'visa' | 'bilaga'>;

/** A value in its unit, as in the tables: "312 400 tkr", "45 %", "1 332,5 årsarbetare". */
export function formatChartValue(value: number, unit: DiagramUnit, format: FormatOptions, signed = false): string {
  const sign = signed && value > 0 ? '+' : '';
  switch (unit.kind) {
    case 'belopp':
      return sign + formatAmountWithUnit(value, unit.enhet, format);
    case 'procent':
      return sign + formatPercent(value, unit.decimaler, format);
    case 'tal':
      return sign + formatNumber(value, unit.decimaler, format) + (unit.enhet ? `${NBSP}${unit.enhet}` : '');
  }
}

/** "en ökning med 15 849 tkr", "en minskning med 4 procentenheter", "oförändrat". */
export function change(delta: number, unit: DiagramUnit, format: FormatOptions): string {
  if (delta === 0) return 'oförändrat';
  const size = unit.kind === 'procent' ? `${formatNumber(Math.abs(delta), unit.decimaler, format)} procentenheter` : formatChartValue(Math.abs(delta), unit, format);
  return `en ${delta > 0 ? 'ökning' : 'minskning'} med ${size}`;
}

/** The category with the largest and the smallest value of a series (ties: the first). */
export function extremes(categories: readonly string[], values: readonly (number | null)[]): { max?: [string, number]; min?: [string, number] } {
  let max: [string, number] | undefined;
  let min: [string, number] | undefined;
  values.forEach((v, i) => {
    if (v === null) return;
    if (!max || v > max[1]) max = [categories[i]!, v];
    if (!min || v < min[1]) min = [categories[i]!, v];
  });
  return { max, min };
}

export const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * The size of a net cost, for comparisons only: a table that prints net cost negative (nettokostnad_tecken: negativ)
 * has its largest cost at its most negative figure. Charts draw and print every figure with the sign its table has.
 */
export const costSize = (v: number, tecken: Tecken): number => (tecken === 'negativ' ? -v : v);

/** The category with the largest and the smallest net cost of a series, whichever sign its table prints net cost with. */
export function costExtremes(categories: readonly string[], values: readonly (number | null)[], tecken: Tecken): { max?: [string, number]; min?: [string, number] } {
  const { max, min } = extremes(categories, values.map((v) => (v === null ? null : costSize(v, tecken))));
  const signed = (e?: [string, number]): [string, number] | undefined => (e ? [e[0], values[categories.indexOf(e[0])]!] : undefined);
  return { max: signed(max), min: signed(min) };
}

/** " (nettointäkt)" after a figure with the sign of an income under the table's convention, so "Minst" stays true. */
export const income = (v: number, tecken: Tecken): string => (costSize(v, tecken) < 0 ? ' (nettointäkt)' : '');

/**
 * A change in net cost in words, from the table's figures under its sign convention: from −74 611 to −79 366
 * (negativ) or from 74 611 to 79 366 (positiv) is "en kostnadsökning med 4 755 tkr".
 */
export function costChange(from: number, to: number, tecken: Tecken, unit: DiagramUnit, format: FormatOptions): string {
  const delta = costSize(to, tecken) - costSize(from, tecken);
  if (delta === 0) return 'oförändrad nettokostnad';
  return `en kostnads${delta > 0 ? 'ökning' : 'minskning'} med ${formatChartValue(Math.abs(delta), unit, format)}`;
}
