/** pdf-lib reads and writes a printed PDF in one go, never waiting on a timer (src/render/pdf/load.ts). */
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadPdf, savePdf } from '../../src/render/pdf/load.ts';

describe('loading and saving a PDF', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('parses and writes thousands of objects without yielding to a timer', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    // A tag tree's worth of small objects: pdf-lib's defaults would yield every 100 (parsing) and 50 (writing).
    for (let i = 0; i < 3000; i++) doc.context.register(doc.context.obj({ Type: 'StructElem', S: 'P', K: i }));
    const bytes = await doc.save();
    // With the clock stopped, a setTimeout never fires: a load or save that waited on one would never end.
    vi.useFakeTimers();
    const loaded = await loadPdf(bytes);
    expect(loaded.context.enumerateIndirectObjects().length).toBeGreaterThan(3000);
    const saved = await savePdf(loaded);
    vi.useRealTimers();
    const again = await PDFDocument.load(saved);
    const elems = again.context.enumerateIndirectObjects().filter(([, o]) => 'get' in o && (o as { get(n: PDFName): unknown }).get(PDFName.of('S')) !== undefined);
    expect(elems.length).toBe(3000);
  }, 10_000);
});
