/**
 * Charts: the chart data computed in the model (src/model/charts.ts), the
 * Swedish alt texts, the errors for wrong declarations, and the årsredovisning
 * charts of the example. Signs: chart-signs.test.ts; drawing: chart-drawing.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { BUDGET_BLOCK_HEAD, compute, plain, section } from '../helpers/fixture.ts';
import { Diagnostics } from '../../src/diagnostics.ts';
import { loadAndComputeFolder } from '../../src/model/build-model.ts';
import type { Diagram, Report } from '../../src/model/types.ts';
import { chartConfig, type ChartStyle } from '../../src/render/charts/config.ts';
import { diagramTableView, viewContext } from '../../src/render/views/table-view.ts';

const BUDGET = `
rubrik: Ekonomi
data:
${BUDGET_BLOCK_HEAD}
    nettokostnad:
      rader:
        - { kod: 54, namn: Individ och familjeomsorg, budget-2023: -60698, budget-2024: -64268 }
        - { kod: 55, namn: Äldreomsorg, budget-2023: -290000, budget-2024: -312400 }
        - { kod: 63, namn: Arbetsmarknadsåtgärder, budget-2023: -2867, budget-2024: -3696 }
  - typ: diagram
    id: budget-diagram
    diagramtyp: budget
    källa: internbudget
`;

const GOALS = `
rubrik: Trygg ålderdom
data:
  - typ: målområde
    id: aldrande
    namn: Trygg och värdig ålderdom
    kf_mål:
      - text: Nöjda hyresgäster.
        nämndmål:
          - text: Fler nöjda brukare.
            indikatorer:
              - id: nojda-hemtjanst
                mått: Andel nöjda med hemtjänsten
                ingångsvärde: { värde: "64 %", period: "2023" }
                målvärden: { 2024: "71 %", 2025: "74 %", 2026: "77 %" }
              - id: arenden
                mått: Antal ärenden
                riktning: lägre
                ingångsvärde: { värde: 176, enhet: ärenden, period: "1/12 2023" }
                målvärden: { 2024: "<176" }
  - typ: diagram
    id: nojda-diagram
    diagramtyp: indikator
    källa: aldrande
    indikator: nojda-hemtjanst
  - typ: diagram
    id: arenden-diagram
    diagramtyp: indikator
    källa: aldrande
    indikator: arenden
    datatabell: bilaga
`;

const diagrams = (report: Report) => report.sections.flatMap((s) => s.blocks).filter((b): b is Diagram => b.kind === 'diagram');
const style: ChartStyle = { primär: '#00507A', text: '#1A1A1A', font: 'Source Sans 3', format: { minus: '−' } };

describe('chart data from the computed model', () => {
  let report: Report;
  beforeAll(() => {
    const result = compute({ '01-ekonomi.md': section(BUDGET, '\n[[internbudget]]\n\n[[budget-diagram]]\n'), '02-mal.md': section(GOALS) });
    expect(result.errors).toEqual([]);
    report = result.report!;
  });

  it('budget: nettokostnad per verksamhet, the two budget columns of the change column, with the signs of the table (negativ)', () => {
    const d = diagrams(report).find((x) => x.id === 'budget-diagram')!;
    expect(d.kategorier).toEqual(['Individ och familjeomsorg', 'Äldreomsorg', 'Arbetsmarknadsåtgärder']);
    // The table prints net cost negative (the default), so the chart draws it negative too: bars growing leftward from 0.
    expect(d.serier.map((s) => [s.namn, s.roll, s.värden])).toEqual([
      ['Budget 2023', 'jämförelse', [-60698, -290000, -2867]],
      ['Budget 2024', 'huvud', [-64268, -312400, -3696]],
    ]);
    // The total comes from the internbudget's computed sum row, not from the chart.
    expect(d.summa).toEqual({ namn: 'S:a Nettokostnad', värden: [-353565, -380364] });
    expect(d.riktning).toBe('liggande');
    expect(d.rubrik).toBe('Nettokostnad per verksamhet: Budget 2024 mot Budget 2023');
  });

  it('budget: the alt text names the type, the largest and smallest cost, the total and the change in net cost, with the table’s signs', () => {
    const d = diagrams(report).find((x) => x.id === 'budget-diagram')!;
    // Largest and smallest by the size of the cost; the total grows from −353 565 to −380 364: a cost increase.
    expect(plain(d.alt)).toBe(
      'Liggande stapeldiagram: nettokostnad per verksamhet, Budget 2024 mot Budget 2023 (tkr). Störst: Äldreomsorg −312 400 tkr (Budget 2024). Minst: Arbetsmarknadsåtgärder −3 696 tkr. Totalt Budget 2024: −380 364 tkr, en kostnadsökning med 26 799 tkr mot Budget 2023.',
    );
  });

  it('indikator: the baseline at its year, the targets as a line, percent unit', () => {
    const d = diagrams(report).find((x) => x.id === 'nojda-diagram')!;
    expect(d.kategorier).toEqual(['2023', '2024', '2025', '2026']);
    expect(d.serier.map((s) => [s.namn, s.form, s.värden])).toEqual([
      ['Ingångsvärde', 'stapel', [64, null, null, null]],
      ['Målvärde', 'linje', [null, 71, 74, 77]],
    ]);
    expect(d.enhet).toEqual({ kind: 'procent', decimaler: 0 });
    expect(plain(d.alt)).toBe(
      'Stapeldiagram med linje: Andel nöjda med hemtjänsten, ingångsvärde och målvärde per år. Ingångsvärde: 2023 64 %. Målvärde: 2024 71 %, 2025 74 %, 2026 77 %.',
    );
  });

  it('indikator: a bound target is drawn at its value, said as a bound, and shown as typed in the data table', () => {
    const d = diagrams(report).find((x) => x.id === 'arenden-diagram')!;
    expect(d.kategorier).toEqual(['1/12 2023', '2024']);
    expect(plain(d.alt)).toContain('Målvärde: 2024 under 176 ärenden.');
    expect(d.alt).toContain('Lägre värde är bättre.');
    const view = diagramTableView({ ...d, visa: 'tabell' }, viewContext(report));
    expect(view.body.map((r) => r.cells.map((c) => c.lines.join(' ')))).toEqual([
      ['1/12 2023', '176', '–'],
      ['2024', '–', '<176'],
    ]);
  });

  it('datatabell: bilaga moves the data table to an appendix after the last section, and the chart says where', () => {
    const d = diagrams(report).find((x) => x.id === 'arenden-diagram' && x.visa === 'diagram')!;
    expect(d.bilaga).toEqual({ nummer: 1, rubrik: 'Diagrammens data' });
    const last = report.sections.at(-1)!;
    expect(last.bilaga).toBe(1);
    expect(last.rubrik).toBe('Diagrammens data');
    expect(last.blocks.filter((b) => b.kind === 'diagram').map((b) => [(b as Diagram).id, (b as Diagram).visa])).toEqual([['arenden-diagram', 'tabell']]);
  });

  it('the data table is a table view: category rows, one column per series, the sum row, Swedish numbers with the table’s minus', () => {
    const d = diagrams(report).find((x) => x.id === 'budget-diagram')!;
    const view = diagramTableView(d, viewContext(report));
    expect(view.caption).toBe('Diagrammets data: Nettokostnad per verksamhet: Budget 2024 mot Budget 2023 (tkr)');
    expect(view.head[0]!.map((h) => h.text)).toEqual(['Verksamhet', 'Budget 2023', 'Budget 2024']);
    expect(view.body.map((r) => [r.kind, ...r.cells.map((c) => plain(c.lines.join(' ')))])).toEqual([
      ['data', 'Individ och familjeomsorg', '−60 698', '−64 268'],
      ['data', 'Äldreomsorg', '−290 000', '−312 400'],
      ['data', 'Arbetsmarknadsåtgärder', '−2 867', '−3 696'],
      ['total', 'S:a Nettokostnad', '−353 565', '−380 364'],
    ]);
  });
});

describe('chart declarations that cannot be drawn', () => {
  const budget = (diagram: string) => section(BUDGET.replace(/  - typ: diagram[\s\S]*$/, diagram));

  it('an unknown källa: file, line, field, a suggestion and the blocks of the right type', () => {
    const { errors } = compute({ '01-ekonomi.md': budget('  - typ: diagram\n    id: d\n    diagramtyp: budget\n    källa: internbudgt\n') });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'okänd-källa', line: 19, field: 'data[1].källa' });
    expect(errors[0]!.file).toMatch(/01-ekonomi\.md$/);
    expect(errors[0]!.message).toBe('Det finns inget block med id "internbudgt" i rapporten. Menade du "internbudget"?');
    expect(errors[0]!.hint).toBe('Diagramtypen "budget" ritas från internbudget. Block av rätt typ i rapporten: internbudget.');
  });

  it('a källa of the wrong type names what the chart type draws from', () => {
    const { errors } = compute({ '01-ekonomi.md': budget('  - typ: diagram\n    id: d\n    diagramtyp: kön\n    källa: internbudget\n') });
    expect(errors[0]).toMatchObject({ code: 'fel-källa', field: 'data[1].källa' });
    expect(errors[0]!.message).toBe('Diagramtypen "kön" ritas från personalnyckeltal, men "internbudget" är av typen internbudget.');
    expect(errors[0]!.hint).toContain('Rapporten har inget block av typen personalnyckeltal.');
  });

  it('an unknown indicator lists the indicators of the källa', () => {
    const { errors } = compute({ '02-mal.md': section(GOALS.replace('indikator: nojda-hemtjanst', 'indikator: nojda-hemtjänst')) });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'okänd-indikator', field: 'data[1].indikator' });
    expect(errors[0]!.message).toBe('"aldrande" har ingen indikator med id "nojda-hemtjänst". Menade du "nojda-hemtjanst"?');
    expect(errors[0]!.hint).toContain('Indikatorer i källan: nojda-hemtjanst, arenden.');
  });

  it('an unknown column of a budget chart', () => {
    const { errors } = compute({ '01-ekonomi.md': budget('  - typ: diagram\n    id: d\n    diagramtyp: budget\n    källa: internbudget\n    kolumner: [budget-2022, budget-2024]\n') });
    expect(errors[0]).toMatchObject({ code: 'okänd-kolumn', field: 'data[1].kolumner' });
    expect(errors[0]!.hint).toBe('Kolumner i källan: budget-2023, forandring, budget-2024.');
  });
});

describe('the årsredovisning charts of the example (Katrineholm 2024)', () => {
  let charts: Diagram[];
  beforeAll(async () => {
    const diagnostics = new Diagnostics();
    charts = diagrams((await loadAndComputeFolder(join('content', 'katrineholm-von-arsredovisning-2024'), diagnostics))!);
    expect(diagnostics.errors).toEqual([]);
  });
  const byType = (t: Diagram['diagramtyp']) => charts.find((c) => c.diagramtyp === t && c.visa !== 'tabell')!;

  it('driftredovisning: budget and utfall negative as in the table, the avvikelse as a signed label, the Summa row', () => {
    const d = byType('driftredovisning');
    expect(d.serier.map((s) => [s.namn, s.form, s.värden[0]])).toEqual([
      ['Budget 2024', 'stapel', -29814],
      ['Utfall 2024', 'stapel', -20790],
      ['Avvikelse 2024', 'etikett', 9024],
    ]);
    expect(d.summa!.värden).toEqual([-907426, -907875, -450]);
    // The largest cost is the most negative utfall.
    expect(plain(d.alt)).toContain('Störst: Äldreomsorg, utfall −314 902 tkr mot budget −309 142 tkr.');
    expect(plain(d.alt)).toContain('Största positiva avvikelse: Förvaltningsgemensamt +9 024 tkr. Största negativa avvikelse: Äldreomsorg −5 761 tkr.');
    expect(plain(d.alt)).toContain('Totalt: utfall −907 875 tkr mot budget −907 426 tkr, avvikelse −450 tkr.');
    // The avvikelse labels by the bars: positive favourable, with its sign.
    const labels = chartConfig(d, style);
    expect(labels.plugins?.map((p) => p.id)).toEqual(['kommunrapportEtiketter']);
  });

  it('investeringar: utfall against budget per project, the share used', () => {
    expect(plain(byType('investeringar').alt)).toContain('Totalt: utfall 5 937 tkr av budget 11 423 tkr (52 %), kvar 5 486 tkr.');
  });

  it('indikator: outcomes over the years and the riktvärde, the change in procentenheter', () => {
    const d = byType('indikator');
    expect(d.kategorier).toEqual(['2022', '2023', '2024']);
    expect(plain(d.alt)).toContain('Utfall: 2022 88 %, 2023 87 %, 2024 83 %. Riktvärde: 2024 90 %. Senaste utfall 83 % (2024), en minskning med 4 procentenheter från 2023.');
  });

  it('kön: kvinnor, män and totalt per year, oldest year first', () => {
    const d = charts.find((c) => c.id === 'sjukfranvaro-kon')!;
    expect(d.kategorier).toEqual(['2023', '2024']);
    expect(d.serier.map((s) => [s.namn, s.värden])).toEqual([
      ['Kvinnor', [10.8, 10.2]],
      ['Män', [7.5, 7.3]],
      ['Totalt', [10.1, 9.6]],
    ]);
    expect(plain(d.alt)).toBe('Stapeldiagram: Sjukfrånvaro totalt (%) för kvinnor och män 2023–2024. 2024: kvinnor 10,2 %, män 7,3 %, totalt 9,6 %. 2023: kvinnor 10,8 %, män 7,5 %, totalt 10,1 %.');
  });

  it('bedömningar: counts per status per övergripande mål, stacked', () => {
    const d = byType('bedömningar');
    expect(d.staplad).toBe(true);
    expect(d.serier.map((s) => s.roll)).toEqual(['uppfyllt', 'delvis', 'ej-uppfyllt', 'ej-utvärderad']);
    expect(d.alt).toContain('Totalt 16 resultatmål: helt uppfyllt 1, delvis uppfyllt 12, ej uppfyllt 2, ej utvärderad 1.');
  });
});
