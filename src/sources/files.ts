/**
 * Spreadsheets in a report folder. Loading is synchronous (src/content/load.ts),
 * but reading an .xlsx is not (exceljs), so every workbook in the folder is read
 * once beforehand with `readSpreadsheets` and handed to the loader; CSV files are
 * read when a block names them. A file is only read inside the report folder,
 * after resolving symbolic links.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { readCsv } from './csv-read.ts';
import type { Spreadsheet } from './grid.ts';

export type SpreadsheetResult = { ok: true; sheet: Spreadsheet } | { ok: false; problem: string; hint: string };

/** Workbooks read ahead, by real path. */
export interface Spreadsheets {
  workbooks: Map<string, SpreadsheetResult>;
}

export const noSpreadsheets = (): Spreadsheets => ({ workbooks: new Map() });

const MAX_FILES = 200;

/** Reads every .xlsx in the report folder and its subfolders (not following links out of it). */
export async function readSpreadsheets(reportDir: string): Promise<Spreadsheets> {
  const root = safeRealpath(reportDir);
  const out = noSpreadsheets();
  if (!root) return out;
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 3 || found.length >= MAX_FILES) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path, depth + 1);
      else if (e.isFile() && extname(e.name).toLowerCase() === '.xlsx') found.push(path);
    }
  };
  walk(root, 0);
  if (found.length === 0) return out;
  // exceljs (a large library) is loaded only for a folder that has a workbook.
  const { readXlsx } = await import('./xlsx-read.ts');
  await Promise.all(
    found.map(async (path) => {
      try {
        out.workbooks.set(path, { ok: true, sheet: await readXlsx(readFileSync(path)) });
      } catch (err) {
        out.workbooks.set(path, {
          ok: false,
          problem: `Filen kunde inte läsas som Excel-arbetsbok (${(err as Error).message.split('\n')[0]}).`,
          hint: 'Öppna filen i Excel och spara den som "Excel-arbetsbok (*.xlsx)". Äldre .xls-filer och lösenordsskyddade filer kan inte läsas.',
        });
      }
    }),
  );
  return out;
}

/** The real path of `name` when it lies inside the report folder; otherwise why not. */
export function resolveInside(reportDir: string, name: string): { ok: true; path: string } | { ok: false; problem: string; hint: string } {
  const outside = { ok: false as const, problem: `Filen "${name}" ligger utanför rapportmappen.`, hint: 'Lägg filen i rapportens mapp (eller en undermapp) och skriv sökvägen relativt den, t.ex. "källfil: budget.xlsx".' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(name) || name.startsWith('/') || name.startsWith('\\')) return outside;
  const root = safeRealpath(reportDir);
  const real = safeRealpath(resolve(reportDir, name));
  if (!root || !real) return { ok: false, problem: `Filen "${name}" finns inte i rapportmappen.`, hint: 'Kontrollera filnamnet (också stora och små bokstäver) och att filen ligger i rapportens mapp.' };
  if (!real.startsWith(root + sep)) return outside;
  if (!statSync(real).isFile()) return { ok: false, problem: `"${name}" är ingen fil.`, hint: 'Ange en .xlsx- eller .csv-fil.' };
  return { ok: true, path: real };
}

/** Reads a spreadsheet named by a block: an .xlsx read ahead, or a .csv read now. */
export function spreadsheetAt(path: string, spreadsheets: Spreadsheets): SpreadsheetResult {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return readCsv(readFileSync(path));
  if (ext === '.xlsx') {
    return spreadsheets.workbooks.get(path) ?? { ok: false, problem: 'Excel-filen lästes inte in före kontrollen.', hint: 'Kör bygget med npm run build:report; filen måste ligga i rapportmappen.' };
  }
  return {
    ok: false,
    problem: `Filformatet "${ext || 'okänt'}" kan inte läsas.`,
    hint: 'Spara tabellen som Excel-arbetsbok (.xlsx) eller som "CSV UTF-8" (.csv). Äldre .xls-filer kan inte läsas.',
  };
}

function safeRealpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
