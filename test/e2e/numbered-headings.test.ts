/**
 * End to end: a small report with numrerade_rubriker in the municipality profile.
 * The numbers must stand in the PDF's headings, its contents (with page numbers)
 * and its bookmarks, in the DOCX headings and contents, and in the HTML. One
 * section heading wraps over two lines, which garbles Chromium's bookmark title.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type BuildResult } from '../../src/build.ts';
import { readOutline, type OutlineEntry } from '../../src/render/pdf/outline.ts';
import { contentFolder, PROFILE, section } from '../helpers/fixture.ts';
import { docxParts, docxText, pdfPageTexts } from '../helpers/read-back.ts';

const LONG = 'Viktiga förhållanden för resultat och ekonomisk ställning under verksamhetsåret och framåt';

const FILES = {
  '01-inledning.md': section('rubrik: Inledning', 'Rapporten visar numrerade rubriker.\n\n## Bakgrund\n\nText om bakgrunden.\n\n### Tidigare beslut\n\nText.\n'),
  '02-ekonomi.md': section(`rubrik: ${LONG}`, '## Driftbudget\n\nText om driften.\n\n## Investeringar\n\n#### Utan nivå tre\n\nText.\n'),
  '03-bilaga.md': section('rubrik: Uppföljning av mål\nbilaga: true', '## Mål ett\n\nText om målet.\n'),
};

const flat = (s: string) => s.replace(/\s+/g, ' ');
let result: BuildResult;
let pages: string[];
let outline: OutlineEntry[];
let documentXml: string;
let html: string;

beforeAll(async () => {
  const { root } = contentFolder(FILES);
  writeFileSync(join(root, 'kommuner', 'prov', 'kommun.yaml'), `${PROFILE}numrerade_rubriker: true\n`);
  const outDir = mkdtempSync(join(tmpdir(), 'kommunrapport-numrerade-'));
  result = await build({ contentDir: root, outDir, reports: ['rapport'], formats: ['pdf', 'docx', 'html'] });
  const pdf = new Uint8Array(readFileSync(join(outDir, 'rapport.pdf')));
  pages = (await pdfPageTexts(pdf)).map(flat);
  outline = (await readOutline(pdf)).entries;
  documentXml = docxParts(new Uint8Array(readFileSync(join(outDir, 'rapport.docx'))))['word/document.xml']!;
  html = readFileSync(join(outDir, 'rapport.html'), 'utf8');
});

describe('a report with numbered headings', () => {
  it('builds without errors', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'fel')).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('prints the numbered headings in the PDF, and the contents with numbers and the pages the headings stand on', () => {
    const page = (heading: string) => pages.findIndex((p, i) => i > 1 && p.includes(heading)) + 1;
    const contents = pages.find((p) => p.includes('Innehåll'))!;
    const wanted: [string, string][] = [
      ['1 Inledning', '1 Inledning'],
      ['1.1 Bakgrund', '1.1 Bakgrund'],
      [`2 ${LONG}`, '2 Viktiga förhållanden'],
      ['2.1 Driftbudget', '2.1 Driftbudget'],
      ['2.2 Investeringar', '2.2 Investeringar'],
      ['Bilaga 1. Uppföljning av mål', 'Bilaga 1. Uppföljning av mål'],
    ];
    for (const [entry, heading] of wanted) {
      const at = page(heading);
      expect(at, heading).toBeGreaterThan(2);
      expect(contents, entry).toContain(`${entry} ${at}`);
    }
    const body = pages.slice(2).join(' ');
    expect(body).toContain('1.1.1 Tidigare beslut');
    expect(body).toContain('2.2.0.1 Utan nivå tre');
    expect(body).toContain('Mål ett Text om målet.');
    expect(body).not.toMatch(/\d Mål ett/);
  });

  it('gives the PDF bookmarks the numbered titles, the wrapped one repaired', () => {
    expect(outline.map((e) => `${'  '.repeat(e.depth)}${e.title}`)).toEqual([
      'Provnämndens verksamhetsplan 2024–2026',
      '  Innehåll',
      '1 Inledning',
      '  1.1 Bakgrund',
      '    1.1.1 Tidigare beslut',
      `2 ${LONG}`,
      '  2.1 Driftbudget',
      '  2.2 Investeringar',
      '    2.2.0.1 Utan nivå tre',
      'Bilaga 1. Uppföljning av mål',
      '  Mål ett',
    ]);
  });

  it('prints the numbers in the DOCX headings and its contents', () => {
    const headingTexts = (style: string) =>
      documentXml
        .split('</w:p>')
        .filter((p) => p.includes(`<w:pStyle w:val="${style}"/>`))
        .map((p) => docxText(`${p}</w:p>`));
    expect(headingTexts('Heading1')).toEqual(['1 Inledning', `2 ${LONG}`, 'Bilaga 1. Uppföljning av mål']);
    expect(headingTexts('Heading2')).toEqual(['1.1 Bakgrund', '2.1 Driftbudget', '2.2 Investeringar', 'Mål ett']);
    expect(headingTexts('Heading3')).toEqual(['1.1.1 Tidigare beslut']);
    expect(headingTexts('Heading4')).toEqual(['2.2.0.1 Utan nivå tre']);
    const text = docxText(documentXml);
    const contents = text.slice(0, text.indexOf('Rapporten visar numrerade rubriker.'));
    for (const entry of ['1 Inledning', '1.1 Bakgrund', `2 ${LONG}`, '2.1 Driftbudget', 'Bilaga 1. Uppföljning av mål', 'Mål ett']) expect(contents).toContain(entry);
  });

  it('prints the numbers in the HTML headings and contents', () => {
    expect(html).toContain('<h1 id="inledning-rubrik">1 Inledning</h1>');
    expect(html).toMatch(/<h3 id="[^"]+">1\.1\.1 Tidigare beslut<\/h3>/);
    expect(html).toMatch(/<h2 id="[^"]+">Mål ett<\/h2>/);
    expect(html).toContain('<span class="rubrik">2.1 Driftbudget</span>');
    expect(html).toContain('<span class="rubrik">Bilaga 1. Uppföljning av mål</span>');
  });
});
