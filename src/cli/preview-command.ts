/**
 * kommunrapport preview: the reports as web pages on this computer, rebuilt
 * and reloaded when a file is saved. Runs until Ctrl+C.
 */
import { resolve } from 'node:path';
import { ExitCode, formatDiagnostic } from '../diagnostics.ts';
import { commonFlags, flagHelp, parseFlags, UsageError, type FlagSpecs } from './args.ts';
import { checkReportNames } from './build-command.ts';
import { seconds } from './progress.ts';

export const previewFlags = {
  content: { type: 'string', default: 'content', value: '<mapp>', description: 'mapp med rapporter och kommunprofiler (standard: content)' },
  port: { type: 'string', default: '4173', value: '<nummer>', description: 'port på 127.0.0.1 (standard: 4173; 0 väljer en ledig)' },
  report: { type: 'string', value: '<mapp>', description: 'öppna direkt med den här rapporten (adressen skrivs ut)' },
  ...commonFlags,
} as const satisfies FlagSpecs;

export const previewUsage = `Användning: kommunrapport preview [flaggor]

Visar rapporterna som webbsidor på http://127.0.0.1:<port>/. När du sparar en fil
byggs den rapporten om och sidan laddas om av sig själv, på samma ställe. Fel i
innehållet visas överst på sidan med fil, rad och vad du kan göra. PDF:en skapas
när du klickar på "Öppna PDF". Avsluta med Ctrl+C.

${flagHelp(previewFlags)}`;

export async function runPreview(argv: readonly string[]): Promise<number> {
  const { values } = parseFlags(argv, previewFlags);
  if (values.help) {
    process.stdout.write(`${previewUsage}\n`);
    return ExitCode.ok;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ska vara ett heltal mellan 0 och 65535, till exempel --port 4173 (fick "${String(values.port)}").`);
  const contentDir = resolve(values.content as string);
  const only = values.report as string | undefined;
  if (only) await checkReportNames(contentDir, [only]);

  const { startPreview } = await import('../preview/server.ts');
  const preview = await startPreview({
    contentDir,
    port,
    onRebuild: (state) => {
      const errors = state.problems.filter((d) => d.severity === 'fel');
      process.stdout.write(`${errors.length ? '✗' : '✓'} ${state.id}: ${errors.length ? `${errors.length} fel` : 'uppdaterad'} (${seconds(state.ms)})\n`);
      for (const d of state.problems) process.stdout.write(`  ${formatDiagnostic(d)}\n`);
    },
  });
  const ids = preview.reports.ids();
  process.stdout.write(`Förhandsvisningen körs på ${preview.url}${only ? `${encodeURIComponent(only)}/` : ''}\n`);
  for (const id of ids) process.stdout.write(`  ${preview.url}${encodeURIComponent(id)}/\n`);
  process.stdout.write(`Öppna adressen i webbläsaren. Sidan uppdateras när du sparar en fil i ${values.content as string}/. Avsluta med Ctrl+C.\n`);

  return new Promise<number>((done) => {
    const stop = () => {
      process.stdout.write('\nFörhandsvisningen avslutas.\n');
      void preview.close().then(() => done(ExitCode.ok));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
