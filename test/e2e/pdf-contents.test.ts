/**
 * The contents' page numbers in one print: the report is printed with
 * placeholder numbers, which are replaced by the headings' pages in the
 * contents page's content stream. A second print happens only when that cannot
 * be done exactly (here: a page number whose digit no placeholder printed).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Browser, Target } from 'puppeteer';
import { Diagnostics } from '../../src/diagnostics.ts';
import { loadAndCompute } from '../../src/model/build-model.ts';
import { printableReport } from '../../src/render/html/printable.ts';
import { placeholderPages } from '../../src/render/pdf/contents-numbers.ts';
import { readOutline } from '../../src/render/pdf/outline.ts';
import { renderPdf, type PrintDocument } from '../../src/render/pdf/render-pdf.ts';
import { BrowserSession } from '../../src/render/pdf/session.ts';
import { contentFolder, section } from '../helpers/fixture.ts';
import { pdfPageTexts } from '../helpers/read-back.ts';
import { checkPdfUa } from '../helpers/pdfua.ts';

const session = new BrowserSession();
afterAll(() => session.close());

/** A report of `count` sections, each with a level-2 heading and enough text to fill pages. */
function report(count: number) {
  const files: Record<string, string> = {};
  for (let n = 1; n <= count; n++) {
    files[`0${n}-avsnitt.md`] = section(`rubrik: Avsnitt ${n}`, `${'Ett stycke text om verksamheten. '.repeat(40)}\n\n## Del ${n}\n\n${'Mer text. '.repeat(300 * n)}\n`);
  }
  const { report: dir } = contentFolder(files);
  return loadAndCompute(dir, new Diagnostics())!;
}

/** Prints with `browser`, counting the prints: each loads the document into a page once (render-pdf.ts, printHtml). */
async function printCounted(browser: Browser, document: Parameters<typeof renderPdf>[1]) {
  let prints = 0;
  const count = (target: Target) => {
    if (target.type() === 'page' && target.url().endsWith('/rapport.html')) prints++;
  };
  browser.on('targetchanged', count);
  try {
    return { ...(await renderPdf(browser, document)), prints };
  } finally {
    browser.off('targetchanged', count);
  }
}

/** "Avsnitt 2 … 7" lines of the contents page: title → number. */
function contentsNumbers(text: string, titles: readonly string[]): Map<string, number> {
  return new Map(titles.map((t) => [t, Number(new RegExp(`${t} (\\d+)`).exec(text)?.[1])]));
}

/** The page numbers the contents page prints, per entry title, and the pages the bookmarks say. */
async function contentsAgainstBookmarks(pdf: Uint8Array, document: PrintDocument): Promise<{ printed: Map<string, number>; expected: Map<string, number> }> {
  const { entries: bookmarks } = await readOutline(pdf);
  const [, contents] = await pdfPageTexts(pdf);
  const titles = document.contents!.entries.map((e) => e.title);
  return { printed: contentsNumbers(contents!, titles), expected: new Map(titles.map((t) => [t, bookmarks.find((b) => b.title === t)!.page])) };
}

describe('the contents page numbers', () => {
  it('placeholders print every digit in each level within five entries', () => {
    const entries = [1, 1, 2, 1, 2, 1, 1, 2, 2, 2].map((level, i) => ({ id: `e${i}`, level }));
    const pages = placeholderPages(entries);
    for (const level of [1, 2]) {
      const digits = new Set(entries.filter((e) => e.level === level).slice(0, 5).flatMap((e) => [...String(pages.get(e.id))]));
      expect([...digits].sort().join(''), `nivå ${level}`).toBe('0123456789');
    }
  });

  it('are the headings’ pages after one print, in a tagged PDF, the same bytes every time', async () => {
    const r = report(5);
    const document = printableReport(r);
    const first = await printCounted(await session.get(), document);
    expect(first.prints).toBe(1);
    const { printed, expected } = await contentsAgainstBookmarks(first.pdf, document);
    expect(printed).toEqual(expected);
    // More than one digit among the numbers, so that a placeholder was replaced by other glyphs.
    expect(new Set([...expected.values()]).size).toBeGreaterThan(3);
    expect(await checkPdfUa(first.pdf)).toEqual([]);
    const again = await printCounted(await session.get(), document);
    expect(Buffer.from(again.pdf).equals(Buffer.from(first.pdf))).toBe(true);
  }, 60_000);

  it('are printed again into the HTML when a digit is missing from the placeholders', async () => {
    const r = report(1);
    const document = printableReport(r);
    const printed = await printCounted(await session.get(), document);
    // The one placeholder of each level is "10"; the pages are 3 and 3 or 4: not printable from its glyphs.
    expect(printed.prints).toBe(2);
    const numbers = await contentsAgainstBookmarks(printed.pdf, document);
    expect(numbers.printed).toEqual(numbers.expected);
  }, 60_000);
});
