/**
 * Budget and driftredovisning charts print every figure with the sign its table
 * has, under both net-cost conventions, and their data tables agree with the tables.
 */
import { describe, expect, it } from 'vitest';
import { compute, INDEX, plain, section } from '../helpers/fixture.ts';
import type { Diagram, Driftredovisning, Internbudget, Report } from '../../src/model/types.ts';
import { chartConfig, type ChartStyle } from '../../src/render/charts/config.ts';
import { diagramTableView, tableViews, viewContext } from '../../src/render/views/table-view.ts';

const diagrams = (report: Report) => report.sections.flatMap((s) => s.blocks).filter((b): b is Diagram => b.kind === 'diagram');
const style: ChartStyle = { primär: '#00507A', text: '#1A1A1A', font: 'Source Sans 3', format: { minus: '−' } };

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
