/**
 * Målområde: KF-mål → nämndmål → indikatorer, with targets parsed and every
 * goal given a stable id (stated, or derived from its text).
 */
import type { MålområdeInput } from '../content/schema.ts';
import type { Indicator, MeasuredValue, Målområde, Target } from './types.ts';
import type { Problems } from './problems.ts';
import { parseMeasured, parseTarget } from './values.ts';
import { IdScope, slugify } from './ids.ts';
import type { Assessment, Outcome, Rules } from './assessment/types.ts';
import { parseOutcome } from './assessment/outcome.ts';
import { judgeIndicator } from './assessment/rules.ts';
import { computeTrend } from './assessment/trend.ts';
import { applyJudgement, rollUp } from './assessment/rollup.ts';
import { statusWords, trendWords } from './assessment/types.ts';

type Path = (string | number)[];

/** The baseline as a single number, when it is one. */
function baselineNumber(v: MeasuredValue | undefined): number | undefined {
  return v?.kind === 'tal' ? v.value : undefined;
}

function reportJudgement(problems: Problems, path: Path) {
  return (p: { message: string }) => problems.warn([...path, 'bedömning'], 'bedömning-skiljer-sig', p.message);
}

/** Overrides are listed for reviewers in the build summary. */
function noteOverride(a: Assessment | undefined, problems: Problems, path: Path, what: string): Assessment | undefined {
  if (a?.source === 'åsidosatt' && a.computed) {
    problems.note([...path, 'bedömning'], 'åsidosatt-bedömning', `${what}: bedömningen "${statusWords[a.status]}" gäller i stället för beräknad "${statusWords[a.computed]}". Motivering: ${a.motivering}`);
  }
  return a;
}

export interface AssessmentContext {
  rules: Rules;
  år: string;
}

export function buildMålområde(input: MålområdeInput, period: { från: number; till: number }, problems: Problems, ctx: AssessmentContext): Målområde {
  const ids = new IdScope();
  const målår: string[] = [];
  for (let y = period.från; y <= period.till; y++) målår.push(String(y));

  const kfMål: Målområde['kfMål'] = input.kf_mål.map((kf, ki) => ({
    id: ids.take(kf.id ?? `kf-${slugify(kf.text)}`),
    text: kf.text,
    uppföljning: kf.uppföljning,
    ansvariga: kf.ansvariga,
    anmärkning: kf.anmärkning,
    beslutatAv: kf.beslutat_av,
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
        const ingångsvärde = ind.ingångsvärde !== undefined ? parseMeasured(ind.ingångsvärde) : undefined;
        const utfall: Record<string, Outcome> = Object.fromEntries(Object.entries(ind.utfall).map(([y, o]) => [y, parseOutcome(o)]));
        const hasOutcome = Object.keys(utfall).length > 0;
        const computed: Assessment | undefined = hasOutcome
          ? {
              ...judgeIndicator(
                {
                  riktning: ind.riktning,
                  year: ctx.år,
                  outcome: utfall[ctx.år],
                  previous: utfall[String(Number(ctx.år) - 1)],
                  baseline: baselineNumber(ingångsvärde),
                  target: målvärden[ctx.år],
                  aktiviteterGenomförda: ind.aktiviteter_genomförda,
                  budgetföljsamhet: ind.budgetföljsamhet,
                },
                ctx.rules,
              ),
              source: 'beräknad',
            }
          : undefined;
        const bedömning = computed || ind.bedömning ? noteOverride(applyJudgement(computed, ind.bedömning, reportJudgement(problems, path)), problems, path, `Indikatorn "${ind.mått}"`) : undefined;
        let trend = hasOutcome ? computeTrend(utfall, ctx.år, ind.riktning, ctx.rules, ind.jämförbar_från) : undefined;
        if (ind.trend) {
          const stated = ind.trend.värde === 'ej jämförbar' ? 'ej-jämförbar' : ind.trend.värde;
          if (!trend || trend.trend !== stated) {
            trend = { trend: stated, reason: trend?.reason ?? '', source: 'åsidosatt', computed: trend?.trend, motivering: ind.trend.motivering };
            problems.note([...path, 'trend'], 'åsidosatt-trend', `Trenden anges som "${trendWords[stated]}"${trend.computed ? ` i stället för beräknad "${trendWords[trend.computed]}"` : ''}: ${ind.trend.motivering}`);
          }
        }
        return {
          id: ids.take(ind.id ?? `ind-${slugify(ind.mått)}`),
          mått: ind.mått,
          datakälla: ind.datakälla,
          kolada: ind.kolada,
          riktning: ind.riktning,
          ingångsvärde,
          målvärden,
          utfall,
          bedömning,
          trend,
        };
      }),
    })),
  }));

  // Roll-up: indicators → nämndmål → KF-mål, each open to a written judgement.
  kfMål.forEach((kf, ki) => {
    const kfInput = input.kf_mål[ki]!;
    kf.nämndmål.forEach((nm, ni) => {
      const nmInput = kfInput.nämndmål[ni]!;
      const computed = rollUp(nm.indikatorer.flatMap((i) => (i.bedömning ? [i.bedömning] : [])), ctx.rules, 'indikatorer');
      if (computed || nmInput.bedömning) {
        const nmPath = ['kf_mål', ki, 'nämndmål', ni];
        nm.bedömning = noteOverride(applyJudgement(computed, nmInput.bedömning, reportJudgement(problems, nmPath)), problems, nmPath, `Nämndmålet "${nm.text}"`);
      }
    });
    const computed = rollUp(kf.nämndmål.flatMap((n) => (n.bedömning ? [n.bedömning] : [])), ctx.rules, 'nämndmål');
    if (computed || kfInput.bedömning) {
      kf.bedömning = noteOverride(applyJudgement(computed, kfInput.bedömning, reportJudgement(problems, ['kf_mål', ki])), problems, ['kf_mål', ki], `KF-målet "${kf.text}"`);
    }
  });

  return { kind: 'målområde', id: input.id, rubrik: input.rubrik, not: input.not, namn: input.namn, beskrivning: input.beskrivning, kfMål, målår };
}
