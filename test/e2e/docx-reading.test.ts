/**
 * Every example's DOCX as a screen reader in Word and Word's accessibility checker read it: each table has one
 * header row, marked to repeat, without merged cells going down; status symbols beside their word are decorative
 * (the word is read once); every other picture has alternative text.
 */
import { examplesOutDir } from '../helpers/examples.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findReportFolders } from '../../src/content/load.ts';
import { docxParts } from '../helpers/read-back.ts';

const reports = findReportFolders('content');
let outDir: string;

beforeAll(async () => {
  outDir = examplesOutDir();
}, 240_000);

describe.each(reports)('%s.docx', (id) => {
  const documentXml = () => docxParts(new Uint8Array(readFileSync(join(outDir, `${id}.docx`))))['word/document.xml']!;

  it('gives every table one repeating header row, its first, with no cell merged downwards', () => {
    const tables = [...documentXml().matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]!);
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      const rows = [...table.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) => m[1]!);
      const headers = rows.map((r, i) => (r.includes('<w:tblHeader/>') ? i : -1)).filter((i) => i >= 0);
      expect(headers).toEqual([0]);
      expect(rows[0]).not.toContain('w:vMerge');
      expect(rows[0]!.match(/<w:tc>/g)!.length).toBeGreaterThan(1);
      // "Målvärde 2025" over a narrow year column is set smaller rather than broken inside the word.
      for (const cell of rows[0]!.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!) {
        const words = [...cell.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');
        if (/^Målvärde \d{4}$/.test(words)) expect(cell).toMatch(/<w:sz w:val="1[3-7]"\/>/);
      }
    }
  });

  it('marks status symbols decorative, without alternative text, and describes every other picture', () => {
    const pictures = [...documentXml().matchAll(/<wp:docPr id="\d+" name="([^"]*)" descr="([^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/wp:docPr>)/g)];
    // The follow-ups judge goals and indicators with symbols; the plans have none.
    if (/uppfoljning|arsredovisning/.test(id)) expect(pictures.filter(([, name]) => name === 'Symbol').length).toBeGreaterThan(0);
    for (const [, name = "", descr = "", , inner = ""] of pictures) {
      if (name === 'Symbol') {
        expect(descr).toBe('');
        expect(inner).toContain('<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>');
      } else expect(descr.length, name).toBeGreaterThan(5);
    }
  });
});
