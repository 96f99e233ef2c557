/** Word-level comparison of texts, text similarity, and the Swedish difference between two figures. */
import { diffWords } from 'diff';
import { distance } from 'fastest-levenshtein';
import { formatNumber, parseSwedishNumber, type FormatOptions } from '../format/swedish.ts';
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

/** A figure as printed: "−1 020", "45 %", "9,0 %"; undefined for anything else (text, "<176", several lines). */
export function readFigure(text: string): { value: number; decimals: number; percent: boolean } | undefined {
  const m = /^(.*?)(?:[\s\u00a0]*%)?$/.exec(text.trim());
  const percent = /%$/.test(text.trim());
  const body = m?.[1] ?? '';
  if (!/^[-\u2212\u2013]?[\d\s\u00a0\u202f]+(,\d+)?$/.test(body)) return undefined;
  const value = parseSwedishNumber(body);
  if (value === undefined) return undefined;
  return { value, decimals: body.includes(',') ? body.split(',')[1]!.length : 0, percent };
}

/** new − old with a sign, in the figures' own decimals: "+50", "−1 020", "+2 procentenheter"; undefined unless both are figures of one kind. */
export function figureDifference(oldText: string, newText: string, format: FormatOptions): string | undefined {
  const a = readFigure(oldText);
  const b = readFigure(newText);
  if (!a || !b || a.percent !== b.percent) return undefined;
  const decimals = Math.max(a.decimals, b.decimals);
  const diff = b.value - a.value;
  const factor = 10 ** decimals;
  const rounded = Math.round(diff * factor) / factor;
  const shown = rounded === 0 ? '±0' : `${rounded > 0 ? '+' : ''}${formatNumber(rounded, decimals, format)}`;
  return a.percent ? `${shown} ${Math.abs(rounded) === 1 ? 'procentenhet' : 'procentenheter'}` : shown;
}
