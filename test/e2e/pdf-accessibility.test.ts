/**
 * Every example PDF against the wider offline PDF/UA-1 check and the tag tree's shape; fonts embedded with
 * Unicode maps; page breaks a reader would stop on; every chart label in the PDF's text.
 */
import { examplesOutDir } from '../helpers/examples.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { toolOutput } from '../helpers/run-tool.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findReportFolders } from '../../src/content/load.ts';
import { checkPdfUa, readTags } from '../helpers/pdfua.ts';
import { pageBreakProblems } from '../helpers/page-breaks.ts';
import { readPdfUa } from '../helpers/pdfua-rules.ts';
import { pdfPageTexts } from '../helpers/read-back.ts';
import { Diagnostics } from '../../src/diagnostics.ts';
import { loadAndComputeFolder } from '../../src/model/build-model.ts';
import { wrapLabel } from '../../src/render/charts/config.ts';
import type { Diagram } from '../../src/model/types.ts';

const reports = findReportFolders('content');
let outDir: string;

beforeAll(async () => {
  outDir = examplesOutDir();
});

describe.each(reports)('%s.pdf', (id) => {
  const pdf = () => new Uint8Array(readFileSync(join(outDir, `${id}.pdf`)));

  it('passes the offline PDF/UA checks', async () => {
    expect(await checkPdfUa(pdf())).toEqual([]);
  });

  it('has a real tag tree: headings, tables with header cells, lists, figures with alt text', async () => {
    const { tags } = await readTags(pdf());
    expect(tags.counts.H1).toBeGreaterThanOrEqual(5);
    expect(tags.counts.Table).toBeGreaterThanOrEqual(1);
    expect(tags.counts.TR).toBeGreaterThan(tags.counts.Table!);
    expect(tags.counts.TH).toBeGreaterThan(0);
    expect(tags.counts.TD).toBeGreaterThan(0);
    expect(tags.counts.L).toBeGreaterThan(0);
    expect(tags.counts.LBody).toBe(tags.counts.LI);
    expect(tags.figuresWithoutAlt).toBe(0);
    // Text sits in semantic elements: NonStruct only groups, or wraps text inside P, H1, TD …
    expect(tags.bareNonStruct).toBeLessThanOrEqual(10);
  });

  it('breaks pages cleanly: no small table split, no heading or header row last on a page, no page of one line, group labels on continuation pages', async () => {
    expect(await pageBreakProblems(pdf())).toEqual([]);
  });

  it('keeps every character of every chart label in the PDF text (no ligature lost on the way through SVG)', async () => {
    // With its workbooks read, as the build reads them (the årsredovisning takes its driftredovisning from Excel).
    const report = (await loadAndComputeFolder(join('content', id), new Diagnostics()))!;
    const charts = report.sections.flatMap((s) => s.blocks).filter((b): b is Diagram => b.kind === 'diagram' && b.visa !== 'tabell');
    // Glyph by glyph positioned SVG text reads with spaces between letters; ligatures come back as one character (ﬀ).
    const squeeze = (t: string) => t.normalize('NFKC').replace(/\s+/g, '');
    const text = squeeze((await pdfPageTexts(pdf())).join(''));
    const labels = charts.flatMap((c) => [...c.kategorier.flatMap((k) => wrapLabel(k)), ...c.serier.map((s) => s.namn)]);
    if (charts.length > 0) expect(labels.length).toBeGreaterThan(0);
    expect(labels.filter((l) => !text.includes(squeeze(l)))).toEqual([]);
  });

  it('names header cells in tree order, not by the browser\'s node counter (the same bytes whatever was printed before)', async () => {
    const { tree } = await readPdfUa(pdf());
    const ids = [...tree.ids.entries()].sort((a, b) => a[1].index - b[1].index).map(([id]) => id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(ids.map((_, i) => `id${String(i + 1).padStart(6, '0')}`));
  });

  it('embeds every font as a subset with a Unicode map', async () => {
    const out = await toolOutput('pdffonts', [join(outDir, `${id}.pdf`)]);
    const rows = out.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/SourceSans3/);
      expect(row).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+$/);
    }
  });
});
