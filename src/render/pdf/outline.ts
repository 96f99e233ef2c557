/**
 * Reads a PDF's bookmarks (outline) with the page each points at, with pdf-lib
 * (the document the finishing loads anyway), and matches bookmark titles to
 * headings.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { loadPdf } from './load.ts';

export interface OutlineEntry {
  title: string;
  /** 1-based page number. */
  page: number;
  depth: number;
}

/**
 * Chromium 156 repeats a bookmark's title ("EkonomiEkonomi") when its heading
 * opens a page after a forced break; the repeat is folded back here.
 */
export function cleanTitle(raw: string): string {
  const title = raw.replace(/\s+/g, ' ').trim();
  const half = title.length / 2;
  return Number.isInteger(half) && title.slice(0, half) === title.slice(half) ? title.slice(0, half) : title;
}

/**
 * Whether a bookmark's title is the given heading. Chromium also garbles the
 * title of a heading that wraps over two lines: the first line is repeated and
 * the line break loses its space ("Viktiga … ekonomiskViktiga … ekonomiskställning").
 * Titles are therefore compared without white space, allowing such a repeated prefix.
 */
export function sameHeading(bookmark: string, heading: string): boolean {
  const b = bookmark.replace(/\s+/g, '');
  const h = heading.replace(/\s+/g, '');
  if (b === h) return true;
  const prefix = b.length - h.length;
  if (prefix > 0 && b.endsWith(h) && h.startsWith(b.slice(0, prefix))) return true;
  // Right-to-left words (Arabic, Hebrew) come in display order: "עולם שלום" for "שלום עולם". Same words, other order.
  return /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u.test(heading) && sameWords(bookmark, heading);
}

function sameWords(a: string, b: string): boolean {
  const words = (s: string) => s.normalize('NFC').split(/\s+/).filter(Boolean).sort().join(' ');
  return words(a) === words(b);
}

/** The text of every heading in the printed HTML (h1–h6 and role="heading"), in document order. */
export function headingTexts(html: string): string[] {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", '#x3D': '=', '#x60': '`', nbsp: '\u00a0' };
  return [...html.matchAll(/<(h[1-6]|p[^>]*role="heading")[^>]*>([\s\S]*?)<\/(?:h[1-6]|p)>/g)].map((m) =>
    m[2]!
      .replace(/<[^>]*>/g, '')
      .replace(/&(#?\w+);/g, (all, name: string) => entities[name] ?? all)
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** Every bookmark in order (depth first), with the page its destination is on; bookmarks without a page are left out. */
export function readBookmarks(doc: PDFDocument): OutlineEntry[] {
  const pageIndex = new Map<PDFRef, number>(doc.getPages().map((p, i) => [p.ref, i]));
  const named = namedDestinations(doc);
  const text = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined);
  const pageOf = (item: PDFDict): number | undefined => {
    let dest: PDFObject | undefined = item.lookup(PDFName.of('Dest'));
    if (dest === undefined) dest = item.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('D'));
    if (dest instanceof PDFName) dest = named.get(dest.decodeText());
    else if (text(dest) !== undefined) dest = named.get(text(dest)!);
    if (dest instanceof PDFDict) dest = dest.lookup(PDFName.of('D'));
    const target = dest instanceof PDFArray ? dest.get(0) : undefined;
    return target instanceof PDFRef ? pageIndex.get(target) : undefined;
  };
  const entries: OutlineEntry[] = [];
  const walk = (first: PDFDict | undefined, depth: number) => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const page = pageOf(item);
      const title = text(item.lookup(PDFName.of('Title')));
      if (page !== undefined && title !== undefined) entries.push({ title: cleanTitle(title), page: page + 1, depth });
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return entries;
}

/** Named destinations, from the catalog's /Dests dictionary and the /Names /Dests name tree. */
function namedDestinations(doc: PDFDocument): Map<string, PDFObject> {
  const out = new Map<string, PDFObject>();
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [key, value] of dests?.entries() ?? []) out.set(key.decodeText(), doc.context.lookup(value) ?? value);
  const walk = (node: PDFDict | undefined) => {
    if (!node) return;
    const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; names && i + 1 < names.size(); i += 2) {
      const key = names.lookup(i);
      const value = names.lookup(i + 1);
      if ((key instanceof PDFString || key instanceof PDFHexString) && value) out.set(key.decodeText(), value);
    }
    node.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray().forEach((kid) => walk(doc.context.lookup(kid) as PDFDict | undefined));
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict));
  return out;
}

export async function readOutline(pdf: Uint8Array): Promise<{ entries: OutlineEntry[]; pageCount: number }> {
  const doc = await loadPdf(pdf);
  return { entries: readBookmarks(doc), pageCount: doc.getPageCount() };
}
