/**
 * kommunrapport preview in a real browser: the executable serves a copy of the
 * example; a changed figure appears on the page by itself at the same scroll
 * position, a content error appears in the page with file, line and fix, the
 * fix clears it, the PDF is a click away, and Ctrl+C stops the server. The
 * reload script exists only in the preview, never in a built file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { BrowserSession } from '../../src/render/pdf/session.ts';
import { build } from '../../src/build.ts';
import { startKommunrapport } from '../helpers/kommunrapport.ts';

const REPORT = 'oxelosund-von-verksamhetsplan-2024-2026';
const FIGURE_FILE = '06-trygg-och-saker-uppvaxt.md';

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`"${from}" finns inte i ${file}`);
  writeFileSync(file, text.replace(from, to));
}

const text = (page: Page) => page.evaluate(() => document.body.innerText.replace(/\u00a0/g, ' '));

/** Saves the file the way an editor does and waits for the page to reload by itself. */
async function saveAndReload(page: Page, save: () => void): Promise<void> {
  const reloaded = page.waitForNavigation({ waitUntil: 'load', timeout: 30_000 });
  save();
  await reloaded;
}

describe('kommunrapport preview', () => {
  let root: string;
  let server: Awaited<ReturnType<typeof startKommunrapport>>;
  let url: string;
  const session = new BrowserSession();
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kommunrapport-preview-'));
    cpSync('content', root, { recursive: true });
    server = await startKommunrapport(['preview', '--content', root, '--port', '0'], /körs på (http:\/\/127\.0\.0\.1:\d+\/)/);
    url = `${server.match[1]}${REPORT}/`;
    browser = await session.get();
    page = await browser.newPage();
    await page.setViewport({ width: 1000, height: 700 });
    await page.goto(url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await session.close();
    if (server && server.child.exitCode === null) await server.stop();
  });

  it('serves the report as HTML on 127.0.0.1 with the PDF link', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(await page.title()).toContain('Vård- och omsorgsnämndens verksamhetsplan 2024–2026');
    expect(await page.$eval('#kr-bar a[href="./pdf"]', (a) => a.textContent)).toBe('Öppna PDF');
    expect(await text(page)).toContain('41 (jan–nov 2023)');
  });

  it('shows a changed figure by itself, at the same scroll position', async () => {
    await page.evaluate(() => {
      const cell = Array.from(document.querySelectorAll('td')).find((td) => td.textContent?.includes('jan–nov 2023'));
      cell?.scrollIntoView({ block: 'center' });
    });
    const before = await page.evaluate(() => window.scrollY);
    expect(before).toBeGreaterThan(1000);
    await saveAndReload(page, () => edit(join(root, REPORT, FIGURE_FILE), 'värde: 41, period', 'värde: 4321, period'));
    expect(await text(page)).toContain('4 321 (jan–nov 2023)');
    const after = await page.evaluate(() => window.scrollY);
    expect(Math.abs(after - before)).toBeLessThan(5);
    expect(server.output()).toMatch(new RegExp(`✓ ${REPORT}: uppdaterad`));
  });

  it('shows a content error in the page with file, line and fix, and clears it when fixed', async () => {
    const file = join(root, REPORT, '03-ekonomi.md');
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('Miljö- och hälsoskydd, prognos-2023: -168')) + 1;
    await saveAndReload(page, () => edit(file, 'Miljö- och hälsoskydd, prognos-2023: -168,', 'Miljö- och hälsoskydd, prognos-2023: ett hundra,'));
    const panel = await page.$eval('#kr-problem', (el) => (el as HTMLElement).innerText);
    expect(panel).toContain('1 fel i innehållet. Sidan nedan är den senaste som gick att bygga.');
    expect(panel).toMatch(new RegExp(`${REPORT}/03-ekonomi\\.md:${line}:\\d+ fel: Förväntade ett tal i "prognos-2023", men fick texten "ett hundra"\\.`));
    expect(panel).toContain('→ ');
    // The last good page stays below the errors.
    expect(await text(page)).toContain('4 321 (jan–nov 2023)');

    await saveAndReload(page, () => edit(file, 'prognos-2023: ett hundra,', 'prognos-2023: -168,'));
    expect(await page.$('#kr-problem')).toBeNull();
  });

  it('prints the PDF on demand and keeps it for unchanged HTML', async () => {
    const first = await fetch(`${url}pdf`);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await first.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const again = new Uint8Array(await (await fetch(`${url}pdf`)).arrayBuffer());
    expect(again).toEqual(bytes);
  });

  it('puts the reload script only in the preview, never in a built file', async () => {
    const served = await (await fetch(url)).text();
    expect(served).toContain('new EventSource(');
    const out = mkdtempSync(join(tmpdir(), 'kommunrapport-preview-ut-'));
    await build({ contentDir: root, outDir: out, reports: [REPORT], formats: ['html'] });
    const built = readFileSync(join(out, `${REPORT}.html`), 'utf8');
    expect(built).not.toContain('EventSource');
    expect(built).not.toMatch(/kr-(preview|bar|problem)/);
  });

  it('stops on Ctrl+C with exit code 0', async () => {
    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('Förhandsvisningen avslutas.');
    await expect(fetch(url)).rejects.toThrow();
  });
});
