/**
 * Goals and their indicators: a plan's målområde (KF-mål → nämndmål →
 * indikatorer, with levels left out where the municipality has none), a
 * måltabell, and an årsredovisning's resultatmål (→ indikatorer). Targets are
 * parsed, every indicator assessed and trended once, goals rolled up, and every
 * goal given a stable id (stated, or derived from its text).
 */
import type { GoalInput, IndicatorInput, JudgementInput, MålområdeInput, MåltabellInput, ResultatmålInput } from '../content/schema.ts';
import type { CouncilGoal, Goal, Indicator, MeasuredValue, Målområde, Måltabell, ResultatGoal, Resultatmål, Target } from './types.ts';
import { nearest } from '../content/schema-helpers.ts';
import type { Problems } from './problems.ts';
import { baselineNote, baselineReason, isNoValue, parseMeasured, parseTarget, targetNote } from './values.ts';
import { IdScope, slugify } from './ids.ts';
import type { Assessment, Outcome, Rules } from './assessment/types.ts';
import { parseOutcome } from './assessment/outcome.ts';
import { judgeIndicator } from './assessment/rules.ts';
import { computeTrend } from './assessment/trend.ts';
import { applyJudgement, rollUp, type PartsWord } from './assessment/rollup.ts';
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
    // "-" says on purpose that the year has no target (the cell stays empty, and no sibling warns about it).
    if (isNoValue(raw)) continue;
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
    id: ids.take(ind.id ?? `ind-${slugify(ind.mått ?? '')}`),
    idAngivet: ind.id !== undefined,
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
  what: PartsWord,
  label: string,
  path: Path,
  problems: Problems,
  ctx: AssessmentContext,
): Assessment | undefined {
  const computed = rollUp(parts.flatMap((p) => (p.bedömning ? [p.bedömning] : [])), ctx.rules, what);
  if (!computed && !written) return undefined;
  return noteOverride(applyJudgement(computed, written, reportJudgement(problems, path)), problems, path, label);
}

type GoalFields = Pick<
  GoalInput,
  'id' | 'text' | 'agenda2030' | 'indikatorer' | 'bedömning' | 'ingångsvärde' | 'målvärden' | 'utfall' | 'datakälla' | 'kolada' | 'riktning' | 'aktiviteter_genomförda' | 'jämförbar_från'
>;

/**
 * A goal's indicators: those listed, after (shorthand) the goal as its own measure when it carries a
 * baseline, targets or outcomes itself. Such an indicator has no "mått"; its id follows the goal's.
 */
function goalIndicators(goal: GoalFields, path: Path, ids: IdScope, målår: readonly string[], problems: Problems, ctx: AssessmentContext): Indicator[] {
  const own: Indicator[] = [];
  if (goal.ingångsvärde !== undefined || goal.målvärden !== undefined || goal.utfall !== undefined) {
    const self: IndicatorInput = {
      id: `ind-${slugify(goal.text)}`,
      datakälla: goal.datakälla,
      kolada: goal.kolada,
      riktning: goal.riktning ?? 'högre',
      aktiviteter_genomförda: goal.aktiviteter_genomförda,
      jämförbar_från: goal.jämförbar_från,
      ingångsvärde: goal.ingångsvärde,
      målvärden: goal.målvärden ?? {},
      utfall: goal.utfall ?? {},
      budgetföljsamhet: false,
    };
    // Its id follows the goal's text: not the author's.
    own.push({ ...buildIndicator(self, path, ids, målår, problems, ctx), idAngivet: false });
  }
  return [...own, ...goal.indikatorer.map((ind, i) => buildIndicator(ind, [...path, 'indikatorer', i], ids, målår, problems, ctx))];
}

/** A goal with its indicators assessed and rolled up (open to a written judgement); `parts` are its sub-goals. */
function buildGoal(
  goal: GoalFields,
  prefix: string,
  what: string,
  path: Path,
  ids: IdScope,
  målår: readonly string[],
  problems: Problems,
  ctx: AssessmentContext,
  subGoals: Goal[] = [],
): Goal {
  const id = ids.take(goal.id ?? `${prefix}-${slugify(goal.text)}`);
  const indikatorer = goalIndicators(goal, path, ids, målår, problems, ctx);
  const parts = [...subGoals, ...indikatorer];
  const partsWord: PartsWord = subGoals.length && indikatorer.length ? 'mål och indikatorer' : subGoals.length ? 'nämndmål' : 'indikatorer';
  return {
    id,
    idAngivet: goal.id !== undefined,
    text: goal.text,
    agenda2030: goal.agenda2030,
    indikatorer,
    bedömning: assessGoal(parts, goal.bedömning, partsWord, `${what} "${goal.text}"`, path, problems, ctx),
  };
}

function yearsOf(period: { från: number; till: number }): string[] {
  const years: string[] = [];
  for (let y = period.från; y <= period.till; y++) years.push(String(y));
  return years;
}

/**
 * A målområde with the levels the municipality has: KF-mål (with nämndmål, with indicators directly, or only
 * listed) and goals directly under the målområde. Roll-up follows whatever levels exist.
 */
export function buildMålområde(input: MålområdeInput, period: { från: number; till: number }, problems: Problems, ctx: AssessmentContext): Målområde {
  const ids = new IdScope();
  const målår = yearsOf(period);
  const kfMål: CouncilGoal[] = input.kf_mål.map((kf, ki) => {
    const path: Path = ['kf_mål', ki];
    const nämndmål = kf.nämndmål.map((nm, ni) => buildGoal(nm, 'nm', 'Nämndmålet', [...path, 'nämndmål', ni], ids, målår, problems, ctx));
    const goal = buildGoal(kf, 'kf', 'KF-målet', path, ids, målår, problems, ctx, nämndmål);
    return { ...goal, uppföljning: kf.uppföljning, ansvariga: kf.ansvariga, anmärkning: kf.anmärkning, beslutatAv: kf.beslutat_av, nämndmål };
  });
  const mål = input.mål.map((m, mi) => buildGoal(m, 'mal', 'Målet', ['mål', mi], ids, målår, problems, ctx));
  return { kind: 'målområde', id: input.id, rubrik: input.rubrik, not: input.not, namn: input.namn, beskrivning: input.beskrivning, kfMål, mål, målår, ...(input.etiketter ? { etiketter: input.etiketter } : {}) };
}

/** Goals not under one målområde; a goal's "målområde" must name a målområde block of the report. */
export function buildMåltabell(
  input: MåltabellInput,
  period: { från: number; till: number },
  areas: ReadonlyMap<string, string>,
  problems: Problems,
  ctx: AssessmentContext,
): Måltabell {
  const ids = new IdScope();
  const målår = yearsOf(period);
  const mål = input.mål.map((m, mi) => {
    const goal = buildGoal(m, 'mal', 'Målet', ['mål', mi], ids, målår, problems, ctx);
    if (m.målområde === undefined) return goal;
    const namn = areas.get(m.målområde);
    if (namn === undefined) {
      const known = [...areas.keys()];
      const suggestion = nearest(m.målområde, known);
      problems.error(
        ['mål', mi, 'målområde'],
        'okänt-målområde',
        `Det finns inget målområde med id "${m.målområde}" i rapporten.${suggestion ? ` Menade du "${suggestion}"?` : ''}|${known.length ? `Rapportens målområden: ${known.join(', ')}.` : 'Rapporten har inga block av typen målområde; ta bort "målområde" eller lägg till målområdet.'}`,
      );
      return goal;
    }
    return { ...goal, målområde: { id: m.målområde, namn } };
  });
  return { kind: 'måltabell', id: input.id, rubrik: input.rubrik, not: input.not, mål, målår, ...(input.etiketter ? { etiketter: input.etiketter } : {}) };
}

/** Resultatmål of one övergripande mål (årsredovisning): indicators assessed against the report year's riktvärde, rolled up per goal. */
export function buildResultatmål(input: ResultatmålInput, år: string, problems: Problems, ctx: AssessmentContext): Resultatmål {
  const ids = new IdScope();
  const mål = input.mål.map((m, mi): ResultatGoal => {
    const id = ids.take(m.id ?? `rm-${slugify(m.text)}`);
    const indikatorer = m.indikatorer.map((ind, ii) => buildIndicator(ind, ['mål', mi, 'indikatorer', ii], ids, [år], problems, ctx));
    return {
      id,
      idAngivet: m.id !== undefined,
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
