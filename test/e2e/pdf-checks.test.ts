/**
 * The project's PDF checks find what they are for: a small page printed by Chromium with the defects the
 * examples once had (an empty cell under border-collapse, a figure whose Alt hides the chart's description,
 * an empty row header, a header row repeated on every page, a five-row table split, a page of one line),
 * before and after the finishing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/render/pdf/session.ts';
import { printHtml } from '../../src/render/pdf/render-pdf.ts';
import { finishPdf } from '../../src/render/pdf/finish.ts';
import { readPdfUa } from '../helpers/pdfua-rules.ts';
import { pageBreakProblems } from '../helpers/page-breaks.ts';

const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" viewBox="0 0 200 60" role="img" aria-label="Stapeldiagram: hela beskrivningen"><rect width="200" height="60" fill="#00507A"/></svg>';
const longRows = Array.from({ length: 70 }, (_, i) => `<tr><th scope="row">Rad ${i + 1}</th><td>${i}</td></tr>`).join('');
const html = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Prov</title>
<style>table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #999; } thead { display: table-header-group; }
.kort td { height: 80mm; } @page { size: A4; margin: 20mm; }</style></head><body><main>
<h1>Prov</h1>
<table><caption>Tom cell</caption><thead><tr><th scope="col">Namn</th><th scope="col">A</th><th scope="col">B</th></tr></thead>
<tbody><tr><th scope="row">Ett</th><td></td><td>1</td></tr><tr><th scope="row"></th><td>2</td><td>3</td></tr></tbody></table>
<figure aria-labelledby="rubrik"><figcaption id="rubrik">Diagrammets rubrik</figcaption>${svg}</figure>
<table><caption>Lång tabell</caption><thead><tr><th scope="col">Rad</th><th scope="col">Värde</th></tr></thead><tbody>${longRows}</tbody></table>
<table class="kort"><caption>Kort tabell</caption><thead><tr><th scope="col">Rad</th><th scope="col">Värde</th></tr></thead>
<tbody><tr><th scope="row">1</th><td>1</td></tr><tr><th scope="row">2</th><td>2</td></tr><tr><th scope="row">3</th><td>3</td></tr><tr><th scope="row">4</th><td>4</td></tr><tr><th scope="row">5</th><td>5</td></tr></tbody></table>
<p style="break-before: page">En ensam rad.</p>
</main></body></html>`;

const session = new BrowserSession();
let raw: Uint8Array;
let finished: Uint8Array;
beforeAll(async () => {
  ({ pdf: raw } = await printHtml(await session.get(), html));
  finished = await finishPdf(raw, { title: 'Prov', author: 'Prov', subject: 'Prov', keywords: [], date: '2024-01-01', lang: 'sv', linkTargets: new Map(), headings: ['Prov'] });
}, 60_000);
afterAll(async () => {
  await session.close();
});

const rules = (failures: string[]) => [...new Set(failures.map((f) => f.split(':')[0]))].sort();

describe('the PDF/UA check on a page with known defects', () => {
  it('finds the short row, the hidden description, the empty row header and the repeated header row in the raw print', async () => {
    const found = rules((await readPdfUa(raw)).failures);
    for (const rule of ['7.2-42/43', 'Q-nested-alt', 'Q-empty-th', 'Q-repeated-header', '7.1-8']) expect(found).toContain(rule);
  });

  it('after the finishing, the repeated header row and the untagged painting are gone; the content defects remain', async () => {
    const found = rules((await readPdfUa(finished)).failures);
    expect(found).toEqual(['7.2-42/43', 'Q-empty-th', 'Q-nested-alt']);
  });

  it('the page-break check finds the split five-row table, its header row alone at a page bottom, and the page of one line', async () => {
    const problems = await pageBreakProblems(finished);
    expect(problems.some((p) => /^s\. \d+: sidan slutar med en tabells rubrikrad$/.test(p))).toBe(true);
    expect(problems.some((p) => p.startsWith('"Kort tabell": 5 rader delas över sidorna'))).toBe(true);
    expect(problems.some((p) => /^s\. \d+: sidan har bara en rad text$/.test(p))).toBe(true);
  });
});
