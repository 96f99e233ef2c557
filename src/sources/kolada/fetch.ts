/**
 * `npm run kolada`: for each report, every measure with a Kolada id is fetched
 * for the profile's kommunkod and the report's years (the period and the two
 * years before it), and the snapshot kolada.yaml is written in the report
 * folder. Nothing is written for a report with any problem (network, unknown
 * KPI or municipality): its earlier snapshot stays as it was.
 */
import { join } from 'node:path';
import { Diagnostics } from '../../diagnostics.ts';
import { displayPath, loadReport, PROFILE_FILE, PROFILES_FOLDER } from '../../content/load.ts';
import { reportAt } from '../../content/validate.ts';
import { writeAtomically } from '../../output/write.ts';
import { readSpreadsheets } from '../files.ts';
import { fetchKpis, fetchMunicipality, fetchOutcomes, KoladaError, type Fetcher } from './client.ts';
import { koladaMeasures } from './measures.ts';
import { readSnapshot, serializeSnapshot, SNAPSHOT_FILE, type Snapshot } from './snapshot.ts';

export interface KoladaReportResult {
  id: string;
  /** The snapshot written, when the fetch succeeded. */
  written?: string;
  kpis: number;
  /** Outcomes (KPI and year) that differ from the previous snapshot. */
  changed: string[];
  /** Kolada could not be reached: nothing was written. */
  networkFailure?: boolean;
}

export async function fetchKolada(reportDir: string, fetcher: Fetcher, today: string, diagnostics: Diagnostics): Promise<KoladaReportResult> {
  const id = reportDir.split(/[\\/]/).filter(Boolean).pop() ?? reportDir;
  const result: KoladaReportResult = { id, kpis: 0, changed: [] };
  const before = diagnostics.errors.length;
  const loaded = loadReport(reportDir, diagnostics, await readSpreadsheets(reportDir));
  if (!loaded) return result;
  const measures = koladaMeasures(loaded);
  if (measures.length === 0) {
    diagnostics.warn({ code: 'kolada-inga', file: displayPath(reportDir), message: 'Rapporten har inga indikatorer med Kolada-id; inget hämtades.', hint: 'Skriv "kolada: U21468" (nyckeltalets id i Kolada) på de indikatorer vars utfall ska hämtas.' });
    return result;
  }
  const kommun = loaded.profile.input.kommunkod;
  if (!kommun) {
    diagnostics.error({
      code: 'kommunkod-saknas',
      file: displayPath(join(loaded.dir, '..', PROFILES_FOLDER, loaded.profile.id, PROFILE_FILE)),
      message: 'Kommunprofilen saknar "kommunkod", som behövs för att hämta utfall från Kolada.',
      hint: 'Lägg till kommunens fyrsiffriga kod inom citattecken, t.ex. kommunkod: "0483" (Katrineholm).',
    });
    return result;
  }
  const years = Array.from({ length: loaded.index.period.till - loaded.index.period.från + 3 }, (_, i) => loaded.index.period.från - 2 + i);
  const ids = [...new Set(measures.map((m) => m.kpi))].sort();
  try {
    const namn = await fetchMunicipality(kommun, fetcher);
    if (!namn) {
      diagnostics.error({ code: 'kolada-okänd-kommun', file: displayPath(join(loaded.dir, '..', PROFILES_FOLDER, loaded.profile.id, PROFILE_FILE)), message: `Kolada känner inte någon kommun med koden "${kommun}".`, hint: 'Kontrollera kommunkod i kommunprofilen: fyra siffror inom citattecken, t.ex. "0483".' });
      return result;
    }
    const kpis = await fetchKpis(ids, fetcher);
    for (const m of measures.filter((x) => !kpis.has(x.kpi))) {
      reportAt(diagnostics, m.source, [...m.path, 'kolada'], 'kolada-okänt-nyckeltal', `Kolada känner inte nyckeltalet "${m.kpi}" (indikatorn "${m.name}").|Sök nyckeltalet på kolada.se och skriv dess id, t.ex. "U21468"; eller ta bort "kolada" om indikatorn inte finns i Kolada.`);
    }
    if (diagnostics.errors.length > before) return result;
    const snapshot: Snapshot = { hämtad: today, kommun: { id: kommun, namn }, år: years, nyckeltal: {} };
    for (const kpi of ids) {
      const info = kpis.get(kpi)!;
      const outcomes = await fetchOutcomes(kpi, kommun, years, fetcher);
      const saknas = years.filter((y) => outcomes.get(y)?.totalt === undefined);
      snapshot.nyckeltal[kpi] = {
        titel: info.title,
        ...(info.publicationDate ? { publicerad: info.publicationDate } : {}),
        utfall: Object.fromEntries([...outcomes].filter(([, o]) => o.totalt !== undefined).map(([y, o]) => [String(y), o])),
        saknas,
      };
      const m = measures.find((x) => x.kpi === kpi)!;
      const typedYears = Object.keys((m.measure.utfall ?? {}) as object);
      // A year not yet over cannot have been published: only earlier years are reported missing.
      const untyped = saknas.filter((y) => !typedYears.includes(String(y)) && y < Number(today.slice(0, 4)));
      if (untyped.length) {
        reportAt(diagnostics, m.source, [...m.path, 'kolada'], 'kolada-värde-saknas', `Kolada har inget värde för "${m.name}" (${kpi}) ${untyped.join(', ')} i ${namn}: det är ännu inte publicerat eller mäts inte det året.|Hämta igen när Kolada har publicerat${info.publicationDate ? ` (senast publicerat ${info.publicationDate})` : ''}, eller skriv utfallet i innehållet.`, 'varning');
      }
    }
    const old = readSnapshot(loaded.dir, new Diagnostics());
    result.changed = changedOutcomes(old, snapshot);
    result.kpis = ids.length;
    const path = join(loaded.dir, SNAPSHOT_FILE);
    await writeAtomically([{ path, data: serializeSnapshot(snapshot) }]);
    result.written = path;
  } catch (err) {
    if (!(err instanceof KoladaError)) throw err;
    result.networkFailure = true;
    diagnostics.error({ code: 'kolada-nås-inte', file: displayPath(join(loaded.dir, SNAPSHOT_FILE)), message: err.message, hint: err.hint });
  }
  return result;
}

/** "U21468 2024" for every outcome that differs between two snapshots. */
function changedOutcomes(old: Snapshot | undefined, now: Snapshot): string[] {
  if (!old) return [];
  const out: string[] = [];
  for (const [kpi, k] of Object.entries(now.nyckeltal)) {
    for (const [year, o] of Object.entries(k.utfall)) {
      const a = old.nyckeltal[kpi]?.utfall[year];
      if (!a || a.totalt !== o.totalt || a.kvinnor !== o.kvinnor || a.män !== o.män) out.push(`${kpi} ${year}`);
    }
  }
  return out;
}
