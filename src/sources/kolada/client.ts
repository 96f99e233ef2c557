/**
 * A small client for Kolada's API v3 (https://api.kolada.se/v3): KPI metadata,
 * the municipality, and outcomes per KPI, municipality and year, total and by
 * gender (T, K, M). Every list answer is followed through its pages (next_url).
 * `fetch` is injected, so tests answer with recorded responses and never touch
 * the network. Problems are thrown as KoladaError with a Swedish message.
 */

export const KOLADA_API = 'https://api.kolada.se/v3';

/** The API's address: KOMMUNRAPPORT_KOLADA_API may name another (a mirror, or a local server in tests). */
export function koladaApi(): string {
  return process.env.KOMMUNRAPPORT_KOLADA_API?.replace(/\/+$/, '') || KOLADA_API;
}

/** The part of the WHATWG fetch the client uses. */
export type Fetcher = (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export class KoladaError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
    this.name = 'KoladaError';
  }
}

export interface KpiInfo {
  id: string;
  title: string;
  /** Kolada's publication date of the KPI's latest outcomes, when it gives one. */
  publicationDate?: string;
  byGender: boolean;
}

/** One year's outcome: total, women (K) and men (M); a value Kolada has as null is left out. */
export interface YearOutcome {
  totalt?: number;
  kvinnor?: number;
  män?: number;
}

const MAX_PAGES = 100;
const record = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** Every item of a list answer, following next_url. */
export async function getAll(url: string, fetcher: Fetcher): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let next: string | undefined = url;
  for (let page = 0; next; page++) {
    if (page >= MAX_PAGES) throw new KoladaError(`Kolada svarade med fler än ${MAX_PAGES} sidor för ${url}.`, 'Hämta färre nyckeltal eller år åt gången.');
    let response: Awaited<ReturnType<Fetcher>>;
    try {
      response = await fetcher(next);
    } catch (err) {
      throw new KoladaError(
        `Kunde inte nå Kolada (${(err as Error).message}).`,
        'Kontrollera internetanslutningen (och proxyinställningen) och försök igen. Den sparade ögonblicksbilden är orörd.',
      );
    }
    if (response.status === 404) return items;
    if (!response.ok) {
      throw new KoladaError(`Kolada svarade med felkod ${response.status} för ${next}.`, 'Försök igen om en stund; vid kod 5xx har Kolada ett tillfälligt fel. Den sparade ögonblicksbilden är orörd.');
    }
    let body: Record<string, unknown>;
    try {
      body = record(await response.json());
    } catch {
      throw new KoladaError(`Koladas svar på ${next} gick inte att läsa som JSON.`, 'Försök igen om en stund. Den sparade ögonblicksbilden är orörd.');
    }
    if (!Array.isArray(body.values)) throw new KoladaError(`Koladas svar på ${next} saknar "values".`, 'Försök igen om en stund; ändrar Kolada sitt API behöver kommunrapport uppdateras.');
    items.push(...body.values.map(record));
    next = typeof body.next_url === 'string' && body.next_url ? body.next_url : undefined;
  }
  return items;
}

/** Metadata of the KPIs; an id Kolada does not know is missing from the map. */
export async function fetchKpis(ids: readonly string[], fetcher: Fetcher): Promise<Map<string, KpiInfo>> {
  const out = new Map<string, KpiInfo>();
  if (ids.length === 0) return out;
  for (const item of await getAll(`${koladaApi()}/kpi?id=${ids.map(encodeURIComponent).join(',')}`, fetcher)) {
    const id = String(item.id ?? '');
    if (!ids.includes(id)) continue;
    const published = typeof item.publication_date === 'string' && item.publication_date ? item.publication_date.slice(0, 10) : undefined;
    out.set(id, { id, title: String(item.title ?? id), ...(published ? { publicationDate: published } : {}), byGender: item.is_divided_by_gender === true || item.is_divided_by_gender === 1 });
  }
  return out;
}

/** The municipality's name, or undefined when Kolada does not know the id. */
export async function fetchMunicipality(id: string, fetcher: Fetcher): Promise<string | undefined> {
  const items = await getAll(`${koladaApi()}/municipality?id=${encodeURIComponent(id)}`, fetcher);
  const hit = items.find((m) => String(m.id) === id);
  return hit ? String(hit.title ?? id) : undefined;
}

const genders: Record<string, keyof YearOutcome> = { T: 'totalt', K: 'kvinnor', M: 'män' };

/** Outcomes of one KPI for a municipality, per year; years without any value are absent. */
export async function fetchOutcomes(kpi: string, municipality: string, years: readonly number[], fetcher: Fetcher): Promise<Map<number, YearOutcome>> {
  const url = `${koladaApi()}/data/kpi/${encodeURIComponent(kpi)}/municipality/${encodeURIComponent(municipality)}/year/${years.join(',')}`;
  const out = new Map<number, YearOutcome>();
  for (const row of await getAll(url, fetcher)) {
    if (String(row.kpi ?? kpi) !== kpi || String(row.municipality ?? municipality) !== municipality) continue;
    const year = Number(row.period);
    if (!years.includes(year)) continue;
    const outcome: YearOutcome = { ...out.get(year) };
    for (const v of Array.isArray(row.values) ? row.values.map(record) : []) {
      const key = genders[String(v.gender)];
      if (key && typeof v.value === 'number' && Number.isFinite(v.value)) outcome[key] = v.value;
    }
    if (Object.keys(outcome).length > 0) out.set(year, outcome);
  }
  return out;
}
