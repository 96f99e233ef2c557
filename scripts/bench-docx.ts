import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Diagnostics } from '../src/diagnostics.ts';
import { loadAndCompute } from '../src/model/build-model.ts';
import { readSpreadsheets } from '../src/sources/files.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * DOCX: our renderer against pandoc on the same content, per report. pandoc
 * (Debian package `pandoc`) converts the report's HTML (every table, computed
 * figure and heading) and its Markdown files (prose only) to DOCX, each as one
 * process; ours is timed in this process (renderDocx: document, logo, font,
 * page-number estimate) and as the CLI with `--format docx` (Node start included).
 */
export async function benchDocx(rounds = 3): Promise<void> {
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
    const report = loadAndCompute(join('content', id), new Diagnostics(), await readSpreadsheets(join('content', id)));
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
  console.log(`  Summa: vår DOCX ${ms(oursTotal)}${pandoc ? ` · pandoc från HTML ${ms(pandocHtmlTotal)}` : ''} · build:report --format docx (hela processen, alla rapporter) ${ms(median(cli))}`);
  if (!pandoc) {
    console.log('  Kvot mot pandoc: pandoc saknas, ingen kvot');
    return;
  }
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2).replace('.', ',')}×`;
  // Below 1: ours is faster. In-process against pandoc's processes (pandoc cannot be timed without its start),
  // and our whole process (Node start, loading and computing every report included) against the sum of pandoc's.
  console.log(`  Kvot vår DOCX / pandoc från HTML: ${ratio(oursTotal, pandocHtmlTotal)} (i processen) · ${ratio(median(cli), pandocHtmlTotal)} (hela processen mot pandocs processer)`);
}
