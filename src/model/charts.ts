/**
 * Chart data, computed once in the model stage: from a `diagram` declaration
 * and the computed block it points at (its `källa`) to categories, series,
 * unit, title and a Swedish alternative text. Every figure is read from the
 * computed model; nothing is typed twice. Drawing is a renderer concern
 * (src/render/charts).
 */
import type { DiagramInput } from '../content/schema.ts';
import { nearest } from '../content/schema-helpers.ts';
import type { Vocabulary } from './vocabulary.ts';
import { formatAmountWithUnit, formatNumber, formatPercent, NBSP, type FormatOptions } from '../format/swedish.ts';
import { statusWords, type Outcome, type Status } from './assessment/types.ts';
import { driftHeadings } from '../content/schema.ts';
import type { Problems } from './problems.ts';
import type { IdScope } from './ids.ts';
import type {
  Bedömningar,
  DataBlock,
  Diagram,
  DiagramSeries,
  DiagramUnit,
  Driftredovisning,
  Indicator,
  Internbudget,
  Investeringsbudget,
  Investeringsredovisning,
  Målområde,
  Måltabell,
  Personalnyckeltal,
  Resultatmål,
  Section,
  Target,
  Tecken,
} from './types.ts';

type Kind = Diagram['diagramtyp'];

/** The block types each chart type draws from, in the words authors use. */
export const diagramSources: Record<Kind, DataBlock['kind'][]> = {
  budget: ['internbudget'],
  driftredovisning: ['driftredovisning'],
  investeringar: ['investeringsredovisning', 'investeringsbudget'],
  indikator: ['målområde', 'måltabell', 'resultatmål'],
  kön: ['personalnyckeltal'],
  bedömningar: ['bedömningar'],
};

export interface ChartContext {
  format: FormatOptions;
  /** The municipality's labels and status words, for series names and alt texts. */
  ord: Vocabulary;
  /** The appendix that collects data tables declared "datatabell: bilaga". */
  appendix: { nummer: number; rubrik: string };
}

/** The chart's data, or undefined after reporting why it cannot be drawn (file, line, field, valid choices). */
export function buildDiagram(input: DiagramInput, blocks: ReadonlyMap<string, DataBlock>, problems: Problems, ctx: ChartContext): Diagram | undefined {
  const source = findSource(input, blocks, problems);
  if (!source) return undefined;
  const data = chartData(input, source, problems, ctx);
  if (!data) return undefined;
  if (data.serier.every((s) => s.värden.every((v) => v === null))) {
    problems.error(['källa'], 'diagram-utan-värden', `"${input.källa}" har inga värden i tal att rita i diagrammet.|Fyll i värden i källan, eller ta bort diagrammet.`);
    return undefined;
  }
  return {
    kind: 'diagram',
    id: input.id,
    not: input.not,
    diagramtyp: input.diagramtyp,
    källa: input.källa,
    datatabell: input.datatabell,
    visa: input.datatabell === 'bilaga' ? 'diagram' : 'båda',
    ...(input.datatabell === 'bilaga' ? { bilaga: ctx.appendix } : {}),
    ...data,
    rubrik: input.rubrik ?? data.rubrik,
  };
}

/** A placeholder for a chart that could not be computed; the build stops on the error reported, so it is never drawn. */
export function emptyDiagram(input: DiagramInput): Diagram {
  return {
    kind: 'diagram',
    id: input.id,
    diagramtyp: input.diagramtyp,
    källa: input.källa,
    rubrik: input.rubrik ?? input.id,
    riktning: 'stående',
    staplad: false,
    kategorirubrik: '',
    kategorier: [],
    serier: [],
    enhet: { kind: 'tal', decimaler: 0 },
    axel: '',
    alt: '',
    datatabell: input.datatabell,
    visa: 'båda',
  };
}

/** The appendix with the data tables of the charts declared "datatabell: bilaga", in document order; undefined when there are none. */
export function chartDataAppendix(sections: readonly Section[], appendix: ChartContext['appendix'], ids: IdScope): Section | undefined {
  const charts = sections.flatMap((s) => s.blocks).filter((b): b is Diagram => b.kind === 'diagram' && b.datatabell === 'bilaga');
  if (charts.length === 0) return undefined;
  return {
    id: ids.take('diagrammens-data'),
    rubrik: appendix.rubrik,
    bilaga: appendix.nummer,
    blocks: [
      { kind: 'paragraph', content: [{ kind: 'text', text: 'Här står siffrorna bakom rapportens diagram, ett diagram per tabell, i den ordning diagrammen kommer i rapporten.' }] },
      ...charts.map((d) => ({ ...d, visa: 'tabell' as const })),
    ],
  };
}

type ChartData = Omit<Diagram, 'kind' | 'id' | 'not' | 'diagramtyp' | 'källa' | 'datatabell' | 'visa' | 'bilaga'>;

function findSource(input: DiagramInput, blocks: ReadonlyMap<string, DataBlock>, problems: Problems): DataBlock | undefined {
  const wanted = diagramSources[input.diagramtyp];
  const fitting = [...blocks.values()].filter((b) => wanted.includes(b.kind)).map((b) => b.id);
  const choices = fitting.length
    ? `Block av rätt typ i rapporten: ${fitting.join(', ')}.`
    : `Rapporten har inget block av typen ${wanted.join(' eller ')}.`;
  const source = blocks.get(input.källa);
  if (!source || source.kind === 'diagram') {
    const suggestion = nearest(input.källa, fitting);
    problems.error(
      ['källa'],
      'okänd-källa',
      `Det finns ${source ? 'bara ett diagram' : 'inget block'} med id "${input.källa}" i rapporten${suggestion ? `. Menade du "${suggestion}"?` : '.'}|Diagramtypen "${input.diagramtyp}" ritas från ${wanted.join(' eller ')}. ${choices}`,
    );
    return undefined;
  }
  if (!wanted.includes(source.kind)) {
    problems.error(
      ['källa'],
      'fel-källa',
      `Diagramtypen "${input.diagramtyp}" ritas från ${wanted.join(' eller ')}, men "${input.källa}" är av typen ${source.kind}.|Ange som källa ett block av typen ${wanted.join(' eller ')}, eller välj en annan diagramtyp. ${choices}`,
    );
    return undefined;
  }
  return source;
}

function chartData(input: DiagramInput, source: DataBlock, problems: Problems, { format, ord }: ChartContext): ChartData | undefined {
  switch (source.kind) {
    case 'internbudget':
      return budgetData(input, source, problems, format);
    case 'driftredovisning':
      return driftData(source, format);
    case 'investeringsredovisning':
      return investmentOutcomeData(source, format);
    case 'investeringsbudget':
      return investmentBudgetData(input, source, problems, format);
    case 'målområde':
    case 'måltabell':
    case 'resultatmål':
      return indicatorData(input, source, problems, format, ord);
    case 'personalnyckeltal':
      return genderData(input, source, problems, format);
    case 'bedömningar':
      return assessmentData(source, ord);
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------- text helpers

/** A value in its unit, as in the tables: "312 400 tkr", "45 %", "1 332,5 årsarbetare". */
export function formatChartValue(value: number, unit: DiagramUnit, format: FormatOptions, signed = false): string {
  const sign = signed && value > 0 ? '+' : '';
  switch (unit.kind) {
    case 'belopp':
      return sign + formatAmountWithUnit(value, unit.enhet, format);
    case 'procent':
      return sign + formatPercent(value, unit.decimaler, format);
    case 'tal':
      return sign + formatNumber(value, unit.decimaler, format) + (unit.enhet ? `${NBSP}${unit.enhet}` : '');
  }
}

/** "en ökning med 15 849 tkr", "en minskning med 4 procentenheter", "oförändrat". */
function change(delta: number, unit: DiagramUnit, format: FormatOptions): string {
  if (delta === 0) return 'oförändrat';
  const size = unit.kind === 'procent' ? `${formatNumber(Math.abs(delta), unit.decimaler, format)} procentenheter` : formatChartValue(Math.abs(delta), unit, format);
  return `en ${delta > 0 ? 'ökning' : 'minskning'} med ${size}`;
}

/** The category with the largest and the smallest value of a series (ties: the first). */
function extremes(categories: readonly string[], values: readonly (number | null)[]): { max?: [string, number]; min?: [string, number] } {
  let max: [string, number] | undefined;
  let min: [string, number] | undefined;
  values.forEach((v, i) => {
    if (v === null) return;
    if (!max || v > max[1]) max = [categories[i]!, v];
    if (!min || v < min[1]) min = [categories[i]!, v];
  });
  return { max, min };
}

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * The size of a net cost, for comparisons only: a table that prints net cost negative (nettokostnad_tecken: negativ)
 * has its largest cost at its most negative figure. Charts draw and print every figure with the sign its table has.
 */
const costSize = (v: number, tecken: Tecken): number => (tecken === 'negativ' ? -v : v);

/** The category with the largest and the smallest net cost of a series, whichever sign its table prints net cost with. */
function costExtremes(categories: readonly string[], values: readonly (number | null)[], tecken: Tecken): { max?: [string, number]; min?: [string, number] } {
  const { max, min } = extremes(categories, values.map((v) => (v === null ? null : costSize(v, tecken))));
  const signed = (e?: [string, number]): [string, number] | undefined => (e ? [e[0], values[categories.indexOf(e[0])]!] : undefined);
  return { max: signed(max), min: signed(min) };
}

/** " (nettointäkt)" after a figure with the sign of an income under the table's convention, so "Minst" stays true. */
const income = (v: number, tecken: Tecken): string => (costSize(v, tecken) < 0 ? ' (nettointäkt)' : '');

/**
 * A change in net cost in words, from the table's figures under its sign convention: from −74 611 to −79 366
 * (negativ) or from 74 611 to 79 366 (positiv) is "en kostnadsökning med 4 755 tkr".
 */
function costChange(from: number, to: number, tecken: Tecken, unit: DiagramUnit, format: FormatOptions): string {
  const delta = costSize(to, tecken) - costSize(from, tecken);
  if (delta === 0) return 'oförändrad nettokostnad';
  return `en kostnads${delta > 0 ? 'ökning' : 'minskning'} med ${formatChartValue(Math.abs(delta), unit, format)}`;
}

// ---------------------------------------------------------------- budget

function budgetData(input: DiagramInput, b: Internbudget, problems: Problems, format: FormatOptions): ChartData | undefined {
  const part = b.parts.find((p) => p.kind === 'nettokostnad');
  if (!part) {
    problems.error(['källa'], 'fel-källa', `Internbudgeten "${b.id}" har ingen nettokostnad att rita.|Ange delen "nettokostnad", eller både "intäkter" och "kostnader" så räknas den ut.`);
    return undefined;
  }
  const ids = b.columns.map((c) => c.id);
  let chosen: string[];
  if (input.kolumner) {
    const unknown = input.kolumner.find((k) => !ids.includes(k));
    if (unknown !== undefined || input.kolumner.length > 2) {
      const suggestion = unknown !== undefined ? nearest(unknown, ids) : undefined;
      problems.error(
        ['kolumner'],
        'okänd-kolumn',
        unknown !== undefined
          ? `Internbudgeten "${b.id}" har ingen kolumn "${unknown}".${suggestion ? ` Menade du "${suggestion}"?` : ''}|Kolumner i källan: ${ids.join(', ')}.`
          : `Ett budgetdiagram jämför en eller två kolumner, inte ${input.kolumner.length}.|Ange t.ex. "kolumner: [${ids.slice(-2).join(', ')}]".`,
      );
      return undefined;
    }
    chosen = input.kolumner;
  } else {
    // The budget columns: the two a change column compares, else the last two amount columns.
    const change = b.columns.find((c) => c.förändring);
    chosen = change?.förändring ? [change.förändring.från, change.förändring.till] : b.columns.filter((c) => !c.förändring).slice(-2).map((c) => c.id);
  }
  const columns = chosen.map((id) => b.columns.find((c) => c.id === id)!);
  const rows = part.rows.filter((r) => r.kind === 'rad');
  const kategorier = rows.map((r) => r.namn);
  const serier: DiagramSeries[] = columns.map((c, i) => ({
    namn: c.rubrik,
    värden: rows.map((r) => r.values[c.id]?.value ?? null),
    form: 'stapel',
    roll: i === columns.length - 1 ? 'huvud' : 'jämförelse',
  }));
  const enhet: DiagramUnit = { kind: 'belopp', enhet: b.enhet };
  const totals = columns.map((c) => part.summa.values[c.id]?.value ?? null);
  const now = columns.at(-1)!;
  const before = columns.length > 1 ? columns[0] : undefined;
  const rubrik = `Nettokostnad per verksamhet: ${now.rubrik}${before ? ` mot ${before.rubrik}` : ''}`;
  const { max, min } = costExtremes(kategorier, serier.at(-1)!.värden, b.tecken);
  const total = totals.at(-1);
  const alt = [
    `Liggande stapeldiagram: nettokostnad per verksamhet, ${now.rubrik}${before ? ` mot ${before.rubrik}` : ''} (${b.enhet}).`,
    max ? `Störst: ${max[0]} ${formatChartValue(max[1], enhet, format)}${income(max[1], b.tecken)} (${now.rubrik}).` : '',
    min && min[0] !== max?.[0] ? `Minst: ${min[0]} ${formatChartValue(min[1], enhet, format)}${income(min[1], b.tecken)}.` : '',
    total !== null && total !== undefined
      ? `Totalt ${now.rubrik}: ${formatChartValue(total, enhet, format)}${before && totals[0] !== null && totals[0] !== undefined ? `, ${costChange(totals[0], total, b.tecken, enhet, format)} mot ${before.rubrik}` : ''}.`
      : '',
  ];
  return {
    rubrik,
    riktning: 'liggande',
    staplad: false,
    kategorirubrik: 'Verksamhet',
    kategorier,
    serier,
    summa: { namn: part.summa.namn, värden: totals },
    enhet,
    axel: `Nettokostnad (${b.enhet})`,
    alt: alt.filter(Boolean).join(' '),
  };
}

// ---------------------------------------------------------------- driftredovisning

function driftData(b: Driftredovisning, format: FormatOptions): ChartData {
  const headings = driftHeadings(b.år, b.föregåendeÅr);
  const kategorier = b.rows.map((r) => r.verksamhet);
  const enhet: DiagramUnit = { kind: 'belopp', enhet: b.enhet };
  const serier: DiagramSeries[] = [
    { namn: headings.budget, värden: b.rows.map((r) => r.values.budget.value), form: 'stapel', roll: 'jämförelse' },
    { namn: headings.utfall, värden: b.rows.map((r) => r.values.utfall.value), form: 'stapel', roll: 'huvud' },
    { namn: headings.avvikelse, värden: b.rows.map((r) => r.values.avvikelse.value), form: 'etikett', roll: 'huvud', medTecken: true },
  ];
  const utfall = serier[1]!.värden;
  const avvikelse = serier[2]!.värden;
  const { max } = costExtremes(kategorier, utfall, b.tecken);
  const dev = extremes(kategorier, avvikelse);
  const s = b.summa.values;
  const at = (name: string) => kategorier.indexOf(name);
  const alt = [
    `Liggande stapeldiagram: nettokostnad per verksamhetsområde ${b.år}, utfall mot budget, med avvikelsen (${b.enhet}).`,
    max ? `Störst: ${max[0]}, utfall ${formatChartValue(max[1], enhet, format)} mot budget ${formatChartValue(serier[0]!.värden[at(max[0])] ?? 0, enhet, format)}.` : '',
    dev.max && dev.max[1] > 0 ? `Största positiva avvikelse: ${dev.max[0]} ${formatChartValue(dev.max[1], enhet, format, true)}.` : '',
    dev.min && dev.min[1] < 0 ? `Största negativa avvikelse: ${dev.min[0]} ${formatChartValue(dev.min[1], enhet, format, true)}.` : '',
    s.utfall.value !== null && s.budget.value !== null
      ? `Totalt: utfall ${formatChartValue(s.utfall.value, enhet, format)} mot budget ${formatChartValue(s.budget.value, enhet, format)}${s.avvikelse.value !== null ? `, avvikelse ${formatChartValue(s.avvikelse.value, enhet, format, true)}` : ''}.`
      : '',
  ];
  return {
    rubrik: `Driftredovisning ${b.år}: utfall mot budget per verksamhetsområde`,
    riktning: 'liggande',
    staplad: false,
    kategorirubrik: 'Verksamhetsområde',
    kategorier,
    serier,
    summa: { namn: b.summa.rubrik, värden: [s.budget.value, s.utfall.value, s.avvikelse.value] },
    enhet,
    axel: `Nettokostnad (${b.enhet})`,
    alt: alt.filter(Boolean).join(' '),
  };
}

// ---------------------------------------------------------------- investeringar

function investmentOutcomeData(b: Investeringsredovisning, format: FormatOptions): ChartData {
  const kategorier = b.projects.map((p) => p.namn);
  const enhet: DiagramUnit = { kind: 'belopp', enhet: b.enhet };
  const serier: DiagramSeries[] = [
    { namn: 'Budget', värden: b.projects.map((p) => p.values.budget.value), form: 'stapel', roll: 'jämförelse' },
    { namn: 'Utfall', värden: b.projects.map((p) => p.values.utfall.value), form: 'stapel', roll: 'huvud' },
    { namn: 'Kvar', värden: b.projects.map((p) => p.values.kvar.value), form: 'etikett', roll: 'huvud' },
  ];
  const { max } = extremes(kategorier, serier[0]!.värden);
  const s = b.summa.values;
  const share = s.utfall.value !== null && s.budget.value ? Math.round((s.utfall.value / s.budget.value) * 100) : undefined;
  const alt = [
    `Liggande stapeldiagram: investeringar per projekt, utfall mot budget (${b.enhet}).`,
    max ? `Störst budget: ${max[0]} ${formatChartValue(max[1], enhet, format)}, utfall ${formatChartValue(serier[1]!.värden[kategorier.indexOf(max[0])] ?? 0, enhet, format)}.` : '',
    s.utfall.value !== null && s.budget.value !== null
      ? `Totalt: utfall ${formatChartValue(s.utfall.value, enhet, format)} av budget ${formatChartValue(s.budget.value, enhet, format)}${share !== undefined ? ` (${formatPercent(share, 0, format)})` : ''}${s.kvar.value !== null ? `, kvar ${formatChartValue(s.kvar.value, enhet, format)}` : ''}.`
      : '',
  ];
  return {
    rubrik: 'Investeringar: utfall mot budget per projekt',
    riktning: 'liggande',
    staplad: false,
    kategorirubrik: 'Projekt',
    kategorier,
    serier,
    summa: { namn: b.summa.rubrik, värden: [s.budget.value, s.utfall.value, s.kvar.value] },
    enhet,
    axel: `Belopp (${b.enhet})`,
    alt: alt.filter(Boolean).join(' '),
  };
}

function investmentBudgetData(input: DiagramInput, b: Investeringsbudget, problems: Problems, format: FormatOptions): ChartData | undefined {
  const ids = b.columns.map((c) => c.id);
  const unknown = input.kolumner?.find((k) => !ids.includes(k));
  if (unknown !== undefined) {
    const suggestion = nearest(unknown, ids);
    problems.error(['kolumner'], 'okänd-kolumn', `Investeringsbudgeten "${b.id}" har ingen kolumn "${unknown}".${suggestion ? ` Menade du "${suggestion}"?` : ''}|Kolumner i källan: ${ids.join(', ')}.`);
    return undefined;
  }
  const columns = (input.kolumner ?? ids).map((id) => b.columns.find((c) => c.id === id)!);
  const kategorier = columns.map((c) => c.rubrik);
  const enhet: DiagramUnit = { kind: 'belopp', enhet: b.enhet };
  const values = columns.map((c) => b.totalt.values[c.id]?.value ?? null);
  const { max, min } = extremes(kategorier, values);
  const known = values.flatMap((v, i) => (v === null ? [] : [[kategorier[i]!, v] as const]));
  const first = known[0];
  const last = known.at(-1);
  const alt = [
    `Stapeldiagram: investeringsbudget per år, ${lower(b.totalt.rubrik)} (${b.enhet}).`,
    known.map(([k, v]) => `${k}: ${formatChartValue(v, enhet, format)}`).join(', ') + '.',
    max && min && max[0] !== min[0] ? `Störst: ${max[0]}. Minst: ${min[0]}.` : '',
    first && last && first !== last ? `Från ${first[0]} till ${last[0]}: ${change(last[1] - first[1], enhet, format)}.` : '',
  ];
  return {
    rubrik: `${b.rubrik ?? 'Investeringsbudget'}: ${lower(b.totalt.rubrik)} per år`,
    riktning: 'stående',
    staplad: false,
    kategorirubrik: 'Budget',
    kategorier,
    serier: [{ namn: b.totalt.rubrik, värden: values, form: 'stapel', roll: 'huvud' }],
    enhet,
    axel: `Investeringar (${b.enhet})`,
    alt: alt.filter(Boolean).join(' '),
  };
}

// ---------------------------------------------------------------- indicators

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

function indicatorData(input: DiagramInput, b: Målområde | Måltabell | Resultatmål, problems: Problems, format: FormatOptions, ord: Vocabulary): ChartData | undefined {
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

// ---------------------------------------------------------------- kön

function genderData(input: DiagramInput, b: Personalnyckeltal, problems: Problems, format: FormatOptions): ChartData | undefined {
  const names = b.rows.map((r) => r.mått);
  if (!input.rad) {
    problems.error(['rad'], 'fält-saknas', `Diagramtypen "kön" behöver fältet "rad": måttet i "${b.id}" som ska delas på kvinnor och män.|Rader med kvinnor och män: ${splitRows(b).join('; ') || '(inga)'}.`);
    return undefined;
  }
  const row = b.rows.find((r) => r.mått.trim().toLowerCase() === input.rad!.trim().toLowerCase());
  if (!row) {
    const suggestion = nearest(input.rad, names);
    problems.error(['rad'], 'okänd-rad', `"${b.id}" har ingen rad "${input.rad}".${suggestion ? ` Menade du "${suggestion}"?` : ''}|Rader med kvinnor och män: ${splitRows(b).join('; ') || '(inga)'}.`);
    return undefined;
  }
  const years = [...b.år].sort();
  if (!years.some((y) => row.värden[y]?.kvinnor || row.värden[y]?.män)) {
    problems.error(['rad'], 'diagram-utan-värden', `Raden "${row.mått}" har inga värden för kvinnor och män.|Ange "kvinnor" och "män" under värden, eller välj en annan rad: ${splitRows(b).join('; ') || '(inga)'}.`);
    return undefined;
  }
  const percent = years.some((y) => row.värden[y]?.totalt?.percent || row.värden[y]?.kvinnor?.percent);
  const enhet: DiagramUnit = percent
    ? { kind: 'procent', decimaler: row.decimaler }
    : row.enhet === 'tkr'
      ? { kind: 'belopp', enhet: 'tkr' }
      : { kind: 'tal', decimaler: row.decimaler, ...(row.enhet === 'årsarbetare' ? { enhet: 'årsarbetare' } : {}) };
  // Shares and indexes show the total beside the groups; for counts and sums the total is kvinnor + män, shown in the table.
  const withTotal = percent || row.enhet === 'index' || row.enhet === undefined;
  const series = (namn: string, roll: 'kvinnor' | 'män' | 'totalt', key: 'kvinnor' | 'män' | 'totalt'): DiagramSeries => ({
    namn,
    värden: years.map((y) => row.värden[y]?.[key]?.value ?? null),
    form: 'stapel',
    roll,
  });
  // For counts and sums the total is written as a label by the bars; kvinnor and män side by side are the point.
  const total = series('Totalt', 'totalt', 'totalt');
  const serier = [series('Kvinnor', 'kvinnor', 'kvinnor'), series('Män', 'män', 'män'), withTotal ? total : { ...total, form: 'etikett' as const }];
  const span = years.length > 1 ? `${years[0]}–${years.at(-1)}` : years[0]!;
  const perYear = [...years].reverse().map((y) => {
    const v = row.värden[y];
    const parts = (['kvinnor', 'män', 'totalt'] as const).filter((k) => v?.[k]).map((k) => `${k} ${formatChartValue(v![k]!.value, enhet, format)}`);
    return parts.length ? `${y}: ${parts.join(', ')}.` : '';
  });
  return {
    rubrik: `${row.mått}: kvinnor och män ${span}`,
    riktning: 'stående',
    staplad: false,
    kategorirubrik: 'År',
    kategorier: years,
    serier,
    enhet,
    axel: percent ? 'Andel (%)' : row.enhet === 'tkr' ? 'Belopp (tkr)' : row.enhet === 'årsarbetare' ? 'Årsarbetare' : 'Antal',
    alt: [`Stapeldiagram: ${row.mått} för kvinnor och män ${span}.`, ...perYear].filter(Boolean).join(' '),
  };
}

function splitRows(b: Personalnyckeltal): string[] {
  return b.rows.filter((r) => Object.values(r.värden).some((v) => v.kvinnor || v.män)).map((r) => r.mått);
}

// ---------------------------------------------------------------- bedömningar

const statusOrder: Status[] = ['uppfyllt', 'delvis', 'ej-uppfyllt', 'ej-utvärderad'];

function assessmentData(b: Bedömningar, ord: Vocabulary): ChartData {
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
