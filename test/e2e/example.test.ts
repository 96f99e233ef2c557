/**
 * End to end: build the example verksamhetsplan from content/ and read every
 * output back: the PDF's text, pages and contents, the DOCX's XML, the HTML.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/build.ts';
import { builtExample, type BuiltExample } from '../helpers/examples.ts';
import { Diagnostics } from '../../src/diagnostics.ts';
import { loadAndCompute } from '../../src/model/build-model.ts';
import { renderDocx } from '../../src/render/docx/render-docx.ts';
import { tocEntries } from '../../src/render/views/document.ts';
import { PDFDocument, PDFName } from 'pdf-lib';
import { docxParts, docxText, pdfPageTexts } from '../helpers/read-back.ts';

const REPORT = 'oxelosund-von-verksamhetsplan-2024-2026';
const NBSP = '\u00a0';
let result: BuiltExample;
let outDir: string;
let pages: string[];
let pdf: Uint8Array;

beforeAll(async () => {
  ({ outDir } = (result = builtExample(REPORT)));
  pdf = new Uint8Array(readFileSync(join(outDir, `${REPORT}.pdf`)));
  pages = await pdfPageTexts(pdf);
});

describe('the example verksamhetsplan', () => {
  it('builds without errors or warnings and writes every format, the review files next to the PDF', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.written.map((p) => p.slice(outDir.length + 1)).sort()).toEqual(
      ['docx', 'granskning.txt', 'html', 'modell.json', 'pdf', 'xlsx'].map((ext) => `${REPORT}.${ext}`),
    );
  });

  describe('PDF', () => {
    it('has a title page with the title, the nämnd and the adoption', () => {
      const first = pages[0]!.replace(/\s+/g, ' ');
      expect(first).toContain('Vård- och omsorgsnämndens verksamhetsplan 2024–2026');
      expect(first).toContain('Vård- och omsorgsnämnden');
      expect(first).toContain('Antagen av vård- och omsorgsnämnden 2023-12-13, § 64');
      expect(pages[0]).not.toMatch(/Sida \d+ av/);
    });

    it('numbers every other page "Sida X av Y" and runs the title in the header', () => {
      expect(pages.length).toBeGreaterThanOrEqual(12);
      pages.slice(1).forEach((text, i) => {
        expect(text).toContain(`Sida ${i + 2} av ${pages.length}`);
        expect(text).toContain('Vård- och omsorgsnämndens verksamhetsplan 2024–2026');
      });
    });

    it('has a contents page whose every page number is the page its heading stands on', () => {
      const report = loadAndCompute(join('content', REPORT), new Diagnostics())!;
      const toc = pages[1]!.replace(/\s+/g, ' ');
      expect(toc).toContain('Innehåll');
      const entries = tocEntries(report);
      expect(entries.length).toBeGreaterThan(20);
      let from = 0;
      for (const entry of entries) {
        const at = toc.indexOf(entry.title, from);
        expect(at, entry.title).toBeGreaterThan(-1);
        const m = /^\s*(\d+)/.exec(toc.slice(at + entry.title.length));
        expect(m, entry.title).not.toBeNull();
        from = at + entry.title.length;
        const page = pages[Number(m![1]) - 1]!.replace(/\s+/g, ' ');
        // the heading stands on that page, below the running header
        expect(page.indexOf(entry.title, 'Vård- och omsorgsnämndens verksamhetsplan 2024–2026'.length), `${entry.title} on page ${m![1]}`).toBeGreaterThan(-1);
      }
    });

    it('prints the internbudget with its computed sums in Swedish number format', () => {
      const text = pages.join('\n');
      expect(text).toContain('S:a Nettokostnad');
      expect(text).toMatch(/S:a Nettokostnad\s*−336 684\s*−333 088\s*−15 849\s*−348 937/);
      expect(text).toMatch(/54 Individ och familjeomsorg\s*−61 195\s*−60 698\s*−3 570\s*−64 268/);
      expect(text).toMatch(/S:a Intäkter\s*48 284\s*40 815\s*6 297\s*47 112/);
    });

    it('prints the investment table with its total, the 2023 total computed from the projects', () => {
      expect(pages.join('\n')).toMatch(/Totalt Vård- och omsorgsnämnd\s*1 400\s*3 710\s*3 787\s*4 210\s*3 610/);
    });

    it('prints goal-table rows with baseline and targets', () => {
      const text = pages.join('\n').replace(/\s+/g, ' ');
      expect(text).toContain('Antal ärenden inom ekonomiskt bistånd');
      expect(text).toMatch(/176 ärenden \(1\/12 2023\) <176 <176 <176/);
      expect(text).toMatch(/41 \(jan–nov 2023\) >25 >25 >25/);
      expect(text).toContain('Särskilt boende: 45 %');
    });

    it('is byte-identical when built again, and reused unchanged from the cache', async () => {
      const again = mkdtempSync(join(tmpdir(), 'kommunrapport-e2e-'));
      await build({ contentDir: 'content', outDir: again, reports: [REPORT], formats: ['pdf'] });
      expect(Buffer.compare(readFileSync(join(again, `${REPORT}.pdf`)), Buffer.from(pdf))).toBe(0);
      const third = await build({ contentDir: 'content', outDir: again, reports: [REPORT], formats: ['pdf'] });
      expect(third.reports[0]!.reused).toEqual([join(again, `${REPORT}.pdf`)]);
    });

    it('carries the document title, language and the report date instead of the clock', async () => {
      // The PDF keeps its objects in compressed object streams: read it as a PDF, not as bytes.
      const doc = await PDFDocument.load(pdf, { updateMetadata: false });
      expect(doc.getTitle()).toBe('Vård- och omsorgsnämndens verksamhetsplan 2024–2026');
      expect(doc.getCreationDate()?.toISOString()).toBe('2023-12-13T00:00:00.000Z');
      expect(doc.getModificationDate()?.toISOString()).toBe('2023-12-13T00:00:00.000Z');
      expect(String(doc.catalog.lookup(PDFName.of('Lang')))).toMatch(/^\((sv|<FEFF)|^<FEFF|sv/);
      expect(doc.catalog.has(PDFName.of('StructTreeRoot'))).toBe(true);
    });
  });

  describe('DOCX', () => {
    let parts: Record<string, string>;
    beforeAll(() => {
      parts = docxParts(new Uint8Array(readFileSync(join(outDir, `${REPORT}.docx`))));
    });

    it('uses Word\'s built-in heading styles', () => {
      const doc = parts['word/document.xml']!;
      expect(doc).toContain('<w:pStyle w:val="Heading1"/>');
      expect(doc).toContain('<w:pStyle w:val="Heading2"/>');
      expect(doc).toContain('<w:pStyle w:val="Title"/>');
    });

    it('holds the tables with repeated header rows and Swedish figures', () => {
      const doc = parts['word/document.xml']!;
      expect(doc).toContain('<w:tblHeader');
      const text = docxText(doc);
      expect(text).toContain('S:a Nettokostnad');
      expect(text).toContain(`−348${NBSP}937`);
      expect(text).toContain('Antal företag knutna till jobbcoachernas företagsbank');
    });

    it('gives identical bytes for two builds in one process, with the report\'s date', async () => {
      const report = loadAndCompute(join('content', REPORT), new Diagnostics())!;
      const [a, b] = [await renderDocx(report), await renderDocx(report)];
      expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
      expect(Buffer.compare(Buffer.from(a), readFileSync(join(outDir, `${REPORT}.docx`)))).toBe(0);
      expect(parts['docProps/core.xml']).toContain('2023-12-13T00:00:00Z');
      expect(parts['docProps/core.xml']).toContain('<dc:title>Vård- och omsorgsnämndens verksamhetsplan 2024–2026</dc:title>');
    });

    it('numbers pages in the footer and is written in Swedish', () => {
      const footers = Object.entries(parts).filter(([n]) => /word\/footer\d*\.xml/.test(n)).map(([, x]) => x).join('');
      expect(footers).toContain('PAGE');
      expect(footers).toContain('NUMPAGES');
      expect(parts['word/styles.xml']).toContain('sv-SE');
    });
  });

  describe('HTML', () => {
    it('is a Swedish, titled page whose tables have scoped headers', () => {
      const html = readFileSync(join(outDir, `${REPORT}.html`), 'utf8');
      expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="sv">/);
      expect(html).toContain('<title>Vård- och omsorgsnämndens verksamhetsplan 2024–2026 – Oxelösunds kommun</title>');
      const ths = html.match(/<th\b[^>]*>/g)!;
      expect(ths.length).toBeGreaterThan(50);
      for (const th of ths) expect(th).toMatch(/scope="(col|row|colgroup)"/);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/(src|href)="(?!data:|#|https?:|mailto:)/);
    });
  });
});
