/** Every assessment rule with its edges, as tables: facts in, status and reason out. */
import { describe, expect, it } from 'vitest';
import { judgeIndicator, ratioToTarget, statusFromMeanScore, type IndicatorFacts } from '../../src/model/assessment/rules.ts';
import { computeTrend } from '../../src/model/assessment/trend.ts';
import { applyJudgement, rollUp } from '../../src/model/assessment/rollup.ts';
import { countStatuses, resultatnivå } from '../../src/model/assessment/summary.ts';
import { parseOutcome } from '../../src/model/assessment/outcome.ts';
import { parseTarget } from '../../src/model/values.ts';
import type { Assessment, Rules, Status } from '../../src/model/assessment/types.ts';
import type { Target } from '../../src/model/types.ts';

const kvot: Rules = { regel: 'kvot', grön: 100, gul: 95, könsuppdelad: false, allvarlig_avvikelse: 90, oförändrad_under: 1.5, senaste_utfall: false, symboler: 'cirklar' };
const kön: Rules = { ...kvot, könsuppdelad: true };
const poäng: Rules = { ...kvot, regel: 'poäng' };
const uppfyllt: Rules = { ...kvot, regel: 'uppfyllt', symboler: 'oxelösund' };

const target = (t: string | number | { grupper: Record<string, string | number> }) => parseTarget(t as never) as Target;

type FactsInput = Omit<Partial<IndicatorFacts>, 'outcome' | 'previous' | 'target'> & { outcome?: unknown; previous?: unknown; target?: unknown };

function facts(over: FactsInput): IndicatorFacts {
  const { outcome, previous, target: t, ...rest } = over;
  return {
    riktning: 'högre',
    year: '2024',
    budgetföljsamhet: false,
    ...rest,
    outcome: outcome === undefined ? undefined : parseOutcome(outcome as never),
    previous: previous === undefined ? undefined : parseOutcome(previous as never),
    target: t === undefined ? undefined : target(t as never),
  };
}

describe('ratio to target (Katrineholm)', () => {
  it.each<[string, FactsInput, Status]>([
    ['at target', { outcome: 48, target: 48 }, 'uppfyllt'],
    ['above target', { outcome: 60, target: 48 }, 'uppfyllt'],
    ['exactly 95 %', { outcome: 95, target: 100 }, 'delvis'],
    ['just below 95 %', { outcome: 94.9, target: 100 }, 'ej-uppfyllt'],
    ['99,9 %', { outcome: 99.9, target: 100 }, 'delvis'],
    ['percent outcome and target', { outcome: '86 %', target: '90 %' }, 'delvis'],
    ['lower is better, under target', { outcome: 5.5, target: 6, riktning: 'lägre' }, 'uppfyllt'],
    ['lower is better, 95 % exactly (6 / 6,3158)', { outcome: 6 / 0.95, target: 6, riktning: 'lägre' }, 'delvis'],
    ['lower is better, over target', { outcome: 7, target: 6, riktning: 'lägre' }, 'ej-uppfyllt'],
    ['target 0, higher is better', { outcome: 0, target: 0 }, 'uppfyllt'],
    ['target 0, lower is better, outcome 0', { outcome: 0, target: 0, riktning: 'lägre' }, 'uppfyllt'],
    ['target 0, lower is better, outcome 2', { outcome: 2, target: 0, riktning: 'lägre' }, 'ej-uppfyllt'],
    ['threshold >25 met', { outcome: 41, target: '>25' }, 'uppfyllt'],
    ['threshold >25, exactly 25', { outcome: 25, target: '>25' }, 'delvis'],
    ['threshold >25 far below', { outcome: 10, target: '>25' }, 'ej-uppfyllt'],
    ['threshold <176 met', { outcome: 170, target: '<176' }, 'uppfyllt'],
    ['threshold <176, 180', { outcome: 180, target: '<176' }, 'delvis'],
    ['threshold <176, 200', { outcome: 200, target: '<176' }, 'ej-uppfyllt'],
    ['Öka: increased', { outcome: 50, previous: 45, target: 'Öka' }, 'uppfyllt'],
    ['Öka: within 1,5 %', { outcome: 45.5, previous: 45, target: 'Öka' }, 'delvis'],
    ['Öka: decreased', { outcome: 40, previous: 45, target: 'Öka' }, 'ej-uppfyllt'],
    ['Öka: against the baseline when no previous year', { outcome: 50, baseline: 45, target: 'Öka' }, 'uppfyllt'],
    ['Minska: decreased', { outcome: 150, previous: 176, target: 'Minska' }, 'uppfyllt'],
    ['Bibehålla: within the band', { outcome: 82.5, previous: 82, target: 'Bibehålla' }, 'uppfyllt'],
    ['Bibehålla: worse', { outcome: 75, previous: 82, target: 'Bibehålla' }, 'ej-uppfyllt'],
    ['Minska/Bibehålla: increased', { outcome: 90, previous: 82, target: 'Minska/Bibehålla' }, 'ej-uppfyllt'],
    ['Samtliga: met', { outcome: 'Samtliga', target: 'Samtliga' }, 'uppfyllt'],
    ['Samtliga: 100 %', { outcome: '100 %', target: 'Samtliga' }, 'uppfyllt'],
    ['Samtliga: 96 %', { outcome: '96 %', target: 'Samtliga' }, 'ej-uppfyllt'],
    ['Ja/Nej: Ja', { outcome: 'Ja', target: 'Ja' }, 'uppfyllt'],
    ['Ja/Nej: 1 counts as Ja', { outcome: 1, target: 'Ja' }, 'uppfyllt'],
    ['Ja/Nej: Nej', { outcome: 'Nej', target: 'Ja' }, 'ej-uppfyllt'],
    ['tolerance within', { outcome: -0.4, target: '+/- 0,5 %' }, 'uppfyllt'],
    ['tolerance outside', { outcome: 0.6, target: '+/- 0,5 %' }, 'ej-uppfyllt'],
    ['groups: the worst group decides', { outcome: { grupper: { SÄBO: '46 %', Hemtjänst: '58 %' } }, target: { grupper: { SÄBO: '45 %', Hemtjänst: '60 %' } } }, 'delvis'],
  ])('%s', (_name, f, expected) => {
    expect(judgeIndicator(facts(f), kvot).status).toBe(expected);
  });

  it.each<[string, FactsInput, string]>([
    ['missing outcome', { target: 48 }, 'Utfall saknas för 2024.'],
    ['missing target', { outcome: 48 }, 'Målvärde saknas för 2024.'],
    ['a word where a number target stands', { outcome: 'Ja', target: 48 }, 'Utfallet "ja" är inget tal'],
    ['Öka without anything to compare with', { outcome: 48, target: 'Öka' }, 'Det finns varken föregående års utfall eller ett ingångsvärde'],
    ['groups against a single outcome', { outcome: 48, target: { grupper: { A: 1 } } }, 'Målvärdet anges per grupp, men utfallet gör det inte.'],
  ])('is "ej utvärderad" with the reason: %s', (_name, f, reason) => {
    const j = judgeIndicator(facts(f), kvot);
    expect(j.status).toBe('ej-utvärderad');
    expect(j.reason).toContain(reason);
  });

  it('explains a computed status with the figures', () => {
    expect(judgeIndicator(facts({ outcome: 47, target: 48 }), kvot).reason).toBe('Utfallet 47 motsvarar 97,9\u00a0% av målvärdet 48.');
  });

  it('honours configured thresholds', () => {
    const strict = { ...kvot, grön: 100, gul: 98 };
    expect(judgeIndicator(facts({ outcome: 97, target: 100 }), strict).status).toBe('ej-uppfyllt');
  });

  it('computes the direction-aware ratio', () => {
    expect(ratioToTarget(90, 100, 'högre')).toBeCloseTo(0.9);
    expect(ratioToTarget(5, 4, 'lägre')).toBeCloseTo(0.8);
  });
});

describe('gender-aware ratio', () => {
  it.each<[string, unknown, unknown, Status]>([
    ['both genders at target', { totalt: 80, kvinnor: 82, män: 80 }, undefined, 'uppfyllt'],
    ['one gender below target but improving', { totalt: 80, kvinnor: 84, män: 77 }, { totalt: 78, kvinnor: 83, män: 72 }, 'uppfyllt'],
    ['one gender below target, not improving', { totalt: 80, kvinnor: 84, män: 77 }, { totalt: 78, kvinnor: 83, män: 77 }, 'delvis'],
    ['one gender below target, no previous year', { totalt: 80, kvinnor: 84, män: 77 }, undefined, 'delvis'],
    ['serious deviation for one gender although the total passes', { totalt: 81, kvinnor: 90, män: 71 }, undefined, 'ej-uppfyllt'],
    ['total below target', { totalt: 77, kvinnor: 78, män: 76 }, undefined, 'delvis'],
  ])('%s', (_name, outcome, previous, expected) => {
    const j = judgeIndicator(facts({ outcome, previous, target: 80 }), kön);
    expect(j.status).toBe(expected);
  });

  it('names the gender in the reason', () => {
    const j = judgeIndicator(facts({ outcome: { totalt: 81, kvinnor: 90, män: 71 }, target: 80 }), kön);
    expect(j.reason).toContain('Allvarlig avvikelse för män');
  });
});

describe('score and mean', () => {
  it.each<[string, FactsInput, number]>([
    ['improved on the baseline', { outcome: 50, baseline: 45 }, 1],
    ['not improved, activities carried out', { outcome: 45, baseline: 45, aktiviteterGenomförda: true }, 0.5],
    ['not improved, no activities', { outcome: 40, baseline: 45, aktiviteterGenomförda: false }, 0],
    ['lower is better and fell', { outcome: 150, baseline: 176, riktning: 'lägre' }, 1],
    ['budget adherence 99,5 %', { outcome: 99.5, budgetföljsamhet: true }, 1],
    ['budget adherence 98 %', { outcome: 98, budgetföljsamhet: true }, 0.5],
    ['budget adherence 99,4 %', { outcome: 99.4, budgetföljsamhet: true }, 0.5],
    ['budget adherence 97 %', { outcome: 97, budgetföljsamhet: true }, 0],
  ])('%s', (_name, f, score) => {
    expect(judgeIndicator(facts(f), poäng).score).toBe(score);
  });

  it.each<[number, Status]>([
    [0, 'ej-uppfyllt'],
    [0.49, 'ej-uppfyllt'],
    [0.5, 'delvis'],
    [0.69, 'delvis'],
    [0.7, 'uppfyllt'],
    [1, 'uppfyllt'],
  ])('a mean of %d gives %s', (mean, status) => {
    expect(statusFromMeanScore(mean)).toBe(status);
  });

  it('rolls a nämndmål up from the mean of its indicators', () => {
    const parts: Assessment[] = [1, 0.5, 0].map((score) => ({ status: 'uppfyllt', score, reason: '', source: 'beräknad' }));
    const goal = rollUp(parts, poäng, 'indikatorer')!;
    expect(goal.status).toBe('delvis');
    expect(goal.score).toBe(0.5);
    expect(goal.reason).toBe('Medelvärdet av 3 indikatorer är 0,50 poäng.');
  });
});

describe('fulfilled or not (Oxelösund)', () => {
  it('has no yellow: below target is ej uppfyllt', () => {
    expect(judgeIndicator(facts({ outcome: 99, target: 100 }), uppfyllt).status).toBe('ej-uppfyllt');
    expect(judgeIndicator(facts({ outcome: 100, target: 100 }), uppfyllt).status).toBe('uppfyllt');
  });

  it('counts per status and måluppfyllelsegrad', () => {
    const a = (status: Status): Assessment => ({ status, reason: '', source: 'angiven' });
    const s = countStatuses([...Array(7).fill(a('uppfyllt')), ...Array(3).fill(a('ej-uppfyllt'))]);
    expect(s).toMatchObject({ total: 10, bedömda: 10, måluppfyllelse: 70, resultatnivå: 'God måluppfyllelse' });
    expect(s.counts).toEqual({ uppfyllt: 7, delvis: 0, 'ej-uppfyllt': 3, 'ej-utvärderad': 0 });
  });

  it.each<[number, string]>([
    [100, 'Mycket god måluppfyllelse'],
    [75, 'Mycket god måluppfyllelse'],
    [74, 'God måluppfyllelse'],
    [50, 'God måluppfyllelse'],
    [49, 'Relativt låg måluppfyllelse'],
    [25, 'Relativt låg måluppfyllelse'],
    [24, 'Låg måluppfyllelse'],
    [0, 'Låg måluppfyllelse'],
  ])('%d %% is "%s"', (andel, text) => {
    expect(resultatnivå(andel)).toBe(text);
  });
});

describe('trend', () => {
  const outcomes = (a: unknown, b: unknown) => ({ '2023': parseOutcome(a as never), '2024': parseOutcome(b as never) });
  it.each<[string, unknown, unknown, 'högre' | 'lägre', string]>([
    ['up, higher is better', 80, 85, 'högre', 'bättre'],
    ['down, higher is better', 85, 80, 'högre', 'sämre'],
    ['down, lower is better: the arrow points up', 6.5, 5.9, 'lägre', 'bättre'],
    ['exactly 1,5 % is a change', 100, 101.5, 'högre', 'bättre'],
    ['just under 1,5 % is unchanged', 100, 101.49, 'högre', 'oförändrad'],
    ['from zero', 0, 3, 'högre', 'bättre'],
  ])('%s', (_name, a, b, riktning, trend) => {
    expect(computeTrend(outcomes(a, b), '2024', riktning, kvot).trend).toBe(trend);
  });

  it('is not comparable when a year is missing or the indicator changed', () => {
    expect(computeTrend({ '2024': parseOutcome(5) }, '2024', 'högre', kvot)).toMatchObject({ trend: 'ej-jämförbar', reason: 'Utfall saknas för 2023.' });
    expect(computeTrend(outcomes(5, 6), '2024', 'högre', kvot, 2024).trend).toBe('ej-jämförbar');
  });
});

describe('roll-up and written judgements', () => {
  const a = (status: Status): Assessment => ({ status, reason: '', source: 'beräknad' });

  it.each<[Status[], Status]>([
    [['uppfyllt', 'uppfyllt'], 'uppfyllt'],
    [['uppfyllt', 'ej-uppfyllt'], 'delvis'],
    [['ej-uppfyllt', 'ej-uppfyllt'], 'ej-uppfyllt'],
    [['uppfyllt', 'ej-utvärderad'], 'uppfyllt'],
    [['ej-utvärderad'], 'ej-utvärderad'],
  ])('%j roll up to %s', (parts, status) => {
    expect(rollUp(parts.map(a), kvot, 'indikatorer')!.status).toBe(status);
  });

  it('uses a stated status where nothing could be computed', () => {
    expect(applyJudgement(undefined, { status: 'ej uppfyllt' }, () => {})).toMatchObject({ status: 'ej-uppfyllt', source: 'angiven' });
  });

  it('overrides a computed status only with a reason', () => {
    const problems: string[] = [];
    const kept = applyJudgement(a('delvis'), { status: 'uppfyllt' }, (p) => problems.push(p.message));
    expect(kept.status).toBe('delvis');
    expect(problems[0]).toMatch(/^Angiven bedömning "Uppfyllt" skiljer sig från den beräknade "Delvis uppfyllt"/);
    const overridden = applyJudgement(a('delvis'), { status: 'uppfyllt', motivering: 'Skillnaden är inom felmarginalen.' }, () => {});
    expect(overridden).toMatchObject({ status: 'uppfyllt', source: 'åsidosatt', computed: 'delvis', motivering: 'Skillnaden är inom felmarginalen.' });
  });
});

describe('word targets, ranges and numbers with words under every rule set', () => {
  const rules = { kvot, poäng, uppfyllt };
  // [name, facts, kvot, poäng (status, score), uppfyllt]
  type Row = [string, FactsInput, Status, [Status, number] | Status, Status];
  it.each<Row>([
    ['Bibehålla, kept at 99 %', { outcome: '99 %', previous: '99 %', baseline: 99, target: 'Bibehålla' }, 'uppfyllt', ['uppfyllt', 1], 'uppfyllt'],
    ['Bibehålla, within the band', { outcome: 98.9, previous: 99.5, baseline: 99.5, target: 'Bibehålla' }, 'uppfyllt', ['uppfyllt', 1], 'uppfyllt'],
    ['Bibehålla, better', { outcome: 90, previous: 80, baseline: 80, target: 'Bibehålla' }, 'uppfyllt', ['uppfyllt', 1], 'uppfyllt'],
    ['Bibehålla, worse', { outcome: 70, previous: 80, baseline: 80, target: 'Bibehålla' }, 'ej-uppfyllt', ['ej-uppfyllt', 0], 'ej-uppfyllt'],
    ['Bibehålla, lower is better and fell', { outcome: 5, previous: 6, baseline: 6, riktning: 'lägre', target: 'Bibehålla' }, 'uppfyllt', ['uppfyllt', 1], 'uppfyllt'],
    ['Öka/Bibehålla, kept', { outcome: 50, previous: 50, baseline: 50, target: 'Öka/Bibehålla' }, 'uppfyllt', ['uppfyllt', 1], 'uppfyllt'],
    ['Öka/Bibehålla, rose', { outcome: 60, previous: 50, baseline: 50, target: 'Öka/Bibehålla' }, 'uppfyllt', ['uppfyllt', 1], 'uppfyllt'],
    ['Öka/Bibehålla, fell', { outcome: 40, previous: 50, baseline: 50, target: 'Öka/Bibehålla' }, 'ej-uppfyllt', ['ej-uppfyllt', 0], 'ej-uppfyllt'],
    ['Minska/Bibehålla, kept', { outcome: 176, previous: 176, baseline: 176, target: 'Minska/Bibehålla' }, 'uppfyllt', ['uppfyllt', 1], 'uppfyllt'],
    ['Minska/Bibehålla, fell', { outcome: 150, previous: 176, baseline: 176, target: 'Minska/Bibehålla' }, 'uppfyllt', ['uppfyllt', 1], 'uppfyllt'],
    ['Minska/Bibehålla, rose', { outcome: 200, previous: 176, baseline: 176, target: 'Minska/Bibehålla' }, 'ej-uppfyllt', ['ej-uppfyllt', 0], 'ej-uppfyllt'],
    ['Öka, unchanged', { outcome: 50, previous: 50, baseline: 50, target: 'Öka' }, 'delvis', ['ej-uppfyllt', 0], 'ej-uppfyllt'],
    ['Samtliga, reached', { outcome: 'Samtliga', baseline: 80, target: 'Samtliga' }, 'uppfyllt', ['uppfyllt', 1], 'uppfyllt'],
    ['Samtliga, not reached', { outcome: '90 %', baseline: 80, target: 'Samtliga' }, 'ej-uppfyllt', ['ej-uppfyllt', 0], 'ej-uppfyllt'],
    ['Ja, reached', { outcome: 'Ja', target: 'Ja' }, 'uppfyllt', ['uppfyllt', 1], 'uppfyllt'],
    ['Ja, not reached, activities carried out', { outcome: 'Nej', target: 'Ja', aktiviteterGenomförda: true }, 'ej-uppfyllt', ['delvis', 0.5], 'ej-uppfyllt'],
    ['Nej, reached', { outcome: 'Nej', target: 'Nej' }, 'uppfyllt', ['uppfyllt', 1], 'uppfyllt'],
    ['Nej, not reached', { outcome: 'Ja', target: 'Nej' }, 'ej-uppfyllt', ['ej-uppfyllt', 0], 'ej-uppfyllt'],
    ['Ja/Nej (read as Ja), reached', { outcome: 'Ja', target: 'Ja/Nej' }, 'uppfyllt', ['uppfyllt', 1], 'uppfyllt'],
    ['range, inside', { outcome: '12 %', baseline: 11, target: '10–15 %' }, 'uppfyllt', ['uppfyllt', 1], 'uppfyllt'],
    ['range, just below', { outcome: '9,6 %', baseline: 9, target: '10-15%' }, 'delvis', ['uppfyllt', 1], 'ej-uppfyllt'],
    ['range, far above', { outcome: '20 %', baseline: 21, target: '10–15 %' }, 'ej-uppfyllt', ['ej-uppfyllt', 0], 'ej-uppfyllt'],
    ['number with words, met', { outcome: 12, baseline: 8, target: '12 utvecklingsprojekt' }, 'uppfyllt', ['uppfyllt', 1], 'uppfyllt'],
    ['number with words, not met', { outcome: 10, baseline: 10, target: '12 utvecklingsprojekt' }, 'ej-uppfyllt', ['ej-uppfyllt', 0], 'ej-uppfyllt'],
    ['scale X av Y judged by X', { outcome: 3.3, baseline: 3, target: 'Betyg 3,4 av 6' }, 'delvis', ['uppfyllt', 1], 'ej-uppfyllt'],
    ['bound with words', { outcome: 7, baseline: 9, riktning: 'lägre', target: '<8 anmälda våldsbrott' }, 'uppfyllt', ['uppfyllt', 1], 'uppfyllt'],
  ])('%s', (_name, f, k, p, u) => {
    expect(judgeIndicator(facts(f), rules.kvot).status).toBe(k);
    const score = judgeIndicator(facts(f), rules.poäng);
    expect([score.status, score.score]).toEqual(Array.isArray(p) ? p : [p, undefined]);
    expect(judgeIndicator(facts(f), rules.uppfyllt).status).toBe(u);
  });

  it('explains with the words the author wrote', () => {
    expect(judgeIndicator(facts({ outcome: 10, target: '12 utvecklingsprojekt' }), kvot).reason).toBe('Utfallet 10 motsvarar 83,3\u00a0% av målvärdet 12 utvecklingsprojekt.');
    expect(judgeIndicator(facts({ outcome: 3.3, target: 'Betyg 3,4 av 6' }), kvot).reason).toContain('av målvärdet 3,4 av 6.');
    expect(judgeIndicator(facts({ outcome: 12, target: '10–15 %' }), kvot).reason).toBe('Utfallet 12 ligger inom intervallet 10–15\u00a0%.');
    expect(judgeIndicator(facts({ outcome: 'Ja', target: 'Ja/Nej' }), kvot).reason).toBe('Målvärdet "Ja/Nej" läses som Ja. Utfallet är Ja, som målet anger.');
    expect(judgeIndicator(facts({ outcome: 99, baseline: 99, target: 'Bibehålla' }), poäng).reason).toBe('Bibehållet från ingångsvärdet 99 till 99, som målvärdet "Bibehålla" anger: 1 poäng.');
  });

  it('lets the profile count a maintained value as improved under poäng (bibehållet_räknas)', () => {
    const f = facts({ outcome: 99, baseline: 99 });
    expect(judgeIndicator(f, poäng)).toMatchObject({ status: 'ej-uppfyllt', score: 0 });
    expect(judgeIndicator(f, { ...poäng, bibehållet_räknas: true })).toMatchObject({ status: 'uppfyllt', score: 1, reason: 'Bibehållet från ingångsvärdet 99 till 99 (ett bibehållet värde räknas som förbättrat): 1 poäng.' });
    // Worse is never counted.
    expect(judgeIndicator(facts({ outcome: 90, baseline: 99 }), { ...poäng, bibehållet_räknas: true }).score).toBe(0);
    // A word target without a baseline is judged against the year before under poäng.
    expect(judgeIndicator(facts({ outcome: 60, previous: 50, target: 'Öka' }), poäng)).toMatchObject({ status: 'uppfyllt', score: 1 });
  });

  it.each<[string, FactsInput, Rules, string]>([
    ['a free-text target', { outcome: 5, target: 'enligt plan' }, kvot, 'Målvärdet "enligt plan" är inget tal och kan inte användas för bedömning.'],
    ['a free-text baseline under poäng', { outcome: 5, baselineReason: 'Ingångsvärdet "3/5" är inget tal' }, poäng, 'Ingångsvärdet "3/5" är inget tal, så förbättringen kan inte bedömas.'],
    ['a new indicator under poäng', { outcome: 5, baselineReason: 'Ingångsvärdet är "Ny indikator" och har inget tal att jämföra med' }, poäng, 'Ingångsvärdet är "Ny indikator" och har inget tal att jämföra med, så förbättringen kan inte bedömas.'],
    ['no baseline at all under poäng', { outcome: 5 }, poäng, 'Ingångsvärde saknas, så förbättringen kan inte bedömas.'],
    ['Öka with a text baseline', { outcome: 5, target: 'Öka', baselineReason: 'Ingångsvärdet "3/5" är inget tal' }, kvot, '(Ingångsvärdet "3/5" är inget tal).'],
    ['a range and a word outcome', { outcome: 'Ja', target: '10–15 %' }, uppfyllt, 'Utfallet "ja" är inget tal och kan inte jämföras med intervallet 10–15\u00a0%.'],
  ])('is "ej utvärderad" with the true reason: %s', (_name, f, r, reason) => {
    const j = judgeIndicator(facts(f), r);
    expect(j.status).toBe('ej-utvärderad');
    expect(j.reason).toContain(reason);
  });

  it('leaves indicators without outcomes out of a goal roll-up', () => {
    const a = (status: Status, noOutcome = false): Assessment => ({ status, reason: '', source: 'beräknad', ...(noOutcome ? { noOutcome: true as const } : {}) });
    expect(rollUp([a('uppfyllt'), a('ej-utvärderad', true)], kvot, 'indikatorer')!.reason).toBe('Av 1 bedömd indikator: 1 uppfyllt.');
    expect(rollUp([a('ej-utvärderad', true)], kvot, 'indikatorer')).toBeUndefined();
  });

  it('counts the parts in Swedish: one in the singular with its gender, several in the plural', () => {
    const a = (status: Status): Assessment => ({ status, reason: '', source: 'beräknad' });
    expect(rollUp([a('uppfyllt')], kvot, 'nämndmål')!.reason).toBe('Av 1 bedömt nämndmål: 1 uppfyllt.');
    expect(rollUp([a('delvis')], kvot, 'mål och indikatorer')!.reason).toBe('Av 1 bedömt mål eller indikator: 1 delvis uppfyllt.');
    expect(rollUp([a('uppfyllt'), a('ej-uppfyllt')], kvot, 'mål och indikatorer')!.reason).toBe('Av 2 bedömda mål och indikatorer: 1 uppfyllt, 1 ej uppfyllt.');
    expect(rollUp([a('uppfyllt')], poäng, 'indikatorer')!.reason).toBe('Medelvärdet av 1 indikator är 1,00 poäng.');
  });
});
