/**
 * The årsredovisning's accounts. Identities computed here, once:
 * - driftredovisning: avvikelse = utfall − budget per verksamhetsområde (costs
 *   negative; with nettokostnad_tecken: positiv costs are positive and avvikelse =
 *   budget − utfall, so a positive avvikelse is favourable in both), and the
 *   Summa row = the sum of the rows, column by column;
 * - investeringsredovisning: kvar = budget − utfall per project, and the Summa row.
 * Stated values are checked (allowing for rounding of published figures, see
 * amounts.ts); omitted ones are computed.
 */
import { driftHeadings, investmentHeadings, type DriftredovisningInput, type InvesteringsredovisningInput } from '../content/schema.ts';
import type { Amount, DriftColumn, Driftredovisning, InvestmentColumn, Investeringsredovisning, Tecken } from './types.ts';
import type { Problems } from './problems.ts';
import { difference, mismatchMessage, reconcileRounded, roundingMessage, sumAmounts } from './amounts.ts';
import type { FormatOptions } from '../format/swedish.ts';

type Path = (string | number)[];

/** The column headings belong to the content's tables (a spreadsheet's header row may use them too). */
export { driftHeadings, investmentHeadings };

/** Checks one identity and returns the cell: the stated value when there is one, else the computed. */
function checked(
  stated: number | null | undefined,
  computed: number | null,
  terms: number,
  where: { path: Path; what: string; column: string; how: string },
  problems: Problems,
  format: FormatOptions,
): Amount {
  return reconcileRounded(stated, computed, terms, {
    mismatch: (s, c) => problems.error(where.path, 'summa-stämmer-inte', mismatchMessage(where.what, where.column, s, c, where.how, format)),
    rounding: (s, c) => problems.note(where.path, 'avrundning', roundingMessage(where.what, where.column, s, c, where.how, format)),
  });
}

function sumRow<C extends string>(
  columns: readonly C[],
  rows: readonly Record<C, Amount>[],
  stated: Partial<Record<C, number | null>> | undefined,
  headings: Record<C, string>,
  rubrik: string,
  problems: Problems,
  format: FormatOptions,
): Record<C, Amount> {
  const out = {} as Record<C, Amount>;
  for (const c of columns) {
    const computed = sumAmounts(rows.map((r) => r[c].value));
    out[c] = checked(stated?.[c], computed, rows.length, { path: ['summa', c], what: `Raden "${rubrik}"`, column: headings[c], how: 'raderna summerar till' }, problems, format);
  }
  return out;
}

const driftColumns: readonly DriftColumn[] = ['föregående_år', 'utfall', 'budget', 'avvikelse'];

/** `tecken`: the sign convention resolved from the block and the profile. */
export function buildDriftredovisning(input: DriftredovisningInput, år: number, problems: Problems, format: FormatOptions, tecken: Tecken = 'negativ'): Driftredovisning {
  const headings = driftHeadings(String(år), String(år - 1));
  const positive = tecken === 'positiv';
  const how = positive ? 'budget − utfall (nettokostnad_tecken: positiv, kostnader positiva) ger' : 'utfall − budget ger';
  const rows = input.rader.map((r, i) => {
    const utfall: Amount = { value: r.utfall ?? null, computed: false };
    const budget: Amount = { value: r.budget ?? null, computed: false };
    const avvikelse = checked(
      r.avvikelse,
      positive ? difference(budget.value, utfall.value) : difference(utfall.value, budget.value),
      2,
      { path: ['rader', i, 'avvikelse'], what: `Raden "${r.verksamhet}"`, column: headings.avvikelse, how },
      problems,
      format,
    );
    return { verksamhet: r.verksamhet, values: { föregående_år: { value: r.föregående_år ?? null, computed: false }, utfall, budget, avvikelse } };
  });
  const rubrik = input.summa?.rubrik ?? 'Summa';
  return {
    kind: 'driftredovisning',
    id: input.id,
    rubrik: input.rubrik,
    not: input.not,
    enhet: input.enhet,
    tecken,
    år: String(år),
    föregåendeÅr: String(år - 1),
    rows,
    summa: { rubrik, values: sumRow(driftColumns, rows.map((r) => r.values), input.summa, headings, rubrik, problems, format) },
  };
}

const investmentColumns: readonly InvestmentColumn[] = ['utfall', 'budget', 'kvar'];

export function buildInvesteringsredovisning(input: InvesteringsredovisningInput, problems: Problems, format: FormatOptions): Investeringsredovisning {
  const projects = input.projekt.map((p, i) => {
    const utfall: Amount = { value: p.utfall ?? null, computed: false };
    const budget: Amount = { value: p.budget ?? null, computed: false };
    const name = [p.nummer, p.namn].filter(Boolean).join(' ');
    const kvar = checked(
      p.kvar,
      difference(budget.value, utfall.value),
      2,
      { path: ['projekt', i, 'kvar'], what: `Projektet "${name}"`, column: investmentHeadings.kvar, how: 'budget − utfall ger' },
      problems,
      format,
    );
    return { nummer: p.nummer, namn: p.namn, values: { utfall, budget, kvar }, färdigställs: p.färdigställs };
  });
  const rubrik = input.summa?.rubrik ?? 'Summa';
  return {
    kind: 'investeringsredovisning',
    id: input.id,
    rubrik: input.rubrik,
    not: input.not,
    enhet: input.enhet,
    projects,
    summa: { rubrik, values: sumRow(investmentColumns, projects.map((p) => p.values), input.summa, investmentHeadings, rubrik, problems, format) },
  };
}
