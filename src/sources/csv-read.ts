/**
 * Reads a CSV file the way Swedish Excel writes it: semicolons between cells,
 * decimal comma, spaces or non-breaking spaces between thousands, UTF-8 with
 * or without a byte order mark. A file in Windows-1252 ("CSV (semikolonavgränsad)"
 * in older Excel) or UTF-16 is refused with how to save it as UTF-8, since
 * guessing the encoding would turn å, ä and ö into something else without a word.
 */
import type { CellValue, Spreadsheet } from './grid.ts';
import { sheetFromRows } from './grid.ts';
import { parseSwedishNumber } from '../format/swedish.ts';

export type CsvResult = { ok: true; sheet: Spreadsheet } | { ok: false; problem: string; hint: string };

const saveAsUtf8 = 'Spara filen i Excel med "Spara som" och filformatet "CSV UTF-8 (kommaavgränsad) (*.csv)"; Excel skriver då semikolon mellan cellerna, eller spara som Excel-arbetsbok (.xlsx).';

export function readCsv(data: Uint8Array): CsvResult {
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) {
    return { ok: false, problem: 'Filen är sparad som UTF-16 ("Unicode-text"), inte som UTF-8.', hint: saveAsUtf8 };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    const windows = new TextDecoder('windows-1252').decode(data);
    const sample = /[åäöÅÄÖéü]/.exec(windows)?.[0];
    return {
      ok: false,
      problem: `Filen är inte UTF-8; den ser ut att vara sparad som Windows-1252 (ANSI)${sample ? `, där till exempel "${sample}" skrivs med en annan byte` : ''}.`,
      hint: saveAsUtf8,
    };
  }
  text = text.replace(/^\uFEFF/, '');
  const rows = parseRows(text);
  if (rows === undefined) return { ok: false, problem: 'Ett citattecken (") öppnas men stängs aldrig.', hint: 'Kontrollera att varje cell som börjar med " också slutar med ", och att " inne i en cell skrivs dubbelt ("").' };
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 5);
  if (lines.length > 0 && lines.every((l) => l.includes(',') && !l.includes(';') && !l.includes('\t'))) {
    return { ok: false, problem: 'Filen har komma mellan cellerna, men svensk CSV har semikolon (och komma som decimaltecken).', hint: saveAsUtf8 };
  }
  return { ok: true, sheet: { kind: 'csv', sheets: [sheetFromRows('', rows.map((r) => r.map(cellValue)))] } };
}

/** A cell's text as Excel wrote it: a Swedish number ("−1 234", "89,88", "45 %") becomes a number, everything else stays text. */
function cellValue(raw: string): CellValue | undefined {
  const t = raw.trim();
  if (t === '') return undefined;
  // A dot is no decimal sign in Swedish: "1.234" stays text, and the table's checks say what it could mean.
  const n = t.includes('.') ? undefined : parseSwedishNumber(t);
  return n === undefined ? { kind: 'text', value: t } : { kind: 'tal', value: n };
}

/** Splits on semicolons (or tabs) and line ends, honouring "quoted" cells with "" inside and line breaks. */
function parseRows(text: string): string[][] | undefined {
  const delimiter = (text.split(/\r?\n/, 1)[0] ?? '').includes(';') || !text.includes('\t') ? ';' : '\t';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (quoted) return undefined;
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
