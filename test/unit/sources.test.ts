/** The spreadsheet readers (XLSX, Swedish CSV) and rows of table blocks imported from them. */
import { describe, expect, it } from 'vitest';
import { symlinkSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readCsv } from '../../src/sources/csv-read.ts';
import { readXlsx } from '../../src/sources/xlsx-read.ts';
import { cellAt, cellName, parseRange } from '../../src/sources/grid.ts';
import { readSpreadsheets } from '../../src/sources/files.ts';
import { loadAndCompute } from '../../src/model/build-model.ts';
import { Diagnostics, formatDiagnostic } from '../../src/diagnostics.ts';
import { contentFolder, plain, section, ARSREDOVISNING_INDEX } from '../helpers/fixture.ts';
import type { Driftredovisning, GenericTable, Internbudget, Investeringsbudget, Personalnyckeltal } from '../../src/model/types.ts';


const utf8 = (s: string) => new TextEncoder().encode(s);

async function workbook(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A report folder with `files` (text or bytes), loaded and computed the way the build does it. */
async function computeWith(files: Record<string, string | Uint8Array>) {
  const text = Object.fromEntries(Object.entries(files).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const { report: dir } = contentFolder(text, { index: ARSREDOVISNING_INDEX });
  for (const [name, data] of Object.entries(files)) if (typeof data !== 'string') writeFileSync(join(dir, name), data);
  const diagnostics = new Diagnostics();
  const report = loadAndCompute(dir, diagnostics, await readSpreadsheets(dir));
  const block = <T>(id: string) => report?.sections.flatMap((s) => s.blocks).find((b) => 'id' in b && b.id === id) as T | undefined;
  return { report, dir, block, diagnostics: diagnostics.items, errors: diagnostics.errors, lines: diagnostics.items.map((d) => plain(formatDiagnostic(d))) };
}

const DRIFT_ROWS: [string, number, number, number, number][] = [
  ['Förvaltningsgemensamt', -17013, -20790, -29814, 9024],
  ['Äldreomsorg', -308457, -314902, -309142, -5760],
];

const driftBook = (override: (ws: ExcelJS.Worksheet) => void = () => {}) =>
  workbook((wb) => {
    wb.addWorksheet('Försättsblad').getCell('A1').value = 'Export från ekonomisystemet';
    const ws = wb.addWorksheet('Drift');
    ws.getCell('A1').value = 'Driftredovisning 2024';
    ws.getRow(3).values = ['Verksamhetsområde', 'Utfall 2023', 'Utfall 2024', 'Budget 2024', 'Avvikelse 2024', 'Kommentar'];
    DRIFT_ROWS.forEach((r, i) => (ws.getRow(4 + i).values = r));
    ws.getRow(6).values = ['Summa', { formula: 'SUM(B4:B5)', result: -325470 }, { formula: 'SUM(C4:C5)', result: -335692 }, { formula: 'SUM(D4:D5)', result: -338956 }, { formula: 'SUM(E4:E5)', result: 3264 }];
    override(ws);
  });

const driftSection = (spec: string) => section(`rubrik: Ekonomi\ndata:\n  - typ: driftredovisning\n    id: drift\n    enhet: tkr\n    rader: ${spec}`);

describe('cell addresses and ranges', () => {
  it('names cells as Excel does and reads ranges in A1 form', () => {
    expect(cellName(14, 4)).toBe('D14');
    expect(cellName(1, 27)).toBe('AA1');
    expect(parseRange('A2:E7')).toEqual({ top: 2, left: 1, bottom: 7, right: 5 });
    expect(parseRange('$e$7:a2')).toEqual({ top: 2, left: 1, bottom: 7, right: 5 });
    expect(parseRange('B3')).toEqual({ top: 3, left: 2, bottom: 3, right: 2 });
    expect(parseRange('A0:B2')).toBeUndefined();
    expect(parseRange('rad 2 till 7')).toBeUndefined();
  });
});

describe('Swedish CSV', () => {
  it('reads semicolons, decimal comma, spaces and non-breaking spaces between thousands, with or without BOM', () => {
    for (const bom of ['', '\uFEFF']) {
      const r = readCsv(utf8(`${bom}Verksamhet;Antal;Andel\r\nHemtjänst;1 412;61,5\r\n"Särskilt boende; LSS";-1\u00a0020;"8,25"\r\n"Citat ""inne""";−3;\r\n`));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const s = r.sheet.sheets[0]!;
      expect(cellAt(s, 1, 1)).toEqual({ kind: 'text', value: 'Verksamhet' });
      expect(cellAt(s, 2, 2)).toEqual({ kind: 'tal', value: 1412 });
      expect(cellAt(s, 2, 3)).toEqual({ kind: 'tal', value: 61.5 });
      expect(cellAt(s, 3, 1)).toEqual({ kind: 'text', value: 'Särskilt boende; LSS' });
      expect(cellAt(s, 3, 2)).toEqual({ kind: 'tal', value: -1020 });
      expect(cellAt(s, 3, 3)).toEqual({ kind: 'tal', value: 8.25 });
      expect(cellAt(s, 4, 1)).toEqual({ kind: 'text', value: 'Citat "inne"' });
      expect(cellAt(s, 4, 2)).toEqual({ kind: 'tal', value: -3 });
      expect(cellAt(s, 4, 3)).toBeUndefined();
      expect(s.rows).toBe(4);
    }
  });

  it('keeps "1.234" as text, for the checks of the table to refuse', () => {
    const r = readCsv(utf8('A;1.234\n'));
    expect(r.ok && cellAt(r.sheet.sheets[0]!, 1, 2)).toEqual({ kind: 'text', value: '1.234' });
  });

  it('refuses Windows-1252, UTF-16 and comma-separated files with how to save them', () => {
    const latin1 = Uint8Array.from([...'Verksamhet;Antal\nH'].map((c) => c.charCodeAt(0)).concat([0xe4, 0x6c, 0x73, 0x61, 0x3b, 0x31, 0x0a]));
    const w = readCsv(latin1);
    expect(w.ok).toBe(false);
    if (!w.ok) {
      expect(w.problem).toContain('Windows-1252');
      expect(w.problem).toContain('"ä"');
      expect(w.hint).toContain('CSV UTF-8');
    }
    const u16 = readCsv(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]));
    expect(!u16.ok && u16.problem).toContain('UTF-16');
    const comma = readCsv(utf8('Verksamhet,Antal\nHemtjänst,12\n'));
    expect(!comma.ok && comma.problem).toContain('komma mellan cellerna');
    const open = readCsv(utf8('A;"öppen\n'));
    expect(!open.ok && open.problem).toContain('citattecken');
  });
});

describe('XLSX', () => {
  it('reads every sheet, stored values of formulas, and marks error values and formulas without a stored value', async () => {
    const book = await readXlsx(
      await workbook((wb) => {
        wb.addWorksheet('Först').getCell('A1').value = 'x';
        const ws = wb.addWorksheet('Drift');
        ws.getCell('A1').value = ' Äldreomsorg ';
        ws.getCell('B1').value = -314902;
        ws.getCell('C1').value = { formula: 'B1*2', result: -629804 };
        ws.getCell('D1').value = { formula: 'B1/0', result: { error: '#DIV/0!' } };
        ws.getCell('E1').value = { formula: 'B1+1' };
        ws.getCell('F1').value = { richText: [{ text: 'Fet ' }, { text: 'text' }] };
        ws.mergeCells('A3:C3');
        ws.getCell('A3').value = 'Sammanslagen';
      }),
    );
    expect(book.sheets.map((s) => s.name)).toEqual(['Först', 'Drift']);
    const s = book.sheets[1]!;
    expect(cellAt(s, 1, 1)).toEqual({ kind: 'text', value: 'Äldreomsorg' });
    expect(cellAt(s, 1, 2)).toEqual({ kind: 'tal', value: -314902 });
    expect(cellAt(s, 1, 3)).toEqual({ kind: 'tal', value: -629804 });
    expect(cellAt(s, 1, 4)).toEqual({ kind: 'fel', problem: 'formeln ger felvärdet #DIV/0!' });
    expect(cellAt(s, 1, 5)?.kind).toBe('fel');
    expect(cellAt(s, 1, 6)).toEqual({ kind: 'text', value: 'Fet text' });
    expect(cellAt(s, 3, 1)).toEqual({ kind: 'text', value: 'Sammanslagen' });
    expect(cellAt(s, 3, 2)).toBeUndefined();
  });

  it('throws on a file that is not a workbook', async () => {
    await expect(readXlsx(utf8('inte en arbetsbok'))).rejects.toThrow();
  });
});

describe('table rows from a spreadsheet', () => {
  it('reads a driftredovisning by its header row, with the Summa row from the sheet, and checks it like typed rows', async () => {
    const { block, errors, lines } = await computeWith({ 'drift.xlsx': await driftBook(), '01-ekonomi.md': driftSection('{ källfil: drift.xlsx, blad: Drift, rubrikrad: 3, summarad: Summa }') });
    expect(errors).toEqual([]);
    expect(lines).toEqual([]);
    const d = block<Driftredovisning>('drift')!;
    expect(d.rows.map((r) => [r.verksamhet, r.values.utfall.value, r.values.avvikelse.value])).toEqual([['Förvaltningsgemensamt', -20790, 9024], ['Äldreomsorg', -314902, -5760]]);
    expect(d.summa.values.budget).toEqual({ value: -338956, computed: false });
  });

  it('names the file, sheet and cell of a figure that does not add up', async () => {
    const book = await driftBook((ws) => (ws.getCell('E5').value = -5790));
    const { lines } = await computeWith({ 'drift.xlsx': book, '01-ekonomi.md': driftSection('{ källfil: drift.xlsx, blad: Drift, rubrikrad: 3, summarad: Summa }') });
    expect(lines.some((l) => l.includes('drift.xlsx, blad Drift, cell E5: fel: Raden "Äldreomsorg", kolumn "Avvikelse 2024": angivet −5 790'))).toBe(true);
    // The Summa row's avvikelse no longer matches the rows either: its own cell.
    expect(lines.some((l) => l.includes('drift.xlsx, blad Drift, cell E6: fel:'))).toBe(true);
  });

  it('refuses a thousands dot, an error value and a formula without stored value, each at its cell', async () => {
    const book = await driftBook((ws) => {
      ws.getCell('B4').value = '17.013';
      ws.getCell('C5').value = { formula: 'C4/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue;
    });
    const a = await computeWith({ 'drift.xlsx': book, '01-ekonomi.md': driftSection('{ källfil: drift.xlsx, blad: Drift, rubrikrad: 3, summarad: Summa }') });
    expect(a.lines.some((l) => /drift\.xlsx, blad Drift, cell C5: fel: Formeln ger felvärdet #DIV\/0!/.test(l))).toBe(true);
    const b = await computeWith({ 'drift.xlsx': await driftBook((ws) => (ws.getCell('B4').value = '17.013')), '01-ekonomi.md': driftSection('{ källfil: drift.xlsx, blad: Drift, rubrikrad: 3, summarad: Summa }') });
    expect(b.lines.some((l) => l.includes('drift.xlsx, blad Drift, cell B4: fel: "17.013" kan läsas både som 17 013 och som 17,013') && l.includes('[tusentalspunkt]'))).toBe(true);
  });

  it('reads a range in the order of the table\'s columns, and says how wide it must be', async () => {
    const ok = await computeWith({ 'drift.xlsx': await driftBook(), '01-ekonomi.md': driftSection('{ källfil: drift.xlsx, blad: Drift, område: A4:E5 }') });
    expect(ok.errors).toEqual([]);
    expect(ok.block<Driftredovisning>('drift')!.summa.values.utfall).toEqual({ value: -335692, computed: true });
    const wide = await computeWith({ 'drift.xlsx': await driftBook(), '01-ekonomi.md': driftSection('{ källfil: drift.xlsx, blad: Drift, område: A4:F5 }') });
    expect(wide.lines.join('\n')).toContain('Området A4:F5 i drift.xlsx har 6 kolumner, men tabellen har 5');
  });

  it('suggests the sheet, names missing headings, refuses a Summa row read as a row, and files outside the folder', async () => {
    const sheet = await computeWith({ 'drift.xlsx': await driftBook(), '01-ekonomi.md': driftSection('{ källfil: drift.xlsx, blad: drfit, rubrikrad: 3 }') });
    expect(sheet.lines.join('\n')).toContain('drift.xlsx har inget blad "drfit". Menade du "Drift"?');
    expect(sheet.lines[0]).toMatch(/^.*01-ekonomi\.md:\d+:\d+: fel:/);
    const headings = await computeWith({ 'drift.xlsx': await driftBook((ws) => (ws.getCell('D3').value = 'Budget helår')), '01-ekonomi.md': driftSection('{ källfil: drift.xlsx, blad: Drift, rubrikrad: 3, summarad: Summa }') });
    expect(headings.lines.join('\n')).toContain('saknar rubrik för budget ("budget" eller "Budget 2024")');
    const renamed = await computeWith({ 'drift.xlsx': await driftBook((ws) => (ws.getCell('D3').value = 'Budget helår')), '01-ekonomi.md': driftSection('{ källfil: drift.xlsx, blad: Drift, rubrikrad: 3, summarad: Summa, rubriker: { budget: Budget helår } }') });
    expect(renamed.errors).toEqual([]);
    const summa = await computeWith({ 'drift.xlsx': await driftBook(), '01-ekonomi.md': driftSection('{ källfil: drift.xlsx, blad: Drift, rubrikrad: 3 }') });
    expect(summa.lines.join('\n')).toContain('drift.xlsx, blad Drift, cell A6: fel: Raden "Summa" ser ut som en summarad');
    const outside = mkdtempSync(join(tmpdir(), 'kommunrapport-utanfor-'));
    writeFileSync(join(outside, 'drift.csv'), 'a;1\n');
    const escape = await computeWith({ '01-ekonomi.md': driftSection(`{ källfil: ../../${outside.split('/').pop()}/drift.csv, område: A1:E1 }`) });
    expect(escape.lines.join('\n')).toMatch(/ligger utanför rapportmappen|finns inte i rapportmappen/);
    const linked = await computeWith({ '01-ekonomi.md': driftSection('{ källfil: lank.csv, område: A1:E1 }') });
    symlinkSync(join(outside, 'drift.csv'), join(linked.dir, 'lank.csv'));
    const viaLink = new Diagnostics();
    loadAndCompute(linked.dir, viaLink, await readSpreadsheets(linked.dir));
    expect(viaLink.errors.map((d) => d.message).join('\n')).toContain('ligger utanför rapportmappen');
    const missing = await computeWith({ '01-ekonomi.md': driftSection('{ källfil: saknas.xlsx, rubrikrad: 1 }') });
    expect(missing.lines.join('\n')).toContain('Filen "saknas.xlsx" finns inte i rapportmappen.');
    const broken = await computeWith({ 'trasig.xlsx': utf8('inte en arbetsbok'), '01-ekonomi.md': driftSection('{ källfil: trasig.xlsx, rubrikrad: 1 }') });
    expect(broken.lines.join('\n')).toContain('trasig.xlsx: Filen kunde inte läsas som Excel-arbetsbok');
  });

  it('reads a free table (volymer) from Swedish CSV, and refuses a CSV in Windows-1252 at the block', async () => {
    const csv = '\uFEFFVerksamhet;Antal 2024;Andel\nHemtjänst;1 412;61,5\nSärskilt boende;188;\n';
    const tabell = section(`rubrik: Volymer\ndata:\n  - typ: tabell\n    id: volymer\n    rubrik: Volymer\n    kolumner: [Verksamhet, { rubrik: Antal 2024, typ: tal }, { rubrik: Andel, typ: procent, decimaler: 1 }]\n    rader: { källfil: volymer.csv, rubrikrad: 1 }\n    summarad: Summa`);
    const { block, errors } = await computeWith({ 'volymer.csv': utf8(csv), '01-volymer.md': tabell });
    expect(errors).toEqual([]);
    const t = block<GenericTable>('volymer')!;
    expect(t.rows).toEqual([
      [{ kind: 'text', text: 'Hemtjänst' }, { kind: 'tal', value: 1412 }, { kind: 'tal', value: 61.5 }],
      [{ kind: 'text', text: 'Särskilt boende' }, { kind: 'tal', value: 188 }, { kind: 'tom' }],
    ]);
    expect(t.summa!.cells[1]).toEqual({ kind: 'tal', value: 1600 });
    const latin = Uint8Array.from([...'Verksamhet;Antal 2024;Andel\nS'].map((c) => c.charCodeAt(0)).concat([0xe4, 0x72, 0x3b, 0x31, 0x3b, 0x0a]));
    const bad = await computeWith({ 'volymer.csv': latin, '01-volymer.md': tabell });
    expect(bad.lines.join('\n')).toContain('volymer.csv: Filen är inte UTF-8; den ser ut att vara sparad som Windows-1252');
    const textInNumbers = await computeWith({ 'volymer.csv': utf8('Verksamhet;Antal 2024;Andel\nHemtjänst;många;1\n'), '01-volymer.md': tabell });
    expect(textInNumbers.lines.join('\n')).toContain('volymer.csv, cell B2: fel: Kolumnen "Antal 2024" ska innehålla tal');
  });

  it('reads an internbudget part with a subtotal, an investeringsbudget grouped by kategori, and personnel figures by year', async () => {
    const book = await workbook((wb) => {
      const k = wb.addWorksheet('Kostnader');
      k.getRow(1).values = ['Kod', 'Verksamhet', 'Budget 2024', 'Budget 2025'];
      k.getRow(2).values = [54, 'Individ och familj', -100, -110];
      k.getRow(3).values = [55, 'Missbruk', -50, -40];
      k.getRow(4).values = [null, 'Dels:a IFO', -150, -150];
      k.getRow(5).values = [60, 'Äldreomsorg', -300, -320];
      k.getRow(6).values = [null, 'S:a Kostnader', -450, -470];
      const i = wb.addWorksheet('Investeringar');
      i.getRow(1).values = ['Kategori', 'Projekt', 'Budget 2024', 'Budget 2025'];
      i.getRow(2).values = ['Inventarier', 'Madrasser', 142, 150];
      i.getRow(3).values = ['Inventarier', 'Sängar', 58, 'X'];
      i.getRow(4).values = ['IT', 'Larm', 100, 50];
      i.getRow(5).values = [null, 'Totalt', 300, 200];
      const p = wb.addWorksheet('Personal');
      p.getRow(1).values = ['Nyckeltal', 'Totalt 2024', 'Kvinnor 2024', 'Män 2024', 'Totalt 2023'];
      p.getRow(2).values = ['Tillsvidareanställda, antal', 1200, 1000, 200, 1180];
    });
    const kolumner = '[{ id: b24, rubrik: Budget 2024 }, { id: b25, rubrik: Budget 2025 }]';
    const { block, errors, lines } = await computeWith({
      'budget.xlsx': book,
      '01-ekonomi.md': section(`rubrik: Ekonomi
data:
  - typ: internbudget
    id: internbudget
    enhet: tkr
    kolumner: ${kolumner}
    kostnader:
      rader: { källfil: budget.xlsx, blad: Kostnader, rubrikrad: 1, summarad: "S:a Kostnader" }
  - typ: investeringsbudget
    id: investeringar
    enhet: tkr
    kolumner: ${kolumner}
    kategorier: { källfil: budget.xlsx, blad: Investeringar, rubrikrad: 1, summarad: Totalt }
  - typ: personalnyckeltal
    id: personal
    år: [2024, 2023]
    rader: { källfil: budget.xlsx, blad: Personal, rubrikrad: 1 }`),
    });
    expect(errors).toEqual([]);
    expect(lines.filter((l) => l.includes('fel:'))).toEqual([]);
    const ib = block<Internbudget>('internbudget')!;
    const kost = ib.parts.find((p) => p.rubrik.toLowerCase().includes('kostnader'))!;
    expect(kost.rows.map((r) => [r.kind, r.namn, r.values.b24?.value])).toEqual([
      ['rad', 'Individ och familj', -100], ['rad', 'Missbruk', -50], ['delsumma', 'Dels:a IFO', -150], ['rad', 'Äldreomsorg', -300],
    ]);
    expect(kost.summa.values.b25).toEqual({ value: -470, computed: false });
    const inv = block<Investeringsbudget>('investeringar')!;
    expect(inv.categories.map((c) => [c.namn, c.projects.map((p) => p.namn)])).toEqual([['Inventarier', ['Madrasser', 'Sängar']], ['IT', ['Larm']]]);
    expect(inv.categories[0]!.projects[1]!.values.b25?.planned).toBe(true);
    const pers = block<Personalnyckeltal>('personal')!;
    expect(pers.rows[0]!.värden['2024']).toMatchObject({ totalt: { value: 1200 }, kvinnor: { value: 1000 }, män: { value: 200 } });
    expect(pers.rows[0]!.värden['2023']?.totalt?.value).toBe(1180);
  });
});

describe('a källfil where rows cannot come from a file', () => {
  it('says where the rows of the table can come from, or that the table cannot read a file', async () => {
    const part = await computeWith({ '01-ekonomi.md': section('rubrik: Ekonomi\ndata:\n  - typ: internbudget\n    id: ib\n    enhet: tkr\n    kolumner: [{ id: b24, rubrik: Budget 2024 }]\n    kostnader: { källfil: budget.xlsx, rubrikrad: 1 }') });
    expect(part.lines.join('\n')).toContain('"källfil" kan inte stå här i en internbudget.');
    expect(part.lines.join('\n')).toContain('eller "kostnader.rader"');
    const text = await computeWith({ '01-ekonomi.md': section('rubrik: Ekonomi\ndata:\n  - typ: nyckeltal\n    id: nt\n    rader: { källfil: nyckeltal.xlsx, rubrikrad: 1 }') });
    expect(text.lines.join('\n')).toContain('Tabelltypen "nyckeltal" kan inte läsa rader ur en fil.');
  });
});

describe('sign conventions of imported rows', () => {
  it('says at the cell that a net cost has the reversed sign, and which nettokostnad_tecken fits', async () => {
    const book = await workbook((wb) => {
      const sheet = (name: string, rows: [string, number][]) => {
        const ws = wb.addWorksheet(name);
        ws.getRow(1).values = ['Verksamhet', 'Budget 2024'];
        rows.forEach((r, i) => (ws.getRow(2 + i).values = r));
      };
      sheet('Intäkter', [['Hemtjänst', 100]]);
      sheet('Kostnader', [['Hemtjänst', -400]]);
      sheet('Netto', [['Hemtjänst', 300]]);
    });
    const part = (name: string, sheet: string) => `    ${name}:\n      rader: { källfil: budget.xlsx, blad: ${sheet}, rubrikrad: 1 }`;
    const { lines } = await computeWith({
      'budget.xlsx': book,
      '01-ekonomi.md': section(`rubrik: Ekonomi\ndata:\n  - typ: internbudget\n    id: ib\n    enhet: tkr\n    kolumner: [{ id: b24, rubrik: Budget 2024 }]\n${part('nettokostnad', 'Netto')}\n${part('intäkter', 'Intäkter')}\n${part('kostnader', 'Kostnader')}`),
    });
    const line = lines.find((l) => l.includes('budget.xlsx, blad Netto, cell B2: fel:'));
    expect(line).toBeDefined();
    expect(line).toContain('omvänt tecken');
    expect(line).toContain('nettokostnad_tecken: positiv');
  });
});
