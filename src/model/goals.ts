/**
 * Målområde: KF-mål → nämndmål → indikatorer, with targets parsed and every
 * goal given a stable id (stated, or derived from its text).
 */
import type { MålområdeInput } from '../content/schema.ts';
import type { Indicator, Målområde, Target } from './types.ts';
import type { Problems } from './problems.ts';
import { parseMeasured, parseTarget } from './values.ts';
import { IdScope, slugify } from './ids.ts';

export function buildMålområde(input: MålområdeInput, period: { från: number; till: number }, problems: Problems): Målområde {
  const ids = new IdScope();
  const målår: string[] = [];
  for (let y = period.från; y <= period.till; y++) målår.push(String(y));

  const kfMål = input.kf_mål.map((kf, ki) => ({
    id: ids.take(kf.id ?? `kf-${slugify(kf.text)}`),
    text: kf.text,
    uppföljning: kf.uppföljning,
    ansvariga: kf.ansvariga,
    anmärkning: kf.anmärkning,
    nämndmål: kf.nämndmål.map((nm, ni) => ({
      id: ids.take(nm.id ?? `nm-${slugify(nm.text)}`),
      text: nm.text,
      indikatorer: nm.indikatorer.map((ind, ii): Indicator => {
        const path = ['kf_mål', ki, 'nämndmål', ni, 'indikatorer', ii];
        const målvärden: Record<string, Target> = {};
        for (const [year, raw] of Object.entries(ind.målvärden)) {
          const target = parseTarget(raw);
          if (typeof target === 'string') problems.error([...path, 'målvärden', year], 'målvärde', target);
          else målvärden[year] = target;
          if (!målår.includes(year)) {
            problems.warn(
              [...path, 'målvärden', year],
              'målår-utanför-period',
              `Målvärdet för ${year} ligger utanför rapportens period ${målår[0]}–${målår[målår.length - 1]} och visas inte i måltabellen.|Kontrollera årtalet eller rapportens "period" i index.md.`,
            );
          }
        }
        return {
          id: ids.take(ind.id ?? `ind-${slugify(ind.mått)}`),
          mått: ind.mått,
          datakälla: ind.datakälla,
          kolada: ind.kolada,
          riktning: ind.riktning,
          ingångsvärde: ind.ingångsvärde !== undefined ? parseMeasured(ind.ingångsvärde) : undefined,
          målvärden,
        };
      }),
    })),
  }));

  return { kind: 'målområde', id: input.id, rubrik: input.rubrik, not: input.not, namn: input.namn, beskrivning: input.beskrivning, kfMål, målår };
}
