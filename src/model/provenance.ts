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

/** The report's blocks that have an id, by id. */
function blocksById(report: Report): Map<string, DataBlock> {
  return new Map(report.sections.flatMap((s) => s.blocks).flatMap((b) => ('id' in b && typeof b.id === 'string' ? [[b.id, b as DataBlock] as const] : [])));
}

/** Remembers the imports of the loaded blocks for the computed blocks of the same id. */
export function rememberImports(loaded: LoadedReport, report: Report): void {
  const blocks = blocksById(report);
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
  return [...blocksById(report)].flatMap(([id, block]): [string, ImportedRows[]][] => {
    const list = imported.get(block);
    return list ? [[id, list]] : [];
  });
}

/** Remembers the imports for a copy of a report (structured-cloned to another thread, where the side table is empty). */
export function rememberImportsOf(report: Report, byId: readonly [string, ImportedRows[]][]): void {
  const blocks = blocksById(report);
  for (const [id, list] of byId) {
    const block = blocks.get(id);
    if (block) imported.set(block, list);
  }
}
