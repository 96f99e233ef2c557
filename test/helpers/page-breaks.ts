/**
 * Page breaks as a reader of the printed report sees them, read from the PDF:
 * the tag tree says what each piece of text is (heading, table header row,
 * row header), pdfjs-dist says where on which page it stands.
 * - no table of five rows or fewer split over two pages;
 * - no heading, table caption or table header row as the last thing on a page;
 * - no page with a single line of body text (running header and page number,
 *   which are artifacts, not counted);
 * - a table that continues on a new page names its group there: the first
 *   row on the continuation page has its row header on that page.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js';
import { PdfReader } from './pdf-content.ts';
import { readPdfUa } from './pdfua-rules.ts';
import type { Element, Mark } from './pdfua-tree.ts';

/** Lines of text outside artifacts on each page (by baseline). */
async function bodyLines(pdf: Uint8Array): Promise<number[]> {
  const doc = await getDocument({ data: pdf.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const counts: number[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent({ includeMarkedContent: true });
      const lines = new Set<number>();
      let artifact = 0;
      for (const item of content.items as (TextItem | TextMarkedContent)[]) {
        if ('type' in item) {
          if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') artifact += (item as { tag?: string | null }).tag === 'Artifact' || artifact > 0 ? 1 : 0;
          else if (item.type === 'endMarkedContent' && artifact > 0) artifact--;
          continue;
        }
        if (artifact === 0 && item.str.trim()) lines.add(Math.round(item.transform[5]!));
      }
      counts.push(lines.size);
    }
    return counts;
  } finally {
    await doc.destroy();
  }
}

/** A table attribute of an element (/A dictionaries, as Chromium writes them): Scope, RowSpan. */
function attribute(el: Element, key: string): string | undefined {
  const r = new PdfReader(el.d.context);
  for (const a of r.arr(r.get(el.d, 'A'))) {
    const v = r.get(r.dict(a), key);
    if (v !== undefined) return r.name(v) ?? String(r.num(v));
  }
  return undefined;
}

const isHeaderRow = (tr: Element) => tr.kids.length > 0 && tr.kids.every((c) => c.std === 'TH' && ['Column', 'Both'].includes(attribute(c, 'Scope') ?? ''));

function marksBelow(el: Element, out: { mark: Mark; el: Element }[] = []): { mark: Mark; el: Element }[] {
  for (const mark of el.marks) out.push({ mark, el });
  for (const k of el.kids) marksBelow(k, out);
  return out;
}

export async function pageBreakProblems(pdf: Uint8Array): Promise<string[]> {
  const problems: string[] = [];
  const { tree, pages, text } = await readPdfUa(pdf);
  const hasText = (m: Mark) => m.page !== undefined && (pages[m.page]?.tagged.get(m.mcid) ?? '').trim() !== '';
  const roots = tree.elements.filter((e) => !e.parent);
  const all = roots.flatMap((r) => marksBelow(r)).filter((x) => hasText(x.mark));

  // The last text on each page but the last, and what it belongs to.
  const lastOnPage = new Map<number, Element>();
  for (const { mark, el } of all) lastOnPage.set(mark.page!, el);
  for (const [page, el] of lastOnPage) {
    if (page === pages.length - 1) continue;
    for (let e: Element | undefined = el; e; e = e.parent) {
      if (/^H[1-6]?$/.test(e.std)) problems.push(`s. ${page + 1}: sidan slutar med rubriken "${text(e).trim().slice(0, 50)}"`);
      else if (e.std === 'Caption' && e.parent?.std === 'Table') problems.push(`s. ${page + 1}: sidan slutar med tabellrubriken "${text(e).trim().slice(0, 50)}"`);
      else if (e.std === 'TR' && isHeaderRow(e)) problems.push(`s. ${page + 1}: sidan slutar med en tabells rubrikrad`);
      else continue;
      break;
    }
  }

  for (const table of tree.elements.filter((e) => e.std === 'Table')) {
    const rows = table.kids.filter((k) => k.std === 'TR' && !isHeaderRow(k));
    const rowPages = rows.map((r) => Math.min(...marksBelow(r).filter((x) => hasText(x.mark)).map((x) => x.mark.page!)));
    const caption = table.kids.find((k) => k.std === 'Caption');
    const name = caption ? text(caption).trim().slice(0, 50) : `Table#${table.index}`;
    const span = new Set(rowPages.filter(Number.isFinite));
    if (rows.length <= 5 && span.size > 1) problems.push(`"${name}": ${rows.length} rader delas över sidorna ${[...span].map((p) => p + 1).join(', ')}`);
    // On every page after the first, the first row's first cell names the group, on that page.
    const grid: Element[][] = [];
    rows.forEach((tr, r) => {
      let c = 0;
      for (const cell of tr.kids) {
        grid[r] ??= [];
        while (grid[r]![c]) c++;
        const span = Number(attribute(cell, 'RowSpan') ?? '1');
        for (let k = 0; k < Math.max(1, span); k++) (grid[r + k] ??= [])[c] = cell;
        c++;
      }
    });
    rowPages.forEach((page, r) => {
      if (r === 0 || page === rowPages[r - 1] || !Number.isFinite(page)) return;
      const first = grid[r]?.[0];
      if (first?.std !== 'TH') return;
      if (!marksBelow(first).some((x) => x.mark.page === page && hasText(x.mark))) problems.push(`"${name}", s. ${page + 1}: första kolumnen är tom där tabellen fortsätter`);
    });
  }

  (await bodyLines(pdf)).forEach((n, i) => {
    if (n === 1) problems.push(`s. ${i + 1}: sidan har bara en rad text`);
  });
  return problems;
}
