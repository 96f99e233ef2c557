/**
 * kommunrapport build (and check): flags → build() with a line per report and
 * step → diagnostics → a summary that fits a screen → exit code (README, "Slutkoder").
 */
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { allFormats, type Format } from '../formats.ts';
import type { BuildResult, ReportResult } from '../build.ts';
import { BrowserSession } from '../render/pdf/session.ts';
import { BuildCache } from '../output/cache.ts';
import { findReportFolders } from '../content/folders.ts';
import { ExitCode, formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { displayPath } from '../display-path.ts';
import { buildKey, manifestText, MANIFEST_FILE, unchangedBuild } from '../output/manifest.ts';
import { commonFlags, didYouMean, flagHelp, parseFlags, UsageError, verbosityFlags, type FlagSpecs } from './args.ts';
import { Progress, seconds, type Verbosity } from './progress.ts';
import { inShard, parseShard, type Shard } from '../batch/shard.ts';

export const buildFlags = {
  report: { type: 'string', multiple: true, value: '<mapp>', description: 'bygg bara den här rapporten (mappnamn under content/); kan upprepas' },
  format: { type: 'string', value: '<lista>', description: `format att skapa, kommaseparerat: ${allFormats.join(',')} (standard: alla)` },
  out: { type: 'string', default: 'output', value: '<mapp>', description: 'mapp för färdiga filer (standard: output)' },
  content: { type: 'string', default: 'content', value: '<mapp>', description: 'mapp med rapporter och kommunprofiler (standard: content)' },
  check: { type: 'boolean', description: 'kontrollera innehållet utan att skapa några filer' },
  jobs: { type: 'string', value: '<antal>', description: 'högst så många rapporter byggs samtidigt (standard: en per processorkärna, färre om minnet inte räcker)' },
  shard: { type: 'string', value: '<i/n>', description: 'bygg bara del i av n av rapporterna, t.ex. 2/4 (för parallella byggen i CI)' },
  ...verbosityFlags,
  ...commonFlags,
} as const satisfies FlagSpecs;

export function buildUsage(command: 'build' | 'check'): string {
  const what = command === 'check' ? 'Kontrollerar innehållet och räknar, men skapar inga filer.' : 'Bygger rapporterna under content/ till output/ (PDF, DOCX, HTML, granskningstext, JSON).';
  const flags = Object.fromEntries(Object.entries(buildFlags).filter(([n]) => command === 'build' || !['format', 'out', 'check'].includes(n)));
  return `Användning: kommunrapport ${command} [flaggor]\n\n${what}\n\n${flagHelp(flags as FlagSpecs)}`;
}

function parseFormats(value: string | undefined): Format[] {
  if (!value) return [...allFormats];
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  for (const f of formats) {
    if (!(allFormats as readonly string[]).includes(f)) throw new UsageError(`okänt format "${f}"; välj bland ${allFormats.join(', ')}.${didYouMean(f, allFormats)}`);
  }
  return formats as Format[];
}

/** A --report that names no folder at all is a typing mistake: say which report was meant. */
export async function checkReportNames(contentDir: string, names: readonly string[]): Promise<void> {
  const { displayPath, findReportFolders } = await import('../content/load.ts');
  const known = findReportFolders(contentDir);
  for (const name of names) {
    if (existsSync(join(contentDir, name))) continue;
    const list = known.length ? ` Rapporterna i ${displayPath(contentDir)}/ är: ${known.join(', ')}.` : '';
    throw new UsageError(`det finns ingen rapport "${name}" i ${displayPath(contentDir)}/.${didYouMean(name, known)}${list}`);
  }
}

function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs ska vara ett heltal från 1 och uppåt, inte "${value}".`);
  return n;
}

function parseShardFlag(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const shard = parseShard(value);
  if (!shard) throw new UsageError(`--shard ska skrivas som del/antal, t.ex. 2/4 (del 1 till antal), inte "${value}".`);
  return shard;
}

function size(path: string): string {
  const bytes = statSync(path).size;
  return bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

export async function runBuild(argv: readonly string[], command: 'build' | 'check'): Promise<number> {
  const { values } = parseFlags(argv, buildFlags);
  if (values.help) {
    process.stdout.write(`${buildUsage(command)}\n`);
    return ExitCode.ok;
  }
  const checkOnly = command === 'check' || values.check === true;
  const verbosity: Verbosity = values.quiet ? 'quiet' : values.verbose ? 'verbose' : 'normal';
  const contentDir = values.content as string;
  const reports = (values.report as string[] | undefined)?.map((r) => r.replace(/^content\//, '').replace(/\/+$/, ''));
  const formats = parseFormats(values.format as string | undefined);
  const jobs = parseJobs(values.jobs as string | undefined);
  const shard = parseShardFlag(values.shard as string | undefined);
  if (reports) await checkReportNames(resolve(contentDir), reports);
  const started = performance.now();
  const outDir = resolve(values.out as string);

  // Nothing changed since the last build (every input, the code and every output as they were): done before any renderer is loaded.
  const key = checkOnly ? undefined : buildKey({ contentDir, reports: reports ?? [], formats, shard: values.shard as string | undefined });
  const unchanged = key && unchangedBuild(outDir, key);
  if (unchanged) {
    if (verbosity !== 'quiet') process.stdout.write('Inget har ändrats sedan förra bygget; filerna är redan aktuella.\n');
    const results = unchanged.reports.map((r) => {
      const written = r.files.map((f) => join(outDir, f));
      return { id: r.id, title: r.title, written, reused: written, ok: true };
    });
    return summarize({ reports: results, diagnostics: unchanged.diagnostics }, { verbosity, checkOnly, outDir, started });
  }

  const folders = inShard(reports ?? findReportFolders(resolve(contentDir)), shard);
  // A report whose PDF no earlier build wrote will be printed: the browser starts first, so that its start
  // (another process) overlaps with loading the build's own code.
  const browser = new BrowserSession();
  let result: BuildResult;
  try {
    if (!checkOnly && formats.includes('pdf')) {
      const cache = BuildCache.load(outDir);
      if (folders.some((f) => cache.printsForSure(f))) await browser.startSoon();
    }
    // Loaded after the flags are read: --help and a usage mistake answer without the content schemas.
    const { build } = await import('../build.ts');
    const progress = new Progress(process.stdout, verbosity, checkOnly);
    progress.start(folders);
    result = await build({ contentDir, outDir, reports, formats, checkOnly, jobs, shard, onProgress: progress.listener, browser });
    progress.finish();
  } finally {
    await browser.close().catch(() => undefined);
  }
  // Every report built: the next build with nothing changed can stop here (src/output/manifest.ts).
  if (key && result.ok && result.reports.length > 0) {
    const { writeAtomically } = await import('../output/write.ts');
    const files = result.reports.map((r) => ({ id: r.id, title: r.title, files: r.written.map((f) => relative(outDir, f).split(sep).join('/')) }));
    await writeAtomically([{ path: join(outDir, MANIFEST_FILE), data: manifestText(outDir, key, files, result.diagnostics) }]);
  }
  return summarize(result, { verbosity, checkOnly, outDir, started });
}

/** Diagnostics, failures, a line per report and the totals; returns the exit code. */
function summarize(
  result: { reports: readonly ReportResult[]; diagnostics: readonly Diagnostic[] },
  { verbosity, checkOnly, outDir, started }: { verbosity: Verbosity; checkOnly: boolean; outDir: string; started: number },
): number {
  for (const d of result.diagnostics) if (d.severity !== 'notering') process.stderr.write(`${formatDiagnostic(d)}\n`);
  // A report whose files could not be made or written: told once per different reason, the rest of the batch is built.
  const failures = result.reports.flatMap((r) => (r.failure ? [r.failure] : []));
  for (const text of new Set(failures.map((f) => `fel: ${f.message}\n${f.hint ? `    → ${f.hint}\n` : ''}`))) process.stderr.write(text);
  const errors = result.diagnostics.filter((d) => d.severity === 'fel').length;
  const warnings = result.diagnostics.filter((d) => d.severity === 'varning').length;
  const exitCode = failures[0]?.exitCode ?? (errors > 0 ? ExitCode.contentErrors : ExitCode.ok);
  if (verbosity === 'quiet') return exitCode;

  const out = (text: string) => process.stdout.write(text);
  out('\n');
  for (const r of result.reports) {
    if (r.failure) out(`✗ ${r.title ?? r.id}: kunde inte byggas; de tidigare filerna ligger kvar (se felet ovan)\n`);
    else if (!r.ok) out(`✗ ${r.id}: byggdes inte på grund av fel i innehållet\n`);
    else if (checkOnly) out(`✓ ${r.id}: innehållet är kontrollerat\n`);
    else if (verbosity === 'verbose') {
      out(`✓ ${r.title ?? r.id}\n`);
      for (const file of r.written) out(`    ${displayPath(file)} (${size(file)}${r.reused.includes(file) ? ', oförändrad sedan förra bygget' : ''})\n`);
    } else {
      // One line per report: where its files are and how big the ones a reader opens are.
      const base = displayPath(join(outDir, r.id));
      const parts = r.written.map((file) => {
        const ext = file.slice(file.lastIndexOf(r.id) + r.id.length);
        return /\.(pdf|docx|html)$/.test(ext) ? `${ext} (${size(file)}${r.reused.includes(file) ? ', oförändrad' : ''})` : ext;
      });
      out(`✓ ${r.title ?? r.id}\n    ${base}${parts.join(' · ')}\n`);
    }
  }
  const notes = result.diagnostics.filter((d) => d.severity === 'notering');
  if (notes.length > 0 && verbosity === 'verbose') {
    out(`\nAtt granska (${notes.length}): det som nämnden har satt i stället för det beräknade, och avrundningar och andra avvikelser i siffrorna\n`);
    for (const d of notes) out(`  ${formatDiagnostic(d)}\n`);
  } else if (notes.length > 0) {
    out(`\nAtt granska: ${notes.length} ${notes.length === 1 ? 'sak' : 'saker'} som nämnden har satt i stället för det beräknade eller som avviker i siffrorna. Visa dem med --verbose.\n`);
  }
  const failedLine = failures.length > 0 ? ` · ${failures.length} ${failures.length === 1 ? 'rapport' : 'rapporter'} kunde inte byggas: ${result.reports.filter((r) => r.failure).map((r) => r.id).join(', ')}` : '';
  out(`\n${errors} fel, ${warnings} varningar${failedLine} · ${seconds(performance.now() - started)}\n`);
  return exitCode;
}
