/**
 * An estimate of where the DOCX's pages break, for the page numbers of the
 * contents field before Word updates it (and for LibreOffice and document
 * previews, which show the field as stored).
 *
 * It reads the finished WordprocessingML (document, styles, numbering), so it
 * covers every block kind without knowing about it, and lays the body out the
 * way Word and LibreOffice do in the simple cases this generator produces:
 * words measured with the embedded font's advance widths and wrapped greedily;
 * line heights from the "at least" spacing in styles.ts (see LINE_EM); space
 * before and after paragraphs added; keep-with-next chains, keep-lines and
 * page-break-before; table rows that do not split and header rows repeated on
 * every page; a new page for every Word section with its own page size.
 *
 * It is an estimate: the LibreOffice test (test/e2e/docx-libreoffice.test.ts)
 * measures it against LibreOffice's pages. Word recomputes the numbers itself
 * when it updates the field on opening.
 */
import type { Face, FontMetrics } from './fonts.ts';

interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  /** Text content of w:t / w:instrText. */
  text?: string;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** A small, forgiving XML reader: elements, attributes and the text of w:t. Enough for WordprocessingML. */
export function parseXml(xml: string): Node {
  const root: Node = { name: '#root', attrs: {}, children: [] };
  const stack: Node[] = [root];
  const re = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[^\s=>/]+\s*=\s*"[^"]*")*)\s*(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->|([^<]+)/g;
  for (const m of xml.matchAll(re)) {
    const top = stack.at(-1)!;
    if (m[5] !== undefined) {
      if (top.name === 'w:t') top.text = (top.text ?? '') + decode(m[5]);
      continue;
    }
    if (!m[2]) continue;
    if (m[1]) {
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(/([^\s=]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]!] = decode(a[2]!);
    const node: Node = { name: m[2], attrs, children: [] };
    top.children.push(node);
    if (!m[4]) stack.push(node);
  }
  return root;
}

const child = (n: Node | undefined, name: string) => n?.children.find((c) => c.name === name);
const kids = (n: Node | undefined, name: string) => n?.children.filter((c) => c.name === name) ?? [];
const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const onOff = (n: Node | undefined) => (n === undefined ? undefined : !['false', '0', 'off'].includes(n.attrs['w:val'] ?? 'true'));

interface PProps {
  before?: number;
  after?: number;
  line?: number;
  lineRule?: string;
  left?: number;
  right?: number;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  /** Room taken by top and bottom borders: their width and their distance from the text. */
  border?: number;
  tabs?: { pos: number; val: string }[];
}
interface RProps {
  size?: number;
  bold?: boolean;
  italic?: boolean;
}

function readPPr(pPr: Node | undefined): PProps {
  if (!pPr) return {};
  const spacing = child(pPr, 'w:spacing');
  const ind = child(pPr, 'w:ind');
  const tabs = child(pPr, 'w:tabs');
  const out: PProps = {
    before: num(spacing?.attrs['w:before']),
    after: num(spacing?.attrs['w:after']),
    line: num(spacing?.attrs['w:line']),
    lineRule: spacing?.attrs['w:lineRule'],
    left: num(ind?.attrs['w:left'] ?? ind?.attrs['w:start']),
    right: num(ind?.attrs['w:right'] ?? ind?.attrs['w:end']),
    keepNext: onOff(child(pPr, 'w:keepNext')),
    keepLines: onOff(child(pPr, 'w:keepLines')),
    pageBreakBefore: onOff(child(pPr, 'w:pageBreakBefore')),
    border: borderSpace(child(pPr, 'w:pBdr')),
    tabs: tabs ? kids(tabs, 'w:tab').filter((t) => t.attrs['w:val'] !== 'clear').map((t) => ({ pos: Number(t.attrs['w:pos']), val: t.attrs['w:val'] ?? 'left' })) : undefined,
  };
  for (const k of Object.keys(out) as (keyof PProps)[]) if (out[k] === undefined) delete out[k];
  return out;
}

function borderSpace(pBdr: Node | undefined): number | undefined {
  if (!pBdr) return undefined;
  let room = 0;
  for (const side of ['w:top', 'w:bottom']) {
    const b = child(pBdr, side);
    if (!b || ['none', 'nil'].includes(b.attrs['w:val'] ?? '')) continue;
    room += (Number(b.attrs['w:sz'] ?? 0) / 8) * 20 + Number(b.attrs['w:space'] ?? 0) * 20;
  }
  return room || undefined;
}

function readRPr(rPr: Node | undefined): RProps {
  if (!rPr) return {};
  const out: RProps = { size: num(child(rPr, 'w:sz')?.attrs['w:val']), bold: onOff(child(rPr, 'w:b')), italic: onOff(child(rPr, 'w:i')) };
  for (const k of Object.keys(out) as (keyof RProps)[]) if (out[k] === undefined) delete out[k];
  return out;
}

interface Styles {
  defaults: { p: PProps; r: RProps };
  paragraph(id: string | undefined): { p: PProps; r: RProps };
  character(id: string | undefined): RProps;
}

function readStyles(stylesXml: string): Styles {
  const root = child(parseXml(stylesXml), 'w:styles');
  const defaults = child(root, 'w:docDefaults');
  const base = {
    p: readPPr(child(child(defaults, 'w:pPrDefault'), 'w:pPr')),
    r: readRPr(child(child(defaults, 'w:rPrDefault'), 'w:rPr')),
  };
  const byId = new Map(kids(root, 'w:style').map((s) => [s.attrs['w:styleId'] ?? '', s]));
  const defaultParagraph = kids(root, 'w:style').find((s) => s.attrs['w:type'] === 'paragraph' && onOff({ name: '', attrs: { 'w:val': s.attrs['w:default'] ?? 'false' }, children: [] }));
  const resolved = new Map<string, { p: PProps; r: RProps }>();
  const resolve = (id: string, depth = 0): { p: PProps; r: RProps } => {
    const hit = resolved.get(id);
    if (hit) return hit;
    const style = byId.get(id);
    if (!style || depth > 10) return { p: {}, r: {} };
    const parent = child(style, 'w:basedOn')?.attrs['w:val'];
    const up = parent ? resolve(parent, depth + 1) : { p: {}, r: {} };
    const own = { p: { ...up.p, ...readPPr(child(style, 'w:pPr')) }, r: { ...up.r, ...readRPr(child(style, 'w:rPr')) } };
    resolved.set(id, own);
    return own;
  };
  return {
    defaults: base,
    paragraph: (id) => {
      const s = resolve(id ?? defaultParagraph?.attrs['w:styleId'] ?? 'Normal');
      return { p: { ...base.p, ...s.p }, r: { ...base.r, ...s.r } };
    },
    character: (id) => (id ? resolve(id).r : {}),
  };
}

/** Paragraph properties of list levels, by numId and level. */
function readNumbering(numberingXml: string | undefined): (numId: string, level: number) => PProps {
  if (!numberingXml) return () => ({});
  const root = child(parseXml(numberingXml), 'w:numbering');
  const abstract = new Map(kids(root, 'w:abstractNum').map((a) => [a.attrs['w:abstractNumId'] ?? '', a]));
  const nums = new Map(kids(root, 'w:num').map((n) => [n.attrs['w:numId'] ?? '', child(n, 'w:abstractNumId')?.attrs['w:val'] ?? '']));
  return (numId, level) => {
    const a = abstract.get(nums.get(numId) ?? '');
    const lvl = kids(a, 'w:lvl').find((l) => Number(l.attrs['w:ilvl']) === level);
    return readPPr(child(lvl, 'w:pPr'));
  };
}

/** What a paragraph is made of, for measuring. */
type Piece = { kind: 'text'; text: string; face: Face; size: number } | { kind: 'tab' } | { kind: 'break' } | { kind: 'box'; width: number; height: number };

export interface LayoutInput {
  documentXml: string;
  stylesXml: string;
  numberingXml?: string;
  metrics: Record<Face, FontMetrics>;
  /** Called with each block's page and position (twips from the top of the text area), for inspection. */
  trace?: (page: number, y: number, what: string) => void;
}

export interface LayoutResult {
  /** Page (1-based, counting every page) of each bookmark's paragraph. */
  bookmarks: Map<string, number>;
  pages: number;
}

const EMU_PER_TWIP = 635;
const DEFAULT_TAB = 720;

export function estimatePages(input: LayoutInput): LayoutResult {
  const styles = readStyles(input.stylesXml);
  const numbering = readNumbering(input.numberingXml);
  const body = child(child(parseXml(input.documentXml), 'w:document'), 'w:body')!;

  const faceOf = (r: RProps): Face => (r.bold ? (r.italic ? 'boldItalic' : 'bold') : r.italic ? 'italic' : 'regular');
  /** Natural line height of text of a size (half-points), in twips. */
  const natural = (size: number, face: Face) => (size * 10 * input.metrics[face].lineHeight) / input.metrics[face].unitsPerEm;
  const width = (text: string, face: Face, size: number) => {
    const m = input.metrics[face];
    let units = 0;
    for (const ch of text) units += m.advance(ch.codePointAt(0)!);
    return (units / m.unitsPerEm) * size * 10;
  };

  interface Para {
    kind: 'p';
    p: PProps;
    pieces: Piece[];
    markSize: number;
    markFace: Face;
    bookmarks: string[];
    sectPr?: Node;
  }
  interface Row {
    /** border: the room its top and bottom borders take. */
    cells: { width: number; span: number; merge?: 'restart' | 'continue'; paras: Para[]; border: number }[];
    header: boolean;
    cantSplit: boolean;
  }
  interface Tbl {
    kind: 'tbl';
    rows: Row[];
    margins: { top: number; bottom: number; left: number; right: number };
    /** Keep-with-next on the caption paragraph applies to the table's first row. */
  }
  type Block = Para | Tbl;

  function readParagraph(pNode: Node): Para {
    const pPr = child(pNode, 'w:pPr');
    const style = styles.paragraph(child(pPr, 'w:pStyle')?.attrs['w:val']);
    const numPr = child(pPr, 'w:numPr');
    const list = numPr ? numbering(child(numPr, 'w:numId')?.attrs['w:val'] ?? '', Number(child(numPr, 'w:ilvl')?.attrs['w:val'] ?? 0)) : {};
    const p: PProps = { ...style.p, ...list, ...readPPr(pPr) };
    const pieces: Piece[] = [];
    const bookmarks: string[] = [];
    const markR = { ...style.r, ...readRPr(child(pPr, 'w:rPr')) };
    const walk = (n: Node) => {
      for (const c of n.children) {
        if (c.name === 'w:bookmarkStart' && c.attrs['w:name']) bookmarks.push(c.attrs['w:name']);
        else if (c.name === 'w:r') {
          const rPr = child(c, 'w:rPr');
          const r: RProps = { ...style.r, ...styles.character(child(rPr, 'w:rStyle')?.attrs['w:val']), ...readRPr(rPr) };
          const face = faceOf(r);
          const size = r.size ?? 22;
          for (const x of c.children) {
            if (x.name === 'w:t') pieces.push({ kind: 'text', text: x.text ?? '', face, size });
            else if (x.name === 'w:tab') pieces.push({ kind: 'tab' });
            else if (x.name === 'w:br' || x.name === 'w:cr') pieces.push({ kind: 'break' });
            else if (x.name === 'w:drawing') {
              const extent = findDeep(x, 'wp:extent');
              if (extent) pieces.push({ kind: 'box', width: Number(extent.attrs['cx']) / EMU_PER_TWIP, height: Number(extent.attrs['cy']) / EMU_PER_TWIP });
            }
          }
        } else if (c.name === 'w:hyperlink' || c.name === 'w:bookmarkStart' || c.name === 'w:smartTag' || c.name === 'w:ins' || c.name === 'w:fldSimple') walk(c);
      }
    };
    walk(pNode);
    return { kind: 'p', p, pieces, markSize: markR.size ?? 22, markFace: faceOf(markR), bookmarks, sectPr: child(pPr, 'w:sectPr') };
  }

  function readTable(t: Node): Tbl {
    const tblPr = child(t, 'w:tblPr');
    const mar = child(tblPr, 'w:tblCellMar');
    const m = (side: string, fallback: number) => num(child(mar, side)?.attrs['w:w']) ?? fallback;
    const margins = { top: m('w:top', 0), bottom: m('w:bottom', 0), left: m('w:left', 108), right: m('w:right', 108) };
    const rows = kids(t, 'w:tr').map((tr): Row => {
      const trPr = child(tr, 'w:trPr');
      return {
        header: onOff(child(trPr, 'w:tblHeader')) ?? false,
        cantSplit: onOff(child(trPr, 'w:cantSplit')) ?? false,
        cells: kids(tr, 'w:tc').map((tc) => {
          const tcPr = child(tc, 'w:tcPr');
          const vMerge = child(tcPr, 'w:vMerge');
          return {
            width: Number(child(tcPr, 'w:tcW')?.attrs['w:w'] ?? 0),
            span: Number(child(tcPr, 'w:gridSpan')?.attrs['w:val'] ?? 1),
            merge: vMerge ? (vMerge.attrs['w:val'] === 'restart' ? 'restart' : 'continue') : undefined,
            paras: kids(tc, 'w:p').map(readParagraph),
            border: borderSpace(child(tcPr, 'w:tcBorders')) ?? 0,
          };
        }),
      };
    });
    return { kind: 'tbl', rows, margins };
  }

  // The body as blocks, each with the section it belongs to (a section's properties close it).
  const blocks: Block[] = [];
  const collect = (n: Node) => {
    for (const c of n.children) {
      if (c.name === 'w:p') blocks.push(readParagraph(c));
      else if (c.name === 'w:tbl') blocks.push(readTable(c));
      else if (c.name === 'w:sdt') collect(child(c, 'w:sdtContent') ?? { name: '', attrs: {}, children: [] });
    }
  };
  collect(body);
  const sections: { start: number; sectPr: Node | undefined }[] = [];
  let start = 0;
  blocks.forEach((b, i) => {
    if (b.kind === 'p' && b.sectPr) {
      sections.push({ start, sectPr: b.sectPr });
      start = i + 1;
    }
  });
  sections.push({ start, sectPr: child(body, 'w:sectPr') });

  /** Lines of a paragraph at a text width: their heights. Memoised: keep-with-next chains ask again. */
  const lineCache = new WeakMap<Para, Map<number, number[]>>();
  function lines(para: Para, textWidth: number): number[] {
    let byWidth = lineCache.get(para);
    if (!byWidth) lineCache.set(para, (byWidth = new Map()));
    let hit = byWidth.get(textWidth);
    if (!hit) byWidth.set(textWidth, (hit = measureLines(para, textWidth)));
    return hit;
  }

  function measureLines(para: Para, textWidth: number): number[] {
    const avail = Math.max(1, textWidth - (para.p.left ?? 0) - (para.p.right ?? 0));
    const heights: number[] = [];
    let x = 0;
    let h = 0;
    let any = false;
    const indent = para.p.left ?? 0;
    let aligned = false;
    const close = () => {
      heights.push(lineHeight(para.p, h || natural(para.markSize, para.markFace)));
      x = 0;
      h = 0;
      any = false;
      aligned = false;
    };
    const tabStops = [...(para.p.tabs ?? [])].sort((a, b) => a.pos - b.pos);
    for (const piece of para.pieces) {
      if (piece.kind === 'break') close();
      else if (piece.kind === 'tab') {
        // Tab positions count from the page margin, x from the paragraph's indent.
        const stop = tabStops.find((t) => t.pos - indent > x + 1);
        x = stop ? Math.min(stop.pos - indent, avail) : (Math.floor(x / DEFAULT_TAB) + 1) * DEFAULT_TAB;
        if (x > avail) close();
        // Text after a right tab ends at the tab (a page number after dot leaders): it takes no more room.
        aligned = stop !== undefined && stop.val !== 'left';
        any = true;
      } else if (piece.kind === 'box') {
        if (any && x + piece.width > avail) close();
        x += piece.width;
        h = Math.max(h, piece.height);
        any = true;
      } else {
        const lh = natural(piece.size, piece.face);
        if (aligned) {
          h = Math.max(h, lh);
          continue;
        }
        // Words with the space after them; a line may end in spaces without breaking.
        for (const word of piece.text.match(/[^ ]+ *| +/g) ?? []) {
          const w = width(word, piece.face, piece.size);
          const ink = width(word.trimEnd(), piece.face, piece.size);
          if (any && x + ink > avail && word.trim()) close();
          x += w;
          h = Math.max(h, lh);
          any = true;
          // A word longer than the line breaks where it must.
          if (ink > avail) {
            close();
            x = ink % avail;
            h = lh;
            any = true;
          }
        }
      }
    }
    if (any || heights.length === 0) close();
    return heights;
  }

  function lineHeight(p: PProps, content: number): number {
    const line = p.line ?? 240;
    switch (p.lineRule) {
      case 'exact':
        return line;
      case 'atLeast':
        return Math.max(line, content);
      default:
        return (content * line) / 240;
    }
  }

  /** Heights of a table's rows at its column widths. A row-spanning cell taller than its rows makes its last row taller. */
  const rowCache = new WeakMap<Tbl, number[]>();
  function rowHeights(t: Tbl): number[] {
    let hit = rowCache.get(t);
    if (!hit) rowCache.set(t, (hit = measureRows(t)));
    return hit;
  }

  function measureRows(t: Tbl): number[] {
    const heights: number[] = [];
    const open = new Map<number, { height: number; from: number }>(); // grid column → row-spanning cell
    const closeSpan = (col: number, last: number) => {
      const span = open.get(col)!;
      open.delete(col);
      const covered = heights.slice(span.from, last + 1).reduce((a, c) => a + c, 0);
      if (span.height > covered) heights[last]! += span.height - covered;
    };
    t.rows.forEach((row, r) => {
      let col = 0;
      let height = 0;
      const continuing = new Set<number>();
      for (const cell of row.cells) {
        if (cell.merge === 'continue') continuing.add(col);
        else {
          const content = cell.paras.reduce((sum, p) => sum + (p.p.before ?? 0) + lines(p, cell.width - t.margins.left - t.margins.right).reduce((a, c) => a + c, 0) + (p.p.after ?? 0), 0);
          const h = content + t.margins.top + t.margins.bottom + cell.border;
          if (open.has(col)) closeSpan(col, r - 1);
          if (cell.merge === 'restart') open.set(col, { height: h, from: r });
          else height = Math.max(height, h);
        }
        col += cell.span;
      }
      heights.push(height);
      for (const c of [...open.keys()]) if (open.get(c)!.from !== r && !continuing.has(c)) closeSpan(c, r - 1);
    });
    for (const c of [...open.keys()]) closeSpan(c, heights.length - 1);
    return heights;
  }

  const bookmarks = new Map<string, number>();
  let page = 0;
  let y = 0;
  let pageHeight = 0;
  let textWidth = 0;
  /** The space after the last paragraph placed (0 after a table or at the top of a page). */
  let prevAfter = 0;
  const newPage = () => {
    page++;
    y = 0;
    prevAfter = 0;
  };

  for (let s = 0; s < sections.length; s++) {
    const { sectPr } = sections[s]!;
    const end = s + 1 < sections.length ? sections[s + 1]!.start : blocks.length;
    const size = child(sectPr, 'w:pgSz');
    const mar = child(sectPr, 'w:pgMar');
    pageHeight = Number(size?.attrs['w:h'] ?? 16838) - Number(mar?.attrs['w:top'] ?? 1440) - Number(mar?.attrs['w:bottom'] ?? 1440);
    textWidth = Number(size?.attrs['w:w'] ?? 11906) - Number(mar?.attrs['w:left'] ?? 1440) - Number(mar?.attrs['w:right'] ?? 1440);
    newPage();

    const sectionBlocks = blocks.slice(sections[s]!.start, end);
    // Heights needed to keep a block with the start of what follows.
    const firstPart = (b: Block | undefined): number => {
      if (!b) return 0;
      if (b.kind === 'p') return (b.p.before ?? 0) + (lines(b, textWidth)[0] ?? 0);
      const heights = rowHeights(b);
      const headerRows = b.rows.filter((r) => r.header).length;
      return heights.slice(0, headerRows + 1).reduce((a, c) => a + c, 0);
    };
    const whole = (b: Para) => (b.p.before ?? 0) + lines(b, textWidth).reduce((a, c) => a + c, 0) + (b.p.after ?? 0);

    for (let i = 0; i < sectionBlocks.length; i++) {
      const b = sectionBlocks[i]!;
      if (b.kind === 'p') {
        if (b.p.pageBreakBefore && y > 0) newPage();
        if (b.p.keepNext) {
          // The chain of keep-with-next paragraphs and the first line of what follows them.
          let need = 0;
          let j = i;
          for (; j < sectionBlocks.length; j++) {
            const c = sectionBlocks[j]!;
            if (c.kind !== 'p' || !c.p.keepNext) break;
            need += whole(c);
          }
          need += firstPart(sectionBlocks[j]);
          if (y > 0 && y + need > pageHeight && need <= pageHeight) newPage();
        } else if (b.p.keepLines) {
          const need = whole(b) - (b.p.after ?? 0);
          if (y > 0 && y + need > pageHeight && need <= pageHeight) newPage();
        }
        input.trace?.(page, y, `p ${b.pieces.map((x) => (x.kind === 'text' ? x.text : '')).join('').slice(0, 50)}`);
        // LibreOffice separates paragraphs by the larger of the space after and the space before, not their sum.
        y += Math.max(0, (b.p.before ?? 0) - prevAfter) + (b.p.border ?? 0);
        const ls = lines(b, textWidth);
        let first = true;
        for (const h of ls) {
          if (y + h > pageHeight && y > 0) newPage();
          if (first) for (const name of b.bookmarks) bookmarks.set(name, page);
          first = false;
          y += h;
        }
        y = Math.min(y + (b.p.after ?? 0), pageHeight);
        prevAfter = b.p.after ?? 0;
      } else {
        const heights = rowHeights(b);
        input.trace?.(page, y, `table ${b.rows.length} rows, ${heights.map(Math.round).join(' ')}`);
        const header = b.rows.map((r, k) => (r.header ? heights[k]! : 0)).reduce((a, c) => a + c, 0);
        b.rows.forEach((row, k) => {
          const h = heights[k]!;
          if (y + h > pageHeight && y > 0) {
            newPage();
            if (!row.header) y += header;
          }
          y += h;
          if (y > pageHeight) y = pageHeight; // a row taller than a page splits; rare here
        });
        prevAfter = 0;
      }
    }
  }
  return { bookmarks, pages: page };
}

function findDeep(n: Node, name: string): Node | undefined {
  for (const c of n.children) {
    if (c.name === name) return c;
    const hit = findDeep(c, name);
    if (hit) return hit;
  }
  return undefined;
}
