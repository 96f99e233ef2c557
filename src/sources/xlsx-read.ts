/**
 * Reads an .xlsx workbook with exceljs into sheets of plain cells. Formula
 * cells give the value Excel stored when the file was last saved; a formula
 * without a stored value, and error values (#DIV/0!), become cell problems
 * that the importer reports with the cell's address.
 */
import ExcelJS from 'exceljs';
import type { CellValue, Sheet, Spreadsheet } from './grid.ts';

/** Throws when the bytes are not a workbook exceljs can read. */
export async function readXlsx(data: Uint8Array): Promise<Spreadsheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength) as unknown as ExcelJS.Buffer);
  const sheets: Sheet[] = [];
  for (const ws of workbook.worksheets) {
    const cells = new Map<string, CellValue>();
    let rows = 0;
    let columns = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // A merged range keeps its value in its first cell only.
        if (cell.isMerged && cell.master !== cell) return;
        const value = plainValue(cell.value);
        if (!value) return;
        cells.set(`${r}:${c}`, value);
        rows = Math.max(rows, r);
        columns = Math.max(columns, c);
      });
    });
    sheets.push({ name: ws.name, cells, rows, columns });
  }
  return { kind: 'xlsx', sheets };
}

function plainValue(v: ExcelJS.CellValue): CellValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'tal', value: v } : { kind: 'fel', problem: 'talet är inte ändligt' };
  if (typeof v === 'string') return v.trim() === '' ? undefined : { kind: 'text', value: v.trim() };
  if (typeof v === 'boolean') return { kind: 'text', value: v ? 'Ja' : 'Nej' };
  if (v instanceof Date) return { kind: 'text', value: v.toISOString().slice(0, 10) };
  if ('error' in v) return { kind: 'fel', problem: `cellen har felvärdet ${String(v.error)}` };
  if ('richText' in v) return plainValue(v.richText.map((t) => t.text).join(''));
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return { kind: 'fel', problem: 'formeln saknar sparat värde (filen är inte beräknad och sparad i Excel)' };
    if (typeof result === 'object' && result !== null && 'error' in result) return { kind: 'fel', problem: `formeln ger felvärdet ${String(result.error)}` };
    return plainValue(result as ExcelJS.CellValue);
  }
  if ('hyperlink' in v) return plainValue(v.text);
  return { kind: 'fel', problem: 'cellens innehåll kan inte läsas som tal eller text' };
}
