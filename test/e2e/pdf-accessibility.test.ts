/** Every example PDF against the offline PDF/UA subset and the tag tree's shape; fonts embedded with Unicode maps. */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/build.ts';
import { findReportFolders } from '../../src/content/load.ts';
import { checkPdfUa, readTags } from '../helpers/pdfua.ts';

const reports = findReportFolders('content');
let outDir: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'kommunrapport-pdfua-'));
  await build({ contentDir: 'content', outDir, formats: ['pdf'] });
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

  it('embeds every font as a subset with a Unicode map', () => {
    const out = execFileSync('pdffonts', [join(outDir, `${id}.pdf`)], { encoding: 'utf8' });
    const rows = out.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/SourceSans3/);
      expect(row).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+\d+$/);
    }
  });
});
