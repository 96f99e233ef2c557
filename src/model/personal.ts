/**
 * Personnel key figures: per row and year a total and, where reported, women
 * and men. Values are parsed once ("63,3 %" → 63,3 as a percentage); for rows
 * that are counts or amounts, kvinnor + män is checked against totalt.
 */
import type { PersonalnyckeltalInput } from '../content/schema.ts';
import type { Personalnyckeltal, StaffFigure } from './types.ts';
import type { Problems } from './problems.ts';
import { formatNumber, parseSwedishNumber, type FormatOptions } from '../format/swedish.ts';

type Raw = number | string;
type RowInput = PersonalnyckeltalInput['rader'][number];

/** Decimals as typed: 1332.5 → 1, "63,3 %" → 1, 4 → 0. */
function typedDecimals(raw: Raw): number {
  const text = typeof raw === 'number' ? String(raw) : raw.replace(/%/g, '').trim();
  const m = /[.,](\d+)$/.exec(text);
  return m ? m[1]!.length : 0;
}

function parseFigure(raw: Raw): StaffFigure | undefined {
  if (typeof raw === 'number') return { value: raw, percent: false };
  const m = /^(.*?)\s*(%)?$/.exec(raw.trim());
  const value = m ? parseSwedishNumber(m[1] ?? '') : undefined;
  return value === undefined ? undefined : { value, percent: Boolean(m?.[2]) };
}

const additive = new Set<RowInput['enhet']>(['antal', 'tkr', 'årsarbetare']);

export function buildPersonalnyckeltal(input: PersonalnyckeltalInput, problems: Problems, format: FormatOptions): Personalnyckeltal {
  const år = input.år.map(String);
  const rows = input.rader.map((row, ri) => {
    let decimals = 0;
    const värden: Personalnyckeltal['rows'][number]['värden'] = {};
    for (const [year, raw] of Object.entries(row.värden)) {
      const path = ['rader', ri, 'värden', year];
      if (!år.includes(year)) {
        problems.error(path, 'år-saknas', `Raden "${row.mått}" har ett värde för ${year}, men tabellens "år" är ${år.join(', ')}.|Lägg till ${year} under "år" eller ta bort värdet.`);
        continue;
      }
      const parts = typeof raw === 'object' ? raw : { totalt: raw };
      const figures: Personalnyckeltal['rows'][number]['värden'][string] = {};
      for (const key of ['totalt', 'kvinnor', 'män'] as const) {
        const v = parts[key];
        if (v === undefined) continue;
        const figure = parseFigure(v);
        if (!figure) {
          problems.error(typeof raw === 'object' ? [...path, key] : path, 'värde', `Värdet "${v}" är inget tal.|Skriv ett tal som 1332,5 eller en andel som "63,3 %".`);
          continue;
        }
        figures[key] = figure;
        decimals = Math.max(decimals, typedDecimals(v));
      }
      värden[year] = figures;
      checkGenderSum(row, year, figures, [...path], problems, format);
    }
    return { mått: row.mått, mätdatum: row.mätdatum, enhet: row.enhet, decimaler: row.decimaler ?? decimals, värden };
  });
  return {
    kind: 'personalnyckeltal',
    id: input.id,
    rubrik: input.rubrik,
    not: input.not,
    år,
    mätdatum: rows.some((r) => r.mätdatum),
    rows,
  };
}

/** For counts and amounts, kvinnor + män should be totalt; a difference is shown to reviewers, the figures stay as stated. */
function checkGenderSum(row: RowInput, year: string, f: Personalnyckeltal['rows'][number]['värden'][string], path: (string | number)[], problems: Problems, format: FormatOptions): void {
  if (!additive.has(row.enhet) || !f.totalt || !f.kvinnor || !f.män) return;
  const decimals = Math.max(...[f.totalt, f.kvinnor, f.män].map((x) => typedDecimals(x.value)));
  const sum = f.kvinnor.value + f.män.value;
  // Each figure is rounded to its last decimal: allow one unit there.
  if (Math.abs(sum - f.totalt.value) <= 10 ** -decimals + 1e-9) return;
  const n = (v: number) => formatNumber(v, decimals, format);
  problems.note(
    path,
    'kön-summa',
    `"${row.mått}" ${year}: kvinnor ${n(f.kvinnor.value)} + män ${n(f.män.value)} = ${n(sum)}, men totalt anges till ${n(f.totalt.value)} (skillnad ${n(f.totalt.value - sum)}).`,
  );
}
