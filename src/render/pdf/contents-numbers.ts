/**
 * The contents' page numbers in one print. The document is printed with a
 * placeholder number in every entry (two digits, each entry of a level with
 * other digits, so that five entries print all ten); the template reserves
 * the page number's width, so a real number of at most as many digits lays out
 * exactly as its placeholder. After the print, the headings' pages are read
 * from the bookmarks and written over the placeholders in the contents page's
 * content stream: the same glyphs of the same font (the placeholders put them
 * in the embedded subset), right-aligned to the same edge, in the same marked
 * content, so the tag tree is untouched.
 *
 * When that cannot be done exactly (a page number longer than its
 * placeholder, a digit no placeholder printed in that font, a placeholder not
 * found where expected), fillContentsNumbers says so and the caller prints
 * again with the numbers in the HTML.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, decodePDFRawStream, type PDFDocument } from 'pdf-lib';
import { splice, tokenize, type Token } from './content-stream.ts';
import { pageContent } from './page-content.ts';

const PLACEHOLDERS = [10, 32, 54, 76, 98];

/** A placeholder page number per entry: per level, 10, 32, 54, 76, 98, 10 … */
export function placeholderPages(entries: readonly { id: string; level?: number }[]): Map<string, number> {
  const seen = new Map<number, number>();
  return new Map(
    entries.map((e) => {
      const n = seen.get(e.level ?? 0) ?? 0;
      seen.set(e.level ?? 0, n + 1);
      return [e.id, PLACEHOLDERS[n % PLACEHOLDERS.length]!];
    }),
  );
}

interface FontInfo {
  unicode: Map<number, string>;
  width: (gid: number) => number;
}

/**
 * One line of text as Chromium writes it: a Tm that places its start, then a
 * glyph per Tj, each next one moved by its advance ("7.18 0 Td"), until ET.
 */
interface Run {
  font: FontInfo;
  size: number;
  /** The x operand of the Tm. */
  x: Token;
  xValue: number;
  gids: number[];
  /** From the first glyph's operand to the last Tj: what is rewritten. */
  start: number;
  end: number;
  /** How far the line's moves went (the sum of the Td operands). */
  moved: number;
}

interface Placed extends Run {
  page: PDFRef;
  right: number;
  real: string;
}

/**
 * The contents pages' new content (decoded) with the real numbers written over
 * the placeholders, or undefined when that cannot be done exactly.
 */
export function fillContentsNumbers(
  doc: PDFDocument,
  entries: readonly { id: string }[],
  placeholders: ReadonlyMap<string, number>,
  pages: ReadonlyMap<string, number>,
): Map<PDFRef, Uint8Array> | undefined {
  const expected = entries.map((e) => ({ placeholder: String(placeholders.get(e.id)), real: String(pages.get(e.id)) }));
  if (expected.some((e) => e.real.length > e.placeholder.length || !/^\d+$/.test(e.real))) return undefined;
  // Every run that reads as a placeholder, before the first heading the contents list (or on its page) …
  const candidates: (Run & { page: PDFRef; text: string; right: number })[] = [];
  const contentOf = new Map<PDFRef, Uint8Array>();
  const all = doc.getPages();
  const placeholderTexts = new Set(expected.map((e) => e.placeholder));
  const last = Math.min(all.length, entries.length ? (pages.get(entries[0]!.id) ?? all.length) : 0);
  for (const page of all.slice(0, last)) {
    const content = pageContent(doc, page);
    contentOf.set(page.ref, content);
    for (const run of runs(content, fontsOf(doc, page.node.Resources()))) {
      const text = run.gids.map((g) => run.font.unicode.get(g) ?? '\uFFFD').join('');
      if (!placeholderTexts.has(text)) continue;
      const right = run.xValue + run.moved + (run.font.width(run.gids.at(-1)!) * run.size) / 1000;
      candidates.push({ ...run, page: page.ref, text, right });
    }
  }
  // … and of them, those that end at one right edge (the contents' number column) and read as the placeholders in order.
  const edges = [...new Set(candidates.map((c) => c.right.toFixed(2)))];
  const column = edges
    .map((edge) => candidates.filter((c) => c.right.toFixed(2) === edge))
    .find((list) => list.length === expected.length && list.every((c, i) => c.text === expected[i]!.placeholder));
  if (!column) return undefined;
  const placed: Placed[] = column.map((c, i) => ({ ...c, real: expected[i]!.real }));

  // Each digit's glyph per font, from the placeholders printed in it.
  const digits = new Map<FontInfo, Map<string, number>>();
  for (const p of placed) {
    const map = digits.get(p.font) ?? new Map<string, number>();
    for (const g of p.gids) map.set(p.font.unicode.get(g)!, g);
    digits.set(p.font, map);
  }
  const edits = new Map<PDFRef, { at: number; end: number; text: string }[]>();
  for (const p of placed) {
    const found = [...p.real].map((d) => digits.get(p.font)!.get(d));
    if (found.some((g) => g === undefined)) return undefined;
    const gids = found as number[];
    const advance = (g: number) => (p.font.width(g) * p.size) / 1000;
    const x = p.right - gids.reduce((sum, g) => sum + advance(g), 0);
    const glyphs = gids.map((g, i) => `${i > 0 ? `${number(advance(gids[i - 1]!))} 0 Td ` : ''}<${g.toString(16).toUpperCase().padStart(4, '0')}> Tj`);
    const list = edits.get(p.page) ?? [];
    list.push({ at: p.x.start, end: p.x.end, text: number(x) }, { at: p.start, end: p.end, text: glyphs.join('\n') });
    edits.set(p.page, list);
  }
  const out = new Map<PDFRef, Uint8Array>();
  for (const [ref, list] of edits) out.set(ref, splice(contentOf.get(ref)!, list));
  return out;
}

/** The lines of text of a content stream that are only glyphs and moves along the line (see Run). */
function runs(content: Uint8Array, fonts: (name: string) => FontInfo | undefined): Run[] {
  const out: Run[] = [];
  let font: FontInfo | undefined;
  let size = 0;
  let run: Omit<Run, 'font' | 'size' | 'start' | 'end'> & { start?: number; end?: number } | undefined;
  let operands: Token[] = [];
  for (const t of tokenize(content)) {
    if (t.kind === 'operand') {
      operands.push(t);
      continue;
    }
    const op = t.text;
    if (op === 'Tf' && operands.length >= 2) {
      font = fonts(operands.at(-2)!.text.slice(1));
      size = Number(operands.at(-1)!.text);
      run = undefined;
    } else if (op === 'Tm' && operands.length === 6) {
      // Only an unrotated, unscaled matrix: then x is where the text starts, in page units.
      const [a, b, , , e] = operands.map((o) => Number(o.text));
      run = a === 1 && b === 0 ? { x: operands[4]!, xValue: e!, gids: [], moved: 0 } : undefined;
    } else if (op === 'Tj' && operands.length === 1 && run) {
      const gids = hexGlyphs(operands[0]!.text);
      // One glyph per Tj: each Td then moves from the previous glyph to the next.
      if (gids?.length === 1) {
        run.gids.push(...gids);
        run.start ??= operands[0]!.start;
        run.end = t.end;
      } else run = undefined;
    } else if (op === 'Td' && operands.length === 2 && run?.start !== undefined && Number(operands[1]!.text) === 0) {
      run.moved += Number(operands[0]!.text);
    } else if (op === 'ET') {
      if (run?.start !== undefined && font) out.push({ ...run, font, size, start: run.start, end: run.end! });
      run = undefined;
    } else run = undefined;
    operands = [];
  }
  return out;
}

/** "<00850084>" as glyph ids (two bytes each, Identity-H), or undefined for anything else. */
function hexGlyphs(text: string): number[] | undefined {
  const hex = /^<([0-9A-Fa-f\s]*)>$/.exec(text)?.[1]?.replace(/\s+/g, '');
  if (hex === undefined || hex.length === 0 || hex.length % 4 !== 0) return undefined;
  return hex.match(/.{4}/g)!.map((h) => parseInt(h, 16));
}

/** A coordinate as Chromium writes one: plain decimals, no exponent. */
function number(x: number): string {
  return String(Number(x.toFixed(4)));
}

/** The page's Type0 fonts by resource name: what each glyph id reads as (ToUnicode) and its width (W, DW). */
function fontsOf(doc: PDFDocument, resources: PDFDict | undefined): (name: string) => FontInfo | undefined {
  const dict = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
  const cache = new Map<string, FontInfo | undefined>();
  return (name) => {
    if (!cache.has(name)) cache.set(name, readFont(doc, dict?.lookupMaybe(PDFName.of(name), PDFDict)));
    return cache.get(name);
  };
}

function readFont(doc: PDFDocument, font: PDFDict | undefined): FontInfo | undefined {
  if (font?.lookupMaybe(PDFName.of('Encoding'), PDFName)?.decodeText() !== 'Identity-H') return undefined;
  const cid = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookup(0);
  const toUnicode = font.lookup(PDFName.of('ToUnicode'));
  if (!(cid instanceof PDFDict) || !(toUnicode instanceof PDFRawStream)) return undefined;
  const widths = new Map<number, number>();
  const w = cid.lookupMaybe(PDFName.of('W'), PDFArray)?.asArray().map((o) => doc.context.lookup(o) ?? o) ?? [];
  for (let i = 0; i < w.length; ) {
    const first = w[i];
    const next = w[i + 1];
    if (!(first instanceof PDFNumber)) break;
    if (next instanceof PDFArray) {
      next.asArray().forEach((v, j) => widths.set(first.asNumber() + j, (doc.context.lookup(v) as PDFNumber).asNumber()));
      i += 2;
    } else {
      const lastGid = (next as PDFNumber).asNumber();
      const width = (w[i + 2] as PDFNumber).asNumber();
      for (let g = first.asNumber(); g <= lastGid; g++) widths.set(g, width);
      i += 3;
    }
  }
  const dw = cid.lookupMaybe(PDFName.of('DW'), PDFNumber)?.asNumber() ?? 1000;
  return { unicode: readToUnicode(Buffer.from(decodePDFRawStream(toUnicode).decode()).toString('latin1')), width: (g) => widths.get(g) ?? dw };
}

/** The bfchar and bfrange mappings of a ToUnicode CMap (single code points: enough for digits). */
function readToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) => parseInt(h, 16);
  const text = (h: string) => String.fromCharCode(...(h.match(/.{4}/g) ?? []).map(hex));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(hex(m[1]!), text(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const start = hex(m[3]!);
      for (let g = hex(m[1]!); g <= hex(m[2]!); g++) map.set(g, String.fromCharCode(start + g - hex(m[1]!)));
    }
  }
  return map;
}
