/**
 * End to end: the fourth example, Oxelösund kommunstyrelsens verksamhetsplan
 * 2022–2024, a plan shaped unlike the other three: net cost printed positive,
 * an investment schedule with an X per year, kommunstyrelsens mål directly
 * under each målområde, KF-mål only listed, övergripande mål that name their
 * målområde, two adoption decisions and the municipality's own labels. The
 * PDF, DOCX, HTML and review text are read back.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtExample, type BuiltExample } from '../helpers/examples.ts';
import { docxParts, docxText, pdfPageTexts } from '../helpers/read-back.ts';

const REPORT = 'oxelosund-ks-verksamhetsplan-2022-2024';
let result: BuiltExample;
let outDir: string;
let pages: string[];
let all: string;
let docx: string;
let html: string;
let review: string;

beforeAll(async () => {
  ({ outDir } = (result = builtExample(REPORT)));
  pages = await pdfPageTexts(new Uint8Array(readFileSync(join(outDir, `${REPORT}.pdf`))));
  all = pages.join('\n').replace(/\s+/g, ' ');
  docx = docxText(docxParts(new Uint8Array(readFileSync(join(outDir, `${REPORT}.docx`))))['word/document.xml']!);
  html = readFileSync(join(outDir, `${REPORT}.html`), 'utf8');
  review = readFileSync(join(outDir, `${REPORT}.granskning.txt`), 'utf8');
});

describe('Oxelösund kommunstyrelsens verksamhetsplan 2022–2024', () => {
  it('builds with no errors and no warnings', () => {
    expect(result.diagnostics.filter((d) => d.severity !== 'notering')).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('prints both adoption decisions on the title page, in the municipality\'s words', () => {
    const first = pages[0]!.replace(/\s+/g, ' ');
    expect(first).toContain('Fastställd av kommunstyrelsen 2021-12-15, § 197 och 2022-01-26, § 9');
    expect(first).toContain('Kommunchef');
    expect(first).not.toMatch(/okänd|Antagen av/);
  });

  it('prints net cost positive, as the plan does, with the sums and changes the model computed', () => {
    // S:a Nettokostnad: 81 568 = −(103 875 − 185 443).
    expect(all).toMatch(/S:a Nettokostnad 81 568 74 611 4 755 79 366/);
    expect(all).toMatch(/S:a Intäkter 103 875 105 261 1 218 106 479/);
    // The two förändring sums the adopted plan got wrong are computed: −360 and −5 973.
    expect(all).toMatch(/Dels:a administration −67 015 −68 533 −360 −68 893/);
    expect(all).toMatch(/S:a Kostnader −185 443 −179 872 −5 973 −185 845/);
    expect(review).toContain('S:a Nettokostnad');
  });

  it('shows the investment schedule with its X marks, and marks the totals as stated only', () => {
    expect(all).toMatch(/Fastigheter och planerat underhåll X X X/);
    expect(all).toMatch(/Totalt Kommunstyrelsen 91 000 79 050 13 750/);
    expect(all).toMatch(/kan inte kontrolleras/);
    expect(docx).toMatch(/Totalt Kommunstyrelsen/);
  });

  it('lists the KF-mål without a table and tables kommunstyrelsens mål with their targets as written', () => {
    expect(all).toContain('Antalet invånare ska öka med minst 90 personer 2022, 90 personer 2023 och 90 personer 2024. (KS) (D/B)');
    expect(all).toMatch(/Kommunstyrelsens mål Ingångsvärde dec 2021/);
    expect(all).toContain('<8 anmälda våldsbrott');
    expect(all).toContain('Betyg 3,4 av 6');
    expect(all).toContain('800 kg/månad');
    expect(all).toContain('25 % av kommuninvånare');
    // No invented nämndmål or KF-mål column over kommunstyrelsens own goals.
    expect(all).not.toMatch(/KF-mål Kommunstyrelsens mål/);
    expect(html).toContain('Kommunstyrelsens mål: Mod och framtidstro');
  });

  it('shows each övergripande mål with the målområde it refers to', () => {
    expect(all).toMatch(/Alla arbetsplatser har regelbundna arbetsplatsträffar \(Mod och framtidstro\)/);
    expect(review).toMatch(/Målområde: Mod och framtidstro/);
  });

  it('has every row of both utvecklingsarbete tables', () => {
    expect(all).toContain('Nytt systemstöd för mål och budgetprocessen');
    expect(all).toContain('Utred förutsättningar för feriearbete i föreningar');
    expect(docx).toContain('Utred förutsättningar för feriearbete i föreningar');
  });
});
