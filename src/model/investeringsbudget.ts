/**
 * Investeringsbudget: projects grouped by category, one column per year.
 * Category sums (optional) and the Totalt row are computed here and checked
 * against stated values.
 */
import type { InvesteringsbudgetInput } from '../content/schema.ts';
import type { Amount, AmountColumn, Investeringsbudget } from './types.ts';
import type { Problems } from './problems.ts';
import { cell, mismatchMessage, reconcile, sumAmounts } from './amounts.ts';
import type { FormatOptions } from '../format/swedish.ts';

export function buildInvesteringsbudget(input: InvesteringsbudgetInput, problems: Problems, format: FormatOptions): Investeringsbudget {
  const columns: AmountColumn[] = input.kolumner.map((c) => ({ id: c.id, rubrik: c.rubrik }));
  const all: Record<string, Amount>[] = [];

  const categories = input.kategorier.map((cat, ci) => {
    const projects = cat.projekt.map((p, pi) => {
      const values: Record<string, Amount> = {};
      for (const c of columns) values[c.id] = { value: cell(p, c.id) ?? null, computed: false };
      all.push(values);
      return { namn: p.namn, values };
    });
    const summa = input.kategorisummor ? sumColumns(projects.map((p) => p.values), columns) : undefined;
    return { namn: cat.namn, projects, summa };
  });

  const stated = input.totalt ?? {};
  const rubrik = stated.rubrik ?? 'Totalt';
  const totals: Record<string, Amount> = {};
  for (const c of columns) {
    const computed = sumAmounts(all.map((v) => v[c.id]?.value ?? null));
    totals[c.id] = reconcile(cell(stated, c.id), computed, (s, comp) =>
      problems.error(['totalt', c.id], 'summa-stämmer-inte', mismatchMessage(`Raden "${rubrik}"`, c.rubrik, s, comp, 'projekten summerar till', format)),
    );
  }

  return {
    kind: 'investeringsbudget',
    id: input.id,
    rubrik: input.rubrik,
    not: input.not,
    enhet: input.enhet,
    columns,
    categories,
    totalt: { rubrik, values: totals },
  };
}

function sumColumns(rows: Record<string, Amount>[], columns: AmountColumn[]): Record<string, Amount> {
  const out: Record<string, Amount> = {};
  for (const c of columns) {
    const v = sumAmounts(rows.map((r) => r[c.id]?.value ?? null));
    out[c.id] = { value: v, computed: v !== null };
  }
  return out;
}
