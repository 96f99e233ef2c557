/**
 * axe-core on every example's HTML: no violations of WCAG 2.0–2.2 A and AA and axe's best practice, on a wide
 * screen and two phone widths, also with the WCAG 1.4.12 text-spacing override; nothing scrolls sideways
 * (1.4.10); a skip link; contents links at least 24 px tall (2.5.8).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'puppeteer';
import { withPage } from '../../src/render/pdf/browser.ts';
import { BrowserSession } from '../../src/render/pdf/session.ts';
import { findReportFolders } from '../../src/content/load.ts';
import { builtExample } from '../helpers/examples.ts';
import { Diagnostics } from '../../src/diagnostics.ts';
import { loadAndComputeFolder } from '../../src/model/build-model.ts';
import { join } from 'node:path';
import { compareReports } from '../../src/diff/compare.ts';
import { comparisonHtml } from '../../src/diff/andringsrapport.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const session = new BrowserSession();
let browser: Browser;
beforeAll(async () => {
  browser = await session.get();
});
afterAll(() => session.close());

/** The WCAG 1.4.12 text spacing, as the W3C's bookmarklet sets it. */
const TEXT_SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

interface Reading {
  violations: string[];
  /** How far the page scrolls sideways, in px. */
  overflow: number;
}

// Each page is loaded once, with axe, and read at every width, with and without the text spacing: axe runs again each time.
const loaded = new Map<string, Promise<Page>>();
afterAll(() => Promise.all([...loaded.values()].map(async (page) => (await page).close())));

function loadedPage(key: string, html: () => Promise<string>): Promise<Page> {
  let page = loaded.get(key);
  if (!page) {
    page = (async () => {
      const opened = await browser.newPage();
      await opened.setContent(await html(), { waitUntil: 'load' });
      await opened.addScriptTag({ content: axeSource });
      return opened;
    })();
    loaded.set(key, page);
  }
  return page;
}

async function readPage(key: string, html: () => Promise<string>, width: number, spacing = false): Promise<Reading> {
  const page = await loadedPage(key, html);
  await page.evaluate((css: string | undefined) => {
    document.getElementById('textavstand')?.remove();
    if (css === undefined) return;
    const style = document.createElement('style');
    style.id = 'textavstand';
    style.textContent = css;
    document.head.append(style);
  }, spacing ? TEXT_SPACING : undefined);
  await page.setViewport({ width, height: 900 });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  return { violations, overflow };
}

const widths = [
  ['screen, wide', 1280],
  ['screen, phone', 375],
  ['screen, narrowest (WCAG 1.4.10)', 320],
] as const;

describe.each(findReportFolders('content'))('%s.html', (id) => {
  // The page as published: the HTML file the build wrote (with the CSV download under each table), built once per run by the global setup.
  const html = async () => readFileSync(join(builtExample(id).outDir, `${id}.html`), 'utf8');
  it.each(widths)('has no axe violations and does not scroll sideways (%s)', async (_label, width) => {
    expect(await readPage(id, html, width)).toEqual({ violations: [], overflow: 0 });
  });

  it.each(widths)('with the text-spacing override: no axe violations, no sideways scrolling (%s)', async (_label, width) => {
    expect(await readPage(id, html, width, true)).toEqual({ violations: [], overflow: 0 });
  });

  it('starts with a skip link to the report and has contents links at least 24 px tall', async () => {
    const found = await withPage(browser, async (page) => {
      await page.setViewport({ width: 375, height: 900 });
      await page.setContent(await html(), { waitUntil: 'load' });
      return page.evaluate(() => {
        const first = document.querySelector('body a');
        const target = first?.getAttribute('href')?.slice(1);
        const heights = Array.from(document.querySelectorAll('nav a'), (a) => a.getBoundingClientRect().height);
        return { skip: first?.textContent, leadsTo: target ? document.getElementById(target)?.tagName : undefined, lowest: Math.min(...heights) };
      });
    });
    expect(found.skip).toBe('Hoppa till rapportens innehåll');
    expect(found.leadsTo).toBe('MAIN');
    expect(found.lowest).toBeGreaterThanOrEqual(24);
  });
});

describe('the ändringsrapport as HTML', () => {
  // Every kind of change: the example årsredovisning against a version with a figure, an outcome, a goal text and a paragraph changed.
  let comparison: Promise<string> | undefined;
  const changedHtml = () =>
    (comparison ??= (async () => {
      const id = 'katrineholm-von-arsredovisning-2024';
      const before = (await loadAndComputeFolder(join('content', id), new Diagnostics()))!;
      const after = structuredClone(before);
      const drift = after.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'driftredovisning')!;
      drift.rows[0]!.values.utfall.value = -1;
      const goal = after.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'resultatmål')!;
      goal.mål[0]!.text += ' för alla';
      goal.mål[0]!.bedömning = { status: 'uppfyllt', reason: 'test', source: 'beräknad' };
      const paragraph = after.sections[0]!.blocks.find((b) => b.kind === 'paragraph')!;
      paragraph.content = [{ kind: 'text', text: 'Ett nytt första stycke.' }];
      return comparisonHtml({ oldLabel: 'HEAD~1', newLabel: 'HEAD', reports: [compareReports(id, before, after)], notCompared: [] }, [after]);
    })());

  it.each(widths)('has no axe violations and does not overflow the screen sideways (%s)', async (_label, width) => {
    expect(await changedHtml()).toContain('<ins>');
    // Wide tables scroll inside their own region; the page itself never scrolls sideways.
    expect(await readPage('ändringsrapport', changedHtml, width)).toEqual({ violations: [], overflow: 0 });
  });
});
