/**
 * Writes content/katrineholm-von-arsredovisning-2024/driftredovisning.xlsx: the
 * driftredovisning of the årsredovisning 2024 as the economy office exports it
 * to Excel (a title row, a header row, one row per verksamhetsområde and a Summa
 * row with SUM formulas and their stored values). The example reads its table
 * from this file; the figures are those of the published annual report.
 *
 *   npx tsx scripts/katrineholm-xlsx.ts
 *
 * Same figures → same bytes (fixed dates, see src/render/xlsx/zip.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { workbookBytes } from '../src/render/xlsx/zip.ts';

export const driftRows: [string, number, number, number, number][] = [
  ['Förvaltningsgemensamt', -17013, -20790, -29814, 9024],
  ['Förvaltningskontor', -228762, -235172, -234029, -1143],
  ['Funktionsstöd', -232833, -255840, -253584, -2256],
  ['Hälsa- och sjukvård', -80359, -81171, -80857, -314],
  // The published avvikelse is −5 761; utfall − budget gives −5 760 (rounding in the source).
  ['Äldreomsorg', -308457, -314902, -309142, -5761],
];

/** The workbook of `rows` (by default the published figures): a Summa row sums them with formulas and their stored values. */
export async function driftWorkbook(rows = driftRows): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Drift');
  ws.getCell('A1').value = 'Vård- och omsorgsnämnden, driftredovisning 2024 (tkr)';
  ws.getCell('A1').font = { bold: true };
  ws.getRow(3).values = ['Verksamhetsområde', 'Utfall 2023', 'Utfall 2024', 'Budget 2024', 'Avvikelse 2024'];
  ws.getRow(3).font = { bold: true };
  rows.forEach((r, i) => (ws.getRow(4 + i).values = r));
  const last = 3 + rows.length;
  const sumRow = ws.getRow(last + 1);
  sumRow.getCell(1).value = 'Summa';
  for (let c = 2; c <= 5; c++) {
    const letter = String.fromCharCode(64 + c);
    sumRow.getCell(c).value = { formula: `SUM(${letter}4:${letter}${last})`, result: rows.reduce((s, r) => s + (r[c - 1] as number), 0) };
  }
  sumRow.font = { bold: true };
  for (let c = 2; c <= 5; c++) ws.getColumn(c).numFmt = '#,##0';
  ws.getColumn(1).width = 28;
  for (let c = 2; c <= 5; c++) ws.getColumn(c).width = 14;
  return workbookBytes(wb, new Date(Date.UTC(2025, 1, 20)));
}

if (process.argv[1]?.endsWith('katrineholm-xlsx.ts')) {
  const path = join('content', 'katrineholm-von-arsredovisning-2024', 'driftredovisning.xlsx');
  writeFileSync(path, await driftWorkbook());
  process.stdout.write(`Skrev ${path}\n`);
}
