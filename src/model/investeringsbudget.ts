/**
 * Investeringsbudget: projects grouped by category, one column per year.
 * Category sums (optional) and the Totalt row are computed here and checked
 * against stated values.
 *
 * A project cell may be X: planned that year, without an amount of its own
 * (a schedule whose amounts stand only on the Totalt row). A sum over cells
 * with an X is never computed, since the X projects' amounts are unknown:
 * - a column with X and no amounts: a stated total is kept as stated-only
 *   (marked `check: 'stated-only'`; a note under the table says so);
 * - a column with X and amounts: a stated total is kept and marked `partial`,
 *   with a warning (the amounts can be checked only as far as they go: a
 *   total below them is not reported, since an amount may be negative);
 *   without a stated total the cell stays blank, with a warning;
 * - a category sum over a column with an X stays blank.
 */
import { PLANNED, type InvesteringsbudgetInput } from '../content/schema.ts';
import type { Amount, AmountColumn, Investeringsbudget } from './types.ts';
import type { Problems } from './problems.ts';
import { mismatchMessage, reconcile, sumAmounts } from './amounts.ts';
import { formatNumber, type FormatOptions } from '../format/swedish.ts';

export function buildInvesteringsbudget(input: InvesteringsbudgetInput, problems: Problems, format: FormatOptions): Investeringsbudget {
  const columns: AmountColumn[] = input.kolumner.map((c) => ({ id: c.id, rubrik: c.rubrik }));
  const all: Record<string, Amount>[] = [];

  const categories = input.kategorier.map((cat) => {
    const projects = cat.projekt.map((p) => {
      const values: Record<string, Amount> = {};
      for (const c of columns) {
        const raw = (p as Record<string, unknown>)[c.id];
        values[c.id] = raw === PLANNED ? { value: null, computed: false, planned: true } : { value: (raw as number | null | undefined) ?? null, computed: false };
      }
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
    const cells = all.map((v) => v[c.id]);
    const planned = cells.filter((a) => a?.planned).length;
    const amounts = cells.filter((a) => a?.value !== null && a?.value !== undefined).length;
    const statedValue = stated[c.id] as number | null | undefined;
    if (planned === 0) {
      totals[c.id] = reconcile(statedValue, sumAmounts(cells.map((a) => a?.value ?? null)), (s, comp) =>
        problems.error(['totalt', c.id], 'summa-stämmer-inte', mismatchMessage(`Raden "${rubrik}"`, c.rubrik, s, comp, 'projekten summerar till', format)),
      );
      continue;
    }
    if (statedValue === undefined || statedValue === null) {
      totals[c.id] = { value: null, computed: false };
      if (amounts > 0) {
        problems.warn(
          ['totalt'],
          'summa-kan-inte-räknas',
          `Raden "${rubrik}", kolumn "${c.rubrik}": ${planned} ${planned === 1 ? 'projekt är markerat' : 'projekt är markerade'} X utan belopp, så totalen kan inte räknas ut och lämnas tom.|Ange totalen under "totalt" (${c.id}: …), eller ge projekten med X sina belopp.`,
        );
      }
      continue;
    }
    if (amounts === 0) {
      totals[c.id] = { value: statedValue, computed: false, check: 'stated-only' };
      continue;
    }
    const known = sumAmounts(cells.map((a) => a?.value ?? null))!;
    const f = (n: number) => formatNumber(n, Number.isInteger(n) ? 0 : 1, format);
    problems.warn(
      ['totalt', c.id],
      'summa-delvis-kontrollerad',
      `Raden "${rubrik}", kolumn "${c.rubrik}": totalen ${f(statedValue)} kan bara delvis kontrolleras, eftersom ${planned} ${planned === 1 ? 'projekt är markerat' : 'projekt är markerade'} X utan belopp. Projekten med belopp summerar till ${f(known)}; resten, ${f(statedValue - known)}, faller på projekten med X.|Ge projekten med X sina belopp så kontrolleras totalen helt; annars står den angivna totalen kvar, markerad som delvis kontrollerad.`,
    );
    totals[c.id] = { value: statedValue, computed: false, check: 'partial' };
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

/** Category sums: blank where a project of the category has an X in the column (its amount is unknown). */
function sumColumns(rows: Record<string, Amount>[], columns: AmountColumn[]): Record<string, Amount> {
  const out: Record<string, Amount> = {};
  for (const c of columns) {
    const v = rows.some((r) => r[c.id]?.planned) ? null : sumAmounts(rows.map((r) => r[c.id]?.value ?? null));
    out[c.id] = { value: v, computed: v !== null };
  }
  return out;
}
