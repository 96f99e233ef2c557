/** axe-core on every example's HTML: no violations of WCAG 2.0/2.1 A and AA. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'puppeteer';
import { launchBrowser, withPage } from '../../src/render/pdf/browser.ts';
import { findReportFolders } from '../../src/content/load.ts';
import { Diagnostics } from '../../src/diagnostics.ts';
import { loadAndComputeFolder } from '../../src/model/build-model.ts';
import { renderHtml } from '../../src/render/html/render-html.ts';
import { join } from 'node:path';
import { compareReports } from '../../src/diff/compare.ts';
import { comparisonHtml } from '../../src/diff/render-html.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function axeViolations(html: string, width: number): Promise<string[]> {
  return withPage(browser, async (page) => {
    await page.setViewport({ width, height: 900 });
    await page.setContent(html, { waitUntil: 'load' });
    await page.addScriptTag({ content: axeSource });
    return page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
  });
}

const widths = [
  ['screen, wide', 1280],
  ['screen, phone', 390],
] as const;

describe.each(findReportFolders('content'))('%s.html', (id) => {
  it.each(widths)('has no axe violations (%s)', async (_label, width) => {
    const html = renderHtml((await loadAndComputeFolder(join('content', id), new Diagnostics()))!);
    expect(await axeViolations(html, width)).toEqual([]);
  });
});

describe('the ändringsrapport as HTML', () => {
  it.each(widths)('has no axe violations and does not overflow the screen sideways (%s)', async (_label, width) => {
    // Every kind of change: the example årsredovisning against a version with a figure, an outcome, a goal text and a paragraph changed.
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
    const html = comparisonHtml({ oldLabel: 'HEAD~1', newLabel: 'HEAD', reports: [compareReports(id, before, after)], notCompared: [] }, [after]);
    expect(html).toContain('<ins>');
    expect(await axeViolations(html, width)).toEqual([]);
    // Wide tables scroll inside their own region; the page itself never scrolls sideways.
    const overflow = await withPage(browser, async (page) => {
      await page.setViewport({ width, height: 900 });
      await page.setContent(html, { waitUntil: 'load' });
      return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    });
    expect(overflow).toBe(0);
  });
});
