import { describe, expect, it } from 'vitest';
import { compute, plain, section } from '../helpers/fixture.ts';
import type { Bedömningar, Driftredovisning, Indikatortabell, Investeringsredovisning, Personalnyckeltal, Resultatmål, Uppdrag } from '../../src/model/types.ts';
import { tableViews, viewContext } from '../../src/render/views/table-view.ts';

const INDEX = `---
typ: årsredovisning
kommun: prov
nämnd: Provnämnden
titel: Årsredovisning 2024
undertitel: Uppföljningsrapport Provnämnden
period: 2024
status: antagen
antagen: { organ: Provnämnden, datum: 2025-02-27, paragraf: 22 }
---
`;

function build(data: string) {
  const result = compute({ '01-ar.md': section(`rubrik: Årsredovisning\ndata:\n${data}`) }, { index: INDEX });
  const blocks = result.report?.sections[0]?.blocks ?? [];
  const notes = result.diagnostics.filter((d) => d.severity === 'notering');
  return { ...result, blocks, notes };
}

// The figures of Katrineholm's vård- och omsorgsnämnd, årsredovisning 2024.
const DRIFT = `
  - typ: driftredovisning
    id: drift
    enhet: tkr
    rader:
      - { verksamhet: Förvaltningsgemensamt, föregående_år: -17013, utfall: -20790, budget: -29814 }
      - { verksamhet: Förvaltningskontor, föregående_år: -228762, utfall: -235172, budget: -234029 }
      - { verksamhet: Funktionsstöd, föregående_år: -232833, utfall: -255840, budget: -253584 }
      - { verksamhet: Hälsa- och sjukvård, föregående_år: -80359, utfall: -81171, budget: -80857 }
      - { verksamhet: Äldreomsorg, föregående_år: -308457, utfall: -314902, budget: -309142 }`;

describe('driftredovisning', () => {
  it('computes avvikelse = utfall − budget per row and the Summa row', () => {
    const { blocks, errors } = build(DRIFT);
    expect(errors).toEqual([]);
    const d = blocks[0] as Driftredovisning;
    expect(d.rows.map((r) => r.values.avvikelse.value)).toEqual([9024, -1143, -2256, -314, -5760]);
    expect(d.rows[0]!.values.avvikelse.computed).toBe(true);
    expect(d.summa.rubrik).toBe('Summa');
    expect(d.summa.values.föregående_år.value).toBe(-867424);
    expect(d.summa.values.utfall.value).toBe(-907875);
    expect(d.summa.values.budget.value).toBe(-907426);
    expect(d.summa.values.avvikelse.value).toBe(-449);
  });

  it('keeps a stated avvikelse that differs only by rounding, and lists it for reviewers', () => {
    const { blocks, errors, notes } = build(`${DRIFT.replace('budget: -309142 }', 'budget: -309142, avvikelse: -5761 }')}
    summa: { föregående_år: -867424, utfall: -907875, budget: -907426, avvikelse: -450 }`);
    expect(errors).toEqual([]);
    const d = blocks[0] as Driftredovisning;
    expect(d.rows[4]!.values.avvikelse).toEqual({ value: -5761, computed: false });
    expect(d.summa.values.avvikelse.value).toBe(-450);
    expect(notes.map((n) => n.code)).toEqual(['avrundning']);
    expect(plain(notes[0]!.message)).toContain('Raden "Äldreomsorg", kolumn "Avvikelse 2024": angivet −5 761, utfall − budget ger −5 760 (skillnad −1)');
  });

  it('refuses a stated figure that is off by more than rounding, naming row, column and both values', () => {
    const { errors } = build(`${DRIFT}
    summa: { utfall: -907775 }`);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.field).toBe('data[0].summa.utfall');
    expect(plain(errors[0]!.message)).toBe('Raden "Summa", kolumn "Utfall 2024": angivet −907 775 men raderna summerar till −907 875 (skillnad 100).');
    expect(errors[0]!.line).toBeGreaterThan(1);
  });

  it('prints headings from the report year and the Summa row as a total', () => {
    const { report, blocks } = build(DRIFT);
    const [view] = tableViews(blocks[0] as Driftredovisning, viewContext(report!));
    expect(view!.head[0]!.map((h) => h.text)).toEqual(['Verksamhetsområde', 'Utfall 2023', 'Utfall 2024', 'Budget 2024', 'Avvikelse 2024']);
    expect(view!.body.at(-1)!.kind).toBe('total');
    expect(plain(view!.body.at(-1)!.cells.map((c) => c.lines[0]).join(' | '))).toBe('Summa | −867 424 | −907 875 | −907 426 | −449');
  });
});

describe('investeringsredovisning', () => {
const INV = `
  - typ: investeringsredovisning
    id: inv
    enhet: tkr
    projekt:
      - { nummer: 770022, namn: Inventarier Norrgläntan, utfall: 583, budget: 3089, färdigställs: 2025/12 }
      - { nummer: 770023, namn: Inventarier brukarmiljö, utfall: 738, budget: 1300, kvar: 562, färdigställs: 2024/12 }
      - { nummer: 770026, namn: Furuliden, utfall: 4616, budget: 7034, färdigställs: 2025/12 }
    summa: { utfall: 5937, budget: 11423, kvar: 5486 }`;

  it('computes kvar = budget − utfall and checks the stated Summa', () => {
    const { blocks, errors } = build(INV);
    expect(errors).toEqual([]);
    const inv = blocks[0] as Investeringsredovisning;
    expect(inv.projects.map((p) => p.values.kvar.value)).toEqual([2506, 562, 2418]);
    expect(inv.summa.values.kvar).toEqual({ value: 5486, computed: false });
    expect(inv.projects[0]!.färdigställs).toBe('2025/12');
  });

  it('refuses a kvar that does not follow from budget and utfall', () => {
    const { errors } = build(INV.replace('kvar: 562', 'kvar: 662'));
    expect(errors.map((e) => plain(e.message))).toContain('Projektet "770023 Inventarier brukarmiljö", kolumn "Kvar av årets budget": angivet 662 men budget − utfall ger 562 (skillnad 100).');
  });
});

describe('personalnyckeltal', () => {
const STAFF = `
  - typ: personalnyckeltal
    id: personal
    år: [2024, 2023]
    rader:
      - mått: Årsarbetare, antal omräknade heltider
        mätdatum: 1/1–31/12
        enhet: årsarbetare
        värden:
          2024: { totalt: 1332.5, kvinnor: 1061.7, män: 270.8 }
          2023: { totalt: 1296.7, kvinnor: 1044.1, män: 252.6 }
      - mått: Månadsanställda, antal
        mätdatum: 30 nov
        enhet: antal
        värden:
          2024: { totalt: 1231, kvinnor: 1012, män: 219 }
          2023: { totalt: 1230, kvinnor: 1003, män: 224 }
      - mått: Lönekostnader som andel av verksamhetskostnaderna (%)
        mätdatum: 1/1–31/12
        enhet: procent
        värden: { 2024: "63,3 %", 2023: "60,1 %" }`;

  it('parses figures, keeps typed decimals and notes a total that is not kvinnor + män', () => {
    const { report, blocks, errors, notes } = build(STAFF);
    expect(errors).toEqual([]);
    const p = blocks[0] as Personalnyckeltal;
    expect(p.rows[0]!.decimaler).toBe(1);
    expect(p.rows[2]!.värden['2024']!.totalt).toEqual({ value: 63.3, percent: true });
    expect(notes).toHaveLength(1);
    expect(plain(notes[0]!.message)).toBe('"Månadsanställda, antal" 2023: kvinnor 1 003 + män 224 = 1 227, men totalt anges till 1 230 (skillnad 3).');
    const [view] = tableViews(p, viewContext(report!));
    expect(view!.head[0]!.map((h) => h.text)).toEqual(['Nyckeltal', 'Mätdatum', 'Totalt 2024', 'Kvinnor 2024', 'Män 2024', 'Totalt 2023', 'Kvinnor 2023', 'Män 2023']);
    expect(plain(view!.body[0]!.cells.map((c) => c.lines[0]).join('|'))).toBe('Årsarbetare, antal omräknade heltider|1/1–31/12|1 332,5|1 061,7|270,8|1 296,7|1 044,1|252,6');
    expect(plain(view!.body[2]!.cells.map((c) => c.lines[0]).join('|'))).toBe('Lönekostnader som andel av verksamhetskostnaderna (%)|1/1–31/12|63,3 %|||60,1 %||');
  });

  it('refuses a value for a year the table does not show', () => {
    const { errors } = build(STAFF.replace('2023: "60,1 %"', '2022: "60,1 %"'));
    expect(errors[0]!.message).toContain('har ett värde för 2022, men tabellens "år" är 2024, 2023');
  });
});

const GOALS = `
  - typ: resultatmål
    id: trygg-omsorg
    övergripande_mål: Trygg omsorg & vård
    mål:
      - id: hemtjanst
        text: Ökad nöjdhet med hemtjänsten
        huvudansvar: VON
        medansvariga: [STN]
        agenda2030: [3]
        kommentar: [Fast omsorgskontakt är införd.]
        indikatorer:
          - mått: Brukarbedömning hemtjänst äldreomsorg – helhetssyn, andel (%)
            kolada: U21468
            publicering: v. 40
            utfall: { 2022: 88 %, 2023: 87 %, 2024: 83 % }
            målvärden: { 2024: 90 % }
      - id: aktiviteter
        text: Ökade förutsättningar för aktiviteter för brukare inom vård och omsorg
        indikatorer:
          - mått: Nöjda med aktiviteterna på särskilt boende, andel (%)
            utfall: { 2022: 67 %, 2023: 62 %, 2024: 67 % }
            målvärden: { 2024: 70 % }
          - mått: Möjlighet att komma utomhus, andel (%)
            utfall: { 2022: 64 %, 2023: 69 %, 2024: 71 % }
            målvärden: { 2024: 67 % }
      - id: funktionsstod
        text: Ökad nöjdhet med verksamheterna inom området funktionsstöd
        indikatorer:
          - mått: Brukarbedömning gruppbostad LSS, andel (%)
            utfall: { 2023: 80 % }
            målvärden: { 2024: 88 % }
  - typ: resultatmål
    id: arbetsliv
    övergripande_mål: Hållbart arbetsliv & effektiv organisation
    mål:
      - text: God tillgänglighet till service och bra bemötande i kontakt med kommunen
        indikatorer:
          - mått: Bra bemötande vid kontakt med tjänsteperson, andel (%)
            utfall: { 2023: "81,6 %", 2024: "84,3 %" }
            målvärden: { 2024: 89 % }
            trend: { värde: oförändrad, motivering: Förändringen jämfört med föregående år är inte statistiskt säkerställd. }
          - mått: Sjukfrånvaro totalt (%)
            riktning: lägre
            utfall: { 2022: "8,5 %", 2023: "8,5 %", 2024: "8,2 %" }
            målvärden: { 2024: 6 % }
  - typ: bedömningar
    id: antal
    nivå: resultatmål
  - typ: indikatortabell
    id: indikatorer`;

const KATRINEHOLM = `namn: Provkommun
logotyp: logotyp.svg
färger: { primär: "#00507A", sekundär: "#00766C" }
bedömning: { regel: kvot, grön: 100, gul: 95, senaste_utfall: true }
`;

describe('resultatmål under Katrineholm-style rules', () => {
  function goals() {
    const { report: _r, ...rest } = build(GOALS);
    return rest;
  }
  it('assesses each indicator against the riktvärde and rolls up per resultatmål', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { contentFolder } = await import('../helpers/fixture.ts');
    const { Diagnostics } = await import('../../src/diagnostics.ts');
    const { loadAndCompute } = await import('../../src/model/build-model.ts');
    const { root, report: dir } = contentFolder({ '01-ar.md': section(`rubrik: Bilaga\ndata:\n${GOALS}`) }, { index: INDEX });
    writeFileSync(join(root, 'kommuner', 'prov', 'kommun.yaml'), KATRINEHOLM);
    const diagnostics = new Diagnostics();
    const report = loadAndCompute(dir, diagnostics)!;
    expect(diagnostics.errors).toEqual([]);
    const [omsorg, arbetsliv, antal, tabell] = report.sections[0]!.blocks as [Resultatmål, Resultatmål, Bedömningar, Indikatortabell];

    const status = (r: Resultatmål, g: number, i: number) => r.mål[g]!.indikatorer[i]!.bedömning?.status;
    const trend = (r: Resultatmål, g: number, i: number) => r.mål[g]!.indikatorer[i]!.trend?.trend;
    // 83 of 90 = 92 %: red; worse than 87.
    expect([status(omsorg, 0, 0), trend(omsorg, 0, 0)]).toEqual(['ej-uppfyllt', 'sämre']);
    // 67 of 70 = 95,7 %: yellow; better than 62.  71 of 67: green; +2,9 %: better.
    expect([status(omsorg, 1, 0), trend(omsorg, 1, 0), status(omsorg, 1, 1), trend(omsorg, 1, 1)]).toEqual(['delvis', 'bättre', 'uppfyllt', 'bättre']);
    // No 2024 outcome: the latest (2023) is judged, 80 of 88 = 91 %: red; nothing to compare with.
    expect([status(omsorg, 2, 0), trend(omsorg, 2, 0)]).toEqual(['ej-uppfyllt', 'ej-jämförbar']);
    expect(omsorg.mål[2]!.indikatorer[0]!.bedömning!.reason).toMatch(/^Senaste utfall \(2023\)/);
    // Lower is better: 8,2 against 6 is 73 %: red; −3,5 %: better.
    expect([status(arbetsliv, 0, 1), trend(arbetsliv, 0, 1)]).toEqual(['ej-uppfyllt', 'bättre']);
    // +3,3 % would be better; the stated trend with its reason overrides it.
    expect(arbetsliv.mål[0]!.indikatorer[0]!.trend).toMatchObject({ trend: 'oförändrad', source: 'åsidosatt', computed: 'bättre' });
    expect(diagnostics.items.filter((d) => d.code === 'åsidosatt-trend')).toHaveLength(1);

    expect(omsorg.mål.map((m) => m.bedömning?.status)).toEqual(['ej-uppfyllt', 'delvis', 'ej-uppfyllt']);
    expect(antal.områden.map((o) => [o.namn, o.summary.counts])).toEqual([
      ['Trygg omsorg & vård', { uppfyllt: 0, delvis: 1, 'ej-uppfyllt': 2, 'ej-utvärderad': 0 }],
      ['Hållbart arbetsliv & effektiv organisation', { uppfyllt: 0, delvis: 0, 'ej-uppfyllt': 1, 'ej-utvärderad': 0 }],
    ]);

    const [view] = tableViews(tabell, viewContext(report));
    expect(view!.wide).toBe(true);
    expect(view!.head[0]!.map((h) => h.text)).toEqual(['Övergripande mål', 'Resultatmål', 'Indikator', 'Utfall 2022', 'Utfall 2023', 'Utfall 2024', 'Trend', 'Målvärde 2024', 'Bedömning', 'Källa']);
    expect(view!.body).toHaveLength(6);
    const first = view!.body[0]!.cells;
    expect(first[0]).toMatchObject({ lines: ['Trygg omsorg & vård'], rowHeader: true });
    // Every resultatmål names its area (no empty row header; a continuation page still names it), spanning only its own indicators.
    expect(view!.body[1]!.cells[0]).toMatchObject({ lines: ['Trygg omsorg & vård'], rowSpan: 2, rowHeader: true });
    expect(view!.compact).toBe(true);
    expect(first[1]!.lines).toEqual(['Ökad nöjdhet med hemtjänsten', 'Huvudansvar: VON', 'Medansvarig: STN']);
    expect(plain(first.slice(3, 9).map((c) => c.lines.join(' ')).join(' | '))).toBe('88 % | 87 % | 83 % | Sämre | 90 % | Ej uppfyllt');
    expect(first[9]!.link).toEqual({ text: 'Kolada U21468 (v. 40)', href: 'https://www.kolada.se/verktyg/fri-sokning/?kpis=U21468' });
  });

  it('does not use an earlier outcome without the rule, and leaves the indicator unassessed', () => {
    const { blocks, errors } = goals();
    expect(errors).toEqual([]);
    const omsorg = blocks[0] as Resultatmål;
    expect(omsorg.mål[2]!.indikatorer[0]!.bedömning?.status).toBe('ej-utvärderad');
  });

  it('refuses an Agenda 2030 goal outside 1–17', () => {
    const { errors } = build(GOALS.replace('agenda2030: [3]', 'agenda2030: [3, 18]'));
    expect(errors[0]!.message).toBe('Värdet i "agenda2030" är för stort (högst 17).');
    expect(errors[0]!.field).toContain('agenda2030');
  });
});

describe('uppdrag', () => {
  it('turns status words into statuses, keeps område order and gives stable ids', () => {
    const { blocks, errors } = build(`
  - typ: uppdrag
    id: uppdrag
    uppdrag:
      - { område: Trygg omsorg & vård, text: Utveckla arbetet med en god och nära vård, huvudansvar: VON, status: påbörjad, kommentar: [Färdplan beslutad.] }
      - { område: Klimatsmart & hållbar kommun, text: Minska engångsmaterialet, status: ej startad }
      - { rubrik: Fortsätta effektivisera, text: Uppdrag till samtliga nämnder att effektivisera., slutdatum: 2024-12-31, status: klar }`);
    expect(errors).toEqual([]);
    const u = blocks[0] as Uppdrag;
    expect(u.items.map((i) => [i.id, i.status])).toEqual([
      ['uppdrag-utveckla-arbetet-med-en-god-och-nara-vard', 'påbörjad'],
      ['uppdrag-minska-engangsmaterialet', 'ej-startad'],
      ['uppdrag-fortsatta-effektivisera', 'klar'],
    ]);
  });

  it('names the valid statuses for a misspelt one', () => {
    const { errors } = build(`
  - typ: uppdrag
    id: uppdrag
    uppdrag:
      - { text: Något, status: pågår }`);
    expect(errors[0]!.hint).toBe('Tillåtna värden: "ej startad", "påbörjad", "klar", "stoppad".');
  });
});

describe('appendices', () => {
  it('numbers sections marked "bilaga: true" in file order, in the heading and the contents', async () => {
    const { tocEntries, sectionTitle } = await import('../../src/render/views/document.ts');
    const { report, errors } = compute(
      {
        '01-inledning.md': section('rubrik: Inledning'),
        '02-resultatmal.md': section('rubrik: Uppföljning av resultatmål\nbilaga: true'),
        '03-uppdrag.md': section('rubrik: Uppföljning av uppdrag\nbilaga: true'),
      },
      { index: INDEX },
    );
    expect(errors).toEqual([]);
    expect(report!.sections.map(sectionTitle)).toEqual(['Inledning', 'Bilaga 1. Uppföljning av resultatmål', 'Bilaga 2. Uppföljning av uppdrag']);
    expect(tocEntries(report!).map((e) => e.title)).toEqual(['Inledning', 'Bilaga 1. Uppföljning av resultatmål', 'Bilaga 2. Uppföljning av uppdrag']);
  });
});
