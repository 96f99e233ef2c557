/**
 * The PDF printer loads nothing but the report itself: with JavaScript off,
 * Chromium would still print a local file through an iframe, so every request
 * other than the report's own file and inline data: URLs is blocked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer';
import { launchBrowser } from '../../src/render/pdf/browser.ts';
import { printHtml } from '../../src/render/pdf/render-pdf.ts';
import { pdfPageTexts } from '../helpers/read-back.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('printing', () => {
  it('never prints a local file referenced from the page, nor runs its scripts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kommunrapport-hemlig-'));
    const secret = join(dir, 'hemlig.html');
    writeFileSync(secret, '<p>HEMLIG-UPPGIFT-4711</p>');
    const url = pathToFileURL(secret).href;
    const html = `<!DOCTYPE html><html lang="sv"><head><title>t</title><link rel="stylesheet" href="${url}"></head><body>
      <p>Synlig text</p>
      <iframe src="${url}" width="400" height="100"></iframe>
      <object data="${url}"></object>
      <img src="${url}" alt="">
      <script>document.body.append('SKRIPT-KÖRDES')</script>
    </body></html>`;
    const [text] = await pdfPageTexts(await printHtml(browser, html));
    expect(text).toContain('Synlig text');
    expect(text).not.toContain('HEMLIG-UPPGIFT-4711');
    expect(text).not.toContain('SKRIPT-KÖRDES');
  });
});
