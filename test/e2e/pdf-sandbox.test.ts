/**
 * The PDF printer loads nothing but the document itself: with JavaScript off,
 * Chromium would still print a local file through an iframe, so every request
 * other than the document's own file and inline data: URLs is blocked, and
 * each blocked address becomes a warning of the build that names it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from '../../src/build.ts';
import { BrowserSession } from '../../src/render/pdf/session.ts';
import { printHtml, renderPdf } from '../../src/render/pdf/render-pdf.ts';
import { shortAddress } from '../../src/render/pdf/blocked.ts';
import { contentFolder, section } from '../helpers/fixture.ts';
import { pdfPageTexts } from '../helpers/read-back.ts';

const session = new BrowserSession();
afterAll(() => session.close());

describe('printing', () => {
  it('never prints a local file referenced from the page, nor runs its scripts, and says what it blocked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kommunrapport-hemlig-'));
    const secret = join(dir, 'hemlig.html');
    writeFileSync(secret, '<p>HEMLIG-UPPGIFT-4711</p>');
    const url = pathToFileURL(secret).href;
    const html = `<!DOCTYPE html><html lang="sv"><head><title>t</title><link rel="stylesheet" href="${url}"></head><body>
      <p>Synlig text</p>
      <iframe src="${url}" width="400" height="100"></iframe>
      <object data="${url}"></object>
      <img src="${url}" alt="">
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">
      <script>document.body.append('SKRIPT-KÖRDES')</script>
    </body></html>`;
    const printed = await printHtml(await session.get(), html);
    const [text] = await pdfPageTexts(printed.pdf);
    expect(text).toContain('Synlig text');
    expect(text).not.toContain('HEMLIG-UPPGIFT-4711');
    expect(text).not.toContain('SKRIPT-KÖRDES');
    // The same file asked for four ways is one address; the inline data: image is not blocked.
    expect(printed.blocked).toEqual([url]);
  });

  it('shortens an address for a message: no query, fragment or user name, and not too long', () => {
    expect(shortAddress('https://anna:lösen@example.org/bilder/karta.png?nyckel=hemlig#del')).toBe('example.org/bilder/karta.png');
    expect(shortAddress('file:///home/anna/M%C3%A5l/hemlig.html')).toBe('/home/anna/Mål/hemlig.html');
    const long = shortAddress(`https://example.org/${'a'.repeat(200)}.png`);
    expect(long).toHaveLength(80);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('a build whose page asks for a remote image', () => {
  it('warns, naming the report and the address, and still writes the PDF', async () => {
    const { root } = contentFolder({ '01-avsnitt.md': section('rubrik: Avsnitt', 'Text.\n') });
    const out = mkdtempSync(join(tmpdir(), 'kommunrapport-blockerad-'));
    // Content cannot point outside its folder (the loader refuses it), so the image is put into the printed HTML.
    const result = await build({
      contentDir: root,
      outDir: out,
      formats: ['pdf'],
      browser: session,
      printPdf: (browser, document) => {
        const withImage = (html: string) => html.replace('</main>', '<img src="https://example.org/bilder/karta.png?nyckel=hemlig" alt="Karta"></main>');
        const contents = document.contents!;
        return renderPdf(browser, { ...document, html: withImage(document.html), contents: { ...contents, withPages: (pages) => withImage(contents.withPages(pages)) } });
      },
    });
    expect(result.ok).toBe(true);
    expect(result.reports[0]!.written).toHaveLength(1);
    const warnings = result.diagnostics.filter((d) => d.code === 'blockerad-resurs');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.severity).toBe('varning');
    expect(warnings[0]!.file).toMatch(/rapport$/);
    expect(warnings[0]!.message).toBe(
      'PDF:en hämtade inte example.org/bilder/karta.png: utskriften får bara läsa rapporten själv, så det som adressen pekar på saknas i PDF:en.',
    );
    expect(warnings[0]!.message).not.toContain('hemlig');

    // A rebuild reuses the PDF from the cache and says the same.
    const again = await build({ contentDir: root, outDir: out, formats: ['pdf'], browser: session, printPdf: () => Promise.reject(new Error('ingen ny utskrift väntades')) });
    expect(again.ok).toBe(true);
    expect(again.reports[0]!.reused).toEqual(result.reports[0]!.written);
    expect(again.diagnostics.filter((d) => d.code === 'blockerad-resurs').map((d) => d.message)).toEqual([warnings[0]!.message]);
  }, 60_000);
});
