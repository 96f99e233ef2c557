/**
 * The blocks that look over other blocks' goals: the bedömningar (counts per
 * status per målområde) and the årsredovisning's indicator table.
 */
import type { Bedömningar, Indikatortabell, Målområde, Måltabell, Resultatmål } from './types.ts';
import type { BedömningarInput, IndikatortabellInput } from '../content/schema.ts';
import type { Assessment } from './assessment/types.ts';
import { countStatuses } from './assessment/summary.ts';

/** The assessments of every målområde (or övergripande mål): per goal, counts per status and måluppfyllelsegrad. */
export function buildBedömningar(input: BedömningarInput, målområden: readonly Målområde[], måltabeller: readonly Måltabell[], resultatmål: readonly Resultatmål[]): Bedömningar {
  type Goal = { text: string; bedömning: Assessment };
  const assessed = <T extends { text: string; bedömning?: Assessment }>(goals: readonly T[]): Goal[] =>
    goals.flatMap((g) => (g.bedömning ? [{ text: g.text, bedömning: g.bedömning }] : []));
  let groups: { namn: string; goals: Goal[] }[];
  if (input.nivå === 'resultatmål') {
    // Several blocks may follow up the same övergripande mål: one group per name, in order of appearance.
    const byName = new Map<string, Goal[]>();
    for (const r of resultatmål) byName.set(r.övergripandeMål, [...(byName.get(r.övergripandeMål) ?? []), ...assessed(r.mål)]);
    groups = [...byName].map(([namn, goals]) => ({ namn, goals }));
  } else if (input.nivå === 'mål') {
    // A måltabell's goals count under the målområde they refer to, the rest under the table's heading.
    const byName = new Map<string, Goal[]>(målområden.map((m) => [m.namn, assessed(m.mål)]));
    for (const t of måltabeller) for (const g of t.mål) {
      const namn = g.målområde?.namn ?? t.rubrik;
      byName.set(namn, [...(byName.get(namn) ?? []), ...assessed([g])]);
    }
    groups = [...byName].map(([namn, goals]) => ({ namn, goals }));
  } else {
    groups = målområden.map((m) => ({
      namn: m.namn,
      goals: input.nivå === 'kf-mål' ? assessed(m.kfMål) : assessed(m.kfMål.flatMap((kf) => kf.nämndmål)),
    }));
  }
  const områden = groups.map((g) => ({ ...g, summary: countStatuses(g.goals.map((x) => x.bedömning)) }));
  return {
    kind: 'bedömningar',
    id: input.id,
    rubrik: input.rubrik,
    not: input.not,
    nivå: input.nivå,
    visa: input.visa,
    områden: områden.filter((o) => o.goals.length > 0),
    totalt: countStatuses(områden.flatMap((o) => o.goals.map((g) => g.bedömning))),
  };
}

/** The indicator table of the årsredovisning: every resultatmål's indicators, outcomes for the chosen years. */
export function buildIndikatortabell(input: IndikatortabellInput, år: number, resultatmål: readonly Resultatmål[]): Indikatortabell {
  const years = (input.år ?? [år - 2, år - 1, år]).map(String);
  return { kind: 'indikatortabell', id: input.id, rubrik: input.rubrik, not: input.not, år: years, områden: [...resultatmål] };
}
