/**
 * Which computed blocks took their rows from a spreadsheet, and from where:
 * kept beside the model (not in it), so that the model and every output made
 * from it stay the same whether a table was typed or read from a file; the
 * workbook names the file under "Källa".
 */
import type { DataBlock, Report } from './types.ts';
import type { LoadedReport } from '../content/load.ts';
import type { ImportedRows } from '../sources/import.ts';

const imported = new WeakMap<DataBlock, ImportedRows[]>();

/** Remembers the imports of the loaded blocks for the computed blocks of the same id. */
export function rememberImports(loaded: LoadedReport, report: Report): void {
  const blocks = new Map(report.sections.flatMap((s) => s.blocks).flatMap((b) => ('id' in b && typeof b.id === 'string' ? [[b.id, b as DataBlock] as const] : [])));
  for (const s of loaded.sections) {
    for (const b of s.blocks) {
      const block = b.imports?.length ? blocks.get(b.input.id) : undefined;
      if (block) imported.set(block, b.imports!);
    }
  }
}

/** "Raderna är hämtade ur driftredovisning.xlsx, blad Drift, A4:E9." for a block read from a file; '' otherwise. */
export function importSentence(block: DataBlock): string {
  const list = imported.get(block);
  if (!list?.length) return '';
  return `Raderna är hämtade ur ${list.map((i) => `${i.file}${i.sheet ? `, blad ${i.sheet}` : ''}, ${i.range}`).join(' och ')}.`;
}

/** The imports of a report's blocks, by block id: what a copy of the report on another thread needs (see rememberImportsOf). */
export function importsOf(report: Report): [string, ImportedRows[]][] {
  return report.sections.flatMap((s) => s.blocks).flatMap((b): [string, ImportedRows[]][] => {
    if (!('id' in b) || typeof b.id !== 'string') return [];
    const list = imported.get(b as DataBlock);
    return list ? [[b.id, list]] : [];
  });
}

/** Remembers the imports for a copy of a report (structured-cloned to another thread, where the side table is empty). */
export function rememberImportsOf(report: Report, byId: readonly [string, ImportedRows[]][]): void {
  const lists = new Map(byId);
  for (const b of report.sections.flatMap((s) => s.blocks)) {
    const list = 'id' in b && typeof b.id === 'string' ? lists.get(b.id) : undefined;
    if (list) imported.set(b as DataBlock, list);
  }
}
