/** Comparing two versions of a report through the model: every kind of change is found, and nothing when nothing changed. */
import { describe, expect, it } from 'vitest';
import { compute, section, UPPFOLJNING_INDEX } from '../helpers/fixture.ts';
import { compareReports } from '../../src/diff/compare.ts';
import { compareTable } from '../../src/diff/compare-tables.ts';
import { resolveSide } from '../../src/diff/sides.ts';
import type { TableSnapshot } from '../../src/review/snapshot.ts';
import { matchItems } from '../../src/diff/match.ts';
import { figureDifference } from '../../src/diff/words.ts';
import { comparisonText, wordsText } from '../../src/diff/render-text.ts';
import { comparisonHtml } from '../../src/diff/andringsrapport.ts';
import type { Change, Comparison } from '../../src/diff/types.ts';
import type { Report } from '../../src/model/types.ts';

const INDEX = UPPFOLJNING_INDEX;

/** The base version; `edit` pairs change it into the next version. */
const GOALS = section(
  `
rubrik: Mål och volymer
data:
  - typ: tabell
    id: volymer
    rubrik: Volymer
    kolumner: [Verksamhet, { rubrik: Antal 2024, typ: tal }, { rubrik: Andel, typ: procent, decimaler: 1 }]
    rader:
      - [Hemtjänst, 412, 61.5]
      - [Särskilt boende, 188, 38.5]
  - typ: målområde
    id: aldre
    namn: Trygg ålderdom
    kf_mål:
      - text: Äldre känner sig trygga i sitt boende och i sin vardag
        nämndmål:
          - text: Nöjdheten med hemtjänsten ska öka under året
            indikatorer:
              - { mått: Nöjdhet hemtjänst, utfall: { 2023: 84, 2024: 88 }, målvärden: { 2024: 90 } }
              - { mått: Nöjdhet särskilt boende, utfall: { 2023: 80, 2024: 80.5 }, målvärden: { 2024: 80 } }
          - text: Kontinuiteten i hemtjänsten förbättras
            indikatorer:
              - { mått: Antal personal på 14 dagar, riktning: lägre, utfall: { 2023: 16, 2024: 14 }, målvärden: { 2024: 15 } }
      - text: Fler äldre deltar i föreningslivet
        nämndmål:
          - text: Träffpunkterna har öppet alla vardagar
            indikatorer:
              - { mått: Antal öppna dagar per vecka, målvärden: { 2024: 5 } }
`,
  `
Förvaltningen har under året arbetat med kontinuiteten i hemtjänsten och med nöjdheten bland brukarna.

## Framåt

Arbetet fortsätter nästa år med fler träffpunkter.
`,
);

function version(edits: [string, string][] = []): Report {
  let text = GOALS;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`"${from}" finns inte i testinnehållet`);
    text = text.replace(from, to);
  }
  const { report, errors } = compute({ '01-mal.md': text }, { index: INDEX });
  expect(errors).toEqual([]);
  return report!;
}

function changes(edits: [string, string][]): Change[] {
  const diff = compareReports('rapport', version(), version(edits));
  return diff.changes;
}

const plain = (s: string | undefined) => s?.replace(/\u00a0/g, ' ');

describe('comparing two versions', () => {
  it('finds nothing when the same input is loaded twice', () => {
    const diff = compareReports('rapport', version(), version());
    expect(diff.state).toBe('oförändrad');
    expect(diff.changes).toEqual([]);
  });

  it('finds a changed figure by table, row and column, with the difference in Swedish', () => {
    const found = changes([['[Särskilt boende, 188, 38.5]', '[Särskilt boende, 1193, 38.5]']]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ group: 'siffror', where: ['Mål och volymer', 'Volymer'], subject: 'Särskilt boende', what: 'Antal 2024' });
    expect(plain(found[0]!.old)).toBe('188');
    expect(plain(found[0]!.new)).toBe('1 193');
    expect(plain(found[0]!.difference)).toBe('+1 005');
  });

  it('gives a change of a percentage in procentenheter', () => {
    const found = changes([['[Hemtjänst, 412, 61.5]', '[Hemtjänst, 412, 59.0]']]);
    expect(found.map((c) => [c.what, plain(c.old), plain(c.new), plain(c.difference)])).toEqual([['Andel', '61,5 %', '59,0 %', '−2,5 procentenheter']]);
  });

  it('lists a table row added and one removed', () => {
    const found = changes([['      - [Särskilt boende, 188, 38.5]', '      - [Korttidsvård, 12, 38.5]']]);
    expect(found.map((c) => [c.subject, c.what])).toEqual([
      ['Korttidsvård', 'Rad tillagd'],
      ['Särskilt boende', 'Rad borttagen'],
    ]);
  });

  it('finds a changed target of an indicator', () => {
    const found = changes([['{ mått: Antal öppna dagar per vecka, målvärden: { 2024: 5 } }', '{ mått: Antal öppna dagar per vecka, målvärden: { 2024: 4 } }']]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ group: 'målvärden', subject: 'Indikator ”Antal öppna dagar per vecka”', what: 'Målvärde 2024', old: '5', new: '4', difference: '−1' });
    expect(found[0]!.where).toEqual(['Målområde: Trygg ålderdom', 'KF-mål ”Fler äldre deltar i föreningslivet”', 'Nämndmål ”Träffpunkterna har öppet alla vardagar”']);
  });

  it('finds a changed outcome and the assessment and trend that follow from it, as words', () => {
    const found = changes([['utfall: { 2023: 16, 2024: 14 }', 'utfall: { 2023: 16, 2024: 18 }']]);
    const byWhat = Object.fromEntries(found.filter((c) => c.subject.startsWith('Indikator')).map((c) => [c.what, [c.group, c.old, c.new]]));
    expect(byWhat['Utfall 2024']).toEqual(['utfall', '14', '18']);
    expect(byWhat['Bedömning']).toEqual(['bedömningar', 'Uppfyllt', 'Ej uppfyllt']);
    expect(byWhat['Trend']).toEqual(['bedömningar', 'Bättre', 'Sämre']);
    // The nämndmål's rolled-up assessment follows.
    expect(found.find((c) => c.subject === 'Nämndmål ”Kontinuiteten i hemtjänsten förbättras”' && c.what === 'Bedömning')).toMatchObject({ old: 'Uppfyllt', new: 'Ej uppfyllt' });
  });

  it('finds an assessment the nämnd sets instead of the computed one, with its motivering, among the assessments', () => {
    const found = changes([['{ mått: Nöjdhet hemtjänst, utfall: { 2023: 84, 2024: 88 }, målvärden: { 2024: 90 } }', '{ mått: Nöjdhet hemtjänst, utfall: { 2023: 84, 2024: 88 }, målvärden: { 2024: 90 }, bedömning: { status: uppfyllt, motivering: Skillnaden mot målvärdet är inom felmarginalen. } }']]);
    const indicator = found.filter((c) => c.subject === 'Indikator ”Nöjdhet hemtjänst”');
    expect(indicator.map((c) => [c.group, c.what, c.old, c.new])).toEqual([
      ['bedömningar', 'Bedömning', 'Delvis uppfyllt', 'Uppfyllt'],
      ['bedömningar', 'Motivering till bedömningen', '–', 'Skillnaden mot målvärdet är inom felmarginalen.'],
    ]);
  });

  it('shows a reworded goal without an id as changed text, not removed and added', () => {
    const found = changes([['text: Nöjdheten med hemtjänsten ska öka under året', 'text: Nöjdheten med hemtjänsten ska öka under 2024']]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ group: 'mål', what: 'Ändrad text', old: 'Nöjdheten med hemtjänsten ska öka under året', new: 'Nöjdheten med hemtjänsten ska öka under 2024' });
    expect(wordsText(found[0]!.words!)).toBe('Nöjdheten med hemtjänsten ska öka under [-året-]{+2024+}');
  });

  it('matches a rewritten goal at the same place by its indicators', () => {
    const found = changes([['text: Kontinuiteten i hemtjänsten förbättras', 'text: Brukarna möter färre olika personal']]);
    expect(found.map((c) => c.what)).toEqual(['Ändrad text']);
  });

  it('finds an indicator moved to another nämndmål by its id, as moved', () => {
    const sabo = '              - { mått: Nöjdhet särskilt boende, utfall: { 2023: 80, 2024: 80.5 }, målvärden: { 2024: 80 } }\n';
    const personal = '              - { mått: Antal personal på 14 dagar, riktning: lägre, utfall: { 2023: 16, 2024: 14 }, målvärden: { 2024: 15 } }\n';
    const found = changes([
      [sabo, ''],
      [personal, personal + sabo],
    ]);
    expect(found.filter((c) => c.group === 'mål').map((c) => [c.subject, c.what, c.old, c.new])).toEqual([
      ['Indikator ”Nöjdhet särskilt boende”', 'Flyttad', 'Under Nämndmål ”Nöjdheten med hemtjänsten ska öka under året”', 'Under Nämndmål ”Kontinuiteten i hemtjänsten förbättras”'],
    ]);
  });

  it('never pairs two different ids given by the author', () => {
    const pairs = matchItems([{ id: 'a', stated: true, text: 'Samma text' }], [{ id: 'b', stated: true, text: 'Samma text' }]);
    expect(pairs).toEqual([]);
    expect(matchItems([{ id: 'a', stated: false, text: 'Samma text' }], [{ id: 'b', stated: true, text: 'Samma text!' }])).toEqual([[0, 0]]);
  });

  it('lists goals added and removed, with what went with them', () => {
    const found = changes([
      ['      - text: Fler äldre deltar i föreningslivet', '      - id: foreningsliv\n        text: Fler äldre deltar i föreningslivet'],
      ['          - text: Träffpunkterna har öppet alla vardagar', '          - text: Träffpunkterna har öppet alla vardagar\n            indikatorer: []\n          - text: Alla träffpunkter erbjuder lunch'],
      ['            indikatorer:\n              - { mått: Antal öppna dagar per vecka, målvärden: { 2024: 5 } }', ''],
    ]);
    expect(found.map((c) => [c.subject, c.what])).toEqual([
      ['Nämndmål ”Alla träffpunkter erbjuder lunch”', 'Tillagt'],
      ['Indikator ”Antal öppna dagar per vecka”', 'Borttagen'],
    ]);
  });

  it('lists a removed KF-mål once, with its nämndmål and indicators', () => {
    const found = changes([['      - text: Fler äldre deltar i föreningslivet\n        nämndmål:\n          - text: Träffpunkterna har öppet alla vardagar\n            indikatorer:\n              - { mått: Antal öppna dagar per vecka, målvärden: { 2024: 5 } }\n', '']]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ group: 'mål', what: 'Borttaget', subject: 'KF-mål ”Fler äldre deltar i föreningslivet”' });
    expect(found[0]!.old).toBe('Fler äldre deltar i föreningslivet (med 1 nämndmål, 1 indikator)');
  });

  it('finds an indicator added', () => {
    const found = changes([['              - { mått: Antal öppna dagar per vecka, målvärden: { 2024: 5 } }', '              - { mått: Antal öppna dagar per vecka, målvärden: { 2024: 5 } }\n              - { mått: Antal besökare per dag, målvärden: { 2024: 40 } }']]);
    expect(found.map((c) => [c.subject, c.what, c.new])).toEqual([['Indikator ”Antal besökare per dag”', 'Tillagd', 'Antal besökare per dag']]);
  });

  it('finds a changed paragraph word by word, under its heading', () => {
    const found = changes([['Arbetet fortsätter nästa år med fler träffpunkter.', 'Arbetet fortsätter 2025 med fler träffpunkter och längre öppettider.']]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ group: 'text', where: ['Mål och volymer', 'Framåt'], subject: 'Stycke 1', what: 'Ändrad text' });
    expect(wordsText(found[0]!.words!)).toBe('Arbetet fortsätter [-nästa år-]{+2025+} med fler träffpunkter {+och längre öppettider+}.');
  });

  it('lists a chart added, with its alt text, once', () => {
    const found = changes([
      ['{ mått: Nöjdhet hemtjänst,', '{ id: nojdhet-hemtjanst, mått: Nöjdhet hemtjänst,'],
      ['  - typ: målområde\n', '  - typ: diagram\n    id: nojdhet-diagram\n    diagramtyp: indikator\n    källa: aldre\n    indikator: nojdhet-hemtjanst\n  - typ: målområde\n'],
    ]);
    expect(found.map((c) => [c.group, c.what])).toEqual([['siffror', 'Diagram tillagt']]);
    expect(found[0]!.new).toMatch(/^Stapeldiagram|Nöjdhet hemtjänst/);
  });

  it('lists a paragraph added and a heading removed', () => {
    const found = changes([['## Framåt\n', 'Ett nytt stycke om något helt annat, till exempel lokalerna.\n']]);
    expect(found.map((c) => [c.what, c.new ?? c.old])).toEqual([
      ['Tillagt', 'Ett nytt stycke om något helt annat, till exempel lokalerna.'],
      ['Borttagen', '## Framåt'],
    ]);
  });
});

describe('comparing one table', () => {
  const table = (omhändertagande: string): TableSnapshot => ({
    blockId: 'fokus',
    id: 'fokus',
    caption: 'Fokusområden',
    role: 'siffror',
    columns: ['Fokusområde', 'Nämndens omhändertagande'],
    rows: [{ label: 'Kompetensförsörjning', labelColumns: 1, kind: 'data', cells: ['Kompetensförsörjning', omhändertagande], figures: [undefined, undefined] }],
  });

  it('compares a long text cell word by word', () => {
    const found = compareTable(table('Nämnden tar fram en plan för kompetensförsörjning under våren.'), table('Nämnden tar fram en plan för kompetensförsörjning under hösten.'), ['Fokus'], { minus: '\u2212' });
    expect(found.map((c) => [c.subject, c.what, c.difference])).toEqual([['Kompetensförsörjning', 'Nämndens omhändertagande', undefined]]);
    expect(wordsText(found[0]!.words!)).toBe('Nämnden tar fram en plan för kompetensförsörjning under [-våren-]{+hösten+}.');
  });
});

describe('the ändringsrapport', () => {
  const comparison = (): Comparison => ({
    oldLabel: 'HEAD~1',
    newLabel: 'HEAD',
    reports: [compareReports('rapport', version(), version([['utfall: { 2023: 16, 2024: 14 }', 'utfall: { 2023: 16, 2024: 18 }'], ['nästa år', '2025']]))],
    notCompared: [],
  });

  it('reads as Swedish text in the terminal, grouped by kind and place', () => {
    const text = comparisonText(comparison());
    expect(text).toContain('Ändringar från HEAD~1 till HEAD');
    expect(text).toContain('■ Uppföljning 2024 (rapport): ändrad');
    expect(text).toContain('  Ändrade bedömningar, trender och status (');
    expect(text).toContain('      Indikator ”Antal personal på 14 dagar” · Bedömning: Uppfyllt → Ej uppfyllt');
    expect(text).toContain('      Indikator ”Antal personal på 14 dagar” · Utfall 2024: 14 → 18 (+4)');
    expect(text).toContain('[-nästa år-]{+2025+}');
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^Ändringar i 1 av 1 rapport \(utfall och ingångsvärden: 1; bedömningar, trender och status: \d+; text: 1\)\.$/);
  });

  it('says so when nothing changed', () => {
    const text = comparisonText({ oldLabel: 'a', newLabel: 'b', reports: [compareReports('rapport', version(), version())], notCompared: [] });
    expect(text).toContain('■ Uppföljning 2024 (rapport): inga ändringar');
    expect(text.trimEnd().split('\n').at(-1)).toBe('Inga ändringar (1 rapport jämförd).');
  });

  it('is an accessible HTML page: Swedish, titled, with real table headers and marked words', () => {
    const html = comparisonHtml(comparison());
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
    expect(html).toContain('<title>Ändringsrapport: Uppföljning 2024</title>');
    expect(html).toContain('<th scope="col">Före</th><th scope="col">Efter</th>');
    expect(html).toContain('<tr class="plats"><th scope="rowgroup" colspan="4">Målområde: Trygg ålderdom › KF-mål ”Äldre känner sig trygga i sitt boende och i sin…” › Nämndmål ”Kontinuiteten i hemtjänsten förbättras”</th></tr>');
    expect(html).toContain('<tr><th scope="row">Indikator ”Antal personal på 14 dagar”</th><td>Bedömning</td><td>Uppfyllt</td><td>Ej uppfyllt</td></tr>');
    expect(html).toContain('<tr><th scope="row">Indikator ”Antal personal på 14 dagar”</th><td>Utfall 2024</td><td class="tal">14</td><td class="tal">18</td><td class="tal">+4</td></tr>');
    expect(html).toContain('<del>nästa år</del>');
    expect(html).toContain('<ins>2025</ins>');
  });

  it('escapes what the authors wrote', () => {
    const c = comparison();
    c.reports[0]!.changes[0]!.subject = '<script>alert(1)</script>';
    expect(comparisonHtml(c)).not.toContain('<script>alert');
  });
});

describe('differences between figures', () => {
  it("subtracts the model's numbers in their printed decimals, only within one unit", () => {
    const format = { minus: '\u2212' as const };
    expect(plain(figureDifference({ value: -1020, decimals: 0 }, { value: -1100, decimals: 0 }, format))).toBe('−80');
    expect(plain(figureDifference({ value: 89.88, decimals: 2 }, { value: 90, decimals: 0 }, format))).toBe('+0,12');
    expect(figureDifference({ value: 45, decimals: 0, unit: '%' }, { value: 46, decimals: 0, unit: '%' }, format)).toBe('+1 procentenhet');
    expect(figureDifference({ value: 0.1, decimals: 1 }, { value: 0.3, decimals: 1 }, format)).toBe('+0,2');
    expect(figureDifference({ value: 7, decimals: 0 }, { value: 7, decimals: 0 }, format)).toBe('±0');
    expect(figureDifference({ value: 45, decimals: 0, unit: '%' }, { value: 46, decimals: 0 }, format)).toBeUndefined();
    expect(figureDifference({ value: 45, decimals: 0, unit: 'tkr' }, { value: 46, decimals: 1, unit: 'mnkr' }, format)).toBeUndefined();
    expect(figureDifference(undefined, { value: 46, decimals: 0 }, format)).toBeUndefined();
  });

  it('gives the difference of a figure printed with its period or words, which the text alone could not', () => {
    const indicator = '{ mått: Nöjdhet hemtjänst, utfall: { 2023: 84, 2024: 88 }, målvärden: { 2024: 90 } }';
    const written = (baseline: string, target: string) => version([[indicator, `{ mått: Nöjdhet hemtjänst, ingångsvärde: "${baseline}", utfall: { 2023: 84, 2024: 88 }, målvärden: { 2024: "${target}" } }`]]);
    const later = compareReports('rapport', written('35 731 (jan–okt 2023)', 'Betyg 3,4 av 6'), written('36 012 (jan–okt 2023)', 'Betyg 3,6 av 6')).changes;
    expect(later.map((c) => [c.what, plain(c.old), plain(c.new), plain(c.difference)])).toEqual([
      ['Ingångsvärde', '35 731 (jan–okt 2023)', '36 012 (jan–okt 2023)', '+281'],
      ['Målvärde 2024', 'Betyg 3,4 av 6', 'Betyg 3,6 av 6', '+0,2'],
    ]);
  });
});

describe('the versions to compare', () => {
  it('says so when git is missing, instead of blaming the folder', () => {
    const path = process.env.PATH;
    process.env.PATH = '/finns-inte';
    try {
      expect(() => resolveSide('HEAD~1', 'content')).toThrow('"HEAD~1" är ingen mapp, och git finns inte på datorn för att läsa den som en version. Installera git, eller jämför två mappar.');
    } finally {
      process.env.PATH = path;
    }
  });

  it('takes an existing folder as a folder, and a report folder with its content folder', () => {
    const folder = resolveSide('content', 'content');
    expect(folder).toMatchObject({ label: 'content', contentDir: expect.stringMatching(/content$/) });
    expect(folder.report).toBeUndefined();
    expect(resolveSide('content/oxelosund-von-verksamhetsplan-2024-2026', 'content')).toMatchObject({ contentDir: expect.stringMatching(/content$/), report: 'oxelosund-von-verksamhetsplan-2024-2026' });
  });
});
