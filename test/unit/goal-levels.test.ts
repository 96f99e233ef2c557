/**
 * Goal structures as municipalities have them: goals directly under a
 * målområde, indicators directly under a KF-mål, KF-mål only listed,
 * måltabeller whose goals name their målområde, Agenda 2030 on any level,
 * and roll-up through whatever levels exist.
 */
import { describe, expect, it } from 'vitest';
import { compute, section } from '../helpers/fixture.ts';
import type { Bedömningar, Målområde, Måltabell } from '../../src/model/types.ts';
import { tableViews, viewContext, type TableView } from '../../src/render/views/table-view.ts';
import { snapshot } from '../../src/review/snapshot.ts';
import { snapshotText } from '../../src/review/text.ts';

const UPPFOLJNING = `---
typ: uppföljning
kommun: prov
nämnd: Kommunstyrelsen
titel: Uppföljning 2024
period: 2024
status: utkast
datum: 2025-02-20
---
`;

function build(data: string, index?: string) {
  const result = compute({ '01-mal.md': section(`rubrik: Mål\ndata:\n${data}`) }, index ? { index } : {});
  const blocks = result.report?.sections[0]?.blocks ?? [];
  return { ...result, blocks };
}

const heads = (v: TableView) => v.head.flatMap((row) => row.map((h) => h.text));
const rows = (v: TableView) => v.body.map((r) => r.cells.map((c) => c.lines.join(' / ')));

const AREA_WITH_OWN_GOALS = `
  - typ: målområde
    id: mod
    namn: Mod och framtidstro
    kf_mål:
      - text: Antalet invånare ska öka med minst 90 personer per år.
        uppföljning: D/B
        ansvariga: [KS]
    mål:
      - id: rutiner
        text: Enheterna utvecklar rutiner och arbetsprocesser
        agenda2030: [16]
        ingångsvärde: 9
        målvärden: { 2024: 12, 2025: 12, 2026: 12 }
      - id: platsvarumarke
        text: Invånare använder platsvarumärket
        indikatorer:
          - { mått: Andel invånare, målvärden: { 2024: "10 %", 2025: "20 %" } }
          - { mått: Andel företagare, målvärden: { 2024: "15 %", 2025: "25 %" } }`;

describe('goals directly under a målområde (kommunstyrelsens mål)', () => {
  it('builds the goals with no invented KF-mål above them, and lists the KF-mål without a table', () => {
    const { blocks, errors, report } = build(AREA_WITH_OWN_GOALS);
    expect(errors).toEqual([]);
    const area = blocks[0] as Målområde;
    expect(area.kfMål).toHaveLength(1);
    expect(area.kfMål[0]!.nämndmål).toEqual([]);
    expect(area.mål.map((m) => m.id)).toEqual(['rutiner', 'platsvarumarke']);
    // A goal carrying its own baseline and targets is its own single indicator, without a mått.
    expect(area.mål[0]!.indikatorer).toHaveLength(1);
    expect(area.mål[0]!.indikatorer[0]!.mått).toBeUndefined();
    expect(area.mål[0]!.agenda2030).toEqual([16]);

    const views = tableViews(area, viewContext(report!));
    // Only the own goals have a table: the KF-mål without indicators are listed, not tabled.
    expect(views.map((v) => v.id)).toEqual(['mod-mål']);
    expect(heads(views[0]!)).toEqual(['Mål', 'Mått och datakälla', 'Ingångsvärde (år)', 'Målvärde', '2024', '2025', '2026']);
    expect(rows(views[0]!)).toEqual([
      ['Enheterna utvecklar rutiner och arbetsprocesser / Agenda 2030: mål 16', '–', '9', '12', '12', '12'],
      ['Invånare använder platsvarumärket', 'Andel invånare', '–', '10 %', '20 %', ''],
      ['Andel företagare', '–', '15 %', '25 %', ''],
    ].map((r) => r.map((c) => c.replace(/ %/g, '\u00a0%'))));
    expect(views[0]!.body[1]!.cells[0]!.rowSpan).toBe(2);
  });

  it('leaves out the Mått column when no indicator has one', () => {
    const { blocks, report } = build(`
  - typ: målområde
    id: folkhalsa
    namn: God folkhälsa
    mål:
      - text: Fler medarbetare nyttjar friskvårdsbidraget
        ingångsvärde: { värde: "35 %", period: "2020" }
        målvärden: { 2024: "40 %", 2025: "45 %", 2026: "50 %" }`);
    const [view] = tableViews(blocks[0] as Målområde, viewContext(report!));
    expect(heads(view!)).toEqual(['Mål', 'Ingångsvärde (år)', 'Målvärde', '2024', '2025', '2026']);
    expect(view!.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 5);
  });

  it('refuses a målområde with neither kf_mål nor mål, naming the keys', () => {
    const { errors } = build(`
  - typ: målområde
    id: tomt
    namn: Tomt`);
    expect(errors.map((e) => e.message)).toEqual(['Målområdet har varken "kf_mål" eller "mål".']);
    expect(errors[0]!.field).toBe('data[0].kf_mål');
    expect(errors[0]!.hint).toMatch(/direkt under målområdet med "mål"/);
  });
});

describe('indicators directly under a KF-mål', () => {
  const DATA = `
  - typ: målområde
    id: omsorg
    namn: Trygg omsorg
    kf_mål:
      - id: kf-nojdhet
        text: Nöjdheten med hemtjänsten ska öka.
        agenda2030: [3, 10]
        indikatorer:
          - { id: nojd, mått: Nöjda brukare, utfall: { 2023: "80 %", 2024: "85 %" }, målvärden: { 2024: "84 %" } }
      - id: kf-med-namndmal
        text: Fler ska få stöd i tid.
        nämndmål:
          - id: nm-stod
            text: Väntetiden minskar
            indikatorer:
              - { id: vantetid, mått: Väntetid i dagar, riktning: lägre, utfall: { 2023: 30, 2024: 40 }, målvärden: { 2024: 25 } }`;

  it('rolls the KF-mål up from its own indicators, and from its nämndmål where it has them', () => {
    const { blocks, errors } = build(DATA, UPPFOLJNING);
    expect(errors).toEqual([]);
    const area = blocks[0] as Målområde;
    expect(area.kfMål[0]!.indikatorer.map((i) => i.id)).toEqual(['nojd']);
    expect(area.kfMål[0]!.bedömning).toMatchObject({ status: 'uppfyllt', source: 'beräknad' });
    expect(area.kfMål[0]!.bedömning!.reason).toMatch(/1 bedömd indikator:/);
    expect(area.kfMål[1]!.bedömning).toMatchObject({ status: 'ej-uppfyllt' });
    expect(area.kfMål[1]!.bedömning!.reason).toMatch(/nämndmål/);
  });

  it('shows the KF-mål\'s own indicators with "–" in the nämndmål column, and its Agenda 2030 goals', () => {
    const { blocks, report } = build(DATA, UPPFOLJNING);
    const views = tableViews(blocks[0] as Målområde, viewContext(report!));
    const table = views.find((v) => v.id === 'omsorg-måltabell')!;
    expect(heads(table).slice(0, 3)).toEqual(['KF-mål', 'Nämndmål', 'Mått och datakälla']);
    expect(rows(table).map((r) => r.slice(0, 3))).toEqual([
      ['Nöjdheten med hemtjänsten ska öka. / Agenda 2030: mål 3 och 10', '–', 'Nöjda brukare'],
      ['Fler ska få stöd i tid.', 'Väntetiden minskar', 'Väntetid i dagar'],
    ]);
  });

  it('counts KF-mål with their own indicators in the bedömningar summary', () => {
    const { blocks } = build(`${DATA}
  - typ: bedömningar
    id: summering`, UPPFOLJNING);
    const summary = blocks[1] as Bedömningar;
    expect(summary.totalt.counts).toMatchObject({ uppfyllt: 1, 'ej-uppfyllt': 1 });
  });
});

describe('måltabell: goals that name their målområde', () => {
  const DATA = `${AREA_WITH_OWN_GOALS}
  - typ: måltabell
    id: overgripande
    rubrik: Kommunstyrelsens övergripande mål
    mål:
      - text: Alla arbetsplatser har regelbundna arbetsplatsträffar
        målområde: mod
        ingångsvärde: "84 %"
        målvärden: { 2024: "90 %", 2025: "95 %", 2026: "100 %" }
      - text: Kommunen använder miljöbilar
        ingångsvärde: "9 %"
        målvärden: { 2024: "18 %" }`;

  it('shows each goal with its målområde in parentheses', () => {
    const { blocks, report, errors } = build(DATA);
    expect(errors).toEqual([]);
    const table = blocks[1] as Måltabell;
    expect(table.mål[0]!.målområde).toEqual({ id: 'mod', namn: 'Mod och framtidstro' });
    const [view] = tableViews(table, viewContext(report!));
    expect(view!.caption).toBe('Kommunstyrelsens övergripande mål');
    expect(rows(view!).map((r) => r[0])).toEqual(['Alla arbetsplatser har regelbundna arbetsplatsträffar (Mod och framtidstro)', 'Kommunen använder miljöbilar']);
  });

  it('refuses a målområde that is not in the report, with a suggestion', () => {
    const { errors } = build(DATA.replace('målområde: mod', 'målområde: modd'));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe('Det finns inget målområde med id "modd" i rapporten. Menade du "mod"?');
    expect(errors[0]!.field).toBe('data[1].mål[0].målområde');
    expect(errors[0]!.line).toBe(28);
    expect(errors[0]!.hint).toBe('Rapportens målområden: mod.');
  });

  it('appears in the review text with its goals, målområde and targets', () => {
    const { report } = build(DATA);
    const text = snapshotText(snapshot(report!));
    expect(text).toMatch(/^Mål \[mal-alla-arbetsplatser-[a-z-]+\]: Alla arbetsplatser har regelbundna arbetsplatsträffar \| Målområde: Mod och framtidstro$/m);
    expect(text).toContain('Målvärde 2026: 100 %');
  });
});

describe('roll-up of goals directly under a målområde', () => {
  it('assesses kommunstyrelsens mål from their indicators and counts them with nivå: mål', () => {
    const { blocks, errors } = build(`
  - typ: målområde
    id: mod
    namn: Mod och framtidstro
    mål:
      - text: Fler nya företag
        utfall: { 2023: 30, 2024: 36 }
        målvärden: { 2024: 34 }
      - text: Färre våldsbrott
        riktning: lägre
        utfall: { 2023: 9, 2024: 11 }
        målvärden: { 2024: "<8" }
  - typ: bedömningar
    id: summering
    nivå: mål`, UPPFOLJNING);
    expect(errors).toEqual([]);
    const area = blocks[0] as Målområde;
    expect(area.mål.map((m) => m.bedömning?.status)).toEqual(['uppfyllt', 'ej-uppfyllt']);
    const summary = blocks[1] as Bedömningar;
    expect(summary.områden.map((o) => [o.namn, o.summary.counts.uppfyllt, o.summary.counts['ej-uppfyllt']])).toEqual([['Mod och framtidstro', 1, 1]]);
  });
});
