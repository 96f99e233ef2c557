/**
 * The kön chart: a personalnyckeltal row split by women and men, per year.
 */
import type { DiagramInput } from '../../content/schema.ts';
import { nearest } from '../../content/schema-helpers.ts';
import type { FormatOptions } from '../../format/swedish.ts';
import type { Problems } from '../problems.ts';
import type { DiagramSeries, DiagramUnit, Personalnyckeltal } from '../types.ts';
import { type ChartData, formatChartValue } from './text.ts';

export function genderData(input: DiagramInput, b: Personalnyckeltal, problems: Problems, format: FormatOptions): ChartData | undefined {
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
