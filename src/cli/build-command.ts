/**
 * kommunrapport build (and check): flags → build() with a line per report and
 * step → diagnostics → a summary that fits a screen → exit code (README, "Slutkoder").
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allFormats, type Format } from '../formats.ts';
import { ExitCode, formatDiagnostic } from '../diagnostics.ts';
import { commonFlags, didYouMean, flagHelp, parseFlags, UsageError, verbosityFlags, type FlagSpecs } from './args.ts';
import { Progress, seconds, type Verbosity } from './progress.ts';

export const buildFlags = {
  report: { type: 'string', multiple: true, value: '<mapp>', description: 'bygg bara den här rapporten (mappnamn under content/); kan upprepas' },
  format: { type: 'string', value: '<lista>', description: `format att skapa, kommaseparerat: ${allFormats.join(',')} (standard: alla)` },
  out: { type: 'string', default: 'output', value: '<mapp>', description: 'mapp för färdiga filer (standard: output)' },
  content: { type: 'string', default: 'content', value: '<mapp>', description: 'mapp med rapporter och kommunprofiler (standard: content)' },
  check: { type: 'boolean', description: 'kontrollera innehållet utan att skapa några filer' },
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
  if (reports) await checkReportNames(resolve(contentDir), reports);
  // Loaded after the flags are read: --help and a usage mistake answer without the content schemas.
  const [{ build }, { displayPath, findReportFolders }] = await Promise.all([import('../build.ts'), import('../content/load.ts')]);

  const started = performance.now();
  const progress = new Progress(process.stdout, verbosity, checkOnly);
  progress.start(reports ?? findReportFolders(resolve(contentDir)));
  const result = await build({ contentDir, outDir: values.out as string, reports, formats, checkOnly, onProgress: progress.listener });
  progress.finish();

  for (const d of result.diagnostics) if (d.severity !== 'notering') process.stderr.write(`${formatDiagnostic(d)}\n`);
  const errors = result.diagnostics.filter((d) => d.severity === 'fel').length;
  const warnings = result.diagnostics.filter((d) => d.severity === 'varning').length;
  if (verbosity === 'quiet') return errors > 0 ? ExitCode.contentErrors : ExitCode.ok;

  const out = (text: string) => process.stdout.write(text);
  out('\n');
  for (const r of result.reports) {
    if (!r.ok) out(`✗ ${r.id}: byggdes inte på grund av fel i innehållet\n`);
    else if (checkOnly) out(`✓ ${r.id}: innehållet är kontrollerat\n`);
    else if (verbosity === 'verbose') {
      out(`✓ ${r.title ?? r.id}\n`);
      for (const file of r.written) out(`    ${displayPath(file)} (${size(file)}${r.reused.includes(file) ? ', oförändrad sedan förra bygget' : ''})\n`);
    } else {
      // One line per report: where its files are and how big the ones a reader opens are.
      const base = displayPath(join(resolve(values.out as string), r.id));
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
  out(`\n${errors} fel, ${warnings} varningar · ${seconds(performance.now() - started)}\n`);
  return errors > 0 ? ExitCode.contentErrors : ExitCode.ok;
}
