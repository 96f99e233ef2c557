/** Counts per status and måluppfyllelsegrad (75–100 % mycket god, 50–74 % god, 25–49 % relativt låg, 0–24 % låg). */
import type { Assessment, Status } from './types.ts';
import type { StatusCounts } from '../types.ts';

export const resultatnivåer: { från: number; text: string }[] = [
  { från: 75, text: 'Mycket god måluppfyllelse' },
  { från: 50, text: 'God måluppfyllelse' },
  { från: 25, text: 'Relativt låg måluppfyllelse' },
  { från: 0, text: 'Låg måluppfyllelse' },
];

export function resultatnivå(andel: number): string {
  return resultatnivåer.find((n) => Math.round(andel) >= n.från)!.text;
}

export function countStatuses(assessments: readonly Assessment[]): StatusCounts {
  const counts: Record<Status, number> = { uppfyllt: 0, delvis: 0, 'ej-uppfyllt': 0, 'ej-utvärderad': 0 };
  for (const a of assessments) counts[a.status]++;
  const bedömda = assessments.length - counts['ej-utvärderad'];
  const andel = bedömda > 0 ? (counts.uppfyllt / bedömda) * 100 : undefined;
  return {
    counts,
    bedömda,
    total: assessments.length,
    ...(andel !== undefined ? { måluppfyllelse: andel, resultatnivå: resultatnivå(andel) } : {}),
  };
}
