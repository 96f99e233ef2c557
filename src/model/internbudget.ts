/**
 * Internbudget: three parts (NETTOKOSTNAD, INTÄKTER, KOSTNADER) over the same
 * verksamheter. Identities computed here, once:
 * - a change column = till − från, per row;
 * - a sub-sum ("Dels:a") = the rows since the previous sub-sum;
 * - a sum row ("S:a …") = all ordinary rows of its part;
 * - nettokostnad = intäkter + kostnader, per verksamhet (nettokostnad_tecken: negativ, the default),
 *   or nettokostnad = −(intäkter + kostnader) (positiv: net cost printed positive).
 * Stated values are checked; omitted ones are computed.
 */
import type { InternbudgetInput } from '../content/schema.ts';
import type { Amount, AmountColumn, BudgetPart, BudgetRow, Internbudget, Tecken } from './types.ts';
import type { Problems } from './problems.ts';
import { cell, difference, mismatchMessage, reconcile, sumAmounts } from './amounts.ts';
import { formatNumber, type FormatOptions } from '../format/swedish.ts';

type PartKind = BudgetPart['kind'];
type RowInput = NonNullable<InternbudgetInput['intäkter']>['rader'][number];

const partTitles: Record<PartKind, { rubrik: string; summa: string }> = {
  nettokostnad: { rubrik: 'NETTOKOSTNAD', summa: 'S:a Nettokostnad' },
  intäkter: { rubrik: 'INTÄKTER', summa: 'S:a Intäkter' },
  kostnader: { rubrik: 'KOSTNADER', summa: 'S:a Kostnader' },
};


/** Net cost from income and costs (either may be blank) under a sign convention. */
export function netCost(intäkter: number | null, kostnader: number | null, tecken: Tecken): number | null {
  const sum = sumAmounts([intäkter, kostnader]);
  return sum === null || tecken === 'negativ' ? sum : sum === 0 ? 0 : -sum;
}

/** The net identity in words, naming the convention: "nettokostnad = −(intäkter + kostnader) enligt nettokostnad_tecken: positiv". */
export function netFormula(tecken: Tecken): string {
  return `nettokostnad = ${tecken === 'positiv' ? '−(intäkter + kostnader)' : 'intäkter + kostnader'} enligt nettokostnad_tecken: ${tecken}`;
}

/** `tecken`: the sign convention resolved from the block and the profile. */
export function buildInternbudget(input: InternbudgetInput, problems: Problems, format: FormatOptions, tecken: Tecken = 'negativ'): Internbudget {
  const columns: AmountColumn[] = input.kolumner.map((c) => ({ id: c.id, rubrik: c.rubrik, förändring: c.förändring }));
  checkColumns(columns, problems);

  const parts = new Map<PartKind, BudgetPart>();
  for (const kind of ['intäkter', 'kostnader', 'nettokostnad'] as const) {
    const partInput = input[kind];
    if (partInput) parts.set(kind, buildPart(kind, partInput, columns, [kind], problems, format));
  }

  const intäkter = parts.get('intäkter');
  const kostnader = parts.get('kostnader');
  const netto = parts.get('nettokostnad');
  if (netto && intäkter && kostnader) {
    checkNetto(netto, intäkter, kostnader, columns, tecken, problems, format);
  } else if (!netto && intäkter && kostnader) {
    parts.set('nettokostnad', computeNetto(intäkter, kostnader, columns, tecken));
  } else if (!netto && !intäkter && !kostnader) {
    problems.error([], 'budget-tom', 'Internbudgeten har varken "nettokostnad", "intäkter" eller "kostnader".|Lägg till minst en av delarna med sina rader.');
  }

  const order: PartKind[] = ['nettokostnad', 'intäkter', 'kostnader'];
  return {
    kind: 'internbudget',
    id: input.id,
    rubrik: input.rubrik,
    not: input.not,
    enhet: input.enhet,
    tecken,
    columns,
    parts: order.flatMap((k) => (parts.has(k) ? [parts.get(k)!] : [])),
  };
}

function checkColumns(columns: AmountColumn[], problems: Problems): void {
  const ids = columns.map((c) => c.id);
  columns.forEach((c, i) => {
    if (ids.indexOf(c.id) !== i) problems.error(['kolumner', i, 'id'], 'dubblett-id', `Kolumn-id "${c.id}" förekommer två gånger.|Ge varje kolumn ett eget id.`);
    if (!c.förändring) return;
    for (const end of ['från', 'till'] as const) {
      const ref = c.förändring[end];
      if (!ids.includes(ref) || ref === c.id) {
        problems.error(
          ['kolumner', i, 'förändring', end],
          'okänd-kolumn',
          `"${end}: ${ref}" pekar inte på en annan kolumn i tabellen.|Ange id för en av kolumnerna: ${ids.filter((x) => x !== c.id).join(', ')}.`,
        );
      }
    }
  });
}

function buildPart(
  kind: PartKind,
  input: NonNullable<InternbudgetInput[PartKind]>,
  columns: AmountColumn[],
  path: (string | number)[],
  problems: Problems,
  format: FormatOptions,
): BudgetPart {
  const rows: BudgetRow[] = [];
  let sinceSubtotal: BudgetRow[] = [];
  const ordinary: BudgetRow[] = [];

  input.rader.forEach((raw: RowInput, i) => {
    const rowPath = [...path, 'rader', i];
    if (raw.delsumma !== undefined) {
      if (raw.namn !== undefined || raw.kod !== undefined) {
        problems.error(rowPath, 'delsumma-namn', 'En delsummerad rad har "delsumma" som sin rubrik och ska inte ha "namn" eller "kod".|Ta bort "namn"/"kod" från raden, eller "delsumma" om det är en vanlig rad.');
      }
      const values = sumRow(sinceSubtotal, raw, columns, rowPath, `Delsumman "${raw.delsumma}"`, 'raderna ovanför summerar till', problems, format);
      rows.push({ kind: 'delsumma', namn: raw.delsumma, values });
      sinceSubtotal = [];
      return;
    }
    if (raw.namn === undefined) {
      problems.error(rowPath, 'fält-saknas', 'Raden saknar "namn".|Skriv verksamhetens namn, t.ex. "namn: Individ och familjeomsorg", och gärna dess "kod".');
      return;
    }
    const row: BudgetRow = { kind: 'rad', kod: raw.kod, namn: raw.namn, values: rowValues(raw, columns, rowPath, label(raw), problems, format) };
    rows.push(row);
    ordinary.push(row);
    sinceSubtotal.push(row);
  });

  const summaInput = input.summa ?? {};
  const summaPath = [...path, 'summa'];
  const rubrik = summaInput.rubrik ?? partTitles[kind].summa;
  const summa: BudgetRow = {
    kind: 'delsumma',
    namn: rubrik,
    values: sumRow(ordinary, summaInput, columns, summaPath, `Summaraden "${rubrik}"`, 'raderna summerar till', problems, format),
  };
  return { kind, rubrik: partTitles[kind].rubrik, rows, summa, computed: false };
}

function label(row: { kod?: string; namn?: string }): string {
  return `Raden "${[row.kod, row.namn].filter(Boolean).join(' ')}"`;
}

/** Values of an ordinary row: stated amounts, and change columns computed (and checked when stated). */
function rowValues(
  raw: Record<string, unknown>,
  columns: AmountColumn[],
  path: (string | number)[],
  what: string,
  problems: Problems,
  format: FormatOptions,
): Record<string, Amount> {
  const values: Record<string, Amount> = {};
  for (const c of columns) {
    if (!c.förändring) values[c.id] = { value: cell(raw, c.id) ?? null, computed: false };
  }
  for (const c of columns) {
    if (!c.förändring) continue;
    const till = values[c.förändring.till]?.value ?? null;
    const från = values[c.förändring.från]?.value ?? null;
    const tillName = columns.find((x) => x.id === c.förändring!.till)?.rubrik ?? c.förändring.till;
    const frånName = columns.find((x) => x.id === c.förändring!.från)?.rubrik ?? c.förändring.från;
    values[c.id] = reconcile(cell(raw, c.id), difference(till, från), (stated, computed) =>
      problems.error([...path, c.id], 'förändring-stämmer-inte', mismatchMessage(what, c.rubrik, stated, computed, `"${tillName}" − "${frånName}" blir`, format)),
    );
  }
  return values;
}

/** A sum row: each column summed over `rows`, checked against the stated values. */
function sumRow(
  rows: readonly BudgetRow[],
  raw: Record<string, unknown>,
  columns: AmountColumn[],
  path: (string | number)[],
  what: string,
  how: string,
  problems: Problems,
  format: FormatOptions,
): Record<string, Amount> {
  const values: Record<string, Amount> = {};
  for (const c of columns) {
    const computed = sumAmounts(rows.map((r) => r.values[c.id]?.value ?? null));
    values[c.id] = reconcile(cell(raw, c.id), computed, (stated, comp) =>
      problems.error([...path, c.id], 'summa-stämmer-inte', mismatchMessage(what, c.rubrik, stated, comp, how, format)),
    );
  }
  return values;
}

const rowKey = (r: BudgetRow) => r.kod ?? r.namn;

function checkNetto(
  netto: BudgetPart,
  intäkter: BudgetPart,
  kostnader: BudgetPart,
  columns: AmountColumn[],
  tecken: Tecken,
  problems: Problems,
  format: FormatOptions,
): void {
  const inc = new Map(intäkter.rows.filter((r) => r.kind === 'rad').map((r) => [rowKey(r), r]));
  const cost = new Map(kostnader.rows.filter((r) => r.kind === 'rad').map((r) => [rowKey(r), r]));
  const how = tecken === 'positiv' ? '−(intäkter + kostnader) för samma verksamhet blir' : 'intäkter + kostnader för samma verksamhet blir';
  netto.rows.forEach((row, i) => {
    if (row.kind !== 'rad') return;
    const a = inc.get(rowKey(row));
    const b = cost.get(rowKey(row));
    if (!a && !b) return;
    for (const c of columns) {
      // Only stated cells are checked: a computed change follows from cells checked already.
      if (row.values[c.id]?.computed) continue;
      const stated = row.values[c.id]?.value ?? null;
      const computed = netCost(a?.values[c.id]?.value ?? null, b?.values[c.id]?.value ?? null, tecken);
      if (stated !== null && computed !== null && Math.abs(stated - computed) >= 1e-6) {
        problems.error(['nettokostnad', 'rader', i, c.id], 'netto-stämmer-inte', nettoMessage(label(row), c.rubrik, stated, computed, how, tecken, format));
      }
    }
  });
}

/** The mismatch message with a hint that names the convention, and suggests the other one when the sign alone differs. */
function nettoMessage(what: string, column: string, stated: number, computed: number, how: string, tecken: Tecken, format: FormatOptions): string {
  const [message] = mismatchMessage(what, column, stated, computed, how, format).split('|');
  const other: Tecken = tecken === 'positiv' ? 'negativ' : 'positiv';
  const f = (n: number) => formatNumber(n, Number.isInteger(n) ? 0 : 1, format);
  const flipped = computed !== 0 && Math.abs(stated + computed) < 1e-6
    ? ` Det angivna värdet har omvänt tecken (${f(stated)} i stället för ${f(computed)}): skriver dokumentet nettokostnaden med ${other === 'positiv' ? 'positivt' : 'negativt'} tecken, ange "nettokostnad_tecken: ${other}" i kommun.yaml eller på tabellen.`
    : ` Rätta det felaktiga värdet, eller ange "nettokostnad_tecken: ${other}" om dokumentet skriver nettokostnaden med ${other === 'positiv' ? 'positivt' : 'negativt'} tecken.`;
  return `${message}|Tabellen räknar ${netFormula(tecken)}.${flipped}`;
}

function computeNetto(intäkter: BudgetPart, kostnader: BudgetPart, columns: AmountColumn[], tecken: Tecken): BudgetPart {
  const keys: string[] = [];
  const byKey = new Map<string, { row: BudgetRow; parts: BudgetRow[] }>();
  for (const r of [...kostnader.rows, ...intäkter.rows]) {
    if (r.kind !== 'rad') continue;
    const key = rowKey(r);
    if (!byKey.has(key)) {
      keys.push(key);
      byKey.set(key, { row: r, parts: [] });
    }
    byKey.get(key)!.parts.push(r);
  }
  const rows: BudgetRow[] = keys.map((key) => {
    const { row, parts } = byKey.get(key)!;
    const values: Record<string, Amount> = {};
    for (const c of columns) {
      const of = (part: BudgetPart) => sumAmounts(parts.filter((p) => part.rows.includes(p)).map((p) => p.values[c.id]?.value ?? null));
      const inc = of(intäkter);
      const cost = of(kostnader);
      const v = netCost(inc, cost, tecken);
      values[c.id] = { value: v, computed: v !== null };
    }
    return { kind: 'rad', kod: row.kod, namn: row.namn, values };
  });
  const summa: Record<string, Amount> = {};
  for (const c of columns) {
    const v = sumAmounts(rows.map((r) => r.values[c.id]?.value ?? null));
    summa[c.id] = { value: v, computed: v !== null };
  }
  return { kind: 'nettokostnad', rubrik: partTitles.nettokostnad.rubrik, rows, summa: { kind: 'delsumma', namn: partTitles.nettokostnad.summa, values: summa }, computed: true };
}
