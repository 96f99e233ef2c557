/** Reads a PDF's bookmarks (outline) with the page each points at, using pdf.js. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface OutlineEntry {
  title: string;
  /** 1-based page number. */
  page: number;
  depth: number;
}

interface PdfOutlineItem {
  title: string;
  dest: string | unknown[] | null;
  items: PdfOutlineItem[];
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

export async function readOutline(pdf: Uint8Array): Promise<{ entries: OutlineEntry[]; pageCount: number }> {
  const doc = await getDocument({ data: pdf.slice(), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const outline = ((await doc.getOutline()) ?? []) as PdfOutlineItem[];
    const entries: OutlineEntry[] = [];
    const walk = async (items: PdfOutlineItem[], depth: number) => {
      for (const item of items) {
        const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest;
        const ref = Array.isArray(dest) ? dest[0] : undefined;
        if (ref && typeof ref === 'object') {
          const index = await doc.getPageIndex(ref as { num: number; gen: number });
          entries.push({ title: cleanTitle(item.title), page: index + 1, depth });
        } else if (typeof ref === 'number') {
          entries.push({ title: cleanTitle(item.title), page: ref + 1, depth });
        }
        await walk(item.items ?? [], depth + 1);
      }
    };
    await walk(outline, 0);
    return { entries, pageCount: doc.numPages };
  } finally {
    await doc.destroy();
  }
}
