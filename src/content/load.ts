/**
 * Stage 1: read a report folder and its municipality profile from disk, split
 * front matter from Markdown, and validate every value against the schemas.
 * Nothing is computed here; nothing here knows about output formats.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import type { Diagnostics } from '../diagnostics.ts';
import { parseYamlFile, splitSourceFile, type SourceFile } from './source-file.ts';
import { check, reportAt } from './validate.ts';
import {
  blockSchemas,
  indexSchema,
  profileSchema,
  sectionSchema,
  type BlockInput,
  type BlockType,
  type IndexInput,
  type ProfileInput,
} from './schema.ts';
import { nearest } from './schema-helpers.ts';
import { parseBody, type BodyBlock } from './markdown.ts';
import { imageSize } from './image-size.ts';
import { checkColumnKeys } from './column-keys.ts';
import { checkNumberShapes } from './number-shapes.ts';
import { StatedIds } from './duplicate-ids.ts';
import { profileContrastProblems } from './contrast.ts';
import { importRows, type ImportContext, type ImportedRows } from '../sources/import.ts';
import { noSpreadsheets, type Spreadsheets } from '../sources/files.ts';

export const PROFILES_FOLDER = 'kommuner';
export const INDEX_FILE = 'index.md';
export const PROFILE_FILE = 'kommun.yaml';

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
  profile: { id: string; input: ProfileInput; logoSvg: string };
  sections: LoadedSection[];
}

/** Report folders under the content root: every folder with an index.md, except the profiles folder. */
export function findReportFolders(contentRoot: string): string[] {
  if (!existsSync(contentRoot)) return [];
  return readdirSync(contentRoot, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== PROFILES_FOLDER && !e.name.startsWith('.'))
    .filter((e) => existsSync(join(contentRoot, e.name, INDEX_FILE)))
    .map((e) => e.name)
    .sort();
}

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel.split(sep).join('/');
}

function readSource(path: string, diagnostics: Diagnostics): SourceFile | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    diagnostics.error({
      code: 'fil-saknas',
      file: displayPath(path),
      message: 'Filen finns inte eller kan inte läsas.',
      hint: 'Kontrollera filnamnet och att filen ligger i rätt mapp.',
    });
    return undefined;
  }
  return path.endsWith('.yaml') || path.endsWith('.yml')
    ? parseYamlFile(text, displayPath(path), diagnostics)
    : splitSourceFile(text, displayPath(path), diagnostics);
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
  const indexSource = readSource(indexPath, diagnostics);
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
    const source = readSource(path, diagnostics);
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

function loadProfile(contentRoot: string, kommun: string, indexSource: SourceFile, diagnostics: Diagnostics): LoadedReport['profile'] | undefined {
  const profileDir = join(contentRoot, PROFILES_FOLDER, kommun);
  const profilePath = join(profileDir, PROFILE_FILE);
  if (!existsSync(profilePath)) {
    const available = existsSync(join(contentRoot, PROFILES_FOLDER))
      ? readdirSync(join(contentRoot, PROFILES_FOLDER)).filter((f) => existsSync(join(contentRoot, PROFILES_FOLDER, f, PROFILE_FILE)))
      : [];
    const suggestion = nearest(kommun, available);
    reportAt(
      diagnostics,
      indexSource,
      ['kommun'],
      'kommun-saknas',
      `Kommunprofilen "${kommun}" finns inte (${displayPath(profilePath)}).${suggestion ? ` Menade du "${suggestion}"?` : ''}|${
        available.length ? `Tillgängliga profiler: ${available.join(', ')}.` : `Skapa ${displayPath(profilePath)} med namn, logotyp, färger och typsnitt.`
      }`,
    );
    return undefined;
  }
  const source = readSource(profilePath, diagnostics);
  if (!source) return undefined;
  const input = check(profileSchema, source.data, source, [], diagnostics);
  if (!input) return undefined;
  const contrast = profileContrastProblems(input.färger);
  for (const p of contrast) reportAt(diagnostics, source, ['färger', p.field], 'kontrast', p.message);
  if (contrast.length > 0) return undefined;
  const logoPath = join(profileDir, input.logotyp);
  const logoSvg = readInside(logoPath, profileDir);
  if (logoSvg === undefined) {
    reportAt(diagnostics, source, ['logotyp'], 'fil-saknas', `Logotypen "${input.logotyp}" finns inte i ${displayPath(profileDir)}.|Lägg SVG-filen i kommunprofilens mapp.`);
    return undefined;
  }
  const problem = unsafeSvg(logoSvg.toString('utf8'));
  if (problem) {
    reportAt(diagnostics, source, ['logotyp'], 'osäker-svg', `Logotypen innehåller ${problem}, som inte tillåts i rapporter.|Spara logotypen som en ren SVG utan skript, externa länkar eller inbäddade bilder.`);
    return undefined;
  }
  return { id: kommun, input, logoSvg: logoSvg.toString('utf8') };
}

/** Reads a file only if it lies inside `root` (after resolving symbolic links). */
function readInside(path: string, root: string): Buffer | undefined {
  try {
    const real = realpathSync(path);
    const realRoot = realpathSync(root);
    if (real !== realRoot && !real.startsWith(realRoot + sep)) return undefined;
    if (!statSync(real).isFile()) return undefined;
    return readFileSync(real);
  } catch {
    return undefined;
  }
}

/** Returns what makes an SVG unsafe to embed, or undefined. */
export function unsafeSvg(svg: string): string | undefined {
  if (!/<svg[\s>]/i.test(svg)) return 'inget <svg>-element';
  if (/<script/i.test(svg)) return 'ett skript';
  if (/\son[a-z]+\s*=/i.test(svg)) return 'en händelsehanterare (on…)';
  if (/<foreignObject/i.test(svg)) return 'ett foreignObject-element';
  if (/<(iframe|img|image|object|embed|link|meta|use)\b/i.test(svg)) return 'ett element som hämtar eller bäddar in annat innehåll';
  if (/\ssrc\s*=/i.test(svg)) return 'en extern källa (src)';
  if (!/<\/svg>\s*$/i.test(svg.replace(/<!--[\s\S]*?-->/g, '').trim())) return 'text efter </svg>';
  if (/(?:xlink:)?href\s*=\s*["'](?!#)/i.test(svg)) return 'en extern länk';
  if (/url\(\s*['"]?(?!#)/i.test(svg)) return 'en extern resurs (url())';
  if (/<!ENTITY/i.test(svg)) return 'en entitetsdeklaration';
  return undefined;
}

function resolveImages(
  blocks: BodyBlock[],
  fileDir: string,
  reportDir: string,
  source: SourceFile,
  diagnostics: Diagnostics,
): LoadedSection['body'] {
  const out: LoadedSection['body'] = [];
  for (const b of blocks) {
    if (b.kind !== 'imageRef') {
      out.push(b);
      continue;
    }
    const fail = (message: string, hint: string) =>
      diagnostics.error({ code: 'bild', file: source.displayPath, line: b.line, field: b.src, message, hint });
    if (!b.alt.trim()) {
      fail(`Bilden "${b.src}" saknar alternativtext.`, 'Skriv vad bilden visar mellan hakparenteserna: ![Organisationsschema för förvaltningen](organisation.png).');
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(b.src) || b.src.startsWith('/')) {
      fail(`Bilden "${b.src}" pekar utanför rapportmappen.`, 'Lägg bilden i rapportmappen och skriv en relativ sökväg, t.ex. "bilder/organisation.png".');
      continue;
    }
    const ext = extname(b.src).toLowerCase();
    const mime = ext === '.png' ? 'image/png' : ext === '.jpg' || ext === '.jpeg' ? 'image/jpeg' : undefined;
    if (!mime) {
      fail(`Bildformatet "${ext || 'okänt'}" stöds inte för "${b.src}".`, 'Spara bilden som PNG eller JPEG.');
      continue;
    }
    const data = readInside(resolve(fileDir, decodeURI(b.src)), reportDir);
    if (!data) {
      fail(`Bilden "${b.src}" finns inte i rapportmappen.`, 'Kontrollera filnamnet; bilder måste ligga i rapportens mapp eller en undermapp.');
      continue;
    }
    const size = imageSize(data, mime);
    if (!size) {
      fail(`Bilden "${b.src}" kunde inte läsas som ${mime === 'image/png' ? 'PNG' : 'JPEG'}.`, 'Spara om bilden i ett bildprogram.');
      continue;
    }
    out.push({ kind: 'image', alt: b.alt.trim(), mime, data: new Uint8Array(data), ...size });
  }
  return out;
}
