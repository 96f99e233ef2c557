/**
 * The assessment of one indicator in one year, under the municipality's rule
 * set (see README, "Bedömningar"). Pure functions: outcome, target and rules
 * in, status and its reason out. Nothing is guessed: what cannot be judged is
 * "ej utvärderad" with the reason.
 */
import type { Target, WrittenWords } from '../types.ts';
import type { Outcome, Rules, Status } from './types.ts';
import { EN_DASH, formatMeasure, NBSP } from '../../format/swedish.ts';

export interface IndicatorFacts {
  riktning: 'högre' | 'lägre';
  year: string;
  outcome?: Outcome;
  /** The outcome of the year before, for "Öka"/"Minska" and gender development. */
  previous?: Outcome;
  /** The baseline value as a number, when it has one. */
  baseline?: number;
  /** Why there is no baseline number ('Ingångsvärdet "3/5" är inget tal'), for the reason of "ej utvärderad". */
  baselineReason?: string;
  target?: Target;
  aktiviteterGenomförda?: boolean;
  budgetföljsamhet: boolean;
}

export interface Judgement {
  status: Status;
  reason: string;
  score?: number;
}

const n = (v: number, unit?: string) => `${formatMeasure(v)}${unit ? `${NBSP}${unit}` : ''}`;
const pct = (ratio: number) => `${formatMeasure(ratio * 100, 1)}${NBSP}%`;
const notJudged = (reason: string): Judgement => ({ status: 'ej-utvärderad', reason });
/** A target number with the author's words: "12 utvecklingsprojekt", "3,4 av 6". */
const tn = (v: number, unit?: string, words?: WrittenWords) =>
  `${n(v, unit)}${words?.scale ? ` av ${formatMeasure(words.scale.value)}` : ''}${words?.after ?? ''}`;
const noBaseline = (facts: IndicatorFacts) => facts.baselineReason ?? 'Ingångsvärde saknas';

/** The direction a word target asks for; Bibehålla keeps the indicator's own direction. */
function wantedDirection(riktning: Extract<Target, { kind: 'riktning' }>['riktning'], own: 'högre' | 'lägre'): 'högre' | 'lägre' {
  return riktning.startsWith('öka') ? 'högre' : riktning.startsWith('minska') ? 'lägre' : own;
}

/** Maintain targets (Bibehålla, Öka/Bibehålla, Minska/Bibehålla) are met by an unchanged value. */
const maintains = (riktning: Extract<Target, { kind: 'riktning' }>['riktning']) => riktning.includes('bibehålla');

/** Samtliga and Ja/Nej: reached or not. */
function judgeReached(target: Extract<Target, { kind: 'samtliga' | 'janej' }>, outcome: Outcome): Judgement {
  const value = outcome.kind === 'tal' ? outcome.value : undefined;
  const text = outcome.kind === 'text' ? outcome.text.toLowerCase() : undefined;
  const unit = outcome.kind === 'tal' ? outcome.unit : undefined;
  if (target.kind === 'samtliga') {
    const met = text === 'samtliga' || text === 'alla' || text === 'ja' || (value === 100 && unit === '%');
    return met ? { status: 'uppfyllt', reason: 'Målet gäller samtliga, och utfallet omfattar samtliga.' } : { status: 'ej-uppfyllt', reason: 'Målet gäller samtliga, men utfallet omfattar inte alla.' };
  }
  const answer = text === 'ja' ? true : text === 'nej' ? false : value === 1 ? true : value === 0 ? false : undefined;
  if (answer === undefined) return notJudged(`Utfallet ska vara Ja eller Nej, men är "${text ?? value}".`);
  const wanted = target.value ? 'Ja' : 'Nej';
  const read = target.svarsform ? 'Målvärdet "Ja/Nej" läses som Ja. ' : '';
  return answer === target.value
    ? { status: 'uppfyllt', reason: `${read}Utfallet är ${wanted}, som målet anger.` }
    : { status: 'ej-uppfyllt', reason: `${read}Målet är ${wanted}, men utfallet är ${answer ? 'Ja' : 'Nej'}.` };
}

/** Relative change from `from` to `to`, in percent; undefined when `from` is 0 and `to` is not. */
export function relativeChange(from: number, to: number): number | undefined {
  if (from === 0) return to === 0 ? 0 : undefined;
  return ((to - from) / Math.abs(from)) * 100;
}

/** better / same / worse for a move from `from` to `to`, with "same" inside the unchanged band. */
export function direction(from: number, to: number, riktning: 'högre' | 'lägre', band: number): 'bättre' | 'oförändrad' | 'sämre' {
  const change = relativeChange(from, to);
  if (change !== undefined && Math.abs(change) < band) return 'oförändrad';
  if (to === from) return 'oförändrad';
  return (to > from) === (riktning === 'högre') ? 'bättre' : 'sämre';
}

/** Ratio of outcome to target, direction-aware (1 = exactly at target; above 1 = better). */
export function ratioToTarget(outcome: number, target: number, riktning: 'högre' | 'lägre'): number {
  if (riktning === 'högre') {
    if (target === 0) return outcome >= 0 ? Number.POSITIVE_INFINITY : 0;
    return outcome / target;
  }
  if (outcome === 0) return target >= 0 ? Number.POSITIVE_INFINITY : 0;
  if (target === 0) return 0;
  return target / outcome;
}

function statusFromRatio(ratio: number, rules: Rules): Status {
  if (ratio >= rules.grön / 100) return 'uppfyllt';
  if (rules.regel === 'kvot' && ratio >= rules.gul / 100) return 'delvis';
  return 'ej-uppfyllt';
}

/** Judges an outcome against one (non-group) target. */
function judgeTarget(target: Exclude<Target, { kind: 'grupper' }>, outcome: Outcome, facts: IndicatorFacts, rules: Rules): Judgement {
  const value = outcome.kind === 'tal' ? outcome.value : undefined;
  const text = outcome.kind === 'text' ? outcome.text.toLowerCase() : undefined;
  const unit = outcome.kind === 'tal' ? outcome.unit : undefined;
  switch (target.kind) {
    case 'tal': {
      const t = tn(target.value, target.unit, target.words);
      if (value === undefined) return notJudged(`Utfallet "${text}" är inget tal och kan inte jämföras med målvärdet ${t}.`);
      const ratio = ratioToTarget(value, target.value, facts.riktning);
      const status = statusFromRatio(ratio, rules);
      const share = Number.isFinite(ratio) ? `${pct(ratio)} av målvärdet` : 'bättre än målvärdet';
      return { status, reason: `Utfallet ${n(value, unit)} motsvarar ${share} ${t}${facts.riktning === 'lägre' ? ' (lägre är bättre)' : ''}.` };
    }
    case 'gräns': {
      const t = `${target.op}${tn(target.value, target.unit, target.words)}`;
      if (value === undefined) return notJudged(`Utfallet "${text}" är inget tal och kan inte jämföras med gränsen ${t}.`);
      const met = { '>': value > target.value, '<': value < target.value, '≥': value >= target.value, '≤': value <= target.value }[target.op];
      if (met) return { status: 'uppfyllt', reason: `Utfallet ${n(value, unit)} klarar gränsen ${t}.` };
      const ratio = ratioToTarget(value, target.value, target.op === '>' || target.op === '≥' ? 'högre' : 'lägre');
      const status = rules.regel === 'kvot' && ratio >= rules.gul / 100 ? 'delvis' : 'ej-uppfyllt';
      return { status, reason: `Utfallet ${n(value, unit)} klarar inte gränsen ${t} (${pct(ratio)}).` };
    }
    case 'intervall': {
      const t = `${formatMeasure(target.from)}${EN_DASH}${tn(target.to, target.unit, target.words)}`;
      if (value === undefined) return notJudged(`Utfallet "${text}" är inget tal och kan inte jämföras med intervallet ${t}.`);
      if (value >= target.from && value <= target.to) return { status: 'uppfyllt', reason: `Utfallet ${n(value, unit)} ligger inom intervallet ${t}.` };
      // Outside: under kvot, near enough to the closer end is delvis (ratio to that end).
      const ratio = value < target.from ? ratioToTarget(value, target.from, 'högre') : ratioToTarget(value, target.to, 'lägre');
      const status = rules.regel === 'kvot' && ratio >= rules.gul / 100 ? 'delvis' : 'ej-uppfyllt';
      return { status, reason: `Utfallet ${n(value, unit)} ligger ${value < target.from ? 'under' : 'över'} intervallet ${t} (${pct(ratio)}).` };
    }
    case 'text':
      return notJudged(`Målvärdet "${target.text}" är inget tal och kan inte användas för bedömning.`);
    case 'riktning': {
      if (value === undefined) return notJudged('Utfallet är inget tal, så förändringen kan inte bedömas.');
      const previous = facts.previous?.kind === 'tal' ? facts.previous.value : undefined;
      const reference = previous ?? facts.baseline;
      if (reference === undefined) {
        const why = facts.baselineReason ? ` (${facts.baselineReason})` : '';
        return notJudged(`Det finns varken föregående års utfall eller ett ingångsvärde att jämföra "${target.riktning}" med${why}.`);
      }
      const what = previous !== undefined ? 'föregående år' : 'ingångsvärdet';
      const wanted = wantedDirection(target.riktning, facts.riktning);
      const moved = direction(reference, value, wanted, rules.oförändrad_under);
      const from = `${n(reference)} (${what}) till ${n(value, unit)}`;
      if (target.riktning === 'bibehålla') {
        return moved === 'sämre'
          ? { status: 'ej-uppfyllt', reason: `Värdet har försämrats från ${from}.` }
          : { status: 'uppfyllt', reason: `Värdet har bibehållits eller förbättrats: från ${from}.` };
      }
      if (target.riktning === 'minska/bibehålla' || target.riktning === 'öka/bibehålla') {
        const up = target.riktning === 'öka/bibehålla';
        return moved === 'sämre'
          ? { status: 'ej-uppfyllt', reason: `Värdet har ${up ? 'minskat' : 'ökat'} från ${from}.` }
          : { status: 'uppfyllt', reason: `Värdet har ${up ? 'ökat' : 'minskat'} eller bibehållits: från ${from}.` };
      }
      if (moved === 'bättre') return { status: 'uppfyllt', reason: `Värdet har ${target.riktning === 'öka' ? 'ökat' : 'minskat'} från ${from}.` };
      if (moved === 'oförändrad') {
        return { status: rules.regel === 'kvot' ? 'delvis' : 'ej-uppfyllt', reason: `Värdet är i stort sett oförändrat (mindre än ${n(rules.oförändrad_under)}${NBSP}% förändring): från ${from}.` };
      }
      return { status: 'ej-uppfyllt', reason: `Värdet har ${target.riktning === 'öka' ? 'minskat' : 'ökat'} från ${from}.` };
    }
    case 'samtliga':
    case 'janej':
      return judgeReached(target, outcome);
    case 'tolerans': {
      if (value === undefined) return notJudged('Utfallet är inget tal och kan inte jämföras med toleransen.');
      return Math.abs(value) <= target.value
        ? { status: 'uppfyllt', reason: `Avvikelsen ${n(value, unit)} ligger inom ±${n(target.value, target.unit)}.` }
        : { status: 'ej-uppfyllt', reason: `Avvikelsen ${n(value, unit)} ligger utanför ±${n(target.value, target.unit)}.` };
    }
  }
}

const order: Status[] = ['ej-uppfyllt', 'delvis', 'uppfyllt'];

/** Kvot/uppfyllt rules: the outcome against the target, with sub-groups and the gender-aware variant. */
export function judgeAgainstTarget(facts: IndicatorFacts, rules: Rules): Judgement {
  const { outcome, target, year } = facts;
  if (!outcome) return notJudged(`Utfall saknas för ${year}.`);
  if (!target) return notJudged(`Målvärde saknas för ${year}.`);

  if (target.kind === 'grupper') {
    if (outcome.kind !== 'grupper') return notJudged('Målvärdet anges per grupp, men utfallet gör det inte.');
    const parts = target.groups.map((g) => {
      const o = outcome.groups.find((x) => x.grupp === g.grupp)?.outcome;
      if (!o) return { grupp: g.grupp, j: notJudged(`Utfall saknas för gruppen ${g.grupp}.`) };
      if (g.target.kind === 'grupper') return { grupp: g.grupp, j: notJudged('Grupper i grupper stöds inte.') };
      return { grupp: g.grupp, j: judgeTarget(g.target, o, facts, rules) };
    });
    const reason = parts.map((p) => `${p.grupp}: ${p.j.reason}`).join(' ');
    if (parts.some((p) => p.j.status === 'ej-utvärderad')) return notJudged(reason);
    const worst = order.find((s) => parts.some((p) => p.j.status === s))!;
    return { status: worst, reason };
  }

  const total = judgeTarget(target, outcome, facts, rules);
  if (!(rules.regel === 'kvot' && rules.könsuppdelad && outcome.kind === 'tal' && target.kind === 'tal')) return total;
  if (total.status === 'ej-utvärderad') return total;

  // Gender-aware: red on a serious deviation for one gender; green needs any gender below target to be improving.
  const genders = (['kvinnor', 'män'] as const).filter((g) => outcome[g] !== undefined);
  const notes: string[] = [];
  let status = total.status;
  for (const g of genders) {
    const value = outcome[g]!;
    const ratio = ratioToTarget(value, target.value, facts.riktning);
    if (ratio < rules.allvarlig_avvikelse / 100) {
      return { status: 'ej-uppfyllt', reason: `${total.reason} Allvarlig avvikelse för ${g}: ${n(value)} är ${pct(ratio)} av målvärdet.` };
    }
    if (ratio < 1 && status === 'uppfyllt') {
      const prev = facts.previous?.kind === 'tal' ? facts.previous[g] : undefined;
      const improving = prev !== undefined && direction(prev, value, facts.riktning, rules.oförändrad_under) === 'bättre';
      if (improving) notes.push(`För ${g} nås inte målvärdet (${n(value)}), men utvecklingen är positiv.`);
      else {
        status = 'delvis';
        notes.push(`För ${g} nås inte målvärdet (${n(value)}), och utvecklingen är inte positiv${prev === undefined ? ' (föregående års värde saknas)' : ''}.`);
      }
    }
  }
  return { status, reason: [total.reason, ...notes].join(' ') };
}

/** Poäng for a judgement that is met or not: 1, else 0,5 with the activities carried out, else 0. */
function scoreReached(j: Judgement, facts: IndicatorFacts): Judgement {
  if (j.status === 'ej-utvärderad') return j;
  if (j.status === 'uppfyllt') return { status: 'uppfyllt', score: 1, reason: `${j.reason} 1 poäng.` };
  return facts.aktiviteterGenomförda
    ? { status: 'delvis', score: 0.5, reason: `${j.reason} Aktiviteterna har genomförts: 0,5 poäng.` }
    : { status: 'ej-uppfyllt', score: 0, reason: `${j.reason} Aktiviteterna har inte genomförts: 0 poäng.` };
}

/**
 * Poäng rule: 1 improved on the baseline, 0,5 not improved but activities carried out, 0 otherwise;
 * budget adherence in bands. A maintained value (a change inside the unchanged band) scores 1 for a
 * maintain target (Bibehålla, Öka/Bibehålla, Minska/Bibehålla), and otherwise when the profile says
 * "bibehållet_räknas: true". Samtliga and Ja/Nej are reached or not.
 */
export function judgeByScore(facts: IndicatorFacts, rules: Rules): Judgement {
  const { target, outcome } = facts;
  if (!outcome) return notJudged(`Utfall saknas för ${facts.year}.`);
  if (target && (target.kind === 'samtliga' || target.kind === 'janej')) return scoreReached(judgeReached(target, outcome), facts);
  const value = outcome.kind === 'tal' ? outcome.value : undefined;
  if (value === undefined) return notJudged('Utfallet är inget tal och kan inte jämföras med ingångsvärdet.');
  if (facts.budgetföljsamhet) {
    if (value >= 99.5) return { status: 'uppfyllt', score: 1, reason: `Budgetföljsamheten ${n(value, '%')} ligger i intervallet 99,5–100 %.` };
    if (value >= 98) return { status: 'delvis', score: 0.5, reason: `Budgetföljsamheten ${n(value, '%')} ligger i intervallet 98–99,4 %.` };
    return { status: 'ej-uppfyllt', score: 0, reason: `Budgetföljsamheten ${n(value, '%')} ligger under 98 %.` };
  }
  const word = target?.kind === 'riktning' ? target.riktning : undefined;
  // A word target without a baseline number is judged against the year before.
  const previous = word && facts.previous?.kind === 'tal' ? facts.previous.value : undefined;
  const reference = facts.baseline ?? previous;
  if (reference === undefined) return notJudged(`${noBaseline(facts)}, så förbättringen kan inte bedömas.`);
  const wanted = word ? wantedDirection(word, facts.riktning) : facts.riktning;
  const moved = direction(reference, value, wanted, rules.oförändrad_under);
  const from = `från ${facts.baseline !== undefined ? 'ingångsvärdet' : 'föregående års utfall'} ${n(reference)} till ${n(value)}`;
  const maintain = word !== undefined && maintains(word);
  if (moved === 'bättre') return { status: 'uppfyllt', score: 1, reason: `Förbättrat ${from}: 1 poäng.` };
  if (moved === 'oförändrad' && (maintain || rules.bibehållet_räknas)) {
    const why = maintain ? `, som målvärdet "${word!.charAt(0).toUpperCase()}${word!.slice(1)}" anger` : ' (ett bibehållet värde räknas som förbättrat)';
    return { status: 'uppfyllt', score: 1, reason: `Bibehållet ${from}${why}: 1 poäng.` };
  }
  const what = moved === 'oförändrad' ? 'Inte förbättrat' : maintain ? 'Försämrat' : 'Inte förbättrat';
  if (facts.aktiviteterGenomförda) return { status: 'delvis', score: 0.5, reason: `${what} ${from}, men aktiviteterna har genomförts: 0,5 poäng.` };
  return { status: 'ej-uppfyllt', score: 0, reason: `${what} ${from}, och aktiviteterna har inte genomförts: 0 poäng.` };
}

export function judgeIndicator(facts: IndicatorFacts, rules: Rules): Judgement {
  return rules.regel === 'poäng' ? judgeByScore(facts, rules) : judgeAgainstTarget(facts, rules);
}

/** Poäng rule for goals: the mean score in bands 0–0,49 ej uppfyllt, 0,50–0,69 delvis, 0,70–1 uppfyllt. */
export function statusFromMeanScore(mean: number): Status {
  if (mean >= 0.7) return 'uppfyllt';
  if (mean >= 0.5) return 'delvis';
  return 'ej-uppfyllt';
}
