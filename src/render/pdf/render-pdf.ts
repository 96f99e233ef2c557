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
 * A document with contents gets their page numbers from the PDF itself: print,
 * read each heading's page from the bookmarks, print again with the numbers,
 * and repeat until they no longer move.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer';
import { BuildError, ExitCode } from '../../diagnostics.ts';
import { withPage } from './browser.ts';
import { headingTexts, readOutline, sameHeading } from './outline.ts';
import { finishPdf, type PdfFacts } from './finish.ts';

const MAX_PASSES = 4;

/** What a document is, for its metadata: everything of PdfFacts but the headings, which the PDF step reads from the HTML. */
export type DocumentFacts = Omit<PdfFacts, 'headings' | 'linkTargets'>;

export interface ContentsEntry {
  /** The element id the entry links to. */
  id: string;
  title: string;
}

export interface PrintDocument {
  /** The HTML to print; with contents, their page numbers left blank. */
  html: string;
  facts: DocumentFacts;
  /** The document's contents, when it has any: the entries in order, and the HTML with their page numbers filled in. */
  contents?: {
    entries: readonly ContentsEntry[];
    withPages: (pages: ReadonlyMap<string, number>) => string;
  };
}

export interface PrintedPdf {
  pdf: Uint8Array;
  /** Addresses the page asked for and was refused, each once, in the order asked. */
  blocked: string[];
}

export async function printHtml(browser: Browser, html: string): Promise<PrintedPdf> {
  const dir = await mkdtemp(join(tmpdir(), 'kommunrapport-'));
  const file = join(dir, 'rapport.html');
  const url = pathToFileURL(file).href;
  const blocked = new Set<string>();
  try {
    await writeFile(file, html, 'utf8');
    return await withPage(browser, async (page) => {
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const target = request.url();
        if (target === url || target.startsWith('data:')) void request.continue();
        else {
          blocked.add(target);
          void request.abort('blockedbyclient');
        }
      });
      await page.goto(url, { waitUntil: 'load' });
      const pdf = await page.pdf({
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: false,
        outline: true,
        tagged: true,
        timeout: 120_000,
      });
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
  const finish = (printed: PrintedPdf, html: string): Promise<PrintedPdf> =>
    finishPdf(printed.pdf, {
      ...document.facts,
      linkTargets: new Map((document.contents?.entries ?? []).map((e) => [e.id, e.title])),
      headings: headingTexts(html),
    }).then((pdf) => ({ pdf, blocked: printed.blocked }));
  const contents = document.contents;
  if (!contents) return finish(await printHtml(browser, document.html), document.html);

  let pages = new Map<string, number>();
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const html = pass === 1 ? document.html : contents.withPages(pages);
    const printed = await printHtml(browser, html);
    const { entries: outline } = await readOutline(printed.pdf);
    const found = pagesFromOutline(contents.entries, outline);
    if (found.size < contents.entries.length) {
      const missing = contents.entries.filter((e) => !found.has(e.id)).map((e) => `"${e.title}"`);
      throw new BuildError(`Innehållsförteckningen kunde inte få sidnummer för ${missing.join(', ')}: rubriken saknas bland PDF:ens bokmärken.`, ExitCode.renderFailed);
    }
    if (pass > 1 && sameNumbers(pages, found)) return finish(printed, html);
    pages = found;
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
