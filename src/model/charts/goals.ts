/**
 * Charts of goals: an indicator's outcomes against its targets over the years,
 * and the count of goals per status of a bedömningar block.
 */
import type { DiagramInput } from '../../content/schema.ts';
import { nearest } from '../../content/schema-helpers.ts';
import type { Vocabulary } from '../vocabulary.ts';
import type { FormatOptions } from '../../format/swedish.ts';
import type { Outcome, Status } from '../assessment/types.ts';
import type { Problems } from '../problems.ts';
import type { Bedömningar, DiagramSeries, DiagramUnit, Indicator, Målområde, Måltabell, Resultatmål, Target } from '../types.ts';
import { type ChartData, formatChartValue, change, lower } from './text.ts';

/** Every indicator of a goal block, at whatever level it stands. */
function indicatorsOf(b: Målområde | Måltabell | Resultatmål): Indicator[] {
  if (b.kind === 'målområde') return [...b.kfMål.flatMap((kf) => [...kf.indikatorer, ...kf.nämndmål.flatMap((nm) => nm.indikatorer)]), ...b.mål.flatMap((m) => m.indikatorer)];
  return b.mål.flatMap((m) => m.indikatorer);
}

/** A number and its unit from an outcome: the total of a gender split; nothing for words or groups. */
function outcomeNumber(o: Outcome | undefined): { value: number; percent: boolean; decimals?: number } | undefined {
  return o?.kind === 'tal' ? { value: o.value, percent: o.unit === '%', decimals: o.decimals } : undefined;
}

function targetNumber(t: Target | undefined): { value: number; percent: boolean; decimals?: number } | undefined {
  return t && (t.kind === 'tal' || t.kind === 'gräns') ? { value: t.value, percent: t.unit === '%', decimals: t.decimals } : undefined;
}

const yearOf = (label: string) => Number(/(\d{4})(?!.*\d{4})/.exec(label)?.[1] ?? NaN);

export function indicatorData(input: DiagramInput, b: Målområde | Måltabell | Resultatmål, problems: Problems, format: FormatOptions, ord: Vocabulary): ChartData | undefined {
  const indicators = indicatorsOf(b);
  const ids = indicators.map((i) => i.id);
  if (!input.indikator) {
    problems.error(['indikator'], 'fält-saknas', `Diagramtypen "indikator" behöver fältet "indikator": vilken indikator i "${b.id}" som ska ritas.|Indikatorer i källan: ${ids.join(', ') || '(inga)'}.`);
    return undefined;
  }
  const ind = indicators.find((i) => i.id === input.indikator);
  if (!ind) {
    const suggestion = nearest(input.indikator, ids);
    problems.error(
      ['indikator'],
      'okänd-indikator',
      `"${b.id}" har ingen indikator med id "${input.indikator}".${suggestion ? ` Menade du "${suggestion}"?` : ''}|Indikatorer i källan: ${ids.join(', ') || '(inga)'}. Ge indikatorn ett "id" i källan om den saknar ett.`,
    );
    return undefined;
  }
  type Point = { label: string; year: number; order: number; outcome?: ReturnType<typeof outcomeNumber>; target?: Target };
  const points = new Map<string, Point>();
  const point = (label: string, order: number) => {
    let p = points.get(label);
    if (!p) points.set(label, (p = { label, year: yearOf(label), order }));
    return p;
  };
  let baseline = false;
  if (ind.ingångsvärde?.kind === 'tal') {
    const period = ind.ingångsvärde.period ?? '';
    // A baseline of a year with its own outcome is that outcome; one without a year cannot be placed.
    if (Number.isFinite(yearOf(period)) && !ind.utfall[period]) {
      point(period, 0).outcome = { value: ind.ingångsvärde.value, percent: ind.ingångsvärde.unit === '%', decimals: ind.ingångsvärde.decimals };
      baseline = true;
    }
  }
  let outcomes = false;
  for (const [year, o] of Object.entries(ind.utfall)) {
    const n = outcomeNumber(o);
    if (n) {
      point(year, 1).outcome = n;
      outcomes = true;
    }
  }
  for (const [year, t] of Object.entries(ind.målvärden)) if (targetNumber(t)) point(year, 1).target = t;
  const list = [...points.values()].sort((a, c) => a.year - c.year || a.order - c.order);
  if (list.length === 0) {
    problems.error(
      ['indikator'],
      'diagram-utan-värden',
      `Indikatorn "${ind.mått}" har inga utfall, ingångsvärde eller målvärden i tal att rita.|Ett diagram visar tal per år; målvärden i ord (Öka, Ja) och värden per grupp går inte att rita. Visa indikatorn i måltabellen i stället.`,
    );
    return undefined;
  }
  const numbers = list.flatMap((p) => [p.outcome, targetNumber(p.target)].filter((n) => n !== undefined));
  const percent = numbers.some((n) => n.percent);
  const decimaler = Math.max(0, ...numbers.map((n) => n.decimals ?? (Number.isInteger(n.value) ? 0 : 1)));
  const unitWord = ind.ingångsvärde?.kind === 'tal' ? ind.ingångsvärde.unit : undefined;
  const enhet: DiagramUnit = percent ? { kind: 'procent', decimaler } : { kind: 'tal', decimaler, ...(unitWord && unitWord !== '%' ? { enhet: unitWord } : {}) };
  const targetWord = ord.labels.målvärde;
  const outcomeWord = baseline && outcomes ? `${ord.labels.ingångsvärde} och ${ord.labels.utfall.toLowerCase()}` : baseline ? ord.labels.ingångsvärde : ord.labels.utfall;
  const kategorier = list.map((p) => p.label);
  const serier: DiagramSeries[] = [];
  if (baseline || outcomes) serier.push({ namn: outcomeWord, värden: list.map((p) => p.outcome?.value ?? null), form: 'stapel', roll: 'huvud' });
  if (list.some((p) => p.target)) {
    serier.push({ namn: targetWord, värden: list.map((p) => targetNumber(p.target)?.value ?? null), form: 'linje', roll: 'mål', mål: list.map((p) => p.target) });
  }
  const shown = list.filter((p) => p.outcome);
  const last = shown.at(-1);
  const previous = shown.at(-2);
  const targets = list.filter((p) => p.target);
  const alt = [
    `Stapeldiagram${targets.length ? ' med linje' : ''}: ${ind.mått}, ${lower(outcomeWord)}${targets.length ? ` och ${lower(targetWord)}` : ''} per år.`,
    shown.length ? `${outcomeWord}: ${shown.map((p) => `${p.label} ${formatChartValue(p.outcome!.value, enhet, format)}`).join(', ')}.` : '',
    targets.length ? `${targetWord}: ${targets.map((p) => `${p.label} ${formatTargetForAlt(p.target!, enhet, format)}`).join(', ')}.` : '',
    last && previous ? `Senaste ${baseline && !outcomes ? 'värde' : 'utfall'} ${formatChartValue(last.outcome!.value, enhet, format)} (${last.label}), ${change(last.outcome!.value - previous.outcome!.value, enhet, format)} från ${previous.label}.` : '',
    ind.riktning === 'lägre' ? 'Lägre värde är bättre.' : '',
  ];
  return {
    rubrik: `${ind.mått}: ${lower(outcomeWord)}${targets.length ? ` och ${lower(targetWord)}` : ''}`,
    riktning: 'stående',
    staplad: false,
    kategorirubrik: 'År',
    kategorier,
    serier,
    enhet,
    axel: percent ? 'Andel (%)' : unitWord ? `Antal ${unitWord}` : 'Värde',
    alt: alt.filter(Boolean).join(' '),
  };
}

function formatTargetForAlt(t: Target, unit: DiagramUnit, format: FormatOptions): string {
  const n = targetNumber(t)!;
  const value = formatChartValue(n.value, unit, format);
  if (t.kind !== 'gräns') return value;
  return `${{ '>': 'över', '<': 'under', '≥': 'minst', '≤': 'högst' }[t.op]} ${value}`;
}

const statusOrder: Status[] = ['uppfyllt', 'delvis', 'ej-uppfyllt', 'ej-utvärderad'];

export function assessmentData(b: Bedömningar, ord: Vocabulary): ChartData {
  const level = b.nivå === 'kf-mål' ? ord.labels.kf_mål : b.nivå === 'mål' ? ord.labels.mål.toLowerCase() : b.nivå === 'nämndmål' ? ord.labels.nämndmål.toLowerCase() : b.nivå;
  const area = b.nivå === 'resultatmål' ? 'övergripande mål' : 'målområde';
  const used = statusOrder.filter((s) => b.totalt.counts[s] > 0);
  const kategorier = b.områden.map((o) => o.namn);
  const serier: DiagramSeries[] = used.map((s) => ({ namn: ord.status[s], värden: b.områden.map((o) => o.summary.counts[s]), form: 'stapel', roll: s }));
  const best = b.områden.reduce<(typeof b.områden)[number] | undefined>((top, o) => (o.summary.counts.uppfyllt > (top?.summary.counts.uppfyllt ?? 0) ? o : top), undefined);
  const alt = [
    `Staplat liggande stapeldiagram: antal ${level} per bedömning och ${area}.`,
    `Totalt ${b.totalt.total} ${level}: ${used.map((s) => `${lower(ord.status[s])} ${b.totalt.counts[s]}`).join(', ')}.`,
    best ? `Flest uppfyllda: ${best.namn}, ${best.summary.counts.uppfyllt} av ${best.summary.total}.` : '',
  ];
  return {
    rubrik: `Bedömning av ${level} per ${area}`,
    riktning: 'liggande',
    staplad: true,
    kategorirubrik: area.charAt(0).toUpperCase() + area.slice(1),
    kategorier,
    serier,
    summa: { namn: 'Totalt', värden: used.map((s) => b.totalt.counts[s]) },
    enhet: { kind: 'tal', decimaler: 0 },
    axel: `Antal ${level}`,
    alt: alt.filter(Boolean).join(' '),
  };
}
