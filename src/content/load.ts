/**
 * Stage 1: read a report folder and its municipality profile from disk, split
 * front matter from Markdown, and validate every value against the schemas.
 * Nothing is computed here; nothing here knows about output formats.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { decodeText, folderInside, isInside, readInside, textProblemCode, readProblemMessage, textProblemMessage } from './read-inside.ts';
import { svgDraws, svgHint, svgProblem } from './svg-safety.ts';
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
import { outsideImageHint, parseBody, pointsOutside, type BodyBlock } from './markdown.ts';
import { imageSize } from './image-size.ts';
import { checkColumnKeys } from './column-keys.ts';
import { checkNumberShapes } from './number-shapes.ts';
import { StatedIds } from './duplicate-ids.ts';
import { profileContrastProblems } from './contrast.ts';

export const PROFILES_FOLDER = 'kommuner';
export const INDEX_FILE = 'index.md';
export const PROFILE_FILE = 'kommun.yaml';

export interface LoadedBlock {
  input: BlockInput;
  source: SourceFile;
  /** Path of the block in its file's front matter, e.g. ["data", 0]. */
  path: (string | number)[];
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
    // A link to a folder is listed too, so that it is refused with a message (see loadReport), not skipped in silence.
    .filter((e) => (e.isDirectory() || e.isSymbolicLink()) && e.name !== PROFILES_FOLDER && !e.name.startsWith('.'))
    .filter((e) => existsSync(join(contentRoot, e.name, INDEX_FILE)))
    .map((e) => e.name)
    .sort();
}

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel.split(sep).join('/');
}

function readSource(path: string, root: string, diagnostics: Diagnostics): SourceFile | undefined {
  const shown = displayPath(path);
  const read = readInside(path, root);
  if ('problem' in read) {
    const { message, hint } = readProblemMessage(read.problem, shown, displayPath(root));
    diagnostics.error({ code: read.problem.kind === 'outside' ? 'utanför-mappen' : 'fil-saknas', file: shown, message, hint });
    return undefined;
  }
  const decoded = decodeText(read.data);
  if (!('text' in decoded)) {
    const { message, hint } = textProblemMessage(decoded.problem, decoded.line);
    diagnostics.error({ code: textProblemCode[decoded.problem], file: shown, line: decoded.line, message, hint });
    return undefined;
  }
  return path.endsWith('.yaml') || path.endsWith('.yml')
    ? parseYamlFile(decoded.text, shown, diagnostics)
    : splitSourceFile(decoded.text, shown, diagnostics);
}

/**
 * Loads and validates one report. Undefined when the report cannot be read as a
 * whole (index.md, the profile or a section file unreadable); otherwise the
 * report with every block that has no errors. Errors are in `diagnostics`.
 */
export function loadReport(reportDir: string, diagnostics: Diagnostics): LoadedReport | undefined {
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
      const block = checkBlock(raw, source, ['data', i], diagnostics);
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

function checkBlock(raw: unknown, source: SourceFile, path: (string | number)[], diagnostics: Diagnostics): LoadedBlock | undefined {
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
  checkColumnKeys(raw as Record<string, unknown>, source, path, diagnostics);
  checkNumberShapes(raw as Record<string, unknown>, source, path, diagnostics);
  const input = check(blockSchemas[typ as BlockType], raw, source, path, diagnostics);
  return input && diagnostics.errors.length === errorsBefore ? { input: input as BlockInput, source, path } : undefined;
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
  if (!folderInside(profileDir, join(contentRoot, PROFILES_FOLDER)) || !folderInside(profileDir, contentRoot)) {
    reportAt(
      diagnostics,
      indexSource,
      ['kommun'],
      'utanför-mappen',
      `Kommunprofilens mapp ${displayPath(profileDir)} är en genväg (symbolisk länk) till en mapp utanför ${displayPath(join(contentRoot, PROFILES_FOLDER))} och läses inte.|Kopiera profilen (kommun.yaml och logotypen) in i ${displayPath(join(contentRoot, PROFILES_FOLDER))} i stället för att länka till den.`,
    );
    return undefined;
  }
  const source = readSource(profilePath, profileDir, diagnostics);
  if (!source) return undefined;
  const input = check(profileSchema, source.data, source, [], diagnostics);
  if (!input) return undefined;
  const contrast = profileContrastProblems(input.färger);
  for (const p of contrast) reportAt(diagnostics, source, ['färger', p.field], 'kontrast', p.message);
  if (contrast.length > 0) return undefined;
  const logoPath = join(profileDir, input.logotyp);
  const logo = readInside(logoPath, profileDir);
  if ('problem' in logo) {
    const { message, hint } = readProblemMessage(logo.problem, `"${input.logotyp}"`, displayPath(profileDir));
    reportAt(
      diagnostics,
      source,
      ['logotyp'],
      logo.problem.kind === 'outside' ? 'utanför-mappen' : 'fil-saknas',
      logo.problem.kind === 'missing' ? `Logotypen "${input.logotyp}" finns inte i ${displayPath(profileDir)}.|Lägg SVG-filen i kommunprofilens mapp.` : `Logotypen: ${message}|${hint}`,
    );
    return undefined;
  }
  const decoded = decodeText(logo.data);
  if (!('text' in decoded)) {
    const { message, hint } = textProblemMessage(decoded.problem, decoded.line);
    reportAt(diagnostics, source, ['logotyp'], textProblemCode[decoded.problem], `Logotypen "${input.logotyp}": ${message}|${hint}`);
    return undefined;
  }
  const problem = svgProblem(decoded.text);
  if (problem) {
    reportAt(
      diagnostics,
      source,
      ['logotyp'],
      'osäker-svg',
      `Logotypen "${input.logotyp}"${problem.line ? ` (rad ${problem.line})` : ''} innehåller ${problem.what}, som inte tillåts i rapporter.|${problem.hint ?? svgHint}`,
    );
    return undefined;
  }
  if (!svgDraws(decoded.text)) {
    reportAt(diagnostics, source, ['logotyp'], 'osäker-svg', `Logotypen "${input.logotyp}" kan inte ritas till Word och PDF (SVG-filen är ogiltig för ritprogrammet).|${svgHint}`);
    return undefined;
  }
  return { id: kommun, input, logoSvg: decoded.text };
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
    if (pointsOutside(b.src)) {
      fail(`Bilden "${b.src}" pekar utanför rapportmappen.`, outsideImageHint);
      continue;
    }
    const decoded = decodePath(b.src);
    if (decoded === undefined) {
      fail(`Bildens sökväg "${b.src}" har en trasig %-kod.`, 'Skriv filnamnet som det är (mellanslag och å, ä, ö går bra inom <…>: ![Karta](<bilder/karta över området.png>)), eller rätta %-koden, t.ex. %20 för mellanslag.');
      continue;
    }
    const ext = extname(b.src).toLowerCase();
    const mime = ext === '.png' ? 'image/png' : ext === '.jpg' || ext === '.jpeg' ? 'image/jpeg' : undefined;
    if (!mime) {
      fail(`Bildformatet "${ext || 'okänt'}" stöds inte för "${b.src}".`, 'Spara bilden som PNG eller JPEG.');
      continue;
    }
    if (!isInside(resolve(fileDir, decoded), resolve(reportDir))) {
      fail(`Bilden "${b.src}" pekar utanför rapportmappen.`, outsideImageHint);
      continue;
    }
    const read = readInside(resolve(fileDir, decoded), reportDir);
    if ('problem' in read) {
      if (read.problem.kind === 'outside' && read.problem.link) fail(`Bilden "${b.src}" är en genväg (symbolisk länk) till en fil utanför rapportmappen.`, 'Kopiera bilden in i rapportmappen i stället för att länka till den.');
      else if (read.problem.kind === 'outside') fail(`Bilden "${b.src}" pekar utanför rapportmappen.`, outsideImageHint);
      else fail(`Bilden "${b.src}" finns inte i rapportmappen.`, 'Kontrollera filnamnet; bilder måste ligga i rapportens mapp eller en undermapp.');
      continue;
    }
    const data = read.data;
    const size = imageSize(data, mime);
    if (!size) {
      fail(`Bilden "${b.src}" kunde inte läsas som ${mime === 'image/png' ? 'PNG' : 'JPEG'}.`, 'Spara om bilden i ett bildprogram.');
      continue;
    }
    out.push({ kind: 'image', alt: b.alt.trim(), mime, data: new Uint8Array(data), ...size });
  }
  return out;
}

/** The file name behind a Markdown image address ("karta%20A.png" → "karta A.png"); undefined for a broken %-escape. */
function decodePath(src: string): string | undefined {
  try {
    return decodeURI(src);
  } catch {
    return undefined;
  }
}
