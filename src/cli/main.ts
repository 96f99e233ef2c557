/**
 * kommunrapport's command line: parse flags → build() → print diagnostics and a
 * summary → exit code (see README, "Slutkoder").
 */
import { parseSwedishArgs } from './args.ts';
import { nearest } from '../content/schema-helpers.ts';
import { statSync } from 'node:fs';
import { displayPath } from '../content/load.ts';
import { allFormats, build, type Format } from '../build.ts';
import { BuildError, ExitCode, formatDiagnostic } from '../diagnostics.ts';

const usage = `Användning: npm run build:report -- [flaggor]

  --report <mapp>      bygg bara den här rapporten (mappnamn under content/); kan upprepas
  --format <lista>     format att skapa, kommaseparerat: pdf,docx,html,granskning,json,xlsx (standard: alla)
  --out <mapp>         mapp för färdiga filer (standard: output)
  --content <mapp>     mapp med rapporter och kommunprofiler (standard: content)
  --check              kontrollera innehållet utan att skapa några filer
  --help               visa den här hjälpen`;

function fail(message: string): never {
  process.stderr.write(`fel: ${message}\n\n${usage}\n`);
  process.exit(ExitCode.usage);
}

function parseFormats(value: string | undefined): Format[] {
  if (!value) return [...allFormats];
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  for (const f of formats) {
    if (!(allFormats as readonly string[]).includes(f)) {
      const near = nearest(f, allFormats);
      fail(`okänt format "${f}".${near ? ` Menade du "${near}"?` : ''} Välj bland ${allFormats.join(', ')}.`);
    }
  }
  return formats as Format[];
}

function size(path: string): string {
  const bytes = statSync(path).size;
  return bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.round(bytes / 1024)} kB`;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseSwedishArgs({
      options: {
        report: { type: 'string', multiple: true },
        format: { type: 'string' },
        out: { type: 'string', default: 'output' },
        content: { type: 'string', default: 'content' },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    });
  } catch (err) {
    fail((err as Error).message);
  }
  const { values } = args;
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return ExitCode.ok;
  }

  const started = performance.now();
  const result = await build({
    contentDir: values.content!,
    outDir: values.out!,
    reports: values.report?.map((r) => r.replace(/^content\//, '').replace(/\/+$/, '')),
    formats: parseFormats(values.format),
    checkOnly: values.check,
  });

  const notes = result.diagnostics.filter((d) => d.severity === 'notering');
  for (const d of result.diagnostics) if (d.severity !== 'notering') process.stderr.write(`${formatDiagnostic(d)}\n`);
  const errors = result.diagnostics.filter((d) => d.severity === 'fel').length;
  const warnings = result.diagnostics.filter((d) => d.severity === 'varning').length;

  process.stdout.write('\n');
  for (const r of result.reports) {
    if (!r.ok) {
      process.stdout.write(`✗ ${r.id}: byggdes inte på grund av fel i innehållet\n`);
    } else if (values.check) {
      process.stdout.write(`✓ ${r.id}: innehållet är kontrollerat\n`);
    } else {
      process.stdout.write(`✓ ${r.title ?? r.id}\n`);
      for (const file of r.written) {
        const note = r.reused.includes(file) ? ', oförändrad sedan förra bygget' : '';
        process.stdout.write(`    ${displayPath(file)} (${size(file)}${note})\n`);
      }
    }
  }
  if (notes.length > 0) {
    process.stdout.write(`\nAtt granska (${notes.length}): det som nämnden har satt i stället för det beräknade, och avrundningar och andra avvikelser i siffrorna\n`);
    for (const d of notes) process.stdout.write(`  ${formatDiagnostic(d)}\n`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1).replace('.', ',');
  process.stdout.write(`\n${errors} fel, ${warnings} varningar · ${seconds} s\n`);
  return errors > 0 ? ExitCode.contentErrors : ExitCode.ok;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof BuildError) {
      process.stderr.write(`fel: ${err.message}\n${err.hint ? `    → ${err.hint}\n` : ''}`);
      process.exit(err.exitCode);
    }
    // Never a stack trace for the user (set KOMMUNRAPPORT_DEBUG=1 to see one).
    process.stderr.write(`fel: oväntat fel i kommunrapport: ${(err as Error)?.message ?? String(err)}\n    → Det här är ett fel i kommunrapport. Rapportera det gärna, med meddelandet och innehållsmappen bifogade.\n`);
    if (process.env.KOMMUNRAPPORT_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
    process.exit(ExitCode.renderFailed);
  },
);
