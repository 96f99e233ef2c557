/**
 * The PDF step: prints a document's HTML with a browser it is given and
 * finishes the PDF with the document's facts. It knows nothing of reports: the
 * caller renders the HTML and says what the document is (PrintDocument).
 *
 * The page has JavaScript disabled and every request blocked except the
 * document's own HTML file and inline data: URLs (an <iframe src="file:///…">
 * would otherwise print a local file even with JavaScript off); what was
 * blocked is returned, for the caller to tell.
 *
 * A document with contents gets their page numbers from the PDF itself: it is
 * printed once with placeholder numbers, each heading's page is read from the
 * bookmarks and written over its placeholder (contents-numbers.ts). Where that
 * cannot be done exactly, the document is printed again with the numbers in
 * its HTML, until they no longer move.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PDFDocument, PDFRef } from 'pdf-lib';
import { loadPdf } from './load.ts';
import type { Browser } from 'puppeteer';
import { BuildError, ExitCode } from '../../diagnostics.ts';
import { withPrintPage } from './browser.ts';
import { headingTexts, readBookmarks, sameHeading } from './outline.ts';
import { finishDocument, type PdfFacts } from './finish.ts';
import { fillContentsNumbers, placeholderPages } from './contents-numbers.ts';

const MAX_PASSES = 4;

/** What a document is, for its metadata: everything of PdfFacts but the headings, which the PDF step reads from the HTML. */
export type DocumentFacts = Omit<PdfFacts, 'headings' | 'linkTargets'>;

export interface ContentsEntry {
  /** The element id the entry links to. */
  id: string;
  title: string;
  /** Entries of a level look alike (same font); 1 for a section, 2 for the headings in it. */
  level?: number;
}

export interface PrintDocument {
  /** The HTML to print (with contents, their page numbers left blank: what the web page and the PDF's cache key show). */
  html: string;
  facts: DocumentFacts;
  /** The document's contents, when it has any: the entries in order, and the HTML with their page numbers filled in. */
  contents?: {
    entries: readonly ContentsEntry[];
    withPages: (pages: ReadonlyMap<string, number>) => string;
  };
  /**
   * Told once the browser has the document and is printing it: work for the
   * same CPU (another format) can start then and overlap with the print, which
   * runs in the browser's process.
   */
  onPrinting?: () => void;
  /**
   * Runs the work on this thread after a print (reading the printed PDF and
   * finishing it) when the caller's order of work allows; at once if absent.
   */
  finishing?: <T>(work: () => Promise<T>) => Promise<T>;
}

export interface PrintedPdf {
  pdf: Uint8Array;
  /** Addresses the page asked for and was refused, each once, in the order asked. */
  blocked: string[];
}

export async function printHtml(browser: Browser, html: string, onPrinting?: () => void): Promise<PrintedPdf> {
  const dir = await mkdtemp(join(tmpdir(), 'kommunrapport-'));
  const file = join(dir, 'rapport.html');
  const url = pathToFileURL(file).href;
  const blocked = new Set<string>();
  try {
    await writeFile(file, html, 'utf8');
    return await withPrintPage(browser, async (page) => {
      page.on('request', (request) => {
        const target = request.url();
        if (target === url || target.startsWith('data:')) void request.continue();
        else {
          blocked.add(target);
          void request.abort('blockedbyclient');
        }
      });
      await page.goto(url, { waitUntil: 'load' });
      const printing = page.pdf({
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: false,
        outline: true,
        tagged: true,
        timeout: 120_000,
      });
      // The print command goes out after puppeteer's check that the fonts are ready (one round trip): a moment later.
      if (onPrinting) setTimeout(onPrinting, 20);
      const pdf = await printing;
      return { pdf: new Uint8Array(pdf), blocked: [...blocked] };
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Heading pages, matched to the contents entries in document order by their titles. */
export function pagesFromOutline(
  entries: readonly ContentsEntry[],
  outline: readonly { title: string; page: number }[],
): Map<string, number> {
  const pages = new Map<string, number>();
  let from = 0;
  for (const entry of entries) {
    const i = outline.findIndex((o, idx) => idx >= from && sameHeading(o.title, entry.title));
    if (i === -1) continue;
    pages.set(entry.id, outline[i]!.page);
    from = i + 1;
  }
  return pages;
}

/** Prints and finishes a document: a tagged PDF whose contents (if any) carry their page numbers. */
export async function renderPdf(browser: Browser, document: PrintDocument): Promise<PrintedPdf> {
  const blocked = new Set<string>();
  let onPrinting = document.onPrinting;
  const inTurn = document.finishing ?? (<T>(work: () => Promise<T>) => work());
  const print = async (html: string) => {
    const printed = await printHtml(browser, html, onPrinting);
    onPrinting = undefined;
    printed.blocked.forEach((b) => blocked.add(b));
    return printed.pdf;
  };
  const finish = async (doc: PDFDocument, html: string, rewritten?: Map<PDFRef, Uint8Array>): Promise<PrintedPdf> => {
    const facts = { ...document.facts, linkTargets: new Map((document.contents?.entries ?? []).map((e) => [e.id, e.title])), headings: headingTexts(html) };
    return { pdf: await finishDocument(doc, facts, rewritten), blocked: [...blocked] };
  };
  const contents = document.contents;
  if (!contents) {
    const pdf = await print(document.html);
    return inTurn(async () => finish(await loadPdf(pdf), document.html));
  }

  const placeholders = placeholderPages(contents.entries);
  let pages: Map<string, number> = placeholders;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const html = contents.withPages(pages);
    const pdf = await print(html);
    // The finished PDF, or the pages found when the document must be printed again with them.
    const outcome = await inTurn(async (): Promise<PrintedPdf | Map<string, number>> => {
      const doc = await loadPdf(pdf);
      const found = pagesFromOutline(contents.entries, readBookmarks(doc));
      if (found.size < contents.entries.length) {
        const missing = contents.entries.filter((e) => !found.has(e.id)).map((e) => `"${e.title}"`);
        throw new BuildError(`Innehållsförteckningen kunde inte få sidnummer för ${missing.join(', ')}: rubriken saknas bland PDF:ens bokmärken.`, ExitCode.renderFailed);
      }
      if (pass === 1) {
        const filled = fillContentsNumbers(doc, contents.entries, placeholders, found);
        if (filled) return finish(doc, html, filled);
      } else if (sameNumbers(pages, found)) return finish(doc, html);
      return found;
    });
    if (!(outcome instanceof Map)) return outcome;
    pages = outcome;
  }
  throw new BuildError(
    `Innehållsförteckningens sidnummer blev inte stabila efter ${MAX_PASSES} utskrifter.`,
    ExitCode.renderFailed,
    'Det här är ett fel i kommunrapport; rapportera det gärna med rapportmappen bifogad.',
  );
}

function sameNumbers(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}
