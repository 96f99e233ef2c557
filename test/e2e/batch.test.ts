/**
 * A batch of reports: --jobs bounds the reports in flight through the whole
 * pipeline, the output is byte for byte that of a one-job build, and a browser
 * that crashes mid-batch costs one retry of the report it was printing.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer';
import { build, type Format } from '../../src/build.ts';
import type { ProgressEvent } from '../../src/build-progress.ts';
import { renderPdf, type PrintDocument } from '../../src/render/pdf/render-pdf.ts';
import { BrowserSession } from '../../src/render/pdf/session.ts';
import { withPrintPage } from '../../src/render/pdf/browser.ts';
import type { Report } from '../../src/model/types.ts';
import { contentFolder, INDEX } from '../helpers/fixture.ts';

const SECTION = (n: number) => `---\nrubrik: Avsnitt ${n}\n---\nText i rapport ${n}.\n\n## Del ett\n\nMer text.\n\n## Del två\n\nSista stycket.\n`;

/** A content folder with `count` small reports, rapport-1 … rapport-N. */
function batch(count: number): string {
  const { root, report } = contentFolder({});
  for (let n = 1; n <= count; n++) {
    const dir = join(root, `rapport-${n}`);
    cpSync(report, dir, { recursive: true });
    writeFileSync(join(dir, 'index.md'), INDEX.replace('titel: Provnämndens verksamhetsplan 2024–2026', `titel: Provrapport ${n}`));
    writeFileSync(join(dir, '01-avsnitt.md'), SECTION(n));
  }
  rmSync(report, { recursive: true });
  return root;
}

/** Every file of an output folder, by name. */
function files(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f)).toString('base64')]));
}

/** Counts the reports in flight from the progress events: taken by a job until written, failed or found to have errors. */
function inFlight() {
  let now = 0;
  let max = 0;
  const events: ProgressEvent[] = [];
  const listener = (e: ProgressEvent) => {
    events.push(e);
    if (e.kind === 'påbörjad') max = Math.max(max, ++now);
    if (e.kind === 'skriven' || e.kind === 'misslyckad' || (e.kind === 'kontrollerad' && !e.ok)) now--;
  };
  return { listener, events, max: () => max, now: () => now };
}

const out = () => mkdtempSync(join(tmpdir(), 'kommunrapport-batch-'));

describe('a batch with --jobs', () => {
  it('never holds more than N reports in flight, and writes what a one-job build writes', async () => {
    const root = batch(6);
    const formats: Format[] = ['html', 'docx', 'xlsx', 'granskning', 'json'];
    const one = out();
    const single = await build({ contentDir: root, outDir: one, formats, jobs: 1 });
    expect(single.ok).toBe(true);
    const two = out();
    const flight = inFlight();
    const parallel = await build({ contentDir: root, outDir: two, formats, jobs: 2, onProgress: flight.listener });
    expect(parallel.ok).toBe(true);
    expect(flight.max()).toBe(2);
    expect(flight.now()).toBe(0);
    expect(flight.events.filter((e) => e.kind === 'skriven')).toHaveLength(6);
    expect(parallel.reports.map((r) => r.id)).toEqual(['rapport-1', 'rapport-2', 'rapport-3', 'rapport-4', 'rapport-5', 'rapport-6']);
    expect(Object.keys(files(two))).toHaveLength(6 * 5);
    expect(files(two)).toEqual(files(one));
  }, 120_000);

  it('prints PDFs with at most N pages open, byte for byte as one job does; a crashed browser costs one retry', async () => {
    const root = batch(3);
    const formats: Format[] = ['pdf', 'html'];
    const one = out();
    expect((await build({ contentDir: root, outDir: one, formats, jobs: 1 })).ok).toBe(true);

    let printing = 0;
    let maxPrinting = 0;
    const browsers = new Set<Browser>();
    const counted = async (browser: Browser, document: PrintDocument, report: Report) => {
      browsers.add(browser);
      maxPrinting = Math.max(maxPrinting, ++printing);
      try {
        return await renderPdf(browser, document);
      } finally {
        printing--;
      }
    };
    const two = out();
    expect((await build({ contentDir: root, outDir: two, formats, jobs: 2, printPdf: counted })).ok).toBe(true);
    expect(maxPrinting).toBeLessThanOrEqual(2);
    expect(browsers.size).toBe(1);
    expect(files(two)).toEqual(files(one));

    // The browser is killed while rapport-2 is printing: rapport-2 is printed again in a fresh browser, the others as usual.
    const used: Browser[] = [];
    let killed = false;
    const crashing = async (browser: Browser, document: PrintDocument, report: Report) => {
      used.push(browser);
      const print = renderPdf(browser, document);
      if (report.id === 'rapport-2' && !killed) {
        killed = true;
        browser.process()!.kill('SIGKILL');
      }
      return print;
    };
    const three = out();
    const flight = inFlight();
    const result = await build({ contentDir: root, outDir: three, formats, jobs: 1, printPdf: crashing, onProgress: flight.listener });
    expect(flight.events.filter((e) => e.kind === 'försöker-igen')).toEqual([{ kind: 'försöker-igen', report: 'rapport-2' }]);
    expect(flight.events.filter((e) => e.kind === 'misslyckad')).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.reports.every((r) => r.failure === undefined && r.written.length === 2)).toBe(true);
    expect(used).toHaveLength(4);
    expect(used[2]).not.toBe(used[1]);
    expect(files(three)).toEqual(files(one));
  }, 240_000);

  it('opens each print page while its report is computed, prints in it, and leaves no page open', async () => {
    const session = new BrowserSession();
    try {
      // A page opened ahead is the one the next print takes.
      const browser = await session.get();
      session.openSparePage();
      let ahead: unknown[] = [];
      for (let i = 0; i < 200 && ahead.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        ahead = await browser.pages();
      }
      expect(ahead).toHaveLength(1);
      expect(await withPrintPage(browser, async (page) => page)).toBe(ahead[0]);
      expect(await browser.pages()).toEqual([]);

      // A batch whose last report has an error: its page is closed unused; every other print takes the page opened for it.
      const root = batch(4);
      writeFileSync(join(root, 'rapport-4', 'index.md'), '---\ntitel: [\n---\n');
      const created = new Set<unknown>();
      const printedIn = new Set<unknown>();
      browser.on('targetcreated', (target) => {
        if (target.type() === 'page') created.add(target);
      });
      browser.on('targetchanged', (target) => {
        if (target.url().endsWith('/rapport.html')) printedIn.add(target);
      });
      const result = await build({ contentDir: root, outDir: out(), formats: ['pdf'], jobs: 1, browser: session });
      expect(result.reports.map((r) => r.ok)).toEqual([true, true, true, false]);
      // A page still being opened when the build ends would show up a moment later.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await browser.pages()).toEqual([]);
      // Every print pass of the three reports had a page; only the failed report's page was opened and not printed in.
      expect(printedIn.size).toBeGreaterThanOrEqual(3);
      expect([...printedIn].every((t) => created.has(t))).toBe(true);
      expect(created.size - printedIn.size).toBeLessThanOrEqual(1);
    } finally {
      await session.close();
    }
  }, 120_000);

  it('a report that fails twice is named, and the rest of the batch is written', async () => {
    const root = batch(3);
    const failing = async (browser: Browser, document: PrintDocument, report: Report) => {
      if (report.id === 'rapport-1') throw new Error('Target closed');
      return renderPdf(browser, document);
    };
    const dir = out();
    const flight = inFlight();
    const result = await build({ contentDir: root, outDir: dir, formats: ['pdf'], jobs: 2, printPdf: failing, onProgress: flight.listener });
    expect(result.ok).toBe(false);
    const [first, ...rest] = result.reports;
    expect(first!.failure?.message).toBe('Webbläsaren stängdes eller kraschade medan rapporten rapport-1 skrevs ut som PDF. Inga filer för rapporten ändrades.');
    expect(first!.written).toEqual([]);
    expect(rest.every((r) => r.ok && r.written.length === 1)).toBe(true);
    expect(flight.events.filter((e) => e.kind === 'försöker-igen')).toEqual([{ kind: 'försöker-igen', report: 'rapport-1' }]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort()).toEqual(['rapport-2.pdf', 'rapport-3.pdf']);
  }, 240_000);
});
