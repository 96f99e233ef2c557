/**
 * Issue 14, budget shapes: the sign convention of net cost (nettokostnad_tecken),
 * investment schedules with X, and the budget bridge (ramförändring); model,
 * table views and review text.
 */
import { describe, expect, it } from 'vitest';
import { compute, contentFolder, PROFILE, plain, section, ARSREDOVISNING_INDEX } from '../helpers/fixture.ts';
import { Diagnostics } from '../../src/diagnostics.ts';
import { loadAndCompute } from '../../src/model/build-model.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataBlock, Diagram, Driftredovisning, GenericTable, Internbudget, Investeringsbudget, Ramförändring, Report } from '../../src/model/types.ts';
import { diagramTableView, tableViews, viewContext } from '../../src/render/views/table-view.ts';
import { reviewText } from '../../src/review/text.ts';
import { serializeModelJson } from '../../src/review/json.ts';
import { renderHtml } from '../../src/render/html/render-html.ts';
import { renderDocx } from '../../src/render/docx/render-docx.ts';
import { compareReports } from '../../src/diff/compare.ts';
import { strFromU8, unzipSync } from 'fflate';

/** A report whose profile states `nettokostnad_tecken` (or not). */
function withProfile(sign: 'negativ' | 'positiv' | undefined, files: Record<string, string>, index?: string) {
  const { root, report: dir } = contentFolder(files, index ? { index } : {});
  if (sign) writeFileSync(join(root, 'kommuner', 'prov', 'kommun.yaml'), `${PROFILE}nettokostnad_tecken: ${sign}\n`);
  const diagnostics = new Diagnostics();
  const report = loadAndCompute(dir, diagnostics);
  return { report, errors: diagnostics.errors, warnings: diagnostics.items.filter((d) => d.severity === 'varning'), diagnostics: diagnostics.items };
}

const blocks = (r: Report | undefined): DataBlock[] => r!.sections.flatMap((s) => s.blocks).filter((b): b is DataBlock => 'id' in b && !('level' in b));
const block = <T extends DataBlock>(r: Report | undefined, id: string) => blocks(r).find((b) => b.id === id) as T;

const views = (r: Report | undefined, id: string) => tableViews(block(r, id), viewContext(r!));
const cellTexts = (r: Report | undefined, id: string) => views(r, id)[0]!.body.map((row) => row.cells.map((c) => c.lines.join(' / ')));

// Oxelösund kommunstyrelsen 2022 (seed 002): net cost printed positive, 81 568 = −(103 875 − 185 443).
const KS = (extra = '', netto = '{ namn: Kommunstyrelsen, prognos: 81568, b21: 74611, b22: 79366 }') => `
rubrik: Ekonomi
data:
  - typ: internbudget
    id: ib
    enhet: tkr${extra}
    kolumner:
      - { id: prognos, rubrik: Årsprognos per oktober 2021 }
      - { id: b21, rubrik: Budget 2021 }
      - { id: f, rubrik: Förändring mot budget 2021, förändring: { från: b21, till: b22 } }
      - { id: b22, rubrik: Budget 2022 }
    nettokostnad:
      rader:
        - ${netto}
    intäkter:
      rader:
        - { namn: Kommunstyrelsen, prognos: 103875, b21: 105261, b22: 106479 }
    kostnader:
      rader:
        - { namn: Kommunstyrelsen, prognos: -185443, b21: -179872, b22: -185845 }
  - typ: diagram
    id: ib-diagram
    diagramtyp: budget
    källa: ib
`;

describe('nettokostnad_tecken: positiv', () => {
  it('checks net cost as −(intäkter + kostnader) when the profile says positiv, and records it on the block', () => {
    const { report, errors } = withProfile('positiv', { '01-ekonomi.md': section(KS()) });
    expect(errors).toEqual([]);
    const ib = block<Internbudget>(report, 'ib');
    expect(ib.tecken).toBe('positiv');
    const netto = ib.parts.find((p) => p.kind === 'nettokostnad')!;
    expect(netto.rows[0]!.values.prognos).toEqual({ value: 81568, computed: false });
    expect(netto.rows[0]!.values.f).toEqual({ value: 4755, computed: true });
    expect(netto.summa.values.b22).toEqual({ value: 79366, computed: true });
    expect(serializeModelJson(report!)).toContain('"tecken": "positiv"');
  });

  it('the same figures are wrong under the default convention, and the hint names both conventions', () => {
    const { errors } = withProfile(undefined, { '01-ekonomi.md': section(KS()) });
    expect(errors.map((e) => e.code)).toEqual(['netto-stämmer-inte', 'netto-stämmer-inte', 'netto-stämmer-inte']);
    expect(plain(errors[0]!.message)).toBe('Raden "Kommunstyrelsen", kolumn "Årsprognos per oktober 2021": angivet 81 568 men intäkter + kostnader för samma verksamhet blir −81 568 (skillnad 163 136).');
    expect(plain(errors[0]!.hint!)).toContain('Tabellen räknar nettokostnad = intäkter + kostnader enligt nettokostnad_tecken: negativ.');
    expect(plain(errors[0]!.hint!)).toContain('omvänt tecken');
    expect(plain(errors[0]!.hint!)).toContain('"nettokostnad_tecken: positiv"');
  });

  it('a block overrides the profile, both ways', () => {
    const positive = withProfile(undefined, { '01-ekonomi.md': section(KS('\n    nettokostnad_tecken: positiv')) });
    expect(positive.errors).toEqual([]);
    expect(block<Internbudget>(positive.report, 'ib').tecken).toBe('positiv');
    const negative = withProfile('positiv', {
      '01-ekonomi.md': section(KS('\n    nettokostnad_tecken: negativ', '{ namn: Kommunstyrelsen, prognos: -81568, b21: -74611, b22: -79366 }')),
    });
    expect(negative.errors).toEqual([]);
    expect(block<Internbudget>(negative.report, 'ib').tecken).toBe('negativ');
  });

  it('reports a mismatch under positiv with the formula and the convention', () => {
    const { errors } = withProfile('positiv', { '01-ekonomi.md': section(KS('', '{ namn: Kommunstyrelsen, prognos: 81568, b21: 74611, b22: 79367 }')) });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('netto-stämmer-inte');
    expect(plain(errors[0]!.message)).toBe('Raden "Kommunstyrelsen", kolumn "Budget 2022": angivet 79 367 men −(intäkter + kostnader) för samma verksamhet blir 79 366 (skillnad 1).');
    expect(plain(errors[0]!.hint!)).toContain('nettokostnad = −(intäkter + kostnader) enligt nettokostnad_tecken: positiv');
    expect(errors[0]!.field).toBe('data[0].nettokostnad.rader[0].b22');
  });

  it('computes an omitted nettokostnad as −(intäkter + kostnader), sums included', () => {
    const { report, errors } = withProfile('positiv', {
      '01-ekonomi.md': section(`
rubrik: Ekonomi
data:
  - typ: internbudget
    id: ib
    enhet: tkr
    kolumner: [{ id: b22, rubrik: Budget 2022 }]
    intäkter:
      rader:
        - { namn: Fastigheter, b22: 55053 }
        - { namn: Räddningstjänst }
    kostnader:
      rader:
        - { namn: Fastigheter, b22: -57138 }
        - { namn: Räddningstjänst, b22: -9405 }
`),
    });
    expect(errors).toEqual([]);
    const netto = block<Internbudget>(report, 'ib').parts[0]!;
    expect(netto.kind).toBe('nettokostnad');
    expect(netto.rows.map((r) => r.values.b22!.value)).toEqual([2085, 9405]);
    expect(netto.summa.values.b22).toEqual({ value: 11490, computed: true });
    // Printed as the block says: positive, no minus sign.
    expect(cellTexts(report, 'ib')[1]!.map(plain)).toEqual(['Fastigheter', '2 085']);
  });

  it('an mnkr table with positive net cost: the chart and its data table show the figures as the table does', () => {
    const { report, errors } = withProfile('positiv', {
      '01-ekonomi.md': section(`
rubrik: Ekonomi
data:
  - typ: internbudget
    id: ib
    enhet: mnkr
    kolumner: [{ id: b24, rubrik: Budget 2024 }, { id: b25, rubrik: Budget 2025 }]
    nettokostnad:
      rader:
        - { namn: Utbildning, b24: 812.4, b25: 835.1 }
        - { namn: Vård och omsorg, b24: 1020.5, b25: 1047.0 }
  - typ: diagram
    id: d
    diagramtyp: budget
    källa: ib
`),
    });
    expect(errors).toEqual([]);
    const d = block<Diagram>(report, 'd');
    expect(d.serier.map((s) => s.värden)).toEqual([[812.4, 1020.5], [835.1, 1047]]);
    expect(d.summa!.värden).toEqual([1832.9, 1882.1]);
    const table = diagramTableView(d, viewContext(report!));
    const texts = table.body.flatMap((r) => r.cells.flatMap((c) => c.lines));
    expect(texts.join(' ')).not.toMatch(/[−-]\d/);
    expect(plain(d.alt)).toContain('Störst: Vård och omsorg 1 047,0 mnkr');
    expect(plain(d.alt)).not.toMatch(/[−-]\d/);
  });

  it('a tabell with belopp columns records the resolved convention; one without belopp columns warns about the key', () => {
    const { report, warnings } = withProfile('positiv', {
      '01-t.md': section(`
rubrik: Tabeller
data:
  - typ: tabell
    id: med
    rubrik: Nettokostnad per år
    enhet: tkr
    kolumner: [Verksamhet, { rubrik: "2022", typ: belopp }]
    rader: [[Kommunstyrelsen, 79366]]
  - typ: tabell
    id: utan
    rubrik: Volymer
    nettokostnad_tecken: negativ
    kolumner: [Mått, { rubrik: Antal, typ: tal }]
    rader: [[Platser, 12]]
`),
    });
    expect(block<GenericTable>(report, 'med').tecken).toBe('positiv');
    expect(block<GenericTable>(report, 'utan').tecken).toBeUndefined();
    expect(warnings.map((w) => w.code)).toEqual(['tecken-utan-belopp']);
  });

  it('refuses an unknown convention with the valid ones', () => {
    const { errors } = withProfile(undefined, { '01-ekonomi.md': section(KS('\n    nettokostnad_tecken: positivt')) });
    expect(errors[0]!.code).toBe('ogiltigt-värde');
    expect(errors[0]!.message).toContain('Menade du "positiv"?');
  });
});

describe('driftredovisning with nettokostnad_tecken', () => {
  const drift = (sign: string, rows: string) =>
    compute(
      {
        '01-ekonomi.md': section(`
rubrik: Ekonomisk ställning
data:
  - typ: driftredovisning
    id: drift
    enhet: tkr${sign ? `\n    nettokostnad_tecken: ${sign}` : ''}
    rader:
${rows}
  - typ: diagram
    id: drift-diagram
    diagramtyp: driftredovisning
    källa: drift
`),
      },
      {
        index: ARSREDOVISNING_INDEX,
      },
    );

  it('positiv: costs positive, avvikelse = budget − utfall (positive still favourable)', () => {
    const { report, errors } = drift(
      'positiv',
      `      - { verksamhet: Förvaltningsgemensamt, föregående_år: 17013, utfall: 20790, budget: 29814, avvikelse: 9024 }
      - { verksamhet: Äldreomsorg, föregående_år: 400000, utfall: 420761, budget: 415000 }`,
    );
    expect(errors).toEqual([]);
    const b = block<Driftredovisning>(report, 'drift');
    expect(b.tecken).toBe('positiv');
    expect(b.rows[1]!.values.avvikelse).toEqual({ value: -5761, computed: true });
    expect(b.summa.values.avvikelse).toEqual({ value: 3263, computed: true });
    expect(b.summa.values.utfall.value).toBe(441551);
    // The chart draws the costs as the table prints them: positive, no minus added.
    const d = block<Diagram>(report, 'drift-diagram');
    expect(d.serier[0]!.värden).toEqual([29814, 415000]);
    expect(d.serier[1]!.värden).toEqual([20790, 420761]);
    expect(d.serier[2]!.värden).toEqual([9024, -5761]);
    expect(d.summa!.värden).toEqual([444814, 441551, 3263]);
  });

  it('positiv: a stated avvikelse of utfall − budget is reported, naming the convention', () => {
    const { errors } = drift('positiv', `      - { verksamhet: Äldreomsorg, utfall: 420761, budget: 415000, avvikelse: 5761 }`);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('summa-stämmer-inte');
    expect(plain(errors[0]!.message)).toContain('angivet 5 761 men budget − utfall (nettokostnad_tecken: positiv, kostnader positiva) ger −5 761');
  });

  it('negativ (default): avvikelse = utfall − budget as before', () => {
    const { report, errors } = drift('', `      - { verksamhet: Äldreomsorg, utfall: -420761, budget: -415000, avvikelse: -5761 }`);
    expect(errors).toEqual([]);
    expect(block<Driftredovisning>(report, 'drift').tecken).toBe('negativ');
  });
});

// ---------------------------------------------------------------- investeringsbudget with X

const SCHEDULE = (totalt: string, extra = '') => `
rubrik: Investeringar
data:
  - typ: investeringsbudget
    id: inv
    rubrik: Investeringsbudget
    enhet: tkr
    kolumner: [{ id: a, rubrik: Mål & budget 2022 }, { id: b, rubrik: Mål & budget 2023 }, { id: c, rubrik: Mål & budget 2024 }]
    kategorier:
      - namn: Kommunstyrelsen
        projekt:
          - { namn: Stjärnholm Stallet takrenovering, a: X }
          - { namn: Fastigheter och planerat underhåll, a: X, b: x, c: X }
          - { namn: IT - Automatisering av verksamhetsprocess, b: X, c: "X" }${extra}
    totalt: ${totalt}
`;

describe('investeringsbudget with X (planned, no amount)', () => {
  it('keeps X as planned and marks a stated total over columns without amounts as stated-only', () => {
    const { report, errors, diagnostics } = compute({ '01-inv.md': section(SCHEDULE('{ rubrik: Totalt Kommunstyrelsen, a: 91000, b: "79 050", c: 13750 }')) });
    expect(errors).toEqual([]);
    expect(diagnostics.filter((d) => d.severity === 'varning')).toEqual([]);
    const inv = block<Investeringsbudget>(report, 'inv');
    expect(inv.categories[0]!.projects[1]!.values.b).toEqual({ value: null, computed: false, planned: true });
    expect(inv.categories[0]!.projects[0]!.values.b).toEqual({ value: null, computed: false });
    expect(inv.totalt.values.a).toEqual({ value: 91000, computed: false, check: 'stated-only' });
    expect(serializeModelJson(report!)).toContain('"check": "stated-only"');

    const view = views(report, 'inv')[0]!;
    const stall = view.body[1]!.cells;
    expect(stall.map((c) => c.lines[0])).toEqual(['Stjärnholm Stallet takrenovering', 'X', '', '']);
    expect(stall[1]!.meaning).toBe('Planerad');
    expect(view.body.at(-1)!.cells.map((c) => plain(c.lines[0]!))).toEqual(['Totalt Kommunstyrelsen', '91 000', '79 050', '13 750']);
    expect(plain(view.note!)).toBe(
      'X: investeringen är planerad det året, utan eget belopp i tabellen. Totalt Kommunstyrelsen för Mål & budget 2022, Mål & budget 2023 och Mål & budget 2024 är angivna i underlaget och kan inte kontrolleras mot projekten, som saknar belopp.',
    );

    const text = reviewText(report!);
    expect(text).toContain('inv | Kommunstyrelsen › Stjärnholm Stallet takrenovering | Mål & budget 2022: X (planerad)');
    expect(text).toContain('inv | Totalt Kommunstyrelsen (summa) | Mål & budget 2022: 91 000 (angiven, kan inte kontrolleras)');
    expect(text).toContain('inv | not: X: investeringen är planerad');

    const html = renderHtml(report!);
    expect(html).toContain('<abbr title="Planerad">X</abbr>');
    expect(html).toContain('kan inte kontrolleras mot projekten');
  });

  it('a mixed column (amounts and X) keeps the stated total, marked partial, with a warning', () => {
    const { report, errors, diagnostics } = compute({
      '01-inv.md': section(SCHEDULE('{ a: 91000, b: 79050, c: 13750 }', '\n          - { namn: Ny förskola köksutrustning, a: 1500 }')),
    });
    expect(errors).toEqual([]);
    const warnings = diagnostics.filter((d) => d.severity === 'varning');
    expect(warnings.map((w) => w.code)).toEqual(['summa-delvis-kontrollerad']);
    expect(plain(warnings[0]!.message)).toBe(
      'Raden "Totalt", kolumn "Mål & budget 2022": totalen 91 000 kan bara delvis kontrolleras, eftersom 2 projekt är markerade X utan belopp. Projekten med belopp summerar till 1 500; resten, 89 500, faller på projekten med X.',
    );
    expect(warnings[0]!.field).toBe('data[0].totalt.a');
    const inv = block<Investeringsbudget>(report, 'inv');
    expect(inv.totalt.values.a).toEqual({ value: 91000, computed: false, check: 'partial' });
    expect(inv.totalt.values.b!.check).toBe('stated-only');
    expect(plain(views(report, 'inv')[0]!.note!)).toContain('Totalt för Mål & budget 2022 kan bara delvis kontrolleras');
  });

  it('a mixed column without a stated total stays blank with a warning; a column of X only without a total stays blank quietly', () => {
    const { report, errors, diagnostics } = compute({ '01-inv.md': section(SCHEDULE('{ b: 79050 }', '\n          - { namn: Köksutrustning, a: 1500 }')) });
    expect(errors).toEqual([]);
    const warnings = diagnostics.filter((d) => d.severity === 'varning');
    expect(warnings.map((w) => w.code)).toEqual(['summa-kan-inte-räknas']);
    expect(warnings[0]!.message).toContain('kolumn "Mål & budget 2022"');
    const inv = block<Investeringsbudget>(report, 'inv');
    expect(inv.totalt.values.a).toEqual({ value: null, computed: false });
    expect(inv.totalt.values.c).toEqual({ value: null, computed: false });
  });

  it('still checks a column with amounts only, next to X columns', () => {
    const { errors } = compute({
      '01-inv.md': section(`
rubrik: Investeringar
data:
  - typ: investeringsbudget
    id: inv
    enhet: tkr
    kolumner: [{ id: a, rubrik: "2024" }, { id: b, rubrik: "2025" }]
    kategorier:
      - namn: IT
        projekt:
          - { namn: Sensorer, a: 100, b: X }
          - { namn: E-tjänster, a: 200 }
    totalt: { a: 301, b: 500 }
`),
    });
    expect(errors.map((e) => e.code)).toEqual(['summa-stämmer-inte']);
    expect(errors[0]!.field).toBe('data[0].totalt.a');
  });

  it('category sums are blank where a project of the category has an X', () => {
    const { report } = compute({ '01-inv.md': section(SCHEDULE('{ a: 91000 }').replace('enhet: tkr', 'enhet: tkr\n    kategorisummor: true')) });
    const inv = block<Investeringsbudget>(report, 'inv');
    expect(inv.categories[0]!.summa!.a).toEqual({ value: null, computed: false });
  });

  it('refuses a cell that is neither an amount, X nor blank', () => {
    const { errors } = compute({ '01-inv.md': section(SCHEDULE('{ a: 91000 }').replace('a: X }', 'a: Ja }')) });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe('Förväntade ett belopp, X (planerad utan eget belopp) eller en tom cell (fick texten "Ja")');
    expect(errors[0]!.hint).toContain('X för en planerad investering');
    expect(errors[0]!.field).toBe('data[0].kategorier[0].projekt[0].a');
  });
});

// ---------------------------------------------------------------- ramförändring

const BRIDGE = (rows: string, extra = '') => ({
  '01-ram.md': section(`
rubrik: Ekonomi
data:
  - typ: ramförändring
    id: ram
    rubrik: Från budget 2021 till ram 2022
    enhet: tkr${extra}
    rader:
${rows}
`),
});

describe('ramförändring', () => {
  it('checks a stated utgående ram against the ingående ram + justeringar', () => {
    const { report, errors } = compute(
      BRIDGE(`      - { ingående: Budget 2021, belopp: 74611 }
      - { justering: Löneökning, belopp: 1200 }
      - { justering: Kapitaltjänst, belopp: 3555 }
      - { utgående: Ram 2022, belopp: 79366 }`),
    );
    expect(errors).toEqual([]);
    const ram = block<Ramförändring>(report, 'ram');
    expect(ram.rows.map((r) => [r.kind, r.text, r.values.belopp])).toEqual([
      ['ingående', 'Budget 2021', { value: 74611, computed: false }],
      ['justering', 'Löneökning', { value: 1200, computed: false }],
      ['justering', 'Kapitaltjänst', { value: 3555, computed: false }],
      ['utgående', 'Ram 2022', { value: 79366, computed: false }],
    ]);
  });

  it('computes an omitted utgående ram, and reports a stated one that does not add up', () => {
    const ok = compute(BRIDGE(`      - { ingående: Budget 2021, belopp: 74611 }\n      - { justering: Löneökning, belopp: 1200 }\n      - { utgående: Ram 2022 }`));
    expect(ok.errors).toEqual([]);
    expect(block<Ramförändring>(ok.report, 'ram').rows[2]!.values.belopp).toEqual({ value: 75811, computed: true });

    const bad = compute(BRIDGE(`      - { ingående: Budget 2021, belopp: 74611 }\n      - { justering: Löneökning, belopp: 1200 }\n      - { justering: Kapitaltjänst, belopp: 3555 }\n      - { utgående: Ram 2022, belopp: 79367 }`));
    expect(bad.errors).toHaveLength(1);
    expect(bad.errors[0]!.code).toBe('summa-stämmer-inte');
    expect(plain(bad.errors[0]!.message)).toBe('Den utgående ramen "Ram 2022", kolumn "Belopp": angivet 79 367 men "Budget 2021" + de 2 justeringarna blir 79 366 (skillnad 1).');
    expect(bad.errors[0]!.hint).toContain('Rätta det felaktiga värdet');
    expect(bad.errors[0]!.field).toBe('data[0].rader[3].belopp');
    expect(bad.errors[0]!.line).toBe(12);
  });

  it('runs several steps: each utgående ram is the base of the next, the stated one even when it is wrong', () => {
    // The chain 100 + 10 = 110 → −20 = 90 → +5 = 95.
    const fixed = compute(
      BRIDGE(`      - { ingående: Budget 2021, belopp: 100 }
      - { justering: Uppräkning, belopp: 10 }
      - { utgående: Ram 2022 }
      - { justering: Effektivisering, belopp: -20 }
      - { utgående: Ram 2023 }
      - { justering: Ny verksamhet, belopp: 5 }
      - { utgående: Ram 2024, belopp: 95 }`),
    );
    expect(fixed.errors).toEqual([]);
    expect(block<Ramförändring>(fixed.report, 'ram').rows.filter((r) => r.kind === 'utgående').map((r) => r.values.belopp!.value)).toEqual([110, 90, 95]);
    // A stated (wrong) 111 is carried on: 111 − 20 = 91 → the next step is checked from 91, so only the first error is reported.
    const carried = compute(
      BRIDGE(`      - { ingående: Budget 2021, belopp: 100 }
      - { justering: Uppräkning, belopp: 10 }
      - { utgående: Ram 2022, belopp: 111 }
      - { justering: Effektivisering, belopp: -20 }
      - { utgående: Ram 2023, belopp: 91 }`),
    );
    expect(carried.errors.map((e) => e.field)).toEqual(['data[0].rader[2].belopp']);
  });

  it('takes several amount columns keyed by column id', () => {
    const { errors } = compute(
      BRIDGE(
        `      - { ingående: Befintlig budget, b25: 348937, b26: 348937 }
      - { justering: Lönekompensation, b25: 9200, b26: 9200 }
      - { justering: Demografi, b25: 4100, b26: 8300 }
      - { utgående: Ny ram, b25: 362237, b26: 366438 }`,
        `\n    kolumner: [{ id: b25, rubrik: Budget 2025 }, { id: b26, rubrik: Plan 2026 }]`,
      ),
    );
    expect(errors.map((e) => [e.code, e.field])).toEqual([['summa-stämmer-inte', 'data[0].rader[3].b26']]);
    const ram = compute(
      BRIDGE(
        `      - { ingående: Befintlig budget, b25: 348937, b26: 348937 }
      - { justering: Demografi, b25: 4100 }
      - { utgående: Ny ram }`,
        `\n    kolumner: [{ id: b25, rubrik: Budget 2025 }, { id: b26, rubrik: Plan 2026 }]`,
      ),
    );
    expect(ram.errors).toEqual([]);
    const b = block<Ramförändring>(ram.report, 'ram');
    expect(b.kolumner).toBe(true);
    expect(b.rows[2]!.values).toEqual({ b25: { value: 353037, computed: true }, b26: { value: 348937, computed: true } });
  });

  it('reports rows that do not make a bridge', () => {
    const cases: [string, string[]][] = [
      [`      - { justering: Löneökning, belopp: 1200 }\n      - { utgående: Ram 2022 }`, ['ingående-saknas', 'ingående-saknas']],
      [`      - { ingående: Budget 2021, belopp: 1 }\n      - { justering: Löneökning, belopp: 1200 }`, ['utgående-saknas']],
      [`      - { ingående: Budget 2021 }\n      - { utgående: Ram 2022 }`, ['belopp-saknas']],
      [`      - { ingående: Budget 2021, belopp: 1 }\n      - { justering: A, utgående: B, belopp: 2 }\n      - { utgående: Ram }`, ['rad-typ']],
      [`      - { ingående: Budget 2021, belopp: 1 }\n      - { belopp: 2 }\n      - { utgående: Ram }`, ['fält-saknas']],
      [`      - { ingående: Budget 2021, belopp: 1 }\n      - { utgående: Ram 2022 }\n      - { ingående: Budget 2022, belopp: 2 }\n      - { utgående: Ram 2023 }`, ['ingående-mitt-i']],
      [`      - { ingående: Budget 2021, belop: 1 }\n      - { utgående: Ram }`, ['okänd-kolumn']],
    ];
    for (const [rows, codes] of cases) expect(compute(BRIDGE(rows)).errors.map((e) => e.code), rows).toEqual(codes);
    const typo = compute(BRIDGE(`      - { ingående: Budget 2021, belop: 1 }\n      - { utgående: Ram }`)).errors[0]!;
    expect(typo.message).toBe('Okänd nyckel "belop". Menade du "belopp"?');
  });

  it('is shown as a table: ingående as a subtotal-style row, utgående as a total-style row; in the review text and HTML', () => {
    const { report } = compute(BRIDGE(`      - { ingående: Budget 2021, belopp: 74611 }\n      - { justering: Löneökning, belopp: -1200 }\n      - { utgående: Ram 2022 }`, '\n    not: Beslutad av kommunfullmäktige.'));
    const view = views(report, 'ram')[0]!;
    expect(view.caption).toBe('Från budget 2021 till ram 2022 (tkr)');
    expect(view.head[0]!.map((h) => h.text)).toEqual(['Ram och justeringar', 'Belopp (tkr)']);
    expect(view.body.map((r) => r.kind)).toEqual(['subtotal', 'data', 'total']);
    expect(view.body.map((r) => plain(r.cells.map((c) => c.lines.join('')).join(' | ')))).toEqual(['Budget 2021 | 74 611', 'Löneökning | −1 200', 'Ram 2022 | 73 411']);
    expect(view.note).toBe('Beslutad av kommunfullmäktige.');
    const text = reviewText(report!);
    expect(text).toContain('-- tabell ram: Från budget 2021 till ram 2022 (tkr)');
    expect(text).toContain('ram | Budget 2021 (delsumma) | Belopp (tkr): 74 611');
    expect(text).toContain('ram | Ram 2022 (summa) | Belopp (tkr): 73 411');
    const html = renderHtml(report!);
    expect(html).toContain('class="block block-ramforandring"');
    expect(html).toContain('<tr class="total"><th scope="row" class="left">Ram 2022</th>');
  });

  it('with kolumner: a heading per column, as the internbudget', () => {
    const { report } = compute(
      BRIDGE(`      - { ingående: Befintlig budget, b25: 100, b26: 100 }\n      - { utgående: Ny ram }`, `\n    kolumner: [{ id: b25, rubrik: Budget 2025 }, { id: b26, rubrik: Plan 2026 }]`),
    );
    const view = views(report, 'ram')[0]!;
    expect(view.head[0]!.map((h) => h.text)).toEqual(['(Tkr)', 'Budget 2025', 'Plan 2026']);
  });
});

describe('the sign convention and the new shapes in the review text, the diff and DOCX', () => {
  it('the review text names a positiv convention; the diff reports a changed one once', () => {
    const positive = withProfile('positiv', { '01-ekonomi.md': section(KS()) }).report!;
    expect(reviewText(positive)).toContain('ib | tecken: nettokostnad = −(intäkter + kostnader), nettokostnaden positiv (nettokostnad_tecken: positiv)');
    // The same table under the default convention: net cost printed negative, and no convention line.
    const { report: flipped, errors } = withProfile(undefined, { '01-ekonomi.md': section(KS('', '{ namn: Kommunstyrelsen, prognos: -81568, b21: -74611, b22: -79366 }')) });
    expect(errors).toEqual([]);
    expect(reviewText(flipped!)).not.toContain('| tecken:');
    const diff = compareReports('r', flipped!, positive);
    const sign = diff.changes.filter((c) => c.subject === 'Tecken för nettokostnad');
    expect(sign).toHaveLength(1);
    expect(sign[0]!.old).toBe('standard (nettokostnad_tecken: negativ)');
    expect(diff.changes.some((c) => c.subject === 'NETTOKOSTNAD › Kommunstyrelsen' && c.what === 'Budget 2022' && plain(c.old!) === '−79 366' && plain(c.new!) === '79 366')).toBe(true);
  });

  it('the diff compares a ramförändring row by row', () => {
    const rows = (löner: number) => BRIDGE(`      - { ingående: Budget 2021, belopp: 74611 }\n      - { justering: Löneökning, belopp: ${löner} }\n      - { utgående: Ram 2022 }`);
    const diff = compareReports('r', compute(rows(1200)).report!, compute(rows(1500)).report!);
    expect(diff.changes.map((c) => [c.subject, c.what, plain(c.old ?? ''), plain(c.new ?? '')])).toEqual([
      ['Löneökning', 'Belopp (tkr)', '1 200', '1 500'],
      ['Ram 2022', 'Belopp (tkr)', '75 811', '76 111'],
    ]);
  });

  it('DOCX prints the X, the note under the schedule and the bridge', async () => {
    const { report } = compute({
      ...BRIDGE(`      - { ingående: Budget 2021, belopp: 74611 }\n      - { justering: Löneökning, belopp: 1200 }\n      - { utgående: Ram 2022 }`),
      '02-inv.md': section(SCHEDULE('{ rubrik: Totalt Kommunstyrelsen, a: 91000, b: 79050, c: 13750 }')),
    });
    const xml = strFromU8(unzipSync(await renderDocx(report!))['word/document.xml']!);
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
    expect(texts).toContain('X');
    expect(texts).toContain('Ram 2022');
    expect(plain(texts.join(''))).toContain('75 811');
    expect(plain(texts.join(''))).toContain('kan inte kontrolleras mot projekten');
  });
});
