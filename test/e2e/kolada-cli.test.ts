/**
 * npm run kolada as a whole process, against a local server that answers with
 * the recorded Kolada responses (KOMMUNRAPPORT_KOLADA_API points at it): the
 * snapshot is written, a second fetch with a changed answer lists the changed
 * outcome, and an unreachable API leaves the snapshot as it was (exit code 6).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kommunrapport } from '../helpers/kommunrapport.ts';
import { createServer, type Server } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { contentFolder, PROFILE, section, ARSREDOVISNING_INDEX } from '../helpers/fixture.ts';

const FIXTURES = join('test', 'fixtures', 'kolada');
const routes: Record<string, string> = {
  '/v3/kpi?id=U21468': 'kpi.json',
  '/v3/municipality?id=0483': 'municipality-0483.json',
  '/v3/data/kpi/U21468/municipality/0483/year/2022,2023,2024': 'data-U21468-page1.json',
  '/v3/data/kpi/U21468/municipality/0483/year/2022,2023,2024?page=2&per_page=2': 'data-U21468-page2.json',
};
let server: Server;
let base: string;
let change = (body: string) => body;

beforeAll(async () => {
  server = createServer((req, res) => {
    const file = routes[req.url ?? ''];
    if (!file) {
      res.writeHead(404).end('{}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(change(readFileSync(join(FIXTURES, file), 'utf8').replaceAll('https://api.kolada.se/v3', base)));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

async function kolada(content: string, api: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = await kommunrapport(['kolada', '--content', content], { env: { KOMMUNRAPPORT_KOLADA_API: api } });
  return { code: run.code ?? -1, stdout: run.stdout, stderr: run.stderr };
}

describe('kommunrapport kolada (npm run kolada)', () => {
  it('writes kolada.yaml, lists changed outcomes on a new fetch, and leaves the file untouched when Kolada cannot be reached', async () => {
    const { root, report } = contentFolder(
      {
        '01-mal.md': section(`rubrik: Mål
data:
  - typ: resultatmål
    id: trygg
    övergripande_mål: Trygg omsorg & vård
    mål:
      - text: Ökad nöjdhet med hemtjänsten
        indikatorer:
          - { mått: Nöjdhet med hemtjänsten, kolada: U21468, målvärden: { 2024: 90 % } }`),
      },
      { index: ARSREDOVISNING_INDEX },
    );
    writeFileSync(join(root, 'kommuner', 'prov', 'kommun.yaml'), `${PROFILE}kommunkod: "0483"\n`);
    const first = await kolada(root, base);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('✓ rapport: 1 nyckeltal →');
    const snapshot = readFileSync(join(report, 'kolada.yaml'), 'utf8');
    expect(snapshot).toContain('2024: { totalt: 83.1, kvinnor: 84.6, män: 79.2 }');

    change = (body) => body.replace('"value": 83.1', '"value": 84.0');
    const second = await kolada(root, base);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('(ändrade utfall: U21468 2024)');
    const refreshed = readFileSync(join(report, 'kolada.yaml'));

    const offline = await kolada(root, 'http://127.0.0.1:1/v3');
    expect(offline.code).toBe(6);
    expect(offline.stderr).toContain('Kunde inte nå Kolada');
    expect(offline.stdout).toContain('✗ rapport: inget skrevs; den tidigare ögonblicksbilden är orörd');
    expect(readFileSync(join(report, 'kolada.yaml'))).toEqual(refreshed);
  }, 120_000);
});
