/**
 * exceljs stamps every zip entry with the time of writing. The entries are
 * packed again here with one fixed time, so that the same workbook gives the
 * same bytes, like every other output.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import ExcelJS from 'exceljs';

/** The DOS epoch: the earliest time a zip entry can hold. */
const FIXED_TIME = new Date(Date.UTC(1980, 0, 1, 12, 0, 0));

export function repackZip(data: Uint8Array): Uint8Array {
  const entries = unzipSync(data);
  const out: Zippable = {};
  for (const name of Object.keys(entries)) out[name] = [entries[name]!, { mtime: FIXED_TIME, level: 6 }];
  return zipSync(out, { mtime: FIXED_TIME });
}

/** A workbook's bytes, with fixed document dates and zip times. */
export async function workbookBytes(workbook: ExcelJS.Workbook, date: Date): Promise<Uint8Array> {
  workbook.created = date;
  workbook.modified = date;
  workbook.creator = 'kommunrapport';
  workbook.lastModifiedBy = 'kommunrapport';
  // Stored, not compressed: repackZip unzips and compresses every part once more, so exceljs's (pure JavaScript) deflate would be work thrown away.
  const buffer = await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  return repackZip(new Uint8Array(buffer as ArrayBuffer));
}
