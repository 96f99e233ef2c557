/**
 * npm run bench:preview: how long from saving a file to the preview page
 * showing the change, in a real browser, for each example report. Starts the
 * preview on a copy of content/, changes a sentence in the report's first
 * section ten times and prints the median and worst time per report.
 *   tsx scripts/preview-latency.ts [--screenshot <fil.png>]  (a screenshot of a content error in the page)
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPreview } from '../src/preview/server.ts';
import { launchBrowser } from '../src/render/pdf/browser.ts';

const root = mkdtempSync(join(tmpdir(), 'kommunrapport-latens-'));
cpSync('content', root, { recursive: true });
const preview = await startPreview({ contentDir: root, port: 0 });
const browser = await launchBrowser({ handleSignals: false });
const page = await browser.newPage();
const screenshot = process.argv.includes('--screenshot') ? process.argv[process.argv.indexOf('--screenshot') + 1] : undefined;

try {
  for (const id of preview.reports.ids()) {
    await page.goto(`${preview.url}${id}/`, { waitUntil: 'load' });
    const file = join(root, id, readdirSync(join(root, id)).filter((f) => /^\d\d-.*\.md$/.test(f)).sort()[0]!);
    const original = readFileSync(file, 'utf8');
    const times: number[] = [];
    for (let i = 1; i <= 10; i++) {
      const marker = `Mätpunkt ${i} för förhandsvisningen.`;
      const reloaded = page.waitForNavigation({ waitUntil: 'load' });
      const started = performance.now();
      writeFileSync(file, `${original.trimEnd()}\n\n${marker}\n`);
      await reloaded;
      await page.waitForFunction((m) => document.body.innerText.includes(m), {}, marker);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const ms = (t: number) => `${Math.round(t)} ms`;
    process.stdout.write(`${id}: median ${ms(times[4]!)}, längst ${ms(times[9]!)} (rebuild ${Math.round(preview.reports.peek(id)!.ms)} ms)\n`);
    writeFileSync(file, original);
  }
  if (screenshot) {
    const id = 'oxelosund-von-verksamhetsplan-2024-2026';
    await page.goto(`${preview.url}${id}/`, { waitUntil: 'load' });
    const file = join(root, id, '03-ekonomi.md');
    const reloaded = page.waitForNavigation({ waitUntil: 'load' });
    writeFileSync(file, readFileSync(file, 'utf8').replace('prognos-2023: -168,', 'prognos-2023: ett hundra,').replace('budget-2024: -348937 }', 'budget-2024: -348938 }'));
    await reloaded;
    await page.setViewport({ width: 1100, height: 800 });
    await page.screenshot({ path: screenshot });
  }
} finally {
  await browser.close();
  await preview.close();
}
