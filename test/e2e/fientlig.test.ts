/**
 * Hostile content that is allowed through, built in every format with the real
 * browser: nothing in it runs, nothing is fetched (a local HTTP server counts
 * every request that would have left the machine), every inlined SVG passes
 * the allow-list, a logo that passes renders in HTML, PDF and DOCX, and
 * emoji, Arabic and Hebrew headings reach the PDF's contents and text layer.
 * Also: the browser killed while printing, told in Swedish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build, type BuildResult } from '../../src/build.ts';
import { svgProblem } from '../../src/content/svg-safety.ts';
import { BrowserSession } from '../../src/render/pdf/session.ts';
import { printHtml } from '../../src/render/pdf/render-pdf.ts';
import { renderError } from '../../src/render/render-error.ts';
import { BuildError, ExitCode } from '../../src/diagnostics.ts';
import { docxParts, pdfPageTexts } from '../helpers/read-back.ts';
import { hostileFolder } from '../helpers/hostile.ts';
import { BUDGET_BLOCK_HEAD, section } from '../helpers/fixture.ts';

let server: Server;
const requests: string[] = [];
let base = '';
let result: BuildResult;
let out: string;
const html = () => readFileSync(join(out, 'rapport.html'), 'utf8');

/** A logo that uses what real logos use: prolog, comment, gradient, <use>, style attribute, text. */
const LOGO = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0) -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" x="0px" y="0px" viewBox="0 0 200 60" xml:space="preserve" style="enable-background:new 0 0 200 60;">
  <title>Provkommun</title>
  <defs><linearGradient id="toning" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#00507A"/><stop offset="1" stop-color="#00766C"/></linearGradient>
  <path id="sköld" d="M5 5h40v30c0 12-20 20-20 20S5 47 5 35z"/></defs>
  <use xlink:href="#sköld" fill="url(#toning)"/>
  <text x="55" y="38" style="font-size:22px;font-weight:700;fill:#00507A">Provkommun</text>
</svg>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.end('x');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const budget = section(`rubrik: Ekonomi
data:
${BUDGET_BLOCK_HEAD}
    nettokostnad:
      rader:
        - { kod: 11, namn: "<script>fetch('${base}/skript')</script>", budget-2023: -1008, budget-2024: -1052 }
        - { kod: 12, namn: '"><img src="${base}/bild" onerror=alert(1)>', budget-2023: -300, budget-2024: -320 }
  - typ: diagram
    id: budget-diagram
    diagramtyp: budget
    källa: internbudget`);
  const { root } = hostileFolder({
    logo: LOGO,
    files: {
      '01-inledning.md': section(
        'rubrik: Inledning 🎉 och مرحبا',
        `
## Rubrik med raket 🚀

<script>fetch('${base}/html')</script> <img src="${base}/img"> <iframe src="${base}/iframe"></iframe>

{{logo}} {{{förord}}} {{#each sections}}x{{/each}}

[Webbsida](${base}/lank), [skript](javascript:fetch('${base}/js')), [fil](file:///etc/passwd), <${base}/autolank>

## שלום עולם
`,
      ),
      '02-ekonomi.md': budget,
    },
  });
  out = mkdtempSync(join(tmpdir(), 'kommunrapport-fientlig-'));
  result = await build({ contentDir: root, outDir: out });
}, 300_000);

afterAll(async () => {
  await new Promise((done) => server.close(done));
});

describe('hostile content that passes', () => {
  it('builds every format', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'fel')).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.reports[0]!.written.map((f) => f.split('/').pop()).sort()).toEqual(['rapport.docx', 'rapport.granskning.txt', 'rapport.html', 'rapport.modell.json', 'rapport.pdf', 'rapport.xlsx']);
  });

  it('sends no request to anywhere while building and printing', () => {
    expect(requests).toEqual([]);
  });

  it('keeps every script, handler and unsafe address out of the HTML', () => {
    const page = html();
    expect(page).not.toMatch(/<script|<iframe|<img|<object|javascript:|file:\/\//i);
    // No tag carries an event handler (the text "onerror=" may stand escaped in a cell or inside a quoted attribute).
    expect(page.replace(/"[^"]*"/g, '""')).not.toMatch(/<[a-z][^<>]*\son[a-z]+\s*=/i);
    expect(page).toContain('&lt;script&gt;');
    // The safe web link stays a link; the others are their text only.
    expect(page).toContain(`href="${base}/lank"`);
    expect(page).not.toContain(`${base}/js`);
    // Handlebars syntax in the content is text, never expanded.
    expect(page).toContain('{{logo}} {{{förord}}}');
  });

  it('inlines only SVG that passes the allow-list (logo, charts, symbols)', () => {
    const svgs = [...html().matchAll(/<svg\b[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(svgs.length).toBeGreaterThanOrEqual(2);
    expect(svgs.map((s) => svgProblem(s)).filter(Boolean)).toEqual([]);
  });

  it('renders the logo that passed in every format', async () => {
    expect(html()).toContain('<linearGradient id="toning"');
    const parts = docxParts(new Uint8Array(readFileSync(join(out, 'rapport.docx'))));
    const media = Object.keys(parts).filter((p) => p.startsWith('word/media/'));
    expect(media.some((p) => p.endsWith('.svg'))).toBe(true);
    expect(media.some((p) => p.endsWith('.png'))).toBe(true);
    const [titlePage] = await pdfPageTexts(new Uint8Array(readFileSync(join(out, 'rapport.pdf'))));
    expect(titlePage).toContain('Provkommun');
  });

  it('puts emoji, Arabic and Hebrew headings in the contents and the text layer', async () => {
    const pages = await pdfPageTexts(new Uint8Array(readFileSync(join(out, 'rapport.pdf'))));
    const contents = pages.find((p) => p.includes('Innehåll'))!;
    // pdf.js gives right-to-left text in display order, Arabic in its presentation forms: compare both ways, NFKC.
    const has = (text: string, word: string) => {
      const t = text.normalize('NFKC');
      return t.includes(word) || t.includes([...word].reverse().join(''));
    };
    for (const heading of ['🎉', 'مرحبا', '🚀', 'שלום', 'עולם']) {
      expect(has(contents, heading), `${heading} in ${contents}`).toBe(true);
      expect(has(pages.slice(pages.indexOf(contents) + 1).join('\n'), heading), heading).toBe(true);
    }
    // The contents found every heading's page among the bookmarks: numbers, not blanks.
    expect(contents).toMatch(/🚀 3\b/);
  });
});

describe('the browser killed while printing', () => {
  it('is told in Swedish, naming the report, with what to do', async () => {
    const session = new BrowserSession();
    const browser = await session.get();
    const printing = printHtml(browser, '<!DOCTYPE html><html lang="sv"><head><title>t</title></head><body><p>Text</p></body></html>');
    browser.process()!.kill('SIGKILL');
    const failure = await printing.then(() => undefined, (err: unknown) => err);
    expect(failure).toBeDefined();
    const error = renderError(failure, 'min-rapport');
    expect(error).toBeInstanceOf(BuildError);
    expect(error.exitCode).toBe(ExitCode.renderFailed);
    expect(error.message).toBe('Webbläsaren stängdes eller kraschade medan rapporten min-rapport skrevs ut som PDF. Inga filer för rapporten ändrades.');
    expect(error.hint).toMatch(/Bygg igen/);
    await session.close();
  }, 60_000);
});
