/** The Kolada client against recorded answers, the snapshot it writes, and builds that read only the snapshot. */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fetchKpis, fetchMunicipality, fetchOutcomes, getAll, KoladaError, type Fetcher } from '../../src/sources/kolada/client.ts';
import { fetchKolada } from '../../src/sources/kolada/fetch.ts';
import { SNAPSHOT_FILE } from '../../src/sources/kolada/snapshot.ts';
import { loadAndCompute } from '../../src/model/build-model.ts';
import { Diagnostics, formatDiagnostic } from '../../src/diagnostics.ts';
import { compareReports } from '../../src/diff/compare.ts';
import { contentFolder, PROFILE, plain, section, ARSREDOVISNING_INDEX } from '../helpers/fixture.ts';
import type { Resultatmål } from '../../src/model/types.ts';
import { reviewText } from '../../src/review/text.ts';
import { serializeModelJson } from '../../src/review/json.ts';

const FIXTURES = join('test', 'fixtures', 'kolada');
const API = 'https://api.kolada.se/v3';
const recorded: Record<string, string> = {
  [`${API}/kpi?id=N31816,U21468`]: 'kpi.json',
  [`${API}/kpi?id=U21468`]: 'kpi.json',
  [`${API}/kpi?id=U99999`]: 'empty.json',
  [`${API}/municipality?id=0483`]: 'municipality-0483.json',
  [`${API}/municipality?id=9999`]: 'empty.json',
  [`${API}/data/kpi/U21468/municipality/0483/year/2022,2023,2024`]: 'data-U21468-page1.json',
  [`${API}/data/kpi/U21468/municipality/0483/year/2022,2023,2024?page=2&per_page=2`]: 'data-U21468-page2.json',
  [`${API}/data/kpi/N31816/municipality/0483/year/2022,2023,2024`]: 'data-N31816.json',
};

/** Answers from the recorded files; an unrecorded request fails the test. */
function recordedFetch(requests: string[] = []): Fetcher {
  return async (url) => {
    requests.push(url);
    const file = recorded[url];
    if (!file) throw new Error(`Oinspelad begäran: ${url}`);
    return { ok: true, status: 200, json: async () => JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as unknown };
  };
}

const offline: Fetcher = async () => {
  throw new TypeError('fetch failed: getaddrinfo ENOTFOUND api.kolada.se');
};

describe('Kolada client', () => {
  it('follows next_url through the pages, keeps total and gender, and leaves null values out', async () => {
    const requests: string[] = [];
    const outcomes = await fetchOutcomes('U21468', '0483', [2022, 2023, 2024], recordedFetch(requests));
    expect(requests).toHaveLength(2);
    expect(outcomes.get(2022)).toEqual({ totalt: 88, kvinnor: 90, män: 85 });
    expect(outcomes.get(2023)).toEqual({ totalt: 87 });
    expect(outcomes.get(2024)).toEqual({ totalt: 83.1, kvinnor: 84.6, män: 79.2 });
    const cost = await fetchOutcomes('N31816', '0483', [2022, 2023, 2024], recordedFetch());
    expect([...cost.keys()]).toEqual([2022, 2023]);
  });

  it('reads KPI metadata with publication dates, and knows an unknown KPI or municipality by its absence', async () => {
    const kpis = await fetchKpis(['N31816', 'U21468'], recordedFetch());
    expect(kpis.get('U21468')).toEqual({ id: 'U21468', title: 'Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%)', publicationDate: '2024-10-08', byGender: true });
    expect(kpis.get('N31816')?.byGender).toBe(false);
    expect((await fetchKpis(['U99999'], recordedFetch())).size).toBe(0);
    expect(await fetchMunicipality('0483', recordedFetch())).toBe('Katrineholm');
    expect(await fetchMunicipality('9999', recordedFetch())).toBeUndefined();
  });

  it('turns a network failure, an HTTP error and an unreadable answer into Swedish messages', async () => {
    await expect(getAll(`${API}/kpi?id=U21468`, offline)).rejects.toThrow(/Kunde inte nå Kolada \(fetch failed/);
    const http500: Fetcher = async () => ({ ok: false, status: 503, json: async () => ({}) });
    await expect(getAll(`${API}/kpi?id=U21468`, http500)).rejects.toThrow('Kolada svarade med felkod 503');
    const html: Fetcher = async () => ({ ok: true, status: 200, json: async () => { throw new SyntaxError('Unexpected token <'); } });
    await expect(getAll(`${API}/kpi?id=U21468`, html)).rejects.toBeInstanceOf(KoladaError);
    const noValues: Fetcher = async () => ({ ok: true, status: 200, json: async () => ({ message: 'x' }) });
    await expect(getAll(`${API}/kpi?id=U21468`, noValues)).rejects.toThrow('saknar "values"');
  });
});


const GOALS = section(`rubrik: Resultatmål
data:
  - typ: resultatmål
    id: trygg
    övergripande_mål: Trygg omsorg & vård
    mål:
      - text: Ökad nöjdhet med hemtjänsten
        indikatorer:
          - id: nojdhet
            mått: Brukarbedömning hemtjänst äldreomsorg – helhetssyn, andel (%)
            kolada: U21468
            utfall: { 2024: 85 % }
            målvärden: { 2024: 90 % }
          - id: kostnad
            mått: Nettokostnad äldreomsorg, kr/inv
            kolada: N31816
            riktning: lägre
            målvärden: { 2024: 22000 }`);

function reportFolder(kommunkod = '"0483"', goals = GOALS) {
  const { root, report } = contentFolder({ '01-mal.md': goals }, { index: ARSREDOVISNING_INDEX });
  writeFileSync(join(root, 'kommuner', 'prov', 'kommun.yaml'), `${PROFILE}kommunkod: ${kommunkod}\n`);
  return report;
}

const indicator = (dir: string, id: string) => {
  const d = new Diagnostics();
  const report = loadAndCompute(dir, d);
  const block = report?.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'resultatmål') as Resultatmål | undefined;
  return { report, d, ind: block?.mål.flatMap((m) => m.indikatorer).find((i) => i.id === id) };
};

describe('npm run kolada and the snapshot', () => {
  it('writes the snapshot with the fetch date and publication dates; the build fills in outcomes from it, a typed one wins and is listed', async () => {
    const dir = reportFolder();
    const d = new Diagnostics();
    const result = await fetchKolada(dir, recordedFetch(), '2025-02-10', d);
    expect(d.errors).toEqual([]);
    expect(result.written).toBe(join(dir, SNAPSHOT_FILE));
    const yaml = readFileSync(join(dir, SNAPSHOT_FILE), 'utf8');
    expect(yaml).toContain('hämtad: 2025-02-10');
    expect(yaml).toContain('publicerad: 2024-10-08');
    expect(yaml).toContain('2024: { totalt: 83.1, kvinnor: 84.6, män: 79.2 }');
    expect(yaml).toContain('saknas: [ 2024 ]');
    // A missing value is named, with the indicator and the year.
    expect(d.warnings.map((w) => plain(formatDiagnostic(w))).join('\n')).toContain('Kolada har inget värde för "Nettokostnad äldreomsorg, kr/inv" (N31816) 2024 i Katrineholm');

    const { ind, d: build } = indicator(dir, 'nojdhet');
    expect(ind!.utfall['2022']).toMatchObject({ kind: 'tal', value: 88, unit: '%' });
    expect(ind!.utfall['2023']).toMatchObject({ kind: 'tal', value: 87 });
    // Typed 85 % wins over Kolada's 83,1 %, and is listed for review.
    expect(ind!.utfall['2024']).toMatchObject({ kind: 'tal', value: 85 });
    const notes = build.items.filter((x) => x.severity === 'notering').map((x) => plain(formatDiagnostic(x)));
    expect(notes.some((n) => n.includes('utfallet i innehållet (85 %) gäller i stället för Koladas totalt 83,1 %, kvinnor 84,6 %, män 79,2 % (U21468 i kolada.yaml, hämtad 2025-02-10)') && n.includes('[kolada-åsidosatt]'))).toBe(true);
    // The review text and the model say which outcomes came from the snapshot, and when it was fetched.
    const { report } = indicator(dir, 'nojdhet');
    expect(reviewText(report!)).toContain('Utfall från Kolada: kolada.yaml, hämtad 2025-02-10, 0483 Katrineholm: N31816 2022, 2023; U21468 2022, 2023');
    expect(JSON.parse(serializeModelJson(report!)).rapport.kolada).toEqual({ hämtad: '2025-02-10', kommun: '0483 Katrineholm', utfall: [{ kpi: 'N31816', år: ['2022', '2023'] }, { kpi: 'U21468', år: ['2022', '2023'] }] });
    const cost = indicator(dir, 'kostnad').ind!;
    expect(cost.utfall['2023']).toMatchObject({ kind: 'tal', value: 22410 });
    expect(cost.utfall['2024']).toBeUndefined();
  });

  it('shows a new fetch as changed outcomes in the comparison of two versions', async () => {
    const dir = reportFolder();
    await fetchKolada(dir, recordedFetch(), '2025-02-10', new Diagnostics());
    const before = indicator(dir, 'kostnad').report!;
    writeFileSync(join(dir, SNAPSHOT_FILE), readFileSync(join(dir, SNAPSHOT_FILE), 'utf8').replace('22410', '22510'));
    const after = indicator(dir, 'kostnad').report!;
    const changes = compareReports('rapport', before, after).changes;
    expect(changes.some((c) => c.old?.includes('22') && c.new?.includes('22') && JSON.stringify(c).includes('2023'))).toBe(true);
  });

  it('leaves the snapshot untouched on a network failure, an unknown KPI or an unknown municipality', async () => {
    const dir = reportFolder();
    await fetchKolada(dir, recordedFetch(), '2025-02-10', new Diagnostics());
    const saved = readFileSync(join(dir, SNAPSHOT_FILE));
    const offlineRun = new Diagnostics();
    const r = await fetchKolada(dir, offline, '2025-03-01', offlineRun);
    expect(r.networkFailure).toBe(true);
    expect(offlineRun.errors.map((e) => e.message).join('\n')).toContain('Kunde inte nå Kolada');
    expect(readFileSync(join(dir, SNAPSHOT_FILE))).toEqual(saved);

    const unknownKpi = reportFolder('"0483"', GOALS.replace('kolada: N31816', 'kolada: U99999').replace('kolada: U21468', 'kolada: U99999'));
    const k = new Diagnostics();
    await fetchKolada(unknownKpi, recordedFetch(), '2025-02-10', k);
    expect(k.errors.map((e) => plain(formatDiagnostic(e))).join('\n')).toMatch(/01-mal\.md:\d+:\d+: fel: Kolada känner inte nyckeltalet "U99999"/);
    expect(existsSync(join(unknownKpi, SNAPSHOT_FILE))).toBe(false);

    const unknownTown = reportFolder('"9999"');
    const t = new Diagnostics();
    await fetchKolada(unknownTown, recordedFetch(), '2025-02-10', t);
    expect(t.errors[0]!.message).toBe('Kolada känner inte någon kommun med koden "9999".');
    expect(existsSync(join(unknownTown, SNAPSHOT_FILE))).toBe(false);

    const noCode = reportFolder('"0483"');
    writeFileSync(join(noCode, '..', 'kommuner', 'prov', 'kommun.yaml'), PROFILE);
    const c = new Diagnostics();
    await fetchKolada(noCode, recordedFetch(), '2025-02-10', c);
    expect(c.errors[0]!.message).toContain('saknar "kommunkod"');
  });
});
