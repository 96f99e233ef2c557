/**
 * Benchmark: the time of `npm run build:report` for the examples against a
 * bare puppeteer print of the same HTML, measured in the same run.
 *
 *   npm run bench            (3 rounds)
 *   npm run bench -- 5       (5 rounds)
 *
 *   npm run bench -- --diagram   (only the time per chart)
 *   npm run bench -- --diff      (only the review files and the comparison of two versions)
 *
 * Prints the median and the spread of each measurement, then the time per
 * chart: SVG and PNG, drawn anew (cold) and from the cache (memory and disk).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer';
import { findBrowser } from '../src/render/pdf/browser.ts';
import { Diagnostics } from '../src/diagnostics.ts';
import { loadAndCompute } from '../src/model/build-model.ts';
import type { Diagram, Report } from '../src/model/types.ts';
import { chartCache, chartStyle, drawChart, type ChartFormat } from '../src/render/charts/draw.ts';
import { reviewText } from '../src/review/text.ts';
import { serializeModelJson } from '../src/review/json.ts';
import { compareReports } from '../src/diff/compare.ts';

const rounds = Number(process.argv[2] ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2).replace('.', ',')} s`;

function timeBuild(out: string): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, ['bin/kommunrapport.js', 'build', '--out', out], { encoding: 'utf8' });
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

// npm run bench -- --docx: only the DOCX against pandoc (see benchDocx below).
if (process.argv.includes('--docx')) {
  await benchDocx();
  process.exit(0);
}

// npm run bench -- --diagram: only the charts (see benchCharts below).
if (process.argv.includes('--diagram')) {
  await benchCharts();
  process.exit(0);
}

// npm run bench -- --diff: only the review files and diff:report (see benchDiff below).
if (process.argv.includes('--diff')) {
  benchDiff();
  process.exit(0);
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
await benchDocx();
await benchCharts();
benchDiff();

/**
 * Review files and comparison, per example report, in this process: the
 * granskning text and model JSON (from a computed model), and a comparison of
 * two versions (load and compute both, snapshot, compare); then
 * `npm run diff:report -- content content` as a whole process.
 */
function benchDiff(): void {
  const repeat = Math.max(3, rounds || 3);
  const ms = (x: number) => `${x.toFixed(1).replace('.', ',')} ms`;
  const timed = (f: () => void) => {
    const xs: number[] = [];
    f(); // warm-up
    for (let i = 0; i < repeat; i++) {
      const start = performance.now();
      f();
      xs.push(performance.now() - start);
    }
    return median(xs);
  };
  const ids = readdirSync('content', { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'kommuner').map((d) => d.name).sort();
  console.log(`Granskning och jämförelse · ${ids.length} rapporter · median av ${repeat} omgångar`);
  for (const id of ids) {
    const report = loadAndCompute(join('content', id), new Diagnostics());
    if (!report) continue;
    const text = timed(() => reviewText(report));
    const json = timed(() => serializeModelJson(report));
    const compare = timed(() => compareReports(id, loadAndCompute(join('content', id), new Diagnostics()), loadAndCompute(join('content', id), new Diagnostics())));
    console.log(`  ${id}: granskningstext ${ms(text)} · modell.json ${ms(json)} · jämförelse av två versioner (läs, räkna, jämför) ${ms(compare)}`);
  }
  const cli = timed(() => {
    const run = spawnSync(process.execPath, ['bin/kommunrapport.js', 'diff', 'content', 'content'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`diff:report misslyckades (${run.status}):\n${run.stderr}`);
  });
  console.log(`  npm run diff:report -- content content (hela processen): ${ms(cli)}`);
}

/** Time per chart of the example reports: SVG and PNG, cold (no cache), from memory and from the disk cache. */
async function benchCharts(): Promise<void> {
  const charts: { d: Diagram; report: Report }[] = [];
  for (const folder of readdirSync('content').filter((f) => f !== 'kommuner')) {
    const report = loadAndCompute(join('content', folder), new Diagnostics());
    for (const d of report?.sections.flatMap((s) => s.blocks) ?? []) if (d.kind === 'diagram' && d.visa !== 'tabell') charts.push({ d, report: report! });
  }
  if (charts.length === 0) return;
  const ms = (x: number) => `${x.toFixed(x < 1 ? 2 : 1).replace('.', ',')} ms`;
  const perChart = (format: ChartFormat) => {
    const start = performance.now();
    for (const { d, report } of charts) drawChart(d, chartStyle(report.profile), format);
    return (performance.now() - start) / charts.length;
  };
  const repeat = Math.max(3, rounds || 3);
  console.log(`Diagram · ${charts.length} diagram i exemplen · medel per diagram, median av ${repeat} omgångar`);
  for (const format of ['svg', 'png'] as const) {
    chartCache.useDir(undefined);
    perChart(format); // warm-up: fonts registered, Chart.js compiled
    const cold: number[] = [];
    const memory: number[] = [];
    const disk: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'kommunrapport-diagram-bench-'));
      chartCache.useDir(dir);
      cold.push(perChart(format)); // drawn and written to the disk cache
      memory.push(perChart(format)); // same process: from memory
      chartCache.clearMemory();
      disk.push(perChart(format)); // a new build: from the disk cache
    }
    console.log(`  ${format.toUpperCase()}: ritat ${ms(median(cold))}, från minnet ${ms(median(memory))}, från disk-cachen ${ms(median(disk))}`);
  }
}

/**
 * DOCX: our renderer against pandoc on the same content, per report. pandoc
 * (Debian package `pandoc`) converts the report's HTML (every table, computed
 * figure and heading) and its Markdown files (prose only) to DOCX, each as one
 * process; ours is timed in this process (renderDocx: document, logo, font,
 * page-number estimate) and as the CLI with `--format docx` (Node start included).
 */
async function benchDocx(): Promise<void> {
  const { renderDocx } = await import('../src/render/docx/render-docx.ts');
  const repeat = Math.max(3, rounds);
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const ids = readdirSync('content', { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'kommuner').map((d) => d.name).sort();
  const htmlDir = mkdtempSync(join(tmpdir(), 'kommunrapport-docx-bench-'));
  const html = spawnSync(process.execPath, ['bin/kommunrapport.js', 'build', '--format', 'html', '--out', htmlDir], { encoding: 'utf8' });
  if (html.status !== 0) throw new Error(`build:report --format html misslyckades:\n${html.stderr}`);
  const pandoc = spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).status === 0;
  console.log(`DOCX · ${ids.length} rapporter · median av ${repeat} omgångar${pandoc ? '' : ' · pandoc saknas (Debian: apt-get install pandoc), bara våra tider'}`);
  const timeSpawn = (cmd: string, args: string[]) => {
    const start = performance.now();
    const run = spawnSync(cmd, args, { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${cmd} misslyckades:\n${run.stderr}`);
    return performance.now() - start;
  };
  let oursTotal = 0;
  let pandocHtmlTotal = 0;
  for (const id of ids) {
    const report = loadAndCompute(join('content', id), new Diagnostics());
    if (!report) continue;
    await renderDocx(report); // warm-up: fonts read, logo drawn
    const ours: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const start = performance.now();
      await renderDocx(report);
      ours.push(performance.now() - start);
    }
    oursTotal += median(ours);
    let line = `  ${id}: vår DOCX ${ms(median(ours))}`;
    if (pandoc) {
      const target = join(htmlDir, `${id}.pandoc.docx`);
      const markdown = readdirSync(join('content', id)).filter((f) => f.endsWith('.md')).sort().map((f) => join('content', id, f));
      const fromHtml: number[] = [];
      const fromMarkdown: number[] = [];
      for (let i = 0; i < repeat; i++) {
        fromHtml.push(timeSpawn('pandoc', ['-f', 'html', '-t', 'docx', '-o', target, join(htmlDir, `${id}.html`)]));
        fromMarkdown.push(timeSpawn('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', target, ...markdown]));
      }
      pandocHtmlTotal += median(fromHtml);
      line += ` · pandoc från vår HTML ${ms(median(fromHtml))} · pandoc från Markdown-filerna ${ms(median(fromMarkdown))}`;
    }
    console.log(line);
  }
  const cli: number[] = [];
  for (let i = 0; i < repeat; i++) cli.push(timeSpawn(process.execPath, ['bin/kommunrapport.js', 'build', '--format', 'docx', '--out', mkdtempSync(join(tmpdir(), 'kommunrapport-docx-bench-'))]));
  console.log(`  Summa: vår DOCX ${ms(oursTotal)}${pandoc ? ` · pandoc från HTML ${ms(pandocHtmlTotal)}` : ''} · build:report --format docx (hela processen) ${ms(median(cli))}`);
}
