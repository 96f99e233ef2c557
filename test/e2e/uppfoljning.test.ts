/**
 * End to end: Oxelösund's follow-up of the KF-mål (delårsuppföljning 2022).
 * Every assessed goal must carry its status as words in the PDF's text, the
 * counts per kommunmål must be printed, and the DOCX must hold the same.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtExample, type BuiltExample } from '../helpers/examples.ts';
import { Diagnostics } from '../../src/diagnostics.ts';
import { loadAndCompute } from '../../src/model/build-model.ts';
import type { Målområde, Report } from '../../src/model/types.ts';
import { statusWords } from '../../src/model/assessment/types.ts';
import { docxParts, docxText, pdfPageTexts } from '../helpers/read-back.ts';

const REPORT = 'oxelosund-kf-mal-delarsuppfoljning-2022';
const flat = (s: string) => s.replace(/\s+/g, ' ');
let result: BuiltExample;
let text: string;
let report: Report;
let outDir: string;

beforeAll(async () => {
  ({ outDir } = (result = builtExample(REPORT)));
  text = flat((await pdfPageTexts(new Uint8Array(readFileSync(join(outDir, `${REPORT}.pdf`))))).join('\n'));
  report = loadAndCompute(join('content', REPORT), new Diagnostics())!;
});

const målområden = () => report.sections.flatMap((s) => s.blocks).filter((b): b is Målområde => b.kind === 'målområde');

describe('the Oxelösund follow-up of the KF-mål', () => {
  it('builds without errors', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'fel')).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('prints every assessed KF-mål with its status word next to it', () => {
    const goals = målområden().flatMap((m) => m.kfMål);
    expect(goals.length).toBeGreaterThanOrEqual(30);
    for (const kf of goals) {
      expect(kf.bedömning, kf.text).toBeDefined();
      const word = statusWords[kf.bedömning!.status];
      const at = text.indexOf(flat(kf.text));
      expect(at, kf.text).toBeGreaterThan(-1);
      const after = text.slice(at + flat(kf.text).length, at + flat(kf.text).length + 60);
      expect(after, kf.text).toContain(word);
    }
  });

  it('counts the goals per kommunmål as the seed does: 7 of 10 fulfilled in Trygg och säker uppväxt', () => {
    expect(text).toContain('Trygg och säker uppväxt: 7 av 10 KF-mål uppfyllda, 3 av 10 KF-mål ej uppfyllda');
    const uppväxt = målområden().find((m) => m.namn === 'Trygg och säker uppväxt')!;
    expect(uppväxt.kfMål.filter((k) => k.bedömning!.status === 'uppfyllt')).toHaveLength(7);
    expect(text).toMatch(/Trygg och säker uppväxt 7 3 0 10 70 % God måluppfyllelse/);
    expect(text).toMatch(/Totalt 20 10 0 30 67 % God måluppfyllelse/);
  });

  it('uses Oxelösund\'s symbols, each with a legend', () => {
    const html = readFileSync(join(outDir, `${REPORT}.html`), 'utf8');
    expect(html).toContain('role="img" aria-label="Ej uppfyllt"><rect');
    expect(html).toContain('role="img" aria-label="Uppfyllt"><circle');
    expect(html.match(/Teckenförklaring:/g)!.length).toBeGreaterThanOrEqual(6);
  });

  it('holds the status words, once: the symbol images beside them are decorative', () => {
    const parts = docxParts(new Uint8Array(readFileSync(join(outDir, `${REPORT}.docx`))));
    const doc = parts['word/document.xml']!;
    expect(docxText(doc)).toContain('Ej uppfyllt');
    expect(docxText(doc)).toMatch(/(^|[^j] )Uppfyllt/m);
    expect(doc).not.toMatch(/descr="(Ej uppfyllt|Uppfyllt)"/);
    expect(doc).toMatch(/<wp:docPr id="\d+" name="Symbol" descr=""><a:extLst[^>]*><a:ext uri="\{C183D7F6-B498-43B3-948B-1728B52AA6E4\}"><adec:decorative [^>]*val="1"\/>/);
  });
});
