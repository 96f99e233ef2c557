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
import { readBody, type Block, type BodySection, type Para, type Tbl } from './layout/body.ts';
import { measureWith, type Measure } from './layout/measure.ts';
import { readNumbering, readStyles } from './layout/properties.ts';
import { child } from './layout/xml.ts';

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

export function estimatePages(input: LayoutInput): LayoutResult {
  const sections = readBody(input.documentXml, readStyles(input.stylesXml), readNumbering(input.numberingXml));
  const pages = new Pages(measureWith(input.metrics), input.trace);
  for (const section of sections) pages.placeSection(section);
  return { bookmarks: pages.bookmarks, pages: pages.page };
}

const sum = (heights: readonly number[]) => heights.reduce((a, c) => a + c, 0);

/** The pages as blocks are placed on them, one after another: where the next one goes. */
class Pages {
  readonly bookmarks = new Map<string, number>();
  page = 0;
  /** Twips from the top of the page's text area. */
  private y = 0;
  private pageHeight = 0;
  private textWidth = 0;
  /** The space after the last paragraph placed (0 after a table or at the top of a page). */
  private prevAfter = 0;

  private readonly measure: Measure;
  private readonly trace: LayoutInput['trace'];

  constructor(measure: Measure, trace: LayoutInput['trace']) {
    this.measure = measure;
    this.trace = trace;
  }

  private newPage(): void {
    this.page++;
    this.y = 0;
    this.prevAfter = 0;
  }

  /** A Word section starts a page of its own size. */
  placeSection({ blocks, sectPr }: BodySection): void {
    const size = child(sectPr, 'w:pgSz');
    const mar = child(sectPr, 'w:pgMar');
    this.pageHeight = Number(size?.attrs['w:h'] ?? 16838) - Number(mar?.attrs['w:top'] ?? 1440) - Number(mar?.attrs['w:bottom'] ?? 1440);
    this.textWidth = Number(size?.attrs['w:w'] ?? 11906) - Number(mar?.attrs['w:left'] ?? 1440) - Number(mar?.attrs['w:right'] ?? 1440);
    this.newPage();
    blocks.forEach((b, i) => {
      if (b.kind === 'p') this.placeParagraph(b, blocks, i);
      else this.placeTable(b);
    });
  }

  /** The height needed to keep a block with the start of what follows: a paragraph's first line, a table's header and first row. */
  private firstPart(b: Block | undefined): number {
    if (!b) return 0;
    if (b.kind === 'p') return (b.p.before ?? 0) + (this.measure.lines(b, this.textWidth)[0] ?? 0);
    const headerRows = b.rows.filter((r) => r.header).length;
    return sum(this.measure.rowHeights(b).slice(0, headerRows + 1));
  }

  private whole(b: Para): number {
    return (b.p.before ?? 0) + sum(this.measure.lines(b, this.textWidth)) + (b.p.after ?? 0);
  }

  /** What must fit on the page with the paragraph at `i`: its chain of keep-with-next paragraphs and the first part of what follows, or its lines kept together. */
  private kept(b: Para, blocks: readonly Block[], i: number): number | undefined {
    if (b.p.keepNext) {
      let need = 0;
      let j = i;
      for (; j < blocks.length; j++) {
        const c = blocks[j]!;
        if (c.kind !== 'p' || !c.p.keepNext) break;
        need += this.whole(c);
      }
      return need + this.firstPart(blocks[j]);
    }
    if (b.p.keepLines) return this.whole(b) - (b.p.after ?? 0);
    return undefined;
  }

  private placeParagraph(b: Para, blocks: readonly Block[], i: number): void {
    if (b.p.pageBreakBefore && this.y > 0) this.newPage();
    const need = this.kept(b, blocks, i);
    if (need !== undefined && this.y > 0 && this.y + need > this.pageHeight && need <= this.pageHeight) this.newPage();
    this.trace?.(this.page, this.y, `p ${b.pieces.map((x) => (x.kind === 'text' ? x.text : '')).join('').slice(0, 50)}`);
    // LibreOffice separates paragraphs by the larger of the space after and the space before, not their sum.
    this.y += Math.max(0, (b.p.before ?? 0) - this.prevAfter) + (b.p.border ?? 0);
    let first = true;
    for (const h of this.measure.lines(b, this.textWidth)) {
      if (this.y + h > this.pageHeight && this.y > 0) this.newPage();
      if (first) for (const name of b.bookmarks) this.bookmarks.set(name, this.page);
      first = false;
      this.y += h;
    }
    this.y = Math.min(this.y + (b.p.after ?? 0), this.pageHeight);
    this.prevAfter = b.p.after ?? 0;
  }

  /** Rows do not split; on a new page the header rows come first again. */
  private placeTable(b: Tbl): void {
    const heights = this.measure.rowHeights(b);
    this.trace?.(this.page, this.y, `table ${b.rows.length} rows, ${heights.map(Math.round).join(' ')}`);
    const header = sum(b.rows.map((r, k) => (r.header ? heights[k]! : 0)));
    b.rows.forEach((row, k) => {
      const h = heights[k]!;
      if (this.y + h > this.pageHeight && this.y > 0) {
        this.newPage();
        if (!row.header) this.y += header;
      }
      this.y += h;
      if (this.y > this.pageHeight) this.y = this.pageHeight; // a row taller than a page splits; rare here
    });
    this.prevAfter = 0;
  }
}
