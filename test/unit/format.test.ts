import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatAmountWithUnit,
  formatDate,
  formatMeasure,
  formatNumber,
  formatParagraph,
  formatPercent,
  formatRange,
  convertAmount,
  parseSwedishNumber,
  roundHalfAwayFromZero,
} from '../../src/format/swedish.ts';

const NBSP = '\u00a0';
const MINUS = '\u2212';
const hyphen = { minus: '-' as const };

describe('formatNumber', () => {
  it.each([
    [0, 0, '0'],
    [5, 0, '5'],
    [999, 0, '999'],
    [1000, 0, `1${NBSP}000`],
    [348937, 0, `348${NBSP}937`],
    [1234567, 0, `1${NBSP}234${NBSP}567`],
    [-1020, 0, `${MINUS}1${NBSP}020`],
    [-44, 0, `${MINUS}44`],
    [89.88, 2, '89,88'],
    [0.5, 1, '0,5'],
    [2.5, 0, '3'],
    [-2.5, 0, `${MINUS}3`],
    [1.005, 2, '1,01'],
    [-0.04, 1, '0,0'],
    [-0.4, 0, '0'],
    [1234.5, 1, `1${NBSP}234,5`],
  ])('%d with %d decimals → %s', (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });

  it('uses a hyphen-minus when the profile asks for Excel-friendly negatives', () => {
    expect(formatNumber(-348937, 0, hyphen)).toBe(`-348${NBSP}937`);
  });

  it('refuses NaN and infinities instead of printing them', () => {
    expect(() => formatNumber(Number.NaN)).toThrow(/Kan inte formatera/);
    expect(() => formatNumber(Number.POSITIVE_INFINITY)).toThrow();
  });
});

describe('amounts', () => {
  it('prints tkr as whole numbers and mnkr with one decimal', () => {
    expect(formatAmount(-348937, 'tkr')).toBe(`${MINUS}348${NBSP}937`);
    expect(formatAmount(-348.937, 'mnkr')).toBe(`${MINUS}348,9`);
    expect(formatAmount(0, 'mnkr')).toBe('0,0');
    expect(formatAmount(12.449, 'tkr')).toBe('12');
  });
  it('adds the unit after a non-breaking space', () => {
    expect(formatAmountWithUnit(348937, 'tkr')).toBe(`348${NBSP}937${NBSP}tkr`);
  });
  it('converts between tkr and mnkr', () => {
    expect(convertAmount(348937, 'tkr', 'mnkr')).toBeCloseTo(348.937);
    expect(convertAmount(1.5, 'mnkr', 'tkr')).toBe(1500);
    expect(convertAmount(7, 'tkr', 'tkr')).toBe(7);
  });
});

describe('percent, measures, dates and ranges', () => {
  it('writes percent with a space', () => {
    expect(formatPercent(45)).toBe(`45${NBSP}%`);
    expect(formatPercent(89.88, 1)).toBe(`89,9${NBSP}%`);
    expect(formatPercent(0)).toBe(`0${NBSP}%`);
    expect(formatPercent(-1.5, 1)).toBe(`${MINUS}1,5${NBSP}%`);
  });
  it('shows measures with the decimals they have', () => {
    expect(formatMeasure(2)).toBe('2');
    expect(formatMeasure(89.88)).toBe('89,88');
    expect(formatMeasure(0.125)).toBe('0,13');
    expect(formatMeasure(35731)).toBe(`35${NBSP}731`);
  });
  it('uses an en dash in ranges', () => {
    expect(formatRange(2024, 2026)).toBe('2024–2026');
    expect(formatRange(2024, 2024)).toBe('2024');
  });
  it('keeps ISO dates and refuses impossible ones', () => {
    expect(formatDate('2023-12-13')).toBe('2023-12-13');
    expect(() => formatDate('2023-02-30')).toThrow(/Ogiltigt datum/);
    expect(() => formatDate('13/12/2023')).toThrow();
  });
  it('writes paragraphs as "§ 64"', () => {
    expect(formatParagraph(64)).toBe(`§${NBSP}64`);
  });
  it('rounds half away from zero', () => {
    expect(roundHalfAwayFromZero(0.125, 2)).toBe(0.13);
    expect(roundHalfAwayFromZero(-0.125, 2)).toBe(-0.13);
  });
});

describe('parseSwedishNumber', () => {
  it.each([
    ['-1 020', -1020],
    ['−1 020', -1020],
    ['1020', 1020],
    ['89,88', 89.88],
    [`348${NBSP}937`, 348937],
    ['0', 0],
  ])('%s → %d', (text, expected) => {
    expect(parseSwedishNumber(text)).toBe(expected);
  });
  it.each(['', 'abc', '12 kr', '1,2,3', '--5'])('%s is not a number', (text) => {
    expect(parseSwedishNumber(text)).toBeUndefined();
  });
});
