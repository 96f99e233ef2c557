/**
 * Charts of amounts: the internbudget's columns, the driftredovisning's
 * budget and outcome per verksamhet, and investments (outcome or budget).
 */
import { nearest } from '../../content/schema-helpers.ts';
import { formatPercent, type FormatOptions } from '../../format/swedish.ts';
import { driftHeadings, type DiagramInput } from '../../content/schema.ts';
import type { Problems } from '../problems.ts';
import type { DiagramSeries, DiagramUnit, Driftredovisning, Internbudget, Investeringsbudget, Investeringsredovisning } from '../types.ts';
import { type ChartData, formatChartValue, change, extremes, lower, costExtremes, income, costChange } from './text.ts';

export function budgetData(input: DiagramInput, b: Internbudget, problems: Problems, format: FormatOptions): ChartData | undefined {
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

export function driftData(b: Driftredovisning, format: FormatOptions): ChartData {
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

export function investmentOutcomeData(b: Investeringsredovisning, format: FormatOptions): ChartData {
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

export function investmentBudgetData(input: DiagramInput, b: Investeringsbudget, problems: Problems, format: FormatOptions): ChartData | undefined {
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
