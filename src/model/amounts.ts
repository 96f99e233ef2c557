/**
 * Sums and derived amounts, shared by every table with money in it. Blank
 * cells (null) stay blank unless a row next to them has a value.
 */
import type { Amount } from './types.ts';
import { formatNumber, type FormatOptions } from '../format/swedish.ts';

/** Amounts are compared after rounding away floating-point noise (1e-6 of a unit). */
export function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}

/** Floating-point noise off a computed amount (206.79999999999998 → 206.8); amounts have at most a few decimals. */
export function clean(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Sum of cells; blank when every cell is blank. */
export function sumAmounts(values: readonly (number | null)[]): number | null {
  if (values.every((v) => v === null)) return null;
  return clean(values.reduce<number>((acc, v) => acc + (v ?? 0), 0));
}

/** Difference till − från; blank when both are blank. */
export function difference(till: number | null, från: number | null): number | null {
  if (till === null && från === null) return null;
  return clean((till ?? 0) - (från ?? 0));
}

/** A stated value checked against the computed one: the computed value wins when none is stated. */
export function reconcile(
  stated: number | null | undefined,
  computed: number | null,
  onMismatch: (stated: number, computed: number) => void,
): Amount {
  if (stated === undefined || stated === null) return { value: computed, computed: computed !== null };
  if (computed !== null && !sameAmount(stated, computed)) onMismatch(stated, computed);
  return { value: stated, computed: false };
}

/**
 * Published figures are rounded one by one, so an identity over rounded terms
 * may miss by up to half a unit per term: 1 tkr for utfall − budget, 2 for a sum
 * of five rows. Only whole numbers get the allowance.
 */
export function roundingAllowance(terms: number, stated: number): number {
  return Number.isInteger(stated) ? Math.floor(terms / 2) : 0;
}

/**
 * A stated value checked against the computed one, allowing for rounding: a
 * difference within the allowance keeps the stated value and is reported as
 * a note; a larger one is a mismatch.
 */
export function reconcileRounded(
  stated: number | null | undefined,
  computed: number | null,
  terms: number,
  on: { mismatch: (stated: number, computed: number) => void; rounding: (stated: number, computed: number) => void },
): Amount {
  if (stated === undefined || stated === null) return { value: computed, computed: computed !== null };
  if (computed !== null && !sameAmount(stated, computed)) {
    if (Math.abs(stated - computed) <= roundingAllowance(terms, stated) + 1e-6) on.rounding(stated, computed);
    else on.mismatch(stated, computed);
  }
  return { value: stated, computed: false };
}

export function roundingMessage(what: string, column: string, stated: number, computed: number, how: string, format: FormatOptions): string {
  const f = (n: number) => formatNumber(n, 0, format);
  return `${what}, kolumn "${column}": angivet ${f(stated)}, ${how} ${f(computed)} (skillnad ${f(stated - computed)}). Skillnaden ryms i avrundningen; det angivna värdet står kvar.`;
}

export function mismatchMessage(
  what: string,
  column: string,
  stated: number,
  computed: number,
  how: string,
  format: FormatOptions,
): string {
  const f = (n: number) => formatNumber(n, Number.isInteger(stated) && Number.isInteger(computed) ? 0 : 1, format);
  return `${what}, kolumn "${column}": angivet ${f(stated)} men ${how} ${f(computed)} (skillnad ${f(stated - computed)}).|Rätta det felaktiga värdet. Tar du bort det angivna värdet räknar kommunrapport ut det själv.`;
}

/** Reads an amount cell from a row keyed by column id. */
export function cell(row: Record<string, unknown>, column: string): number | null | undefined {
  const v = row[column];
  return v === undefined ? undefined : (v as number | null);
}
