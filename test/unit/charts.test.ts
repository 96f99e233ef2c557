/**
 * Charts: the chart data computed in the model (src/model/charts.ts), the
 * Swedish alt texts, the errors for wrong declarations, the Chart.js
 * configuration (src/render/charts/config.ts), and the drawn SVG and PNG.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { BUDGET_BLOCK_HEAD, compute, INDEX, plain, section } from '../helpers/fixture.ts';
import { Diagnostics } from '../../src/diagnostics.ts';
import { loadAndComputeFolder } from '../../src/model/build-model.ts';
import type { Diagram, Driftredovisning, Internbudget, Report } from '../../src/model/types.ts';
import { chartConfig, chartSize, palette, roleColour, wrapLabel, type ChartStyle } from '../../src/render/charts/config.ts';
import { chartCache, drawChart, PNG_SCALE } from '../../src/render/charts/draw.ts';
import { inlineSvg } from '../../src/render/charts/svg.ts';
import { contrastRatio } from '../../src/content/contrast.ts';
import { diagramTableView, tableViews, viewContext } from '../../src/render/views/table-view.ts';

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

/** The cells of a budget chart's data table next to the same rows and columns of its internbudget table. */
function budgetCells(report: Report, chartId: string, tableId: string) {
  const d = diagrams(report).find((x) => x.id === chartId && x.visa !== 'tabell')!;
  const ib = report.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'internbudget' && b.id === tableId)!;
  const table = tableViews(ib as Internbudget, viewContext(report))[0]!;
  const columns = table.head.at(-1)!.map((h) => h.text);
  const chart = diagramTableView(d, viewContext(report));
  const fromChart = chart.body.map((r) => r.cells.map((c) => c.lines.join(' ')));
  const picked = chart.head[0]!.slice(1).map((h) => columns.indexOf(h.text));
  const fromTable = table.body
    .filter((r) => (r.kind === 'data' || r.kind === 'total') && fromChart.some((c) => c[0] === r.cells[0]!.lines.join(' ')))
    .map((r) => [r.cells[0]!.lines.join(' '), ...picked.map((i) => r.cells[i]!.lines.join(' '))]);
  return { d, fromChart, fromTable };
}

describe('budget and driftredovisning charts show the signs of their table, under both conventions', () => {
  const ib = (enhet: 'tkr' | 'mnkr', tecken: 'negativ' | 'positiv' | undefined, rows: string) => `
rubrik: Ekonomi
data:
  - typ: internbudget
    id: ib
    enhet: ${enhet}${tecken ? `\n    nettokostnad_tecken: ${tecken}` : ''}
    kolumner: [{ id: b21, rubrik: Budget 2021 }, { id: b22, rubrik: Budget 2022 }]
    nettokostnad:
      rader:
${rows}
  - typ: diagram
    id: d
    diagramtyp: budget
    källa: ib
`;
  const build = (text: string) => {
    const result = compute({ '01-ekonomi.md': section(text, '\n[[ib]]\n\n[[d]]\n') });
    expect(result.errors).toEqual([]);
    return result.report!;
  };

  it('tkr, negativ: a net cost from −74 611 to −79 366 is a cost increase of 4 755, drawn and written negative', () => {
    const report = build(ib('tkr', 'negativ', '        - { namn: Kommunstyrelsen, b21: -74611, b22: -79366 }\n        - { namn: Räddningstjänst, b21: -9200, b22: -9405 }'));
    const { d, fromChart, fromTable } = budgetCells(report, 'd', 'ib');
    expect(d.serier.map((s) => s.värden)).toEqual([[-74611, -9200], [-79366, -9405]]);
    expect(d.summa!.värden).toEqual([-83811, -88771]);
    expect(fromChart).toEqual(fromTable);
    expect(fromChart.map((r) => r.map(plain))).toEqual([
      ['Kommunstyrelsen', '−74 611', '−79 366'],
      ['Räddningstjänst', '−9 200', '−9 405'],
      ['S:a Nettokostnad', '−83 811', '−88 771'],
    ]);
    expect(plain(d.alt)).toBe(
      'Liggande stapeldiagram: nettokostnad per verksamhet, Budget 2022 mot Budget 2021 (tkr). Störst: Kommunstyrelsen −79 366 tkr (Budget 2022). Minst: Räddningstjänst −9 405 tkr. Totalt Budget 2022: −88 771 tkr, en kostnadsökning med 4 960 tkr mot Budget 2021.',
    );
    // The bars' labels on the value axis carry the profile's minus sign.
    const x = (chartConfig(d, style).options!.scales as Record<string, { ticks: { callback: (v: number) => string } }>).x!;
    expect(x.ticks.callback(-50000)).toBe('−50\u00a0000');
  });

  it('tkr, positiv: the same net cost printed positive is drawn positive, and is the same cost increase', () => {
    const report = build(ib('tkr', 'positiv', '        - { namn: Kommunstyrelsen, b21: 74611, b22: 79366 }\n        - { namn: Räddningstjänst, b21: 9200, b22: 9405 }'));
    const { d, fromChart, fromTable } = budgetCells(report, 'd', 'ib');
    expect(d.serier.map((s) => s.värden)).toEqual([[74611, 9200], [79366, 9405]]);
    expect(d.summa!.värden).toEqual([83811, 88771]);
    expect(fromChart).toEqual(fromTable);
    expect(fromChart.flat().join(' ')).not.toMatch(/[−-]\d/);
    expect(plain(d.alt)).toBe(
      'Liggande stapeldiagram: nettokostnad per verksamhet, Budget 2022 mot Budget 2021 (tkr). Störst: Kommunstyrelsen 79 366 tkr (Budget 2022). Minst: Räddningstjänst 9 405 tkr. Totalt Budget 2022: 88 771 tkr, en kostnadsökning med 4 960 tkr mot Budget 2021.',
    );
  });

  it('positiv with a net income row: "Minst" names it as a net income, and a falling net cost is a cost decrease', () => {
    const report = build(ib('tkr', 'positiv', '        - { namn: Kommunstyrelsen, b21: 45000, b22: 42000 }\n        - { namn: Övr fastigheter, b21: -4427, b22: -5863 }'));
    const d = diagrams(report).find((x) => x.id === 'd')!;
    expect(d.serier[1]!.värden).toEqual([42000, -5863]);
    expect(plain(d.alt)).toContain('Störst: Kommunstyrelsen 42 000 tkr (Budget 2022). Minst: Övr fastigheter −5 863 tkr (nettointäkt).');
    expect(plain(d.alt)).toContain('Totalt Budget 2022: 36 137 tkr, en kostnadsminskning med 4 436 tkr mot Budget 2021.');
  });

  it('mnkr, negativ: one decimal, the minus of the table, the largest cost the most negative figure', () => {
    const report = build(ib('mnkr', undefined, '        - { namn: Utbildning, b21: -812.4, b22: -835.1 }\n        - { namn: Vård och omsorg, b21: -1020.5, b22: -1047.0 }'));
    const { d, fromChart, fromTable } = budgetCells(report, 'd', 'ib');
    expect(d.serier.map((s) => s.värden)).toEqual([[-812.4, -1020.5], [-835.1, -1047]]);
    expect(fromChart).toEqual(fromTable);
    expect(fromChart.map((r) => r.map(plain))).toEqual([
      ['Utbildning', '−812,4', '−835,1'],
      ['Vård och omsorg', '−1 020,5', '−1 047,0'],
      ['S:a Nettokostnad', '−1 832,9', '−1 882,1'],
    ]);
    expect(plain(d.alt)).toBe(
      'Liggande stapeldiagram: nettokostnad per verksamhet, Budget 2022 mot Budget 2021 (mnkr). Störst: Vård och omsorg −1 047,0 mnkr (Budget 2022). Minst: Utbildning −835,1 mnkr. Totalt Budget 2022: −1 882,1 mnkr, en kostnadsökning med 49,2 mnkr mot Budget 2021.',
    );
  });

  it('mnkr, positiv: drawn and written positive, with one decimal', () => {
    const report = build(ib('mnkr', 'positiv', '        - { namn: Utbildning, b21: 812.4, b22: 835.1 }\n        - { namn: Vård och omsorg, b21: 1020.5, b22: 1047.0 }'));
    const { d, fromChart, fromTable } = budgetCells(report, 'd', 'ib');
    expect(d.serier.map((s) => s.värden)).toEqual([[812.4, 1020.5], [835.1, 1047]]);
    expect(fromChart).toEqual(fromTable);
    expect(plain(d.alt)).toBe(
      'Liggande stapeldiagram: nettokostnad per verksamhet, Budget 2022 mot Budget 2021 (mnkr). Störst: Vård och omsorg 1 047,0 mnkr (Budget 2022). Minst: Utbildning 835,1 mnkr. Totalt Budget 2022: 1 882,1 mnkr, en kostnadsökning med 49,2 mnkr mot Budget 2021.',
    );
  });

  const drift = (tecken: 'negativ' | 'positiv', enhet: 'tkr' | 'mnkr', rows: string) =>
    compute(
      {
        '01-ekonomi.md': section(`
rubrik: Ekonomisk ställning
data:
  - typ: driftredovisning
    id: drift
    enhet: ${enhet}
    nettokostnad_tecken: ${tecken}
    rader:
${rows}
  - typ: diagram
    id: drift-diagram
    diagramtyp: driftredovisning
    källa: drift
`),
      },
      { index: INDEX.replace('typ: verksamhetsplan', 'typ: årsredovisning').replace('period: 2024–2026', 'period: 2024') },
    );
  /** The chart's budget and utfall cells beside the table's, row by row with the Summa row. */
  const driftCells = (report: Report) => {
    const d = diagrams(report).find((x) => x.id === 'drift-diagram')!;
    const b = report.sections.flatMap((s) => s.blocks).find((x) => x.kind === 'driftredovisning')!;
    const table = tableViews(b as Driftredovisning, viewContext(report))[0]!;
    const head = table.head.at(-1)!.map((h) => h.text);
    const chart = diagramTableView(d, viewContext(report));
    const picked = chart.head[0]!.slice(1).map((h) => head.indexOf(h.text));
    return {
      d,
      fromChart: chart.body.map((r) => r.cells.map((c) => c.lines.join(' '))),
      fromTable: table.body.map((r) => [r.cells[0]!.lines.join(' '), ...picked.map((i) => r.cells[i]!.lines.join(' '))]),
    };
  };

  it('driftredovisning, negativ (mnkr): budget and utfall negative as in the table, avvikelse positive when favourable', () => {
    const { report, errors } = drift('negativ', 'mnkr', '      - { verksamhet: Äldreomsorg, utfall: -314.9, budget: -309.1 }\n      - { verksamhet: Förvaltningsgemensamt, utfall: -20.8, budget: -29.8 }');
    expect(errors).toEqual([]);
    const { d, fromChart, fromTable } = driftCells(report!);
    // The computed avvikelse is a binary fraction (−5,8 as −5.79999…); tables and chart print it to the unit's decimal.
    expect(d.serier.map((s) => s.värden.map((v) => Math.round(v! * 10) / 10))).toEqual([[-309.1, -29.8], [-314.9, -20.8], [-5.8, 9]]);
    expect(fromChart).toEqual(fromTable);
    expect(plain(d.alt)).toContain('Störst: Äldreomsorg, utfall −314,9 mnkr mot budget −309,1 mnkr.');
    expect(plain(d.alt)).toContain('Största positiva avvikelse: Förvaltningsgemensamt +9,0 mnkr. Största negativa avvikelse: Äldreomsorg −5,8 mnkr.');
    expect(plain(d.alt)).toContain('Totalt: utfall −335,7 mnkr mot budget −338,9 mnkr, avvikelse +3,2 mnkr.');
  });

  it('driftredovisning, positiv (tkr): budget and utfall positive as in the table, avvikelse = budget − utfall keeps its meaning', () => {
    const { report, errors } = drift('positiv', 'tkr', '      - { verksamhet: Äldreomsorg, utfall: 314902, budget: 309142 }\n      - { verksamhet: Förvaltningsgemensamt, utfall: 20790, budget: 29814 }');
    expect(errors).toEqual([]);
    const { d, fromChart, fromTable } = driftCells(report!);
    expect(d.serier.map((s) => s.värden)).toEqual([[309142, 29814], [314902, 20790], [-5760, 9024]]);
    expect(fromChart).toEqual(fromTable);
    expect(plain(d.alt)).toContain('Störst: Äldreomsorg, utfall 314 902 tkr mot budget 309 142 tkr.');
    expect(plain(d.alt)).toContain('Största positiva avvikelse: Förvaltningsgemensamt +9 024 tkr. Största negativa avvikelse: Äldreomsorg −5 760 tkr.');
    expect(plain(d.alt)).toContain('Totalt: utfall 335 692 tkr mot budget 338 956 tkr, avvikelse +3 264 tkr.');
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

const sample: Diagram = {
  kind: 'diagram',
  id: 'prov',
  diagramtyp: 'budget',
  källa: 'internbudget',
  rubrik: 'Nettokostnad per verksamhet',
  riktning: 'liggande',
  staplad: false,
  kategorirubrik: 'Verksamhet',
  kategorier: ['Äldreomsorg', 'Individ- och familjeomsorg med en lång rubrik'],
  serier: [
    { namn: 'Budget 2023', värden: [290000, 60698], form: 'stapel', roll: 'jämförelse' },
    { namn: 'Budget 2024', värden: [312400, 64268], form: 'stapel', roll: 'huvud' },
    { namn: 'Avvikelse 2024', värden: [-1020, 3570], form: 'etikett', roll: 'huvud', medTecken: true },
  ],
  enhet: { kind: 'belopp', enhet: 'tkr' },
  axel: 'Nettokostnad (tkr)',
  alt: 'Liggande stapeldiagram: "prov" <test>',
  datatabell: 'efter',
  visa: 'båda',
};

describe('the Chart.js configuration (pure)', () => {
  it('every palette colour and the example profiles’ primary colours have at least 3:1 contrast against white', () => {
    for (const colour of [...Object.values(palette), '#00507A', '#1F4E79']) expect(contrastRatio(colour, '#FFFFFF'), colour).toBeGreaterThanOrEqual(3);
  });

  it('colours by role: the profile colour for the figure in focus, grey for the comparison', () => {
    const config = chartConfig(sample, style);
    expect(config.data.datasets.map((d) => [d.label, d.backgroundColor])).toEqual([
      ['Budget 2023', palette.jämförelse],
      ['Budget 2024', '#00507A'],
    ]);
    expect(roleColour('uppfyllt', style)).toBe(palette.uppfyllt);
  });

  it('horizontal bars, long names on two lines, the label series not drawn as bars', () => {
    const config = chartConfig(sample, style);
    expect(config.options?.indexAxis).toBe('y');
    expect(config.data.labels).toEqual([['Äldreomsorg'], ['Individ- och familjeomsorg', 'med en lång rubrik']]);
    expect(config.plugins?.map((p) => p.id)).toEqual(['kommunrapportEtiketter']);
    expect(wrapLabel('Vård och omsorg, SoL och HSL')).toEqual(['Vård och omsorg, SoL och', 'HSL']);
  });

  it('Swedish numbers on the value axis: space for thousands, the profile minus sign, the document font', () => {
    const x = (chartConfig(sample, style).options!.scales as Record<string, { ticks: { callback: (v: number) => string; font: { family: string } } }>).x!;
    expect(x.ticks.callback(250000)).toBe('250\u00a0000');
    expect(x.ticks.callback(-1020)).toBe('−1\u00a0020');
    expect(x.ticks.font.family).toBe('Source Sans 3');
    const percent = chartConfig({ ...sample, enhet: { kind: 'procent', decimaler: 1 } }, style).options!.scales as Record<string, { ticks: { callback: (v: number) => string } }>;
    expect(percent.x!.ticks.callback(10.5)).toBe('10,5\u00a0%');
  });

  it('the same chart and style give the same configuration', () => {
    const text = (c: unknown) => JSON.stringify(c, (_k, v: unknown) => (typeof v === 'function' ? String(v) : v));
    expect(text(chartConfig(sample, style))).toBe(text(chartConfig(structuredClone(sample), { ...style })));
  });
});

describe('drawing', () => {
  beforeAll(() => chartCache.useDir(mkdtempSync(join(tmpdir(), 'kommunrapport-diagram-'))));

  it('the SVG holds the labels as text, in the document font, with Swedish numbers', () => {
    const svg = Buffer.from(drawChart(sample, style as ChartStyle & { font: 'Source Sans 3' }, 'svg').data).toString('utf8');
    expect(svg).toContain('>Äldreomsorg</text>');
    expect(svg).toContain('>Budget 2024</text>');
    expect(svg).toContain('>Nettokostnad (tkr)</text>');
    expect(svg).toContain('>Avvikelse +3 570</text>');
    // Skia writes the non-breaking thousands space as a plain space; the glyph positions keep the number together.
    expect(svg).toContain('>300 000</text>');
    expect(svg).toContain('>Avvikelse −1 020</text>');
    // Named as the page's @font-face names it (quoted: "3" alone is no CSS identifier), not as the file does.
    expect(svg).toMatch(/font-family="'Source Sans 3'"/);
    expect(svg).not.toMatch(/ExtraLight/);
  });

  it('negative net costs (nettokostnad_tecken: negativ): bars grow leftward from 0 at the right, a dark zero line, signed ticks, labels right of 0', () => {
    const negative: Diagram = {
      ...sample,
      diagramtyp: 'driftredovisning',
      serier: [
        { namn: 'Budget 2024', värden: [-309142, -29814], form: 'stapel', roll: 'jämförelse' },
        { namn: 'Utfall 2024', värden: [-314902, -20790], form: 'stapel', roll: 'huvud' },
        { namn: 'Avvikelse 2024', värden: [-5760, 9024], form: 'etikett', roll: 'huvud', medTecken: true },
      ],
    };
    const svg = Buffer.from(drawChart(negative, style as ChartStyle & { font: 'Source Sans 3' }, 'svg').data).toString('utf8');
    const tickX = (text: string) => Number(new RegExp(`translate\\(([\\d.]+) [\\d.]+\\)[^>]*>${text}</text>`).exec(svg)?.[1]);
    // The value axis runs from the most negative tick on the left to 0 on the right; the axis title stays.
    expect(tickX('−350 000')).toBeLessThan(tickX('−50 000'));
    expect(tickX('−50 000')).toBeLessThan(tickX('0'));
    expect(svg).not.toMatch(/>50 000<\/text>/);
    expect(svg).toContain('>Nettokostnad (tkr)</text>');
    // The zero line is drawn dark, like the category axis, where the bars start.
    const zero = tickX('0');
    const darkLines = [...svg.matchAll(/stroke="#767676"[^>]* d="M([\d.]+) /g)].map((m) => Number(m[1]));
    expect(darkLines.some((x) => Math.abs(x - zero) < 1)).toBe(true);
    // The signed avvikelse labels stand just right of the zero line, favourable ones with "+".
    for (const label of ['Avvikelse −5 760', 'Avvikelse +9 024']) {
      const x = Number(new RegExp(`x="([\\d.]+),[^>]*>${label.replace('+', '\\+')}</text>`).exec(svg)?.[1]);
      expect(x, label).toBeGreaterThan(zero);
      expect(x - zero, label).toBeLessThan(10);
    }
    // Charts with no negative figure keep the plain grey gridline at 0.
    const grid = (d: Diagram) => JSON.stringify((chartConfig(d, style).options!.scales as Record<string, { grid: unknown }>).x!.grid, (_k, v: unknown) => (typeof v === 'function' ? 'fn' : v));
    expect(grid(sample)).toBe('{"color":"#D9D9D9"}');
    expect(grid(negative)).toBe('{"color":"fn"}');
  });

  it('the PNG is 2,5 times the CSS size: 1 600 pixels wide, over 200 dpi at 17 cm', () => {
    const png = drawChart(sample, style as ChartStyle & { font: 'Source Sans 3' }, 'png');
    const view = new DataView(png.data.buffer, png.data.byteOffset);
    const [w, h] = [view.getUint32(16), view.getUint32(20)];
    const size = chartSize(sample);
    expect([w, h]).toEqual([size.width * PNG_SCALE, size.height * PNG_SCALE]);
    expect(w / (17 / 2.54)).toBeGreaterThan(200);
  });

  it('same data → same bytes, drawn once: the second request comes from the cache, also after the memory is cleared', () => {
    const changed = { ...sample, serier: [sample.serier[0]!, { ...sample.serier[1]!, värden: [312401, 64268] }] };
    const first = drawChart(changed, style as ChartStyle & { font: 'Source Sans 3' }, 'svg');
    expect(first.cached).toBe(false);
    const again = drawChart({ ...changed, id: 'annat-id' }, style as ChartStyle & { font: 'Source Sans 3' }, 'svg');
    expect(again.cached).toBe(true);
    chartCache.clearMemory();
    const fromDisk = drawChart(changed, style as ChartStyle & { font: 'Source Sans 3' }, 'svg');
    expect(fromDisk.cached).toBe(true);
    expect(Buffer.from(fromDisk.data).equals(Buffer.from(first.data))).toBe(true);
    // Drawn anew without any cache: the very same bytes, for SVG and PNG.
    for (const format of ['svg', 'png'] as const) {
      chartCache.useDir(undefined);
      const a = drawChart(changed, style as ChartStyle & { font: 'Source Sans 3' }, format);
      chartCache.useDir(undefined);
      const b = drawChart(changed, style as ChartStyle & { font: 'Source Sans 3' }, format);
      expect(a.cached || b.cached).toBe(false);
      expect(Buffer.from(a.data).equals(Buffer.from(b.data)), format).toBe(true);
    }
  });

  it('inline SVG: no prolog, a viewBox, role="img" with the alt text escaped, ids unique to the chart', () => {
    const raw = drawChart(sample, style as ChartStyle & { font: 'Source Sans 3' }, 'svg').data;
    const svg = inlineSvg(raw, 'diagram-prov', sample.alt);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/<svg[^>]* viewBox="0 0 640 \d+"[^>]* role="img" aria-label="Liggande stapeldiagram: &quot;prov&quot; &lt;test&gt;"/);
    const ids = [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id.startsWith('diagram-prov-')).toBe(true);
    for (const [, ref] of svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(ref);
    expect(svg).not.toMatch(/\b[xy]="[^"]*,/);
  });
});
