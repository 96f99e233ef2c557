/**
 * Swedish number, amount, date and range formatting: the one module every
 * renderer and every message uses, so a figure looks the same in the PDF, the
 * DOCX, the HTML and an error message.
 *
 * Conventions (see README, "Siffror och tecken"):
 * - thousands separated by a non-breaking space (U+00A0), which Swedish Excel
 *   also uses as its digit grouping, so "348 937" pastes as a number;
 * - decimal comma;
 * - percent with a non-breaking space: "45 %";
 * - the minus sign is configurable: "−" (U+2212, read as "minus" by screen
 *   readers) or "-" (U+002D, which Excel parses as a number when pasted).
 */

export const NBSP = '\u00a0';
export const MINUS_SIGN = '\u2212';
export const HYPHEN_MINUS = '-';
export const EN_DASH = '\u2013';

export type MinusStyle = typeof MINUS_SIGN | typeof HYPHEN_MINUS;

export interface FormatOptions {
  minus: MinusStyle;
}

export const defaultFormatOptions: FormatOptions = { minus: MINUS_SIGN };

export type AmountUnit = 'tkr' | 'mnkr';

/** Decimals shown per amount unit: tkr are whole thousands, mnkr one decimal. */
export const amountDecimals: Record<AmountUnit, number> = { tkr: 0, mnkr: 1 };

/**
 * Rounds half away from zero at `decimals`, immune to binary artefacts such as
 * 1.005 being stored as 1.00499…
 */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  const rounded = Math.round(scaled) / factor;
  return value < 0 ? -rounded : rounded;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** "−1 020", "89,88", "0". Negative zero after rounding prints as "0". */
export function formatNumber(
  value: number,
  decimals = 0,
  options: FormatOptions = defaultFormatOptions,
): string {
  if (!Number.isFinite(value)) throw new RangeError(`Kan inte formatera ${value} som tal`);
  const rounded = roundHalfAwayFromZero(value, decimals);
  const negative = rounded < 0;
  const [whole = '0', fraction] = Math.abs(rounded).toFixed(decimals).split('.');
  const body = groupThousands(whole) + (fraction !== undefined ? `,${fraction}` : '');
  return negative ? options.minus + body : body;
}

/** An amount in its unit: tkr as whole numbers, mnkr with one decimal. No unit suffix (tables name it in the caption). */
export function formatAmount(
  value: number,
  unit: AmountUnit,
  options: FormatOptions = defaultFormatOptions,
): string {
  return formatNumber(value, amountDecimals[unit], options);
}

/** An amount with its unit: "348 937 tkr", "349,0 mnkr". */
export function formatAmountWithUnit(
  value: number,
  unit: AmountUnit,
  options: FormatOptions = defaultFormatOptions,
): string {
  return `${formatAmount(value, unit, options)}${NBSP}${unit}`;
}

/** Converts between tkr and mnkr. */
export function convertAmount(value: number, from: AmountUnit, to: AmountUnit): number {
  if (from === to) return value;
  return from === 'tkr' ? value / 1000 : value * 1000;
}

/** "45 %", "89,9 %". The value is in percent already (45 means 45 %). */
export function formatPercent(
  value: number,
  decimals = 0,
  options: FormatOptions = defaultFormatOptions,
): string {
  return `${formatNumber(value, decimals, options)}${NBSP}%`;
}

/** Shows as many decimals as the value has, up to `max`: 2 → "2", 89.88 → "89,88". */
export function formatMeasure(
  value: number,
  max = 2,
  options: FormatOptions = defaultFormatOptions,
): string {
  return formatNumber(roundHalfAwayFromZero(value, max), measureDecimals(value, max), options);
}

/** The decimals formatMeasure shows for a value: as many as it has, up to `max`. */
export function measureDecimals(value: number, max = 2): number {
  const text = String(Math.abs(roundHalfAwayFromZero(value, max)));
  return Math.min(text.includes('.') ? (text.split('.')[1] ?? '').length : 0, max);
}

/** "2024–2026" (en dash); a single year prints alone. */
export function formatRange(from: number | string, to: number | string): string {
  return String(from) === String(to) ? String(from) : `${from}${EN_DASH}${to}`;
}

/** ISO date, validated: "2023-12-13". */
export function formatDate(isoDate: string): string {
  if (!isIsoDate(isoDate)) throw new RangeError(`Ogiltigt datum: ${isoDate}`);
  return isoDate;
}

export function isIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** "§ 64" with a non-breaking space. */
/** "a", "a och b", "a, b och c": a list in running text. */
export function formatList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} och ${items.at(-1)}`;
}

export function formatParagraph(paragraph: number | string): string {
  return `§${NBSP}${paragraph}`;
}

/**
 * Reads a number the way Swedish authors type it when they copy from Excel:
 * "−1 020", "-1020", "89,88", "1 234,5". Returns undefined for anything else.
 */
export function parseSwedishNumber(text: string): number | undefined {
  const cleaned = text
    .trim()
    .replace(/[\u00a0\u202f\u2009 ]/g, '')
    .replace(/^[\u2212\u2013]/, '-')
    .replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}
