/**
 * Goals and their indicators: a plan's målområde (KF-mål → nämndmål →
 * indikatorer) and an årsredovisning's resultatmål (→ indikatorer). Targets are
 * parsed, every indicator assessed and trended once, goals rolled up, and every
 * goal given a stable id (stated, or derived from its text).
 */
import type { IndicatorInput, JudgementInput, MålområdeInput, ResultatmålInput } from '../content/schema.ts';
import type { Indicator, MeasuredValue, Målområde, ResultatGoal, Resultatmål, Target } from './types.ts';
import type { Problems } from './problems.ts';
import { baselineNote, baselineReason, parseMeasured, parseTarget, targetNote } from './values.ts';
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
  /**
   * The report assesses (some indicator has an outcome, or some goal or indicator a written
   * bedömning): then an indicator without outcomes is "ej utvärderad" and its trend "ej jämförbar"
   * rather than left blank. Decided before the goals are built (build-model.ts).
   */
  bedömer?: boolean;
}

/** The year whose outcome is judged: the assessed year, or under "senaste_utfall" the latest earlier year with an outcome. */
export function judgedYear(utfall: Record<string, Outcome>, ctx: AssessmentContext): string {
  if (utfall[ctx.år] || !ctx.rules.senaste_utfall) return ctx.år;
  const earlier = Object.keys(utfall).filter((y) => y < ctx.år).sort();
  return earlier.at(-1) ?? ctx.år;
}

/**
 * One indicator: targets and outcomes parsed, assessment and trend computed,
 * written judgements applied. `målår` are the years the report shows targets for.
 */
export function buildIndicator(ind: IndicatorInput, path: Path, ids: IdScope, målår: readonly string[], problems: Problems, ctx: AssessmentContext): Indicator {
  const målvärden: Record<string, Target> = {};
  for (const [year, raw] of Object.entries(ind.målvärden)) {
    const target = parseTarget(raw);
    if (typeof target === 'string') problems.error([...path, 'målvärden', year], 'målvärde', target);
    else {
      målvärden[year] = target;
      const note = targetNote(target);
      if (note) problems.note([...path, 'målvärden', year], 'målvärde-text', note);
    }
    if (!målår.includes(year)) {
      problems.warn(
        [...path, 'målvärden', year],
        'målår-utanför-period',
        `Målvärdet för ${year} ligger utanför rapportens period ${målår[0]}–${målår[målår.length - 1]} och visas inte i måltabellen.|Kontrollera årtalet eller rapportens "period" i index.md.`,
      );
    }
  }
  const ingångsvärde = ind.ingångsvärde !== undefined ? parseMeasured(ind.ingångsvärde) : undefined;
  const baselineText = ingångsvärde && baselineNote(ingångsvärde);
  if (baselineText) problems.note([...path, 'ingångsvärde'], 'ingångsvärde-text', baselineText);
  const utfall: Record<string, Outcome> = Object.fromEntries(Object.entries(ind.utfall).map(([y, o]) => [y, parseOutcome(o)]));
  const hasOutcome = Object.keys(utfall).length > 0;
  // In a report that assesses, an indicator without outcomes is judged ("Utfall saknas för 2024.") and trended ("ej jämförbar").
  const assess = hasOutcome || ctx.bedömer === true;
  const year = judgedYear(utfall, ctx);
  const judged = assess
    ? judgeIndicator(
        {
          riktning: ind.riktning,
          year,
          outcome: utfall[year],
          previous: utfall[String(Number(year) - 1)],
          baseline: baselineNumber(ingångsvärde),
          ...(ingångsvärde ? { baselineReason: baselineReason(ingångsvärde) } : {}),
          target: målvärden[ctx.år],
          aktiviteterGenomförda: ind.aktiviteter_genomförda,
          budgetföljsamhet: ind.budgetföljsamhet,
        },
        ctx.rules,
      )
    : undefined;
  const computed: Assessment | undefined = judged
    ? {
        ...judged,
        reason: year !== ctx.år && judged.status !== 'ej-utvärderad' ? `Senaste utfall (${year}): ${judged.reason}` : judged.reason,
        source: 'beräknad',
        ...(hasOutcome ? {} : { noOutcome: true as const }),
      }
    : undefined;
  const bedömning = computed || ind.bedömning ? noteOverride(applyJudgement(computed, ind.bedömning, reportJudgement(problems, path)), problems, path, `Indikatorn "${ind.mått}"`) : undefined;
  let trend = assess ? computeTrend(utfall, year, ind.riktning, ctx.rules, ind.jämförbar_från) : undefined;
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
    publicering: ind.publicering,
    riktning: ind.riktning,
    ingångsvärde,
    målvärden,
    utfall,
    bedömning,
    trend,
  };
}

/** A goal's status rolled up from its parts, open to a written judgement (which needs a motivering to override). */
export function assessGoal(
  parts: readonly { bedömning?: Assessment }[],
  written: JudgementInput | undefined,
  what: string,
  label: string,
  path: Path,
  problems: Problems,
  ctx: AssessmentContext,
): Assessment | undefined {
  const computed = rollUp(parts.flatMap((p) => (p.bedömning ? [p.bedömning] : [])), ctx.rules, what);
  if (!computed && !written) return undefined;
  return noteOverride(applyJudgement(computed, written, reportJudgement(problems, path)), problems, path, label);
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
      indikatorer: nm.indikatorer.map((ind, ii) => buildIndicator(ind, ['kf_mål', ki, 'nämndmål', ni, 'indikatorer', ii], ids, målår, problems, ctx)),
    })),
  }));

  // Roll-up: indicators → nämndmål → KF-mål, each open to a written judgement.
  kfMål.forEach((kf, ki) => {
    const kfInput = input.kf_mål[ki]!;
    kf.nämndmål.forEach((nm, ni) => {
      nm.bedömning = assessGoal(nm.indikatorer, kfInput.nämndmål[ni]!.bedömning, 'indikatorer', `Nämndmålet "${nm.text}"`, ['kf_mål', ki, 'nämndmål', ni], problems, ctx);
    });
    kf.bedömning = assessGoal(kf.nämndmål, kfInput.bedömning, 'nämndmål', `KF-målet "${kf.text}"`, ['kf_mål', ki], problems, ctx);
  });

  return { kind: 'målområde', id: input.id, rubrik: input.rubrik, not: input.not, namn: input.namn, beskrivning: input.beskrivning, kfMål, målår };
}

/** Resultatmål of one övergripande mål (årsredovisning): indicators assessed against the report year's riktvärde, rolled up per goal. */
export function buildResultatmål(input: ResultatmålInput, år: string, problems: Problems, ctx: AssessmentContext): Resultatmål {
  const ids = new IdScope();
  const mål = input.mål.map((m, mi): ResultatGoal => {
    const id = ids.take(m.id ?? `rm-${slugify(m.text)}`);
    const indikatorer = m.indikatorer.map((ind, ii) => buildIndicator(ind, ['mål', mi, 'indikatorer', ii], ids, [år], problems, ctx));
    return {
      id,
      text: m.text,
      huvudansvar: m.huvudansvar,
      medansvariga: m.medansvariga,
      agenda2030: m.agenda2030,
      bedömning: assessGoal(indikatorer, m.bedömning, 'indikatorer', `Resultatmålet "${m.text}"`, ['mål', mi], problems, ctx),
      kommentar: m.kommentar,
      indikatorer,
    };
  });
  return { kind: 'resultatmål', id: input.id, rubrik: input.rubrik, not: input.not, övergripandeMål: input.övergripande_mål, mål };
}
