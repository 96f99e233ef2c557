/**
 * The kommunrapport command (bin/kommunrapport.js starts the compiled copy of
 * this file): reads the subcommand and loads only its module, so that --help
 * and --version answer without loading the renderers.
 *
 *   kommunrapport build | check | diff | preview | init [flaggor]
 *
 * Flags without a subcommand (kommunrapport --check, as the npm scripts used
 * to be called) mean build.
 */
import { BuildError, ExitCode } from '../diagnostics.ts';
import { didYouMean, UsageError } from './args.ts';
import { packageVersion } from '../package-root.ts';
import { unexpectedErrorText } from './unexpected.ts';

interface Command {
  summary: string;
  run: (argv: readonly string[]) => Promise<number>;
  /** Help text of the command, for a usage mistake. */
  usage: () => Promise<string>;
}

const commands: Record<string, Command> = {
  build: {
    summary: 'bygg rapporterna till PDF, Word, HTML, granskningstext och JSON',
    run: async (argv) => (await import('./build-command.ts')).runBuild(argv, 'build'),
    usage: async () => (await import('./build-command.ts')).buildUsage('build'),
  },
  check: {
    summary: 'kontrollera innehållet och räkna, utan att skapa filer',
    run: async (argv) => (await import('./build-command.ts')).runBuild(argv, 'check'),
    usage: async () => (await import('./build-command.ts')).buildUsage('check'),
  },
  diff: {
    summary: 'visa vad som ändrats mellan två versioner',
    run: async (argv) => (await import('./diff.ts')).runDiff(argv),
    usage: async () => '',
  },
  preview: {
    summary: 'visa rapporterna i webbläsaren medan du skriver; sidan uppdateras när du sparar',
    run: async (argv) => (await import('./preview-command.ts')).runPreview(argv),
    usage: async () => (await import('./preview-command.ts')).previewUsage,
  },
  init: {
    summary: 'skapa en ny rapportmapp (och kommunprofil) att börja skriva i',
    run: async (argv) => (await import('./init-command.ts')).runInit(argv),
    usage: async () => (await import('./init-command.ts')).initUsage,
  },
  kolada: {
    summary: 'hämta indikatorernas utfall från Kolada till kolada.yaml i rapportmappen',
    run: async (argv) => (await import('./kolada.ts')).runKolada(argv),
    usage: async () => (await import('./kolada.ts')).koladaUsage,
  },
};

function help(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length)) + 2;
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}${c.summary}`);
  return [
    `kommunrapport ${packageVersion()} – nämndrapporter från textfiler till PDF, Word och HTML`,
    '',
    'Användning: kommunrapport <kommando> [flaggor]',
    '',
    'Kommandon:',
    ...lines,
    '',
    'Allmänna flaggor:',
    '  -h, --help   visa hjälpen (kommunrapport <kommando> --help visar kommandots flaggor)',
    '  --version    visa versionen',
    '',
    'Exempel:',
    '  kommunrapport build                    bygg alla rapporter under content/ till output/',
    '  kommunrapport build --report <mapp>    bygg en rapport',
    '  kommunrapport preview                  skriv med den färdiga sidan bredvid dig',
    '  kommunrapport init                     börja på en ny rapport',
  ].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    process.stdout.write(`${help()}\n`);
    return ExitCode.ok;
  }
  if (first === '--version' || first === '-V') {
    process.stdout.write(`${packageVersion()}\n`);
    return ExitCode.ok;
  }
  const name = first.startsWith('-') ? 'build' : first;
  const command = commands[name];
  if (!command) {
    process.stderr.write(`fel: okänt kommando "${first}".${didYouMean(first, Object.keys(commands))}\n\n${help()}\n`);
    return ExitCode.usage;
  }
  const args = first.startsWith('-') ? argv : rest;
  try {
    return await command.run(args);
  } catch (err) {
    if (err instanceof UsageError) {
      const usage = await command.usage();
      process.stderr.write(`fel: ${err.message}\n${usage ? `\n${usage}\n` : ''}`);
      return ExitCode.usage;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exit(code);
  },
  (err: unknown) => {
    if (err instanceof BuildError) {
      process.stderr.write(`fel: ${err.message}\n${err.hint ? `    → ${err.hint}\n` : ''}`);
      process.exit(err.exitCode);
    }
    process.stderr.write(unexpectedErrorText(err));
    process.exit(ExitCode.renderFailed);
  },
);
