/**
 * Benchmark: the time of `npm run build:report` for the examples against a
 * bare puppeteer print of the same HTML, measured in the same run.
 *
 *   npm run bench            (3 rounds)
 *   npm run bench -- 5       (5 rounds)
 *
 * Prints the median and the spread of each measurement.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer';
import { findBrowser } from '../src/render/pdf/browser.ts';

const rounds = Number(process.argv[2] ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2).replace('.', ',')} s`;

function timeBuild(out: string): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--out', out], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`build:report misslyckades:\n${run.stderr}`);
  return performance.now() - start;
}

async function timeBarePrint(htmlFiles: string[]): Promise<number> {
  const start = performance.now();
  const browser = await puppeteer.launch({
    executablePath: findBrowser(),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    for (const file of htmlFiles) {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.pdf({ preferCSSPageSize: true, printBackground: true });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return performance.now() - start;
}

const out = mkdtempSync(join(tmpdir(), 'kommunrapport-bench-'));
timeBuild(out); // warm-up: fills the OS file cache, and gives the HTML for the bare print
const htmlFiles = readdirSync(out).filter((f) => f.endsWith('.html')).map((f) => join(out, f));
const reports = htmlFiles.length;
const pagesApprox = htmlFiles.reduce((n, f) => n + (readFileSync(f, 'utf8').match(/class="avsnitt"/g)?.length ?? 0), 0);

const cold: number[] = [];
const warm: number[] = [];
const bare: number[] = [];
for (let i = 0; i < rounds; i++) {
  cold.push(timeBuild(mkdtempSync(join(tmpdir(), 'kommunrapport-bench-')))); // empty output folder: every PDF printed
  warm.push(timeBuild(out)); // unchanged content: PDFs reused from the cache
  bare.push(await timeBarePrint(htmlFiles));
}

console.log(`kommunrapport benchmark · ${rounds} omgångar · ${reports} rapport(er), ${pagesApprox} avsnitt · Node ${process.version}`);
console.log(`  npm run build:report, tom output-mapp (PDF+DOCX+HTML, hela processen): median ${fmt(median(cold))}  [${cold.map(fmt).join(', ')}]`);
console.log(`  npm run build:report, oförändrat innehåll (PDF från cache):          median ${fmt(median(warm))}  [${warm.map(fmt).join(', ')}]`);
console.log(`  puppeteer, en enkel utskrift av samma HTML (start + utskrift):       median ${fmt(median(bare))}  [${bare.map(fmt).join(', ')}]`);
