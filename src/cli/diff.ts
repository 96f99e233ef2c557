/**
 * kommunrapport diff <före> <efter> (npm run diff:report): what changed between two versions of
 * the reports, compared through the computed models (see README, "Jämför två
 * versioner"). Exit codes: 0 nothing changed, 1 something changed, 2 usage,
 * 3 no browser (--pdf), 4 a version has errors in its content or an unexpected
 * error, 5 the ändringsrapport could not be written.
 */
import { resolve } from 'node:path';
import { BuildError, ExitCode, formatDiagnostic } from '../diagnostics.ts';
import { unexpectedErrorText } from './unexpected.ts';
import { commonFlags, parseFlags, UsageError as FlagError, type FlagSpecs } from './args.ts';
import { writeAtomically } from '../output/write.ts';
import { resolveSide, UsageError, type Side } from '../diff/sides.ts';
import { compareVersions } from '../diff/run.ts';
import { comparisonText } from '../diff/render-text.ts';
import { comparisonJson, hasChanges } from '../diff/types.ts';

export const DiffExit = { unchanged: 0, changed: 1, usage: 2, browserMissing: 3, contentErrors: 4, writeFailed: 5 } as const;

const usage = `Användning: kommunrapport diff [<före> [<efter>]] [flaggor]

  <före> <efter>       två versioner: en version i git (HEAD~1, HEAD, en tagg, en commit)
                       eller en mapp (content, en kopia av content, eller en rapportmapp)
                       Utan <efter> jämförs med innehållsmappen som den är nu, och utan
                       båda jämförs HEAD med den: det du ändrat sedan senaste commit.
  --report <mapp>      jämför bara den här rapporten (mappnamn); kan upprepas
  --content <mapp>     innehållsmappen i git-versionerna (standard: content)
  --html <fil>         skriv ändringsrapporten som HTML
  --pdf <fil>          skriv ändringsrapporten som PDF
  --json <fil>         skriv ändringarna som JSON, för andra program
  -h, --help           visa den här hjälpen

Slutkoder: 0 inga ändringar, 1 ändringar finns, 2 felaktigt kommando,
3 ingen webbläsare för --pdf, 4 fel i innehållet i en version, 5 filen kunde inte skrivas.`;

function fail(message: string): never {
  process.stderr.write(`fel: ${message}\n\n${usage}\n`);
  process.exit(DiffExit.usage);
}

const diffFlags = {
  report: { type: 'string', multiple: true, value: '<mapp>', description: '' },
  content: { type: 'string', default: 'content', value: '<mapp>', description: '' },
  html: { type: 'string', value: '<fil>', description: '' },
  pdf: { type: 'string', value: '<fil>', description: '' },
  json: { type: 'string', value: '<fil>', description: '' },
  ...commonFlags,
} as const satisfies FlagSpecs;

interface DiffValues {
  report?: string[];
  content: string;
  html?: string;
  pdf?: string;
  json?: string;
  help?: boolean;
}

async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    // The number of versions is checked below, with its own message.
    parsed = parseFlags(argv, diffFlags, { max: Number.POSITIVE_INFINITY, what: '' });
  } catch (err) {
    fail((err as Error).message);
  }
  const values = parsed.values as unknown as DiffValues;
  const { positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return DiffExit.unchanged;
  }
  if (positionals.length > 2) fail(`ange högst två versioner att jämföra, till exempel "HEAD~1 HEAD" eller "HEAD content" (fick ${positionals.length})`);
  // Like git diff: the newer side defaults to the content folder as it is now, the older to HEAD.
  const specs = [positionals[0] ?? 'HEAD', positionals[1] ?? values.content!];

  const sides: Side[] = [];
  try {
    for (const spec of specs) sides.push(resolveSide(spec, values.content!));
    const [older, newer] = sides as [Side, Side];
    const reports = values.report?.map((r) => r.replace(/^content\//, '').replace(/\/+$/, ''));
    const { comparison, problems, newer: models } = await compareVersions(older, newer, reports);

    for (const p of problems) {
      process.stderr.write(`✗ ${p.report} i ${p.version} kunde inte läsas och jämförs inte:\n`);
      for (const d of p.errors) process.stderr.write(`  ${formatDiagnostic(d)}\n`);
    }
    process.stdout.write(comparisonText(comparison, { colour: process.stdout.isTTY && !process.env.NO_COLOR }));

    const files = [];
    if (values.html) {
      const { comparisonHtml } = await import('../diff/andringsrapport.ts');
      files.push({ path: resolve(values.html), data: comparisonHtml(comparison, models) });
    }
    if (values.json) files.push({ path: resolve(values.json), data: comparisonJson(comparison) });
    if (values.pdf) {
      // Loaded only when asked for: the browser library is the slowest part of starting the command.
      const [{ comparisonPdf }, { withBrowser }, { blockedWarning }] = await Promise.all([
        import('../diff/print.ts'),
        import('../render/pdf/session.ts'),
        import('../render/pdf/blocked.ts'),
      ]);
      const printed = await withBrowser((session) => comparisonPdf(session, comparison, models));
      for (const url of printed.blocked) process.stderr.write(`${formatDiagnostic({ severity: 'varning', ...blockedWarning(values.pdf, url) })}\n`);
      files.push({ path: resolve(values.pdf), data: printed.pdf });
    }
    if (files.length) {
      await writeAtomically(files);
      // On stderr, so that stdout holds only the comparison (and can be redirected to a file).
      for (const f of files) process.stderr.write(`Ändringsrapporten skrevs till ${f.path}\n`);
    }
    if (problems.length) return DiffExit.contentErrors;
    return hasChanges(comparison) ? DiffExit.changed : DiffExit.unchanged;
  } finally {
    for (const s of sides) s.cleanup();
  }
}

/** The diff command; resolves to its exit code (the codes above, not the build's). */
export function runDiff(argv: readonly string[]): Promise<number> {
  return main(argv).catch((err: unknown) => {
    if (err instanceof UsageError || err instanceof FlagError) fail(err.message);
    if (err instanceof BuildError) {
      process.stderr.write(`fel: ${err.message}\n${err.hint ? `    → ${err.hint}\n` : ''}`);
      process.exit(err.exitCode === ExitCode.browserMissing ? DiffExit.browserMissing : err.exitCode === ExitCode.writeFailed ? DiffExit.writeFailed : DiffExit.contentErrors);
    }
    process.stderr.write(unexpectedErrorText(err));
    return DiffExit.contentErrors;
  });
}
