/**
 * Benchmark: the time of `npm run build:report` for the examples against a
 * bare puppeteer print of the same HTML, measured in the same run.
 *
 *   npm run bench            (3 rounds)
 *   npm run bench -- 5       (5 rounds)
 *
 *   npm run bench -- --diagram   (only the time per chart)
 *   npm run bench -- --diff      (only the review files and the comparison of two versions)
 *   npm run bench -- --skala     (only 1, 20 and 100 reports: time, memory of the process tree, reports per second)
 *   npm run bench -- --kvot      (only the cold build against the bare print, and their ratio)
 *
 * Prints the median and the spread of each measurement, then the time per
 * chart: SVG and PNG, drawn anew (cold) and from the cache (memory and disk).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBrowser } from '../src/render/pdf/browser.ts';
import { Diagnostics } from '../src/diagnostics.ts';
import { loadAndCompute } from '../src/model/build-model.ts';
import { readSpreadsheets } from '../src/sources/files.ts';
import type { Diagram, Report } from '../src/model/types.ts';
import { chartCache, chartStyle, drawChart, type ChartFormat } from '../src/render/charts/draw.ts';
import { reviewText } from '../src/review/text.ts';
import { serializeModelJson } from '../src/review/json.ts';
import { compareReports } from '../src/diff/compare.ts';
import { benchScale, measure, scaleOptions } from './bench-scale.ts';
import { benchDocx } from './bench-docx.ts';

// The number of rounds is the one numeric argument (npm run bench -- 5); flags such as --docx are not it.
const rounds = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2).replace('.', ',')} s`;

function timeBuild(out: string): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, ['bin/kommunrapport.js', 'build', '--out', out], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`build:report misslyckades:\n${run.stderr}`);
  return performance.now() - start;
}

// npm run bench -- --docx: only the DOCX against pandoc (scripts/bench-docx.ts).
if (process.argv.includes('--docx')) {
  await benchDocx(rounds);
  process.exit(0);
}

// npm run bench -- --diagram: only the charts (see benchCharts below).
if (process.argv.includes('--diagram')) {
  await benchCharts();
  process.exit(0);
}

// npm run bench -- --kallfil: reading a table of 2 000 rows from Excel and from CSV (see benchSpreadsheet below).
if (process.argv.includes('--kallfil')) {
  await benchSpreadsheet();
  process.exit(0);
}

// npm run bench -- --skala: only the batches of 1, 20 and 100 reports (scripts/bench-scale.ts).
if (process.argv.includes('--skala')) {
  await benchScale(findBrowser()!, scaleOptions(process.argv));
  process.exit(0);
}

// npm run bench -- --diff: only the review files and diff:report (see benchDiff below).
if (process.argv.includes('--diff')) {
  await benchDiff();
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
const peaks = { cold: 0, bare: 0 };
const cpu = { cold: [] as number[], bare: [] as number[], coldNode: [] as number[], bareNode: [] as number[] };
for (let i = 0; i < rounds; i++) {
  // Empty output folder: every PDF printed. Whole processes, memory of the process tree, in the same run as the bare print.
  const c = await measure(process.execPath, ['bin/kommunrapport.js', 'build', '--out', mkdtempSync(join(tmpdir(), 'kommunrapport-bench-'))]);
  cold.push(c.ms);
  cpu.cold.push(c.cpuMs);
  cpu.coldNode.push(c.nodeCpuMs);
  peaks.cold = Math.max(peaks.cold, c.peakBytes);
  warm.push((await measure(process.execPath, ['bin/kommunrapport.js', 'build', '--out', out])).ms); // nothing changed: the manifest answers
  const b = await measure(process.execPath, ['scripts/bare-print.mjs', findBrowser()!, ...htmlFiles]);
  bare.push(b.ms);
  cpu.bare.push(b.cpuMs);
  cpu.bareNode.push(b.nodeCpuMs);
  peaks.bare = Math.max(peaks.bare, b.peakBytes);
}

const mib = (b: number) => `${Math.round(b / 1024 / 1024)} MiB`;
console.log(`kommunrapport benchmark · ${rounds} omgångar · ${reports} rapport(er), ${pagesApprox} avsnitt · Node ${process.version} · webbläsare ${findBrowser()}`);
console.log(`  kommunrapport build, tom output-mapp (alla format, hela processen): median ${fmt(median(cold))}  [${cold.map(fmt).join(', ')}] · topp RSS ${mib(peaks.cold)}`);
console.log(`  kommunrapport build, inget ändrat (hela processen):                 median ${fmt(median(warm))}  [${warm.map(fmt).join(', ')}]`);
console.log(`  enkel puppeteer-utskrift av samma HTML (hela processen):           median ${fmt(median(bare))}  [${bare.map(fmt).join(', ')}] · topp RSS ${mib(peaks.bare)}`);
console.log(`  kvot bygge / enkel utskrift: ${(median(cold) / median(bare)).toFixed(2).replace('.', ',')}×`);
// What the wall times rest on: the CPU each whole process tree used. On two cores the build cannot end before half its CPU time.
if (median(cpu.bare) > 0) {
  console.log(
    `  CPU-tid (hela processträdet, användare + system): bygge median ${fmt(median(cpu.cold))}, enkel utskrift ${fmt(median(cpu.bare))}, kvot ${(median(cpu.cold) / median(cpu.bare)).toFixed(2).replace('.', ',')}×` +
      ` · bygget kan på ${availableParallelism()} kärnor inte bli klart före ${fmt(median(cpu.cold) / availableParallelism())}`,
  );
  console.log(`    varav Node: bygge ${fmt(median(cpu.coldNode))}, enkel utskrift ${fmt(median(cpu.bareNode))}; Chromium: bygge ${fmt(median(cpu.cold) - median(cpu.coldNode))}, enkel utskrift ${fmt(median(cpu.bare) - median(cpu.bareNode))}`);
}
if (process.argv.includes('--kvot')) process.exit(0);
await benchDocx(rounds);
await benchCharts();
await benchDiff();
await benchScale(findBrowser()!);

/**
 * Review files and comparison, per example report, in this process: the
 * granskning text and model JSON (from a computed model), and a comparison of
 * two versions (load and compute both, snapshot, compare); then
 * `npm run diff:report -- content content` as a whole process.
 */
async function benchDiff(): Promise<void> {
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
    const sheets = await readSpreadsheets(join('content', id));
    const report = loadAndCompute(join('content', id), new Diagnostics(), sheets);
    if (!report) continue;
    const text = timed(() => reviewText(report));
    const json = timed(() => serializeModelJson(report));
    const compare = timed(() => compareReports(id, loadAndCompute(join('content', id), new Diagnostics(), sheets), loadAndCompute(join('content', id), new Diagnostics(), sheets)));
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
    const report = loadAndCompute(join('content', folder), new Diagnostics(), await readSpreadsheets(join('content', folder)));
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
 * A free table of 2 000 rows (verksamhet, antal, belopp, andel) as .xlsx and as
 * Swedish CSV in a report folder: the time to read the workbook (exceljs) and to
 * load and check the report with the rows imported, median of five runs.
 */
async function benchSpreadsheet(): Promise<void> {
  const ROWS = 2000;
  const root = mkdtempSync(join(tmpdir(), 'kommunrapport-kallfil-'));
  const dir = join(root, 'rapport');
  mkdirSync(join(root, 'kommuner', 'prov'), { recursive: true });
  mkdirSync(dir);
  writeFileSync(join(root, 'kommuner', 'prov', 'kommun.yaml'), 'namn: Provkommun\nlogotyp: logotyp.svg\nfärger: { primär: "#00507A", sekundär: "#00766C" }\n');
  writeFileSync(join(root, 'kommuner', 'prov', 'logotyp.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>');
  writeFileSync(join(dir, 'index.md'), '---\ntyp: årsredovisning\nkommun: prov\nnämnd: Provnämnden\ntitel: Prov\nperiod: 2024\nstatus: utkast\ndatum: 2025-02-20\n---\n');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Volymer');
  ws.addRow(['Verksamhet', 'Antal', 'Belopp', 'Andel']);
  const csv = ['Verksamhet;Antal;Belopp;Andel'];
  for (let i = 1; i <= ROWS; i++) {
    ws.addRow([`Enhet ${i}`, i * 3, -1000 - i, (i % 1000) / 10]);
    csv.push(`Enhet ${i};${i * 3};${-1000 - i};${String((i % 1000) / 10).replace('.', ',')}`);
  }
  writeFileSync(join(dir, 'volymer.xlsx'), new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  writeFileSync(join(dir, 'volymer.csv'), `\uFEFF${csv.join('\r\n')}\r\n`);
  const block = (file: string, id: string) => `  - typ: tabell\n    id: ${id}\n    rubrik: Volymer\n    kolumner: [Verksamhet, { rubrik: Antal, typ: tal }, { rubrik: Belopp, typ: belopp }, { rubrik: Andel, typ: procent, decimaler: 1 }]\n    enhet: tkr\n    rader: { källfil: ${file}, rubrikrad: 1 }\n`;
  writeFileSync(join(dir, '01-volymer.md'), `---\nrubrik: Volymer\ndata:\n${block('volymer.xlsx', 'xlsx')}---\n`);
  const times = async (f: () => Promise<unknown> | unknown) => {
    const xs: number[] = [];
    for (let i = 0; i < 6; i++) {
      const start = performance.now();
      await f();
      if (i > 0) xs.push(performance.now() - start);
    }
    return median(xs);
  };
  const read = await times(() => readSpreadsheets(dir));
  const whole = await times(async () => {
    const d = new Diagnostics();
    if (!loadAndCompute(dir, d, await readSpreadsheets(dir))) throw new Error(d.errors.map((e) => e.message).join('\n'));
  });
  writeFileSync(join(dir, '01-volymer.md'), `---\nrubrik: Volymer\ndata:\n${block('volymer.csv', 'csv')}---\n`);
  const csvWhole = await times(() => {
    const d = new Diagnostics();
    if (!loadAndCompute(dir, d, { workbooks: new Map() })) throw new Error(d.errors.map((e) => e.message).join('\n'));
  });
  const ms = (x: number) => `${Math.round(x)} ms`;
  console.log(`Tabell med ${ROWS} rader ur källfil · median av 5 körningar · Node ${process.version}`);
  console.log(`  läsa volymer.xlsx (exceljs):                      ${ms(read)}`);
  console.log(`  läsa, kontrollera och räkna rapporten, .xlsx:     ${ms(whole)}`);
  console.log(`  läsa, kontrollera och räkna rapporten, .csv:      ${ms(csvWhole)}`);
}
