/** Word-level comparison of texts, text similarity, and the Swedish difference between two figures. */
import { diffWords } from 'diff';
import { distance } from 'fastest-levenshtein';
import { formatNumber, roundHalfAwayFromZero, type FormatOptions } from '../format/swedish.ts';
import type { Figure } from '../review/figures.ts';
import type { WordPart } from './types.ts';

export function wordDiff(oldText: string, newText: string): WordPart[] {
  return diffWords(oldText, newText).map((p) => ({ kind: p.added ? 'added' : p.removed ? 'removed' : 'same', text: p.value }));
}

const normalise = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();

/** 1 for equal texts, 0 for nothing in common (edit distance relative to the longer text). */
export function similarity(a: string, b: string): number {
  const x = normalise(a);
  const y = normalise(b);
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 1 : 1 - distance(x, y) / longest;
}

/**
 * new − old with a sign, in the figures' own decimals: "+50", "−1 020", "+2 procentenheter";
 * undefined unless both are figures in one unit. The figures are the model's numbers, never
 * read back from the formatted text.
 */
export function figureDifference(older: Figure | undefined, newer: Figure | undefined, format: FormatOptions): string | undefined {
  if (!older || !newer || older.unit !== newer.unit) return undefined;
  const decimals = Math.max(older.decimals, newer.decimals);
  const rounded = roundHalfAwayFromZero(newer.value - older.value, decimals);
  const shown = rounded === 0 ? '±0' : `${rounded > 0 ? '+' : ''}${formatNumber(rounded, decimals, format)}`;
  return older.unit === '%' ? `${shown} ${Math.abs(rounded) === 1 ? 'procentenhet' : 'procentenheter'}` : shown;
}
