/**
 * kommunrapport init: starts a new report. Asks for the report type,
 * municipality and nämnd on a terminal, or takes them as flags, and writes a
 * report folder (and a municipality profile if missing) that builds at once.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { displayPath, PROFILE_FILE, PROFILES_FOLDER } from '../content/load.ts';
import { ExitCode } from '../diagnostics.ts';
import { commonFlags, didYouMean, flagHelp, parseFlags, UsageError, type FlagSpecs } from './args.ts';
import { reportFolderName, reportTypes, slug, type InitAnswers, type ReportType } from '../init/templates.ts';
import { FolderExistsError, scaffold } from '../init/scaffold.ts';

export const initFlags = {
  typ: { type: 'string', value: '<typ>', choices: reportTypes, description: `rapporttyp: ${reportTypes.join(', ')}` },
  kommun: { type: 'string', value: '<namn>', description: 'kommunens namn, t.ex. "Ängsbro kommun", eller id:t för en befintlig kommunprofil' },
  nämnd: { type: 'string', value: '<namn>', description: 'nämndens namn, t.ex. "Barn- och utbildningsnämnden"' },
  år: { type: 'string', value: '<år>', description: 'första året rapporten gäller (standard: nästa år för en plan, annars i år)' },
  mapp: { type: 'string', value: '<namn>', description: 'rapportmappens namn (standard: bildas av kommun, nämnd, typ och år)' },
  content: { type: 'string', default: 'content', value: '<mapp>', description: 'mapp med rapporter och kommunprofiler (standard: content)' },
  ...commonFlags,
} as const satisfies FlagSpecs;

export const initUsage = `Användning: kommunrapport init [flaggor]

Skapar en ny rapportmapp under content/ med exempeltext och kommentarer som visar
var allt står, och en kommunprofil om kommunen saknar en. Rapporten går att bygga
direkt. Utan flaggor frågar kommandot (i en terminal). En befintlig mapp skrivs aldrig över.

${flagHelp(initFlags)}`;

/** Existing profiles: id → name. */
function profiles(contentDir: string): Map<string, string> {
  const dir = join(contentDir, PROFILES_FOLDER);
  const found = new Map<string, string>();
  if (!existsSync(dir)) return found;
  for (const id of readdirSync(dir).sort()) {
    const file = join(dir, id, PROFILE_FILE);
    if (!existsSync(file)) continue;
    found.set(id, /^namn:\s*["']?(.+?)["']?\s*$/m.exec(readFileSync(file, 'utf8'))?.[1] ?? id);
  }
  return found;
}

/** Ctrl+D (or the end of the input) before all answers are given. */
class InitAborted extends Error {}

async function ask(values: Record<string, unknown>, contentDir: string): Promise<Record<string, string | undefined>> {
  const known = profiles(contentDir);
  const answers: Record<string, string | undefined> = { typ: values.typ as string, kommun: values.kommun as string, nämnd: values['nämnd'] as string };
  const missing = ['typ', 'kommun', 'nämnd'].filter((k) => !answers[k]);
  if (missing.length === 0) return answers;
  if (!process.stdin.isTTY) {
    throw new UsageError(`ange ${missing.map((m) => `--${m}`).join(', ')} (kommandot frågar bara i en terminal). Till exempel: kommunrapport init --typ verksamhetsplan --kommun "Ängsbro kommun" --nämnd "Barn- och utbildningsnämnden"`);
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  // Lines are read through the iterator, which keeps answers typed (or pasted) ahead of the question.
  const lines = rl[Symbol.asyncIterator]();
  const question = async (prompt: string): Promise<string> => {
    rl.setPrompt(prompt);
    rl.prompt();
    const line = await lines.next();
    if (line.done) throw new InitAborted();
    return line.value.trim();
  };
  try {
    while (!answers.typ || !(reportTypes as readonly string[]).includes(answers.typ)) {
      const reply = await question(`Rapporttyp (${reportTypes.map((t, i) => `${i + 1} ${t}`).join(', ')}): `);
      answers.typ = reportTypes[Number(reply) - 1] ?? reportTypes.find((t) => t === reply.toLowerCase());
      if (!answers.typ) process.stdout.write(`Skriv 1, 2 eller 3.${didYouMean(reply, reportTypes)}\n`);
    }
    const list = known.size ? ` (befintliga: ${[...known].map(([id, name]) => `${name} [${id}]`).join(', ')})` : '';
    while (!answers.kommun) answers.kommun = (await question(`Kommun${list}: `)) || undefined;
    while (!answers.nämnd) answers.nämnd = (await question('Nämnd (t.ex. Barn- och utbildningsnämnden): ')) || undefined;
  } finally {
    rl.close();
  }
  return answers;
}

export async function runInit(argv: readonly string[]): Promise<number> {
  const { values } = parseFlags(argv, initFlags);
  if (values.help) {
    process.stdout.write(`${initUsage}\n`);
    return ExitCode.ok;
  }
  const contentDir = resolve(values.content as string);
  let given;
  try {
    given = await ask(values, contentDir);
  } catch (err) {
    if (!(err instanceof InitAborted)) throw err;
    process.stderr.write('\ninit avbröts; inga filer skrevs.\n');
    return ExitCode.usage;
  }
  const typ = given.typ as ReportType;
  const today = new Date();
  const år = values['år'] === undefined ? today.getFullYear() + (typ === 'verksamhetsplan' ? 1 : 0) : Number(values['år']);
  if (!Number.isInteger(år) || år < 1900 || år > 2200) throw new UsageError(`--år ska vara ett årtal, till exempel --år ${today.getFullYear()} (fick "${String(values['år'])}").`);

  // An existing profile is used by id or by name; otherwise a new one is made from the name.
  const known = profiles(contentDir);
  const kommunText = given.kommun!;
  const existing = known.has(kommunText) ? kommunText : [...known].find(([, name]) => name.toLowerCase() === kommunText.toLowerCase())?.[0];
  const kommunId = existing ?? slug(kommunText.replace(/\s+kommun$/i, ''));
  const named = kommunText.charAt(0).toUpperCase() + kommunText.slice(1);
  const kommun = existing ? known.get(existing)! : /kommun$/i.test(named) ? named : `${named} kommun`;
  if (!kommunId) throw new UsageError(`kommunens namn "${kommunText}" ger inget mappnamn; skriv det med bokstäver, till exempel --kommun "Ängsbro kommun".`);
  const answers: InitAnswers = { typ, kommun, kommunId, nämnd: given.nämnd!, år, datum: today.toISOString().slice(0, 10) };

  const folder = (values.mapp as string | undefined) ?? reportFolderName(answers);
  if (slug(folder) !== folder) throw new UsageError(`mappnamnet "${folder}" ska bara ha små bokstäver a–z, siffror och bindestreck, till exempel "${slug(folder)}".`);
  let done;
  try {
    done = scaffold(contentDir, answers, folder);
  } catch (err) {
    if (err instanceof FolderExistsError) {
      process.stderr.write(`fel: ${displayPath(err.path)} finns redan och skrivs inte över.\n    → Välj ett annat namn med --mapp, eller ta bort mappen först om du vill börja om.\n`);
      return ExitCode.usage;
    }
    throw err;
  }
  process.stdout.write(`Skapade ${displayPath(done.reportDir)}/${done.profileCreated ? ` och kommunprofilen ${displayPath(join(contentDir, PROFILES_FOLDER, kommunId))}/` : ''}:\n`);
  for (const file of done.written) process.stdout.write(`  ${displayPath(file)}\n`);
  process.stdout.write(`\nSe rapporten medan du skriver:  kommunrapport preview --report ${folder}\nBygg den:                       kommunrapport build --report ${folder}\n`);
  return ExitCode.ok;
}
