/**
 * End to end: the charts of the example verksamhetsplan in every output. The
 * PDF keeps them as vector graphics with real text (their titles, axis titles
 * and labels are in the PDF's text, in the embedded document font, and each
 * is a tagged Figure with alt text); the DOCX carries each as a PNG whose
 * drawing has the alt text as descr; the HTML as a figure with a caption and
 * an SVG with role="img".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { toolOutput } from '../helpers/run-tool.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtExample, type BuiltExample } from '../helpers/examples.ts';
import { Diagnostics } from '../../src/diagnostics.ts';
import { loadAndComputeFolder } from '../../src/model/build-model.ts';
import type { Diagram } from '../../src/model/types.ts';
import { docxParts, pdfPageTexts } from '../helpers/read-back.ts';
import { readTags } from '../helpers/pdfua.ts';

const REPORT = 'oxelosund-von-verksamhetsplan-2024-2026';
let charts: Diagram[];
let result: BuiltExample;
let outDir: string;
let pdfText: string;
let documentXml: string;
let html: string;
let pdf: Uint8Array;

const flat = (text: string) => text.replace(/\s+/g, ' ');
const xmlAttr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

beforeAll(async () => {
  const diagnostics = new Diagnostics();
  const report = (await loadAndComputeFolder(join('content', REPORT), diagnostics))!;
  charts = report.sections.flatMap((s) => s.blocks).filter((b): b is Diagram => b.kind === 'diagram' && b.visa !== 'tabell');
  ({ outDir } = (result = builtExample(REPORT)));
  pdf = new Uint8Array(readFileSync(join(outDir, `${REPORT}.pdf`)));
  pdfText = flat((await pdfPageTexts(pdf)).join('\n'));
  documentXml = docxParts(new Uint8Array(readFileSync(join(outDir, `${REPORT}.docx`))))['word/document.xml']!;
  html = readFileSync(join(outDir, `${REPORT}.html`), 'utf8');
}, 180_000);

describe('charts in the example verksamhetsplan', () => {
  it('builds, with at least four charts', () => {
    expect(result.ok).toBe(true);
    expect(charts.length).toBeGreaterThanOrEqual(4);
    expect(new Set(charts.map((c) => c.diagramtyp))).toEqual(new Set(['budget', 'investeringar', 'indikator']));
  });

  it('the PDF text holds each chart’s title, and the chart’s own labels as text (vector, not a picture)', () => {
    for (const c of charts) expect(pdfText, c.rubrik).toContain(flat(c.rubrik));
    // The axis title is only drawn inside the SVG: found in the text, the chart's text stayed text.
    expect(pdfText).toContain('Nettokostnad (tkr)');
    expect(pdfText).toContain('Andel (%)');
  });

  it('the PDF has no bitmap for the charts and no other font than the document’s', async () => {
    const out = await toolOutput('pdffonts', [join(outDir, `${REPORT}.pdf`)]);
    for (const row of out.trim().split('\n').slice(2)) expect(row).toMatch(/SourceSans3/);
    const images = (await toolOutput('pdfimages', ['-list', join(outDir, `${REPORT}.pdf`)])).trim().split('\n').slice(2);
    expect(images.filter((row) => /\s(1[0-9]{3}|[2-9][0-9]{3})\s+\d+\s/.test(row))).toEqual([]);
  });

  it('each chart is a tagged figure with its full alt text in the PDF (the title a paragraph before it, no outer Figure hiding it)', async () => {
    const { tags } = await readTags(pdf);
    // The logo, and per chart the SVG's Figure.
    expect(tags.counts.Figure ?? 0).toBeGreaterThanOrEqual(1 + charts.length);
    expect(tags.figuresWithoutAlt).toBe(0);
  });

  it('the DOCX images carry the alt text as descr, and the data tables follow', () => {
    for (const c of charts) {
      expect(documentXml, c.id).toContain(`descr="${xmlAttr(c.alt)}"`);
      if (c.visa === 'båda') expect(documentXml).toContain(xmlAttr(`Diagrammets data: ${c.rubrik}`));
    }
  });

  it('the HTML shows each chart as a figure with its title as caption and an SVG named by the alt text', () => {
    for (const c of charts) {
      const figure = new RegExp(`<div class="diagram" id="${c.id}" role="group" aria-labelledby="${c.id}-rubrik">\\s*<p class="diagram-rubrik" id="${c.id}-rubrik">([^<]*)</p>\\s*<svg[^>]* role="img" aria-label="([^"]*)"`).exec(html);
      expect(figure, c.id).not.toBeNull();
      expect(figure![1]).toBe(xmlAttr(c.rubrik).replace(/&quot;/g, '&quot;'));
      expect(figure![2]).toBe(xmlAttr(c.alt));
    }
  });

  it('a chart with "datatabell: bilaga" points to the appendix, which holds its table', () => {
    const inAppendix = charts.filter((c) => c.datatabell === 'bilaga');
    expect(inAppendix.length).toBeGreaterThan(0);
    for (const c of inAppendix) {
      expect(pdfText).toContain(`Diagrammets data finns i tabellform i Bilaga ${c.bilaga!.nummer}. Diagrammens data.`);
      expect(pdfText).toContain(`Bilaga ${c.bilaga!.nummer}. Diagrammens data`);
      expect(pdfText).toContain(flat(`Diagrammets data: ${c.rubrik}`));
    }
  });
});
