/** The workbook's bytes (src/render/xlsx/zip.ts): one fixed time, every part compressed once. */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { workbookBytes } from '../../src/render/xlsx/zip.ts';

const entries = (zip: Uint8Array) => {
  // Local file headers: compression method at +8, DOS time and date at +10.
  const out: { method: number; time: number; date: number }[] = [];
  for (let at = 0; at + 30 <= zip.length; at++) {
    if (zip[at] === 0x50 && zip[at + 1] === 0x4b && zip[at + 2] === 0x03 && zip[at + 3] === 0x04) {
      const v = new DataView(zip.buffer, zip.byteOffset + at);
      out.push({ method: v.getUint16(8, true), time: v.getUint16(10, true), date: v.getUint16(12, true) });
    }
  }
  return out;
};

describe('workbook bytes', () => {
  it('asks exceljs for stored parts and compresses each part once, with one fixed time', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Driftredovisning').addRow(['Verksamhet', 'Budget', 'Utfall']);
    const write = vi.spyOn(workbook.xlsx, 'writeBuffer');
    const bytes = await workbookBytes(workbook, new Date(Date.UTC(2025, 1, 20)));
    expect(write).toHaveBeenCalledWith({ zip: { compression: 'STORE' } });
    const found = entries(bytes);
    expect(found.length).toBe(Object.keys(unzipSync(bytes)).length);
    expect(new Set(found.map((e) => e.method))).toEqual(new Set([8]));
    expect(new Set(found.map((e) => `${e.date}:${e.time}`)).size).toBe(1);
    // Same workbook, same bytes.
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(await workbookBytes(workbook, new Date(Date.UTC(2025, 1, 20)))))).toBe(0);
  });
});
