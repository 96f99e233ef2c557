/** Trend arrows: better / unchanged / worse / not comparable, judged by the indicator's direction. */
import type { Outcome, Rules, TrendResult } from './types.ts';
import { direction, relativeChange } from './rules.ts';
import { formatMeasure, NBSP } from '../../format/swedish.ts';

export function computeTrend(
  outcomes: Record<string, Outcome>,
  year: string,
  riktning: 'högre' | 'lägre',
  rules: Rules,
  comparableFrom?: number,
): TrendResult {
  const previousYear = String(Number(year) - 1);
  const now = outcomes[year];
  const before = outcomes[previousYear];
  const notComparable = (reason: string): TrendResult => ({ trend: 'ej-jämförbar', reason, source: 'beräknad' });
  if (comparableFrom !== undefined && Number(previousYear) < comparableFrom) {
    return notComparable(`Indikatorn mäts på nytt sätt från ${comparableFrom}; ${previousYear} går inte att jämföra.`);
  }
  if (!now || !before) return notComparable(`Utfall saknas för ${!now ? year : previousYear}.`);
  if (now.kind !== 'tal' || before.kind !== 'tal') return notComparable('Utfallen är inga tal.');
  const moved = direction(before.value, now.value, riktning, rules.oförändrad_under);
  const change = relativeChange(before.value, now.value);
  const changeText = change === undefined ? '' : ` (${change >= 0 ? '+' : '−'}${formatMeasure(Math.abs(change), 1)}${NBSP}%)`;
  const reason = `Från ${formatMeasure(before.value)} (${previousYear}) till ${formatMeasure(now.value)} (${year})${changeText}; ${riktning === 'högre' ? 'högre' : 'lägre'} är bättre${
    moved === 'oförändrad' ? `, och en förändring under ${formatMeasure(rules.oförändrad_under)}${NBSP}% räknas som oförändrad` : ''
  }.`;
  return { trend: moved, reason, source: 'beräknad' };
}
