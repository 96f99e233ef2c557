/**
 * Stage 1: read a report folder and its municipality profile from disk, split
 * front matter from Markdown, and validate every value against the schemas.
 * Nothing is computed here; nothing here knows about output formats.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Diagnostics } from '../diagnostics.ts';
import type { SourceFile } from './source-file.ts';
import { check, reportAt } from './validate.ts';
import { blockSchemas, indexSchema, sectionSchema, type BlockInput, type BlockType, type IndexInput } from './schema.ts';
import { nearest } from './schema-helpers.ts';
import { parseBody, type BodyBlock } from './markdown.ts';
import { checkColumnKeys } from './column-keys.ts';
import { checkNumberShapes } from './number-shapes.ts';
import { StatedIds } from './duplicate-ids.ts';
import { importRows, type ImportContext, type ImportedRows } from '../sources/import.ts';
import { noSpreadsheets, type Spreadsheets } from '../sources/files.ts';
import { folderInside } from './read-inside.ts';
import { displayPath, readSource } from './read-source.ts';
import { loadProfile, type LoadedProfile } from './profile.ts';
import { INDEX_FILE } from './folders.ts';
import { resolveImages } from './images.ts';

export { findReportFolders, INDEX_FILE, PROFILES_FOLDER, PROFILE_FILE } from './folders.ts';
export { displayPath };

export interface LoadedBlock {
  input: BlockInput;
  source: SourceFile;
  /** Path of the block in its file's front matter, e.g. ["data", 0]. */
  path: (string | number)[];
  /** Row lists read from a spreadsheet in the report folder (src/sources/import.ts). */
  imports?: ImportedRows[];
}

export interface LoadedImage {
  kind: 'image';
  alt: string;
  mime: 'image/png' | 'image/jpeg';
  data: Uint8Array;
  width: number;
  height: number;
}

export interface LoadedSection {
  id: string;
  rubrik: string;
  bilaga: boolean;
  source: SourceFile;
  blocks: LoadedBlock[];
  body: (Exclude<BodyBlock, { kind: 'imageRef' }> | LoadedImage)[];
}

export interface LoadedReport {
  id: string;
  dir: string;
  index: IndexInput;
  indexSource: SourceFile;
  indexBody: LoadedSection['body'];
  profile: LoadedProfile;
  sections: LoadedSection[];
}

/**
 * Loads and validates one report. Undefined when the report cannot be read as a
 * whole (index.md, the profile or a section file unreadable); otherwise the
 * report with every block that has no errors. Errors are in `diagnostics`.
 */
export function loadReport(reportDir: string, diagnostics: Diagnostics, spreadsheets: Spreadsheets = noSpreadsheets()): LoadedReport | undefined {
  const dir = resolve(reportDir);
  const contentRoot = dirname(dir);
  const id = basename(dir);

  if (!folderInside(dir, contentRoot)) {
    diagnostics.error({
      code: 'utanför-mappen',
      file: displayPath(dir),
      message: `Rapportmappen "${id}" är en genväg (symbolisk länk) till en mapp utanför ${displayPath(contentRoot)} och läses inte.`,
      hint: `Flytta eller kopiera rapportmappen in i ${displayPath(contentRoot)} i stället för att länka till den.`,
    });
    return undefined;
  }
  const indexPath = join(dir, INDEX_FILE);
  if (!existsSync(indexPath)) {
    diagnostics.error({
      code: 'fil-saknas',
      file: displayPath(indexPath),
      message: `Rapportmappen "${id}" saknar ${INDEX_FILE}.`,
      hint: `Skapa ${INDEX_FILE} med rapportens uppgifter (typ, kommun, nämnd, titel, period, status); se README, "Skriva en rapport".`,
    });
    return undefined;
  }
  const indexSource = readSource(indexPath, dir, diagnostics);
  const index = indexSource ? check(indexSchema, indexSource.data, indexSource, [], diagnostics) : undefined;

  const profile = index && indexSource ? loadProfile(contentRoot, index.kommun, indexSource, diagnostics) : undefined;

  const sectionFiles = readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== INDEX_FILE)
    .sort();
  if (sectionFiles.length === 0) {
    diagnostics.error({
      code: 'avsnitt-saknas',
      file: displayPath(dir),
      message: 'Rapporten har inga avsnitt.',
      hint: 'Lägg till avsnittsfiler som "01-inledning.md" i rapportmappen; de sorteras efter filnamn.',
    });
  }

  const sections: LoadedSection[] = [];
  const sheets: ImportContext = { reportDir: dir, år: index?.period.till ?? 0, spreadsheets };
  const statedIds = new StatedIds(diagnostics);
  const leftOut: string[] = [];
  let unreadFiles = false;
  for (const file of sectionFiles) {
    const path = join(dir, file);
    const source = readSource(path, dir, diagnostics);
    const front = source && check(sectionSchema, source.data, source, [], diagnostics);
    if (!source || !front) {
      unreadFiles = true;
      continue;
    }
    const blocks: LoadedBlock[] = [];
    front.data.forEach((raw, i) => {
      const usable = statedIds.add(raw, source, ['data', i]);
      const block = checkBlock(raw, source, ['data', i], diagnostics, sheets);
      if (block && usable) blocks.push(block);
      else if (typeof (raw as { id?: unknown } | null)?.id === 'string') leftOut.push((raw as { id: string }).id);
    });
    const body = resolveImages(parseBody(source.body, source.bodyStartLine, source.displayPath, diagnostics), dirname(path), dir, source, diagnostics);
    sections.push({ id: sectionId(file), rubrik: front.rubrik, bilaga: front.bilaga, source, blocks, body });
  }

  const indexBody = indexSource
    ? resolveImages(parseBody(indexSource.body, indexSource.bodyStartLine, indexSource.displayPath, diagnostics), dir, dir, indexSource, diagnostics)
    : [];

  if (unreadFiles || !index || !indexSource || !profile) return undefined;
  // Blocks with errors are left out and the rest is returned, so that the model's checks (sums and the like)
  // run in the same build as the schema's; the caller builds nothing when any error was reported.
  return { id, dir, index, indexSource, indexBody, profile, sections: withoutLeftOut(sections, leftOut) };
}

/**
 * Takes out what depends on blocks left out for errors, so that they cause no
 * further messages: their placements in the text, and charts drawn from them.
 */
function withoutLeftOut(sections: LoadedSection[], leftOut: readonly string[]): LoadedSection[] {
  if (leftOut.length === 0) return sections;
  const kept = new Set(sections.flatMap((s) => s.blocks.map((b) => b.input.id)));
  // A chart is taken out only when its källa is gone altogether (not when a second block of that id was left out).
  const gone = new Set(leftOut.filter((id) => !kept.has(id)));
  let blocks = sections.map((s) => s.blocks);
  for (let changed = true; changed; ) {
    changed = false;
    blocks = blocks.map((list) =>
      list.filter((b) => {
        if (b.input.typ !== 'diagram' || !gone.has(b.input.källa)) return true;
        gone.add(b.input.id);
        changed = true;
        return false;
      }),
    );
  }
  return sections.map((s, i) => {
    const own = new Set(blocks[i]!.map((b) => b.input.id));
    const placeable = (ref: string) => own.has(ref) || !(gone.has(ref) || leftOut.includes(ref));
    return { ...s, blocks: blocks[i]!, body: s.body.filter((item) => item.kind !== 'placement' || placeable(item.ref)) };
  });
}

/** "03-ekonomi.md" → "ekonomi". */
export function sectionId(file: string): string {
  return basename(file, '.md').replace(/^\d+[-_ ]*/, '') || basename(file, '.md');
}

function checkBlock(raw: unknown, yamlSource: SourceFile, path: (string | number)[], diagnostics: Diagnostics, sheets: ImportContext): LoadedBlock | undefined {
  let source = yamlSource;
  const types = Object.keys(blockSchemas) as BlockType[];
  const typ = (raw as { typ?: unknown } | null)?.typ;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    reportAt(diagnostics, source, path, 'fel-typ', `Varje post under "data" ska vara en tabell med nycklar (typ, id, …).|Börja posten med "- typ: internbudget" eller en annan typ: ${types.join(', ')}.`);
    return undefined;
  }
  if (typeof typ !== 'string' || !types.includes(typ as BlockType)) {
    const suggestion = typeof typ === 'string' ? nearest(typ, types) : undefined;
    reportAt(
      diagnostics,
      source,
      [...path, 'typ'],
      typ === undefined ? 'fält-saknas' : 'okänd-typ',
      `${typ === undefined ? 'Fältet "typ" saknas.' : `Okänd tabelltyp "${String(typ)}".`}${suggestion ? ` Menade du "${suggestion}"?` : ''}|Giltiga typer: ${types.join(', ')}.`,
    );
    return undefined;
  }
  const errorsBefore = diagnostics.errors.length;
  // Rows from a spreadsheet take the place of the typed rows, and go through the same checks.
  const imported = importRows(raw as Record<string, unknown>, source, path, sheets, diagnostics);
  if (!imported) return undefined;
  raw = imported.raw;
  source = imported.source;
  checkColumnKeys(raw as Record<string, unknown>, source, path, diagnostics);
  checkNumberShapes(raw as Record<string, unknown>, source, path, diagnostics);
  const input = check(blockSchemas[typ as BlockType], raw, source, path, diagnostics);
  return input && diagnostics.errors.length === errorsBefore
    ? { input: input as BlockInput, source, path, ...(imported.imports.length ? { imports: imported.imports } : {}) }
    : undefined;
}



