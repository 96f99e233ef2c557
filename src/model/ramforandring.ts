/**
 * Ramförändring, a budget bridge: "Budget 2021" + justeringar = "Ram 2022".
 * Identity computed here, once, per column: an utgående ram = the ram before
 * it (the ingående, or the previous utgående) + the justeringar since. A stated
 * utgående is checked, an omitted one computed; either way it is the base of
 * the next step. Blank justering cells count as no change.
 */
import type { RamförändringInput } from '../content/schema.ts';
import type { Amount, AmountColumn, Ramförändring, RamförändringRow } from './types.ts';
import type { Problems } from './problems.ts';
import { mismatchMessage, reconcile, sumAmounts } from './amounts.ts';
import type { FormatOptions } from '../format/swedish.ts';

const rowKinds = ['ingående', 'justering', 'utgående'] as const;
type RowKind = (typeof rowKinds)[number];

export function buildRamförändring(input: RamförändringInput, problems: Problems, format: FormatOptions): Ramförändring {
  const columns: AmountColumn[] = input.kolumner ? input.kolumner.map((c) => ({ id: c.id, rubrik: c.rubrik })) : [{ id: 'belopp', rubrik: 'Belopp' }];
  const ids = columns.map((c) => c.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) problems.error(['kolumner', i, 'id'], 'dubblett-id', `Kolumn-id "${id}" förekommer två gånger.|Ge varje kolumn ett eget id.`);
  });

  const rows: RamförändringRow[] = [];
  // The ram so far per column, and the row it was last set by (for messages).
  let balance: Record<string, number | null> | undefined;
  let base = '';
  let since: RamförändringRow[] = [];

  input.rader.forEach((raw, i) => {
    const path = ['rader', i];
    const kinds = rowKinds.filter((k) => raw[k] !== undefined);
    if (kinds.length !== 1) {
      problems.error(
        path,
        kinds.length ? 'rad-typ' : 'fält-saknas',
        kinds.length
          ? `Raden har både ${kinds.map((k) => `"${k}"`).join(' och ')}; en rad är antingen en ingående ram, en justering eller en utgående ram.|Dela upp raden, t.ex. "{ justering: Löneökning, belopp: 1200 }" och "{ utgående: Ram 2022 }".`
          : 'Raden saknar sin rubrik: "ingående", "justering" eller "utgående".|Skriv t.ex. "{ ingående: Budget 2021, belopp: 74611 }", "{ justering: Löneökning, belopp: 1200 }" eller "{ utgående: Ram 2022 }".',
      );
      return;
    }
    const kind: RowKind = kinds[0]!;
    const text = raw[kind] as string;
    const stated = (id: string) => raw[id] as number | null | undefined;

    if (kind === 'ingående') {
      if (i !== 0) {
        problems.error(
          [...path, 'ingående'],
          'ingående-mitt-i',
          `Den ingående ramen "${text}" står inte först. En ramförändring börjar med en ingående ram; nästa steg utgår från föregående utgående ram.|Flytta raden först, eller skriv justeringarna direkt efter den utgående ramen "${base || '…'}".`,
        );
        return;
      }
      const values: Record<string, Amount> = {};
      for (const c of columns) {
        const v = stated(c.id) ?? null;
        if (v === null) {
          problems.error(
            [...path],
            'belopp-saknas',
            `Den ingående ramen "${text}" saknar belopp${input.kolumner ? ` i kolumn "${c.rubrik}"` : ''}.|Ange ${input.kolumner ? `"${c.id}: …"` : '"belopp: …"'}; ramen är grunden som justeringarna räknas från.`,
          );
        }
        values[c.id] = { value: v, computed: false };
      }
      const row: RamförändringRow = { kind, text, values };
      rows.push(row);
      balance = Object.fromEntries(columns.map((c) => [c.id, values[c.id]!.value]));
      base = text;
      since = [];
      return;
    }

    if (!balance) {
      problems.error(
        path,
        'ingående-saknas',
        `Ramförändringen börjar inte med en ingående ram, så ${kind === 'justering' ? `justeringen "${text}"` : `den utgående ramen "${text}"`} har inget att utgå från.|Lägg först en rad som "{ ingående: Budget 2021, belopp: 74611 }".`,
      );
      return;
    }

    if (kind === 'justering') {
      const values: Record<string, Amount> = {};
      for (const c of columns) values[c.id] = { value: stated(c.id) ?? null, computed: false };
      const row: RamförändringRow = { kind, text, values };
      rows.push(row);
      since.push(row);
      return;
    }

    // utgående: the ram before + the justeringar since.
    const values: Record<string, Amount> = {};
    const terms = since.length ? `"${base}" + ${since.length === 1 ? 'justeringen' : `de ${since.length} justeringarna`} blir` : `"${base}" utan justeringar blir`;
    for (const c of columns) {
      const computed = sumAmounts([balance[c.id] ?? null, ...since.map((r) => r.values[c.id]?.value ?? null)]);
      values[c.id] = reconcile(stated(c.id), computed, (s, comp) =>
        problems.error([...path, input.kolumner ? c.id : 'belopp'], 'summa-stämmer-inte', mismatchMessage(`Den utgående ramen "${text}"`, c.rubrik, s, comp, terms, format)),
      );
    }
    rows.push({ kind, text, values });
    balance = Object.fromEntries(columns.map((c) => [c.id, values[c.id]!.value]));
    base = text;
    since = [];
  });

  const last = rows.at(-1);
  if (last && last.kind !== 'utgående') {
    problems.error(
      ['rader', input.rader.length - 1],
      'utgående-saknas',
      `Ramförändringen slutar ${last.kind === 'ingående' ? 'med den ingående ramen' : `med justeringen "${last.text}"`} utan en utgående ram.|Avsluta med en rad som "{ utgående: Ram 2022 }"; beloppet räknas ut om du utelämnar det och kontrolleras om du anger det.`,
    );
  }

  return {
    kind: 'ramförändring',
    id: input.id,
    rubrik: input.rubrik,
    not: input.not,
    enhet: input.enhet,
    columns,
    kolumner: input.kolumner !== undefined,
    rows,
  };
}
