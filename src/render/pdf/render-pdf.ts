/**
 * PDF renderer: prints the report's HTML with the shared browser. The page has
 * JavaScript disabled and every request blocked except the report's own HTML
 * file and inline data: URLs (an <iframe src="file:///…"> would otherwise print
 * a local file even with JavaScript off).
 *
 * The contents' page numbers come from the PDF itself: print, read each
 * heading's page from the bookmarks, print again with the numbers, and repeat
 * until they no longer move.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer';
import type { Report } from '../../model/types.ts';
import { BuildError, ExitCode } from '../../diagnostics.ts';
import { renderHtml } from '../html/render-html.ts';
import { withPage } from './browser.ts';
import { headingTexts, readOutline, sameHeading } from './outline.ts';
import { finishPdf } from './finish.ts';
import { periodText, reportTypeNames, tocEntries } from '../views/document.ts';

const MAX_PASSES = 4;

export async function printHtml(browser: Browser, html: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'kommunrapport-'));
  const file = join(dir, 'rapport.html');
  const url = pathToFileURL(file).href;
  try {
    await writeFile(file, html, 'utf8');
    return await withPage(browser, async (page) => {
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const target = request.url();
        if (target === url || target.startsWith('data:')) void request.continue();
        else void request.abort('blockedbyclient');
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
      return new Uint8Array(pdf);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Heading pages, matched to the contents entries in document order by their titles. */
export function pagesFromOutline(
  entries: readonly { id: string; title: string }[],
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

/** `firstHtml`: the report's HTML without page numbers, when the caller has it already (the first pass prints it). */
export async function renderPdf(browser: Browser, report: Report, firstHtml?: string): Promise<Uint8Array> {
  const entries = tocEntries(report);
  let pages = new Map<string, number>();
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const html = pass === 1 && firstHtml !== undefined ? firstHtml : renderHtml(report, { pages });
    const pdf = await printHtml(browser, html);
    const { entries: outline } = await readOutline(pdf);
    const found = pagesFromOutline(entries, outline);
    if (found.size < entries.length) {
      const missing = entries.filter((e) => !found.has(e.id)).map((e) => `"${e.title}"`);
      throw new BuildError(`Innehållsförteckningen kunde inte få sidnummer för ${missing.join(', ')}: rubriken saknas bland PDF:ens bokmärken.`, ExitCode.renderFailed);
    }
    if (pass > 1 && sameNumbers(pages, found)) {
      return finishPdf(pdf, {
        title: report.meta.titel,
        author: report.meta.nämnd,
        subject: `${reportTypeNames[report.type]} ${periodText(report)} för ${report.meta.nämnd}, ${report.profile.namn}`,
        keywords: [reportTypeNames[report.type], report.meta.nämnd, report.profile.namn, periodText(report)],
        date: report.meta.datum,
        lang: 'sv',
        linkTargets: new Map(entries.map((e) => [e.id, e.title])),
        headings: headingTexts(html),
      });
    }
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
