/**
 * The wider offline PDF/UA-1 check: the machine-checkable veraPDF rules that
 * can be read with pdf-lib (rule numbers as in veraPDF's PDFUA-1 profile), and
 * quality checks of our own, prefixed Q-: an empty header cell, text outside
 * any semantic element, a figure whose Alt hides the description inside it.
 */
import { PDFArray, PDFDocument, PDFStream } from 'pdf-lib';
import { PdfReader } from './pdf-content.ts';
import { FontCatalog } from './pdf-fonts.ts';
import { elementText, readPages, type PageText } from './pdfua-pages.ts';
import { readTree, validLang, type Element, type Tree } from './pdfua-tree.ts';

export interface PdfUaReading {
  failures: string[];
  tree: Tree;
  pages: PageText[];
  text: (el: Element) => string;
}

function attributes(r: PdfReader, el: Element): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of r.arr(r.get(el.d, 'A'))) {
    const d = r.dict(a);
    for (const [k, v] of d?.entries() ?? []) out[k.decodeText()] = r.deref(v);
  }
  return out;
}

function checkTables(r: PdfReader, tree: Tree, fail: (rule: string, message: string) => void): void {
  for (const table of tree.elements.filter((e) => e.std === 'Table')) {
    const rows = table.kids.flatMap((k) => (k.std === 'TR' ? [k] : ['THead', 'TBody', 'TFoot'].includes(k.std) ? k.kids.filter((x) => x.std === 'TR') : []));
    const grid: Element[][] = [];
    const cells: { cell: Element; row: number; col: number; rowSpan: number; colSpan: number; a: Record<string, unknown> }[] = [];
    let intersect = false;
    rows.forEach((tr, row) => {
      let col = 0;
      for (const cell of tr.kids.filter((x) => x.std === 'TH' || x.std === 'TD')) {
        const a = attributes(r, cell);
        const rowSpan = r.num(a.RowSpan as never) ?? 1;
        const colSpan = r.num(a.ColSpan as never) ?? 1;
        grid[row] ??= [];
        while (grid[row]![col]) col++;
        for (let dr = 0; dr < rowSpan; dr++) {
          for (let dc = 0; dc < colSpan; dc++) {
            const line = (grid[row + dr] ??= []);
            if (line[col + dc]) intersect = true;
            line[col + dc] = cell;
          }
        }
        cells.push({ cell, row, col, rowSpan, colSpan, a });
        col += colSpan;
      }
    });
    const label = `Table#${table.index}`;
    if (intersect) fail('7.2-15', `${label}: celler överlappar`);
    const widths = rows.map((_, i) => (grid[i] ?? []).filter(Boolean).length);
    const full = Math.max(0, ...widths);
    const short = widths.map((w, i) => (w !== full ? i + 1 : 0)).filter(Boolean);
    if (short.length) fail('7.2-42/43', `${label}: raderna ${short.join(',')} har färre celler än ${full}`);
    if (grid.length > rows.length) fail('7.2-41', `${label}: RowSpan går förbi sista raden`);
    for (const x of cells.filter((c) => c.cell.std === 'TD')) {
      const headers = x.a.Headers instanceof PDFArray ? x.a.Headers.asArray().map((h) => r.str(h) ?? '') : [];
      let ok = headers.length > 0 && headers.every((h) => tree.ids.has(h)) && headers.some((h) => tree.ids.get(h)?.std === 'TH');
      if (!ok) {
        ok = cells.some((y) => {
          if (y.cell.std !== 'TH') return false;
          const scope = r.name(y.a.Scope as never);
          const sameRow = y.row <= x.row && x.row < y.row + y.rowSpan;
          const sameCol = y.col <= x.col && x.col < y.col + y.colSpan;
          return (sameRow && (scope === 'Row' || scope === 'Both')) || (sameCol && (scope === 'Column' || scope === 'Both'));
        });
      }
      if (!ok) fail('7.5-1/2', `${label}: TD rad ${x.row + 1} kolumn ${x.col + 1} har ingen rubrikcell`);
    }
  }
}

function checkQuality(r: PdfReader, tree: Tree, text: (el: Element) => string, fail: (rule: string, message: string) => void): void {
  const alt = (e: Element) => r.str(r.get(e.d, 'Alt'));
  for (const el of tree.elements.filter((e) => e.std === 'Figure')) {
    const a = alt(el);
    if (a && /^(bild|image|figur|figure|diagram|chart|graf|img|logo)$/i.test(a.trim())) fail('Q-alt-generic', `Figure#${el.index}: Alt "${a}"`);
    if (a && /\.(png|jpe?g|svg|gif)$/i.test(a)) fail('Q-alt-filename', `Figure#${el.index}: Alt "${a}"`);
    if (!a) continue;
    const inner: Element[] = [];
    const find = (x: Element) => {
      for (const k of x.kids) {
        const ka = k.std === 'Figure' ? alt(k) : undefined;
        if (ka && ka !== a) inner.push(k);
        find(k);
      }
    };
    find(el);
    if (inner.length) fail('Q-nested-alt', `Figure#${el.index} med Alt "${a.slice(0, 50)}" döljer en inre figurs Alt "${alt(inner[0]!)!.slice(0, 60)}"`);
  }
  for (const el of tree.elements.filter((e) => e.std === 'TH')) {
    if (!text(el).trim() && !alt(el) && !r.get(el.d, 'ActualText')) fail('Q-empty-th', `TH#${el.index} är tom`);
  }
  // A header row Chromium repeats on a continuation page is read again unless the repeat is an artifact.
  for (const el of tree.elements.filter((e) => e.std === 'TH')) {
    const pages = new Set<number | undefined>();
    const collect = (x: Element) => {
      for (const m of x.marks) pages.add(m.page);
      x.kids.forEach(collect);
    };
    collect(el);
    if (pages.size > 1) fail('Q-repeated-header', `TH#${el.index} "${text(el).trim().slice(0, 30)}" läses på ${pages.size} sidor`);
  }
  for (const el of tree.elements.filter((e) => /^H[1-6]?$/.test(e.std))) if (!text(el).trim()) fail('Q-heading-text', `${el.std}#${el.index} saknar text`);
  for (const el of tree.elements.filter((e) => e.std === 'Link')) if (!text(el).trim()) fail('Q-link-text', `Link#${el.index} saknar text`);
  const grouping = ['Document', 'Div', 'Sect', 'NonStruct', 'Part', 'Art'];
  const bare = tree.elements.filter((e) => {
    if (e.std !== 'NonStruct' || e.marks.length === 0) return false;
    for (let p = e.parent; p; p = p.parent) if (!grouping.includes(p.std)) return false;
    return true;
  });
  if (bare.length) fail('Q-bare-text', `${bare.length} NonStruct med text utanför P/H/L/Table/Figure: ${bare.slice(0, 5).map((e) => JSON.stringify(text(e).trim().slice(0, 40))).join('; ')}`);
}

/** Every failed rule as "rule: where"; empty when the PDF passes. */
export async function readPdfUa(pdf: Uint8Array): Promise<PdfUaReading> {
  const failures: string[] = [];
  const fail = (rule: string, message: string) => failures.push(`${rule}: ${message}`);
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const r = new PdfReader(doc.context);
  const header = Buffer.from(pdf.subarray(0, 16)).toString('latin1');
  const version = /^%PDF-1\.(\d)(\r\n|\r|\n)/.exec(header);
  if (!version || Number(version[1]) > 7) fail('6.1-1', `filhuvudet ${JSON.stringify(header.slice(0, 10))}`);
  const cat = doc.catalog;
  const lang = r.str(r.get(cat, 'Lang'));
  if (lang !== undefined && !validLang(lang)) fail('7.2-29', `katalogens /Lang ${JSON.stringify(lang)}`);
  const meta = r.deref(r.get(cat, 'Metadata'));
  if (!(meta instanceof PDFStream)) fail('7.1-8', 'Metadata saknas');
  else {
    if (r.name(r.get(meta.dict, 'Type')) !== 'Metadata' || r.name(r.get(meta.dict, 'Subtype')) !== 'XML') fail('7.1-8', 'Metadata saknar /Type /Metadata /Subtype /XML');
    const xmp = Buffer.from(r.bytes(meta)).toString('utf8');
    const prefix = /<(\w+):part>\s*1\s*</.exec(xmp);
    if (prefix && prefix[1] !== 'pdfuaid') fail('5-3', `part har prefixet ${prefix[1]}`);
    if (/xml:lang="x-default"/.test(xmp) && !lang) fail('7.2-33', 'x-default i metadata men ingen /Lang i katalogen');
  }
  const markInfo = r.dict(r.get(cat, 'MarkInfo'));
  if (r.get(markInfo, 'Suspects')?.toString() === 'true') fail('7.1-4', 'MarkInfo /Suspects är true');
  const oc = r.dict(r.get(cat, 'OCProperties'));
  if (oc) {
    for (const c of [r.get(oc, 'D'), ...r.arr(r.get(oc, 'Configs'))]) {
      const d = r.dict(c);
      if (d && !r.str(r.get(d, 'Name'))) fail('7.10-1', 'OC-konfiguration utan Name');
      if (d && r.get(d, 'AS')) fail('7.10-2', 'OC-konfiguration med AS');
    }
  }
  if (r.get(r.dict(r.get(cat, 'AcroForm')), 'XFA')) fail('7.15-1', 'XFA finns');
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    const d = obj instanceof PDFStream ? obj.dict : r.dict(obj);
    if (d && r.name(r.get(d, 'Type')) === 'Filespec' && r.get(d, 'EF') && !(r.str(r.get(d, 'F')) && r.str(r.get(d, 'UF')))) fail('7.11-1', 'inbäddad fil utan F/UF');
  }
  const fonts = new FontCatalog(r);
  const tree = readTree(doc, r);
  const { pages, failures: pageFailures } = readPages(doc, r, fonts, tree);
  const text = (el: Element) => elementText(el, pages);
  failures.push(...tree.failures, ...pageFailures, ...fonts.failures());
  checkTables(r, tree, fail);
  checkQuality(r, tree, text, fail);
  return { failures, tree, pages, text };
}
