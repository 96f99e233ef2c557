/**
 * Outcomes from the Kolada snapshot into the loaded report, before anything is
 * computed: a measure with a Kolada id gets the snapshot's outcome for every
 * year it has no typed outcome for. A typed outcome wins; where it differs from
 * Kolada's, the build lists it under "Att granska". The outcomes then go
 * through the same assessment, trends, charts and diff as typed ones.
 */
import type { Diagnostics } from '../../diagnostics.ts';
import type { LoadedReport } from '../../content/load.ts';
import { reportAt } from '../../content/validate.ts';
import { formatNumber, parseSwedishNumber } from '../../format/swedish.ts';
import { koladaMeasures } from './measures.ts';
import { readSnapshot, SNAPSHOT_FILE } from './snapshot.ts';
import type { YearOutcome } from './client.ts';

/** Which outcomes came from the Kolada snapshot, and when it was fetched. */
export interface KoladaUse {
  hämtad: string;
  /** "0483 Katrineholm". */
  kommun: string;
  /** Per KPI, the years whose outcome came from the snapshot (not typed in the content). */
  utfall: { kpi: string; år: string[] }[];
}

/** Fills in outcomes from kolada.yaml; returns which came from it, for the model (undefined without a snapshot). */
export function applyKoladaSnapshot(report: LoadedReport, diagnostics: Diagnostics): KoladaUse | undefined {
  const measures = koladaMeasures(report);
  if (measures.length === 0) return undefined;
  const snapshot = readSnapshot(report.dir, diagnostics);
  if (!snapshot) return undefined;
  const used = new Map<string, Set<string>>();
  for (const m of measures) {
    const kpi = snapshot.nyckeltal[m.kpi];
    if (!kpi) continue;
    const percent = isPercent(m.measure, kpi.titel);
    const typed = (m.measure.utfall ?? {}) as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...typed };
    for (const [year, outcome] of Object.entries(kpi.utfall)) {
      const value = outcomeInput(outcome, percent);
      if (value === undefined) continue;
      if (!(year in typed)) {
        merged[year] = value;
        used.set(m.kpi, (used.get(m.kpi) ?? new Set()).add(year));
        continue;
      }
      if (!sameOutcome(typed[year], outcome)) {
        reportAt(
          diagnostics,
          m.source,
          [...m.path, 'utfall', year],
          'kolada-åsidosatt',
          `"${m.name}" ${year}: utfallet i innehållet (${describe(typed[year])}) gäller i stället för Koladas ${describe(value)} (${m.kpi} i ${SNAPSHOT_FILE}, hämtad ${snapshot.hämtad}).`,
          'notering',
        );
      }
    }
    m.measure.utfall = Object.fromEntries(Object.keys(merged).sort().map((y) => [y, merged[y]]));
  }
  return {
    hämtad: snapshot.hämtad,
    kommun: `${snapshot.kommun.id} ${snapshot.kommun.namn}`,
    utfall: [...used.keys()].sort().map((kpi) => ({ kpi, år: [...used.get(kpi)!].sort() })),
  };
}

/** Percent when the measure's own values are written with % or the KPI's title says (%) or andel. */
function isPercent(measure: Record<string, unknown>, title: string): boolean {
  const own = JSON.stringify([measure.utfall ?? {}, measure.målvärden ?? {}, measure.ingångsvärde ?? null]);
  return own.includes('%') || /\(%\)|\bandel\b/i.test(`${title} ${String(measure.mått ?? '')}`);
}

/** A Kolada figure as an author would type it: 83, "81,6 %", or { totalt, kvinnor, män }. */
function outcomeInput(o: YearOutcome, percent: boolean): unknown {
  const one = (n: number | undefined) => {
    if (n === undefined) return undefined;
    const decimals = Number.isInteger(n) ? 0 : Math.min(2, (String(n).split('.')[1] ?? '').length);
    return percent ? `${formatNumber(n, decimals, { minus: '-' })} %` : n;
  };
  if (o.totalt === undefined) return undefined;
  if (o.kvinnor === undefined && o.män === undefined) return one(o.totalt);
  return { totalt: one(o.totalt), ...(o.kvinnor !== undefined ? { kvinnor: one(o.kvinnor) } : {}), ...(o.män !== undefined ? { män: one(o.män) } : {}) };
}

function numberOf(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return parseSwedishNumber(v.replace(/\s*%\s*$/, ''));
  return undefined;
}

function sameOutcome(typed: unknown, o: YearOutcome): boolean {
  const t = typeof typed === 'object' && typed !== null ? numberOf((typed as Record<string, unknown>).totalt) : numberOf(typed);
  return t !== undefined && o.totalt !== undefined && Math.abs(t - o.totalt) < 0.05;
}

function describe(v: unknown): string {
  if (typeof v === 'object' && v !== null) return Object.entries(v).map(([k, x]) => `${k} ${String(x)}`).join(', ');
  return String(v).replace('.', ',');
}
