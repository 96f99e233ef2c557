/** The review text (<id>.granskning.txt) and the model as JSON (<id>.modell.json). */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compute, contentFolder, section, UPPFOLJNING_INDEX } from '../helpers/fixture.ts';
import { Diagnostics } from '../../src/diagnostics.ts';
import { loadAndCompute } from '../../src/model/build-model.ts';
import { reviewText } from '../../src/review/text.ts';
import { MODEL_SCHEMA_VERSION, serializeModelJson, type ModelJson } from '../../src/review/json.ts';
import { snapshot } from '../../src/review/snapshot.ts';
import type { DataBlock, Report } from '../../src/model/types.ts';

const INDEX = `${UPPFOLJNING_INDEX}Ett kort förord.\n`;

const SECTION = section(
  `
rubrik: Mål och volymer
data:
  - typ: tabell
    id: volymer
    rubrik: Volymer
    kolumner: [Verksamhet, { rubrik: Antal 2024, typ: tal }, { rubrik: Andel, typ: procent, decimaler: 1 }]
    rader:
      - [Hemtjänst, 1412, 61.5]
      - [Särskilt boende, 188, null]
    summarad: Summa
  - typ: målområde
    id: aldre
    namn: Trygg ålderdom
    kf_mål:
      - text: Äldre känner sig trygga
        nämndmål:
          - id: nojdhet
            text: Nöjdheten med hemtjänsten ökar
            indikatorer:
              - { mått: Nöjdhet hemtjänst, kolada: U21468, utfall: { 2023: 84, 2024: 88 }, målvärden: { 2024: 90 } }
              - { mått: Nöjdhet särskilt boende, utfall: { 2023: 80, 2024: 80.5 }, målvärden: { 2024: 80 } }
`,
  `
Förvaltningen har **arbetat** med [nöjdheten](https://www.kolada.se) under året.

![Organisationsschema för förvaltningen](schema.png)

- Första punkten
- Andra punkten
`,
);

// A 1 × 1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function load(): Report {
  const { report: dir } = contentFolder({ '01-mal.md': SECTION }, { index: INDEX });
  writeFileSync(join(dir, 'schema.png'), PNG);
  const diagnostics = new Diagnostics();
  const report = loadAndCompute(dir, diagnostics);
  expect(diagnostics.errors).toEqual([]);
  return report!;
}

describe('the review text', () => {
  const text = reviewText(load());
  const lines = text.split('\n');

  it('is the same for the same input, with plain spaces and a final newline', () => {
    expect(reviewText(load())).toBe(text);
    expect(text).not.toMatch(/\u00a0/);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toMatch(/[ \t]+\n/);
  });

  it('starts with the report facts', () => {
    expect(lines[0]).toBe('# Uppföljning 2024');
    expect(lines).toContain('Nämnd: Vård- och omsorgsnämnden');
    expect(lines).toContain('Status: UTKAST 2025-02-20, ej antagen');
  });

  it('writes one line per table row, each with its label and column headings', () => {
    expect(lines).toContain('volymer | kolumner: Verksamhet | Antal 2024 | Andel');
    expect(lines).toContain('volymer | Hemtjänst | Antal 2024: 1 412 | Andel: 61,5 %');
    expect(lines).toContain('volymer | Särskilt boende | Antal 2024: 188');
    expect(lines).toContain('volymer | Summa (summa) | Antal 2024: 1 600');
  });

  it('fills in cells spanning several rows, and gives assessments and trends as words', () => {
    const row = lines.find((l) => l.startsWith('aldre-måltabell | Äldre känner sig trygga › Nöjdheten med hemtjänsten ökar › Nöjdhet särskilt boende | Utfall 2023: 80 |'));
    expect(row, lines.filter((l) => l.startsWith('aldre-måltabell')).join('\n')).toBeDefined();
    expect(row).toContain('Bedömning: Uppfyllt');
    expect(row).toContain('Trend: Oförändrad');
    expect(lines).toContain(
      'aldre-måltabell | Äldre känner sig trygga › Nöjdheten med hemtjänsten ökar › Nöjdhet hemtjänst (Kolada U21468) | Utfall 2023: 84 | Utfall 2024: 88 | Trend: Bättre | Målvärde 2024: 90 | Bedömning: Delvis uppfyllt',
    );
  });

  it('lists the goals with ids, targets, outcomes and assessments', () => {
    expect(lines).toContain('-- mål aldre: Målområde: Trygg ålderdom');
    expect(lines).toContain('KF-mål [kf-aldre-kanner-sig-trygga]: Äldre känner sig trygga | Bedömning: Delvis uppfyllt');
    expect(lines).toContain('  Nämndmål [nojdhet]: Nöjdheten med hemtjänsten ökar | Bedömning: Delvis uppfyllt');
    expect(lines).toContain('    Indikator [ind-nojdhet-hemtjanst]: Nöjdhet hemtjänst | Kolada: U21468 | Riktning: Högre är bättre | Målvärde 2024: 90 | Utfall 2023: 84 | Utfall 2024: 88 | Trend: Bättre | Bedömning: Delvis uppfyllt');
  });

  it('writes prose one paragraph per line, links with their address, images by fingerprint', () => {
    expect(lines).toContain('== Förord [förord]');
    expect(lines).toContain('Ett kort förord.');
    expect(lines).toContain('Förvaltningen har arbetat med nöjdheten <https://www.kolada.se> under året.');
    expect(lines).toContain('• Första punkten');
    expect(lines.find((l) => l.startsWith('[Bild: Organisationsschema för förvaltningen'))).toMatch(/^\[Bild: Organisationsschema för förvaltningen \(image\/png, 1×1 px, sha256 [0-9a-f]{12}\)\]$/);
  });
});

describe('the model as JSON', () => {
  const json = serializeModelJson(load());
  const parsed = JSON.parse(json) as ModelJson;

  it('is the same for the same input', () => {
    expect(serializeModelJson(load())).toBe(json);
  });

  it('carries its schema version first and the computed figures', () => {
    expect(json.startsWith(`{\n  "schemaVersion": ${MODEL_SCHEMA_VERSION},\n  "generator": "kommunrapport",\n  "rapport": {`)).toBe(true);
    const table = parsed.rapport.sections[0]!.blocks.find((b) => b.kind === 'tabell') as { summa: { cells: { kind: string; value?: number }[] } };
    expect(table.summa.cells[1]).toEqual({ kind: 'tal', value: 1600 });
  });

  it('describes images and the logo without their bytes', () => {
    const image = parsed.rapport.sections[0]!.blocks.find((b) => b.kind === 'image');
    expect(image).toEqual({ kind: 'image', alt: 'Organisationsschema för förvaltningen', mime: 'image/png', width: 1, height: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(parsed.rapport.profile.logotyp).toEqual({ mime: 'image/svg+xml', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(json).not.toContain('logotypSvg');
    expect(json).not.toContain('"data"');
  });

  it('writes keys in alphabetical order', () => {
    const keys = Object.keys(parsed.rapport);
    expect(keys).toEqual([...keys].sort());
    const meta = Object.keys(parsed.rapport.meta);
    expect(meta).toEqual([...meta].sort());
  });
});

describe('ids', () => {
  it("are marked as the author's own or derived from the text by the model, which assigns them", () => {
    const { report, errors } = compute({
      '01-mal.md': section(`
rubrik: Mål
data:
  - typ: målområde
    id: aldre
    namn: Trygg ålderdom
    kf_mål:
      - id: kf-aldre-kanner-sig-trygga
        text: Äldre känner sig trygga
        nämndmål:
          - text: Nöjdheten ökar
            indikatorer:
              - { id: nojdhet, mått: Nöjdhet hemtjänst, målvärden: { 2024: 90 } }
              - { mått: Nöjdhet särskilt boende, målvärden: { 2024: 80 } }
          - text: Egen mätning
            målvärden: { 2024: 5 }
  - typ: uppdrag
    id: uppdragen
    uppdrag:
      - { text: Utreda nattpatrull, ansvariga: [VON], status: påbörjad }
      - { id: u-2, text: Införa larm, ansvariga: [VON], status: klar }
`),
    });
    expect(errors).toEqual([]);
    const blocks = report!.sections[0]!.blocks;
    const område = blocks.find((b) => 'kind' in b && b.kind === 'målområde') as Extract<DataBlock, { kind: 'målområde' }>;
    const kf = område.kfMål[0]!;
    // Written by the author, even though it reads like the derived form.
    expect([kf.id, kf.idAngivet]).toEqual(['kf-aldre-kanner-sig-trygga', true]);
    const [nm, own] = kf.nämndmål;
    expect([nm!.id, nm!.idAngivet]).toEqual(['nm-nojdheten-okar', false]);
    expect(nm!.indikatorer.map((i) => [i.id, i.idAngivet])).toEqual([
      ['nojdhet', true],
      ['ind-nojdhet-sarskilt-boende', false],
    ]);
    // A goal that is its own measure: the indicator's id follows the goal's text.
    expect(own!.indikatorer.map((i) => i.idAngivet)).toEqual([false]);
    const uppdrag = blocks.find((b) => 'kind' in b && b.kind === 'uppdrag') as Extract<DataBlock, { kind: 'uppdrag' }>;
    expect(uppdrag.items.map((u) => u.idAngivet)).toEqual([false, true]);
    // The comparison reads the model's word for it.
    const nodes = snapshot(report!).sections[0]!.items.flatMap((i) => (i.kind === 'goals' ? i.goals.nodes : []));
    expect(nodes[0]!.statedId).toBe(true);
    expect(nodes[0]!.children.map((c) => c.statedId)).toEqual([false, false]);
  });
});
