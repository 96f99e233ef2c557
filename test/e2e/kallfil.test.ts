/**
 * End to end: the example årsredovisning takes its driftredovisning from
 * driftredovisning.xlsx in its folder. The PDF and DOCX show the sheet's cells,
 * the output workbook holds them as numbers again, the web page offers each
 * table as Swedish CSV, and the same content gives the same workbook bytes.
 */
import { builtExample } from '../helpers/examples.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { build } from '../../src/build.ts';
import { readXlsx } from '../../src/sources/xlsx-read.ts';
import { cellAt } from '../../src/sources/grid.ts';
import { formatNumber } from '../../src/format/swedish.ts';
import { docxParts, docxText, pdfPageTexts } from '../helpers/read-back.ts';

const REPORT = 'katrineholm-von-arsredovisning-2024';
const SHEET_FILE = join('content', REPORT, 'driftredovisning.xlsx');
let out: string;
let sheetRows: { label: string; figures: number[] }[];
let pdfText: string;
let docx: string;
let html: string;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  const built = builtExample(REPORT);
  expect(built.ok).toBe(true);
  out = built.outDir;
  // The figures as they stand in the Excel file: the header is on row 3, the Summa row last.
  const drift = (await readXlsx(readFileSync(SHEET_FILE))).sheets.find((s) => s.name === 'Drift')!;
  sheetRows = [];
  for (let r = 4; r <= drift.rows; r++) {
    const label = cellAt(drift, r, 1);
    sheetRows.push({ label: label?.kind === 'text' ? label.value : '', figures: [2, 3, 4, 5].map((c) => { const v = cellAt(drift, r, c); return v?.kind === 'tal' ? v.value : NaN; }) });
  }
  pdfText = (await pdfPageTexts(new Uint8Array(readFileSync(join(out, `${REPORT}.pdf`))))).join('\n').replace(/\s+/g, ' ');
  docx = docxText(docxParts(new Uint8Array(readFileSync(join(out, `${REPORT}.docx`))))['word/document.xml']!).replace(/\u00a0/g, ' ');
  html = readFileSync(join(out, `${REPORT}.html`), 'utf8');
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(join(out, `${REPORT}.xlsx`)) as unknown as ExcelJS.Buffer);
}, 240_000);

const swedish = (n: number) => formatNumber(n, 0, { minus: '−' }).replace(/\u00a0/g, ' ');

describe('a table from Excel, through every output', () => {
  it('reads five rows and the Summa row from the sheet', () => {
    expect(sheetRows.map((r) => r.label)).toEqual(['Förvaltningsgemensamt', 'Förvaltningskontor', 'Funktionsstöd', 'Hälsa- och sjukvård', 'Äldreomsorg', 'Summa']);
    for (const r of sheetRows) for (const f of r.figures) expect(Number.isInteger(f)).toBe(true);
  });

  it('prints every cell of the sheet in the PDF, row by row', () => {
    for (const r of sheetRows) expect(pdfText).toContain(`${r.label} ${r.figures.map(swedish).join(' ')}`);
  });

  it('has every cell of the sheet in the DOCX table, row by row', () => {
    for (const r of sheetRows) expect(docx).toContain([r.label, ...r.figures.map(swedish)].join('\n'));
  });

  it('writes the table back into the output workbook as numbers with a tkr format, with unit and source', () => {
    const ws = workbook.getWorksheet('driftredovisning')!;
    expect(ws.getCell('A1').value).toBe('Driftredovisning, ackumulerat helår (tkr)');
    expect(ws.getCell('A2').value).toBe('Enhet: tkr (tusen kronor)');
    expect(String(ws.getCell('A3').value)).toBe('Källa: Årsredovisning 2024, Katrineholms kommun, avsnitt Ekonomisk ställning. Raderna är hämtade ur driftredovisning.xlsx, blad Drift, A4:E9.');
    expect(ws.getRow(5).values).toEqual([undefined, 'Verksamhetsområde', 'Utfall 2023', 'Utfall 2024', 'Budget 2024', 'Avvikelse 2024']);
    sheetRows.forEach((r, i) => {
      const row = ws.getRow(6 + i);
      expect(row.getCell(1).value).toBe(r.label);
      r.figures.forEach((f, c) => {
        expect(typeof row.getCell(2 + c).value).toBe('number');
        expect(row.getCell(2 + c).value).toBe(f);
        expect(row.getCell(2 + c).numFmt).toBe('#,##0');
      });
    });
  });

  it('has a sheet per table and chart data, with a contents sheet, and percentages stored as fractions', () => {
    const names = workbook.worksheets.map((w) => w.name);
    expect(names[0]).toBe('Innehåll');
    expect(names).toEqual(expect.arrayContaining(['driftredovisning', 'driftredovisning-diagram-data', 'investeringsredovisning', 'personalkostnader', 'indikatorer-och-riktvarden']));
    const staff = workbook.getWorksheet('personalkostnader')!;
    const share = [...Array(staff.rowCount).keys()].map((i) => staff.getRow(i + 1)).find((r) => String(r.getCell(1).value).startsWith('Timanställda, andel'))!;
    expect(share.getCell(3).value).toBe(0.151);
    expect(share.getCell(3).numFmt).toBe('0.0%');
  });

  it('offers every table of the web page as Swedish CSV, and none in the PDF', () => {
    const link = /<a href="data:text\/csv;charset&#x3D;utf-8;base64,([^"]+)" download="katrineholm-von-arsredovisning-2024-driftredovisning.csv">/.exec(html);
    expect(link).not.toBeNull();
    const csv = Buffer.from(link![1]!.replace(/&#x3D;/g, '='), 'base64').toString('utf8');
    expect(csv.startsWith('\uFEFFVerksamhetsområde;Utfall 2023;Utfall 2024;Budget 2024;Avvikelse 2024\r\n')).toBe(true);
    for (const r of sheetRows) expect(csv).toContain(`${r.label};${r.figures.join(';')}\r\n`);
    expect(pdfText).not.toContain('Ladda ned');
  });

  it('writes the same workbook bytes for the same content', async () => {
    const again = mkdtempSync(join(tmpdir(), 'kommunrapport-kallfil-igen-'));
    await build({ contentDir: 'content', outDir: again, reports: [REPORT], formats: ['xlsx', 'html'] });
    expect(readFileSync(join(again, `${REPORT}.xlsx`)).equals(readFileSync(join(out, `${REPORT}.xlsx`)))).toBe(true);
    expect(readFileSync(join(again, `${REPORT}.html`), 'utf8')).toBe(html);
  });
});
