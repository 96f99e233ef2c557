import matter from 'gray-matter';
import { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar, type Document, type Node } from 'yaml';
import { formatPath, type Diagnostics } from '../diagnostics.ts';
import { formatList } from '../format/swedish.ts';
import { repairDecimalCommas } from './yaml-mistakes.ts';
import { shapeProblems, tooDeep } from './yaml-limits.ts';

/**
 * A content file split into its YAML front matter (parsed as data only, with
 * positions kept so that any nested key can be located) and its Markdown body.
 */
export interface SourceFile {
  /** Path as shown to the author (relative to the working directory). */
  displayPath: string;
  data: unknown;
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyStartLine: number;
  locate(path: readonly (string | number)[], keyOnly?: boolean): { line: number; column: number } | undefined;
  /**
   * The scalar value (or key) exactly at `path` as written in the file, with its
   * offsets in the front matter: "8.537" for a value YAML reads as 8.537.
   */
  scalarAt(path: readonly (string | number)[], keyOnly?: boolean): { text: string; quoted: boolean; start: number; end: number } | undefined;
  /** The front matter text between two offsets from `scalarAt`. */
  yamlText(start: number, end: number): string;
  /** For a value read from a spreadsheet (src/sources/import.ts): its file and cell, which messages name instead of a line. */
  cellAt?(path: readonly (string | number)[]): SourceCell | undefined;
}

/** A spreadsheet cell as messages name it: the file, and "blad Drift, cell D14". */
export interface SourceCell {
  file: string;
  where: string;
}

/**
 * gray-matter evaluates `---js` / `---javascript` front matter (any letter case,
 * via its alias table) with `eval` unless every such engine is overridden. We
 * refuse any language marker before gray-matter sees the file, and also
 * register refusing engines for every alias as a second guard. YAML itself is
 * parsed by the `yaml` package's core schema: data only, no custom tags.
 */
const refuse = (): never => {
  throw new Error('Front matter får bara vara YAML.');
};
const grayMatterOptions = {
  engines: {
    yaml: () => ({}),
    yml: () => ({}),
    js: refuse,
    javascript: refuse,
    coffee: refuse,
    coffeescript: refuse,
    cson: refuse,
    json: refuse,
    toml: refuse,
  },
} as unknown as Parameters<typeof matter>[1];

export function splitSourceFile(
  text: string,
  displayPath: string,
  diagnostics: Diagnostics,
): SourceFile | undefined {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const firstLine = source.slice(0, source.indexOf('\n') === -1 ? undefined : source.indexOf('\n'));
  if (/^---\s*\S/.test(firstLine)) {
    diagnostics.error({
      code: 'front-matter-språk',
      file: displayPath,
      line: 1,
      column: 4,
      message: `Front matter med språkmarkering ("${firstLine.trim()}") tillåts inte; bara YAML läses, och kod körs aldrig.`,
      hint: 'Börja filen med en rad som bara innehåller "---", skriv uppgifterna som YAML och avsluta med "---".',
    });
    return undefined;
  }

  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(source, grayMatterOptions);
  } catch (err) {
    diagnostics.error({
      code: 'front-matter-oläslig',
      file: displayPath,
      line: 1,
      message: `Front matter kunde inte delas från texten: ${(err as Error).message}`,
      hint: 'Kontrollera att filen börjar med "---" och att front matter avslutas med en rad "---".',
    });
    return undefined;
  }

  const hasFrontMatter = /^---\s*\n/.test(source);
  if (!hasFrontMatter) {
    diagnostics.error({
      code: 'front-matter-saknas',
      file: displayPath,
      line: 1,
      column: 1,
      message: 'Filen börjar inte med front matter (uppgifterna mellan två rader "---").',
      hint: 'Börja filen med en rad "---", sedan t.ex. "rubrik: Inledning" och en rad "---"; texten skrivs efter den andra raden "---".',
    });
    return undefined;
  }
  const matterText = parsed.matter.replace(/^\n/, '');
  const yaml = parseYaml(matterText, displayPath, 2, diagnostics);
  if (!yaml) return undefined;
  const bodyStartLine = countLines(source, source.length - parsed.content.length);
  return { displayPath, ...yaml, body: parsed.content, bodyStartLine };
}

/** A file that is YAML through and through (kommun.yaml). */
export function parseYamlFile(text: string, displayPath: string, diagnostics: Diagnostics): SourceFile | undefined {
  const yaml = parseYaml(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), displayPath, 1, diagnostics);
  return yaml ? { displayPath, ...yaml, body: '', bodyStartLine: 1 } : undefined;
}

function parseYaml(
  text: string,
  displayPath: string,
  firstLine: number,
  diagnostics: Diagnostics,
): Pick<SourceFile, 'data' | 'locate' | 'scalarAt' | 'yamlText'> | undefined {
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, schema: 'core', uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (err) {
    // The parser itself gave up (so deep a nesting that the stack ran out, or the like).
    diagnostics.error(tooDeep(displayPath, firstLine, err));
    return undefined;
  }
  const tabs = [...new Set(doc.errors.filter((e) => e.code === 'TAB_AS_INDENT').map((e) => lineCounter.linePos(e.pos[0]).line + firstLine - 1))];
  if (tabs.length > 0) {
    // One tab in the indentation makes the yaml package report several follow-on errors; the tab is the only one worth naming.
    diagnostics.error({
      code: 'tabb-i-indrag',
      file: displayPath,
      line: tabs[0],
      column: 1,
      message: `Tabbtecken i indraget på ${tabs.length === 1 ? 'rad' : 'raderna'} ${formatList(tabs.map(String))}: använd mellanslag.`,
      hint: 'YAML tillåter bara mellanslag som indrag. Ersätt tabbtecknen i början av raden med mellanslag (ställ gärna in redigeraren på att dra in med mellanslag).',
    });
    return undefined;
  }
  const overflow = doc.errors.find((e) => /call stack/i.test(e.message));
  if (overflow) {
    diagnostics.error(tooDeep(displayPath, lineCounter.linePos(overflow.pos[0]).line + firstLine - 1, overflow));
    return undefined;
  }
  for (const error of doc.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    diagnostics.error({
      code: 'yaml-syntax',
      file: displayPath,
      line: pos.line + firstLine - 1,
      column: pos.col,
      message: `YAML-fel: ${translateYamlError(error.code, error.message)}`,
      hint: 'Kontrollera indrag (mellanslag, inte tabb), kolon efter varje nyckel och citattecken runt text som innehåller ": " eller "#", som börjar med > eller <, eller som har kommatecken inom { } (t.ex. "81,6 %").',
    });
  }
  if (doc.errors.length > 0) return undefined;
  for (const split of repairDecimalCommas(doc, text)) {
    const pos = lineCounter.linePos(split.offset);
    diagnostics.error({
      code: 'decimalkomma',
      file: displayPath,
      line: pos.line + firstLine - 1,
      column: pos.col,
      field: formatPath(split.path),
      message: `Decimalkomma måste stå inom citattecken: skriv "${split.written}".`,
      hint: `Inom { } skiljer kommatecknet värdena åt, så ${split.written} utan citattecken läses som ${split.written.split(',')[0]} följt av en nyckel "${split.written.split(',')[1]}". Skriv t.ex. { ${String(split.path[split.path.length - 1])}: "${split.written}" }.`,
    });
  }
  const shape = shapeProblems(doc, lineCounter, firstLine, displayPath);
  for (const problem of shape) diagnostics.error(problem);
  if (shape.length > 0) return undefined;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 }) ?? {};
  } catch (err) {
    diagnostics.error({ code: 'yaml-syntax', file: displayPath, line: firstLine, message: `YAML-fel: front matter kunde inte läsas (${(err as Error).message}).`, hint: 'Skriv uppgifterna som vanlig YAML, utan ankare (&) och hänvisningar (*).' });
    return undefined;
  }
  return {
    data,
    locate: (path, keyOnly = false) => locateInDocument(doc, lineCounter, path, keyOnly, firstLine),
    scalarAt: (path, keyOnly = false) => scalarInDocument(doc, path, keyOnly),
    yamlText: (start, end) => text.slice(start, end),
  };
}

/** The scalar exactly at `path` (no nearest ancestor), as written. */
function scalarInDocument(doc: Document, path: readonly (string | number)[], keyOnly: boolean): ReturnType<SourceFile['scalarAt']> {
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) return undefined;
      node = keyOnly && i === path.length - 1 ? pair.key : pair.value;
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part];
    } else {
      return undefined;
    }
  }
  if (!isScalar(node) || !node.range) return undefined;
  return {
    text: String(node.source ?? node.value),
    quoted: node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE',
    start: node.range[0],
    end: node.range[1],
  };
}

function countLines(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function translateYamlError(code: string, message: string): string {
  const known: Record<string, string> = {
    DUPLICATE_KEY: 'samma nyckel förekommer två gånger i samma nivå',
    BAD_INDENT: 'felaktigt indrag',
    TAB_AS_INDENT: 'tabb används som indrag; använd mellanslag',
    MISSING_CHAR: 'ett tecken saknas (t.ex. ett avslutande citattecken eller hakparentes)',
    MULTILINE_IMPLICIT_KEY: 'en nyckel sträcker sig över flera rader; saknas ett kolon eller ett citattecken?',
    BLOCK_AS_IMPLICIT_KEY: 'ett värde står där en nyckel väntades; kontrollera indraget',
    UNEXPECTED_TOKEN: 'oväntat tecken',
    BAD_SCALAR_START: 'ett värde börjar med ett tecken som måste citeras (t.ex. @ eller `)',
  };
  const first = message.split('\n')[0] ?? message;
  return known[code] ? `${known[code]} (${first})` : first;
}

/** Finds the line and column of the node (or its key) at `path`, or the nearest existing ancestor. */
function locateInDocument(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly (string | number)[],
  keyOnly: boolean,
  firstLine: number,
): { line: number; column: number } | undefined {
  let node: unknown = doc.contents;
  let best: number | undefined = rangeStart(node);
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) break;
      const keyStart = rangeStart(pair.key);
      if (keyStart !== undefined) best = keyStart;
      if (last && keyOnly) break;
      node = pair.value;
      if (!last) continue;
      const valueStart = rangeStart(node);
      if (valueStart !== undefined && !isMap(node) && !isSeq(node)) best = valueStart;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part];
      if (item === undefined) break;
      node = item;
      const start = rangeStart(item);
      if (start !== undefined) best = start;
    } else {
      break;
    }
  }
  // Nothing written at all (empty front matter): the line that opens it.
  if (best === undefined) return { line: Math.max(1, firstLine - 1), column: 1 };
  const pos = lineCounter.linePos(best);
  return { line: pos.line + firstLine - 1, column: pos.col };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
