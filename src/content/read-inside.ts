/**
 * The one way content is read from disk. Every file (section, index.md,
 * kommun.yaml, logo, image) must resolve, after following symbolic links,
 * inside the folder it belongs to; text must be UTF-8 without NUL bytes.
 * Nothing from elsewhere on the machine can reach a report.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';

export type ReadProblem =
  | { kind: 'missing' }
  /** link: a symbolic link (of the file or a folder on the way) leads outside; otherwise the path itself does ("../"). */
  | { kind: 'outside'; link: boolean }
  | { kind: 'not-a-file' }
  | { kind: 'unreadable'; reason: string };

/** Reads a file only if it lies inside `root` (after resolving symbolic links in both). */
export function readInside(path: string, root: string): { data: Buffer } | { problem: ReadProblem } {
  let real: string;
  let realRoot: string;
  try {
    real = realpathSync(path);
    realRoot = realpathSync(root);
  } catch {
    return { problem: { kind: 'missing' } };
  }
  if (!isInside(real, realRoot)) return { problem: { kind: 'outside', link: isInside(resolve(path), resolve(root)) } };
  try {
    if (!statSync(real).isFile()) return { problem: { kind: 'not-a-file' } };
    return { data: readFileSync(real) };
  } catch (err) {
    return { problem: { kind: 'unreadable', reason: (err as NodeJS.ErrnoException).code ?? 'okänt fel' } };
  }
}

/** Whether `path` is `root` or lies below it (both absolute and already resolved). */
export function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** Whether the folder `dir` lies inside `root` after following symbolic links. */
export function folderInside(dir: string, root: string): boolean {
  try {
    return isInside(realpathSync(dir), realpathSync(root));
  } catch {
    return false;
  }
}

/** A Swedish sentence for a read problem, and what to do about it. */
export function readProblemMessage(problem: ReadProblem, shown: string, folder: string): { message: string; hint: string } {
  switch (problem.kind) {
    case 'missing':
      return { message: `Filen ${shown} finns inte eller kan inte läsas.`, hint: 'Kontrollera filnamnet och att filen ligger i rätt mapp.' };
    case 'outside':
      return {
        message: problem.link
          ? `Filen ${shown} är en genväg (symbolisk länk) till en fil utanför ${folder} och läses inte.`
          : `Filen ${shown} ligger utanför ${folder} och läses inte.`,
        hint: `Kopiera filen in i ${folder} i stället för att länka till den; kommunrapport läser bara filer som ligger i rapportens egen mapp.`,
      };
    case 'not-a-file':
      return { message: `${shown} är en mapp eller något annat än en vanlig fil.`, hint: 'Byt namn på mappen eller lägg filen där.' };
    case 'unreadable': {
      const why: Record<string, string> = { EACCES: 'du saknar behörighet att läsa den', EPERM: 'systemet tillåter inte att den läses', EBUSY: 'den är låst av ett annat program', EIO: 'disken gav ett läsfel' };
      return {
        message: `Filen ${shown} kan inte läsas: ${why[problem.reason] ?? `okänt fel (${problem.reason})`}.`,
        hint: 'Kontrollera att du har behörighet att läsa filen och att den inte är låst av ett annat program.',
      };
    }
  }
}

/** Text of a content file: UTF-8, no NUL bytes. Otherwise the 1-based line and what is wrong. */
export type TextProblem = 'not-utf8' | 'nul' | 'control';

/** Control characters that have no place in a text file (tab, line feed and carriage return do). */
export const CONTROL_CHARACTER = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function decodeText(data: Uint8Array): { text: string } | { line: number; problem: TextProblem } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    // Line of the first byte that is not valid UTF-8: decode leniently and find the first U+FFFD that was not in the file.
    const lenient = new TextDecoder('utf-8').decode(data);
    const at = lenient.indexOf('\uFFFD');
    return { line: lineAt(lenient, at === -1 ? 0 : at), problem: 'not-utf8' };
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) return { line: lineAt(text, nul), problem: 'nul' };
  const control = CONTROL_CHARACTER.exec(text);
  if (control) return { line: lineAt(text, control.index), problem: 'control' };
  return { text };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Swedish message and hint for text that could not be decoded. */
export function textProblemMessage(problem: TextProblem, line: number): { message: string; hint: string } {
  if (problem === 'control') {
    return {
      message: `Filen innehåller ett osynligt styrtecken (rad ${line}), som Word inte kan öppna och som inte hör hemma i en textfil.`,
      hint: 'Styrtecken följer ibland med när text klistras in från andra program. Skriv om raden, eller ta bort tecknet i en editor som visar osynliga tecken.',
    };
  }
  return problem === 'not-utf8'
    ? {
        message: `Filen är inte sparad som UTF-8 (första felaktiga tecknet på rad ${line}); å, ä och ö skulle bli fel.`,
        hint: 'Spara om filen med teckenkodningen UTF-8 (i Anteckningar: Spara som → Kodning: UTF-8; i VS Code: klicka på kodningen nere till höger → "Save with Encoding" → UTF-8).',
      }
    : {
        message: `Filen innehåller ett NUL-tecken (rad ${line}), som inte hör hemma i en textfil.`,
        hint: 'Filen är troligen skadad eller inte en textfil. Ta bort tecknet eller skriv om raden i en vanlig texteditor.',
      };
}

export const textProblemCode: Record<TextProblem, string> = { 'not-utf8': 'inte-utf8', nul: 'nul-tecken', control: 'styrtecken' };
