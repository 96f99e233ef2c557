/**
 * The examples' outputs as they were when this file's fingerprints were last
 * accepted: a refactor must leave every output of every example unchanged.
 *
 * A fingerprint is the SHA-256 of the file's bytes, except for the PDF, whose
 * bytes depend on the Chromium build: there it is the SHA-256 of the page
 * count and every page's text in reading order. An intended change (a new
 * label, a fixed layout) is accepted with `npx vitest run test/e2e/golden.test.ts -u`
 * and named in the commit message.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReportFolders } from '../../src/content/load.ts';
import { builtExample } from '../helpers/examples.ts';
import { pdfPageTexts } from '../helpers/read-back.ts';

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

async function fingerprint(path: string): Promise<string> {
  const bytes = new Uint8Array(readFileSync(path));
  if (!path.endsWith('.pdf')) return sha256(bytes);
  const pages = await pdfPageTexts(bytes);
  return `${pages.length} sidor, text ${sha256(pages.join('\f'))}`;
}

describe('exemplens utdata är oförändrade', () => {
  for (const id of findReportFolders('content')) {
    it(id, async () => {
      const example = builtExample(id);
      const prints: Record<string, string> = {};
      for (const path of [...example.written].sort()) prints[basename(path)] = await fingerprint(path);
      await expect(JSON.stringify(prints, null, 2) + '\n').toMatchFileSnapshot(`../golden/${id}.json`);
    });
  }
});
