/** axe-core on every example's HTML: no violations of WCAG 2.0/2.1 A and AA. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'puppeteer';
import { launchBrowser, withPage } from '../../src/render/pdf/browser.ts';
import { findReportFolders } from '../../src/content/load.ts';
import { Diagnostics } from '../../src/diagnostics.ts';
import { loadAndCompute } from '../../src/model/build-model.ts';
import { renderHtml } from '../../src/render/html/render-html.ts';
import { join } from 'node:path';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(findReportFolders('content'))('%s.html', (id) => {
  it.each([
    ['screen, wide', 1280],
    ['screen, phone', 390],
  ])('has no axe violations (%s)', async (_label, width) => {
    const html = renderHtml(loadAndCompute(join('content', id), new Diagnostics())!);
    const violations = await withPage(browser, async (page) => {
      await page.setViewport({ width, height: 900 });
      await page.setContent(html, { waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      return page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      });
    });
    expect(violations).toEqual([]);
  });
});
