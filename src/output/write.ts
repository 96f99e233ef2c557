/**
 * Writing a report's outputs all or nothing. Every file is first written next
 * to its target under a temporary name (tracked before the write begins, so a
 * half-written one is always removed). Only when all are written are they
 * swapped in, one by one, each earlier file kept as a backup copy; if any step
 * fails, the files already swapped in are put back from their backups. The
 * folder then holds exactly what it held before, and the error is told in
 * Swedish: what happened and what to do.
 *
 * The file system is passed in (`fs`) so that tests can make any step fail.
 */
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { BuildError, ExitCode } from '../diagnostics.ts';
import { displayPath } from '../display-path.ts';

export interface OutputFile {
  path: string;
  data: Uint8Array | string;
}

/** The file operations writing needs; node:fs/promises by default. */
export interface WriteFs {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
  lstat(path: string): Promise<{ isFile(): boolean; isDirectory(): boolean }>;
}

export const realFs: WriteFs = nodeFs;

interface Slot {
  path: string;
  tmp: string;
  backup: string;
  /** The target existed and was copied to `backup`. */
  backedUp: boolean;
  /** The new file has been renamed onto the target. */
  swapped: boolean;
}

/** Numbers the writes of this process: two writes of one path at once (two builds in one process) never share a temporary file. */
let writes = 0;

export async function writeAtomically(files: readonly OutputFile[], fs: WriteFs = realFs): Promise<void> {
  const write = ++writes;
  const slots: Slot[] = files.map((f) => {
    const hidden = (suffix: string) => join(dirname(f.path), `.${basename(f.path)}.${process.pid}-${write}.${suffix}`);
    return { path: f.path, tmp: hidden('tmp'), backup: hidden('bak'), backedUp: false, swapped: false };
  });
  let step = { what: 'skapa mappen', path: files[0] ? dirname(files[0].path) : '' };
  try {
    for (const dir of new Set(files.map((f) => dirname(f.path)))) {
      step = { what: 'skapa mappen', path: dir };
      await fs.mkdir(dir, { recursive: true });
    }
    // A target that is a folder (or anything but a file) is never replaced.
    for (const slot of slots) {
      step = { what: 'ersätta', path: slot.path };
      const existing = await fs.lstat(slot.path).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return undefined;
        throw err;
      });
      if (existing && !existing.isFile()) throw Object.assign(new Error('not a file'), { code: existing.isDirectory() ? 'EISDIR' : 'EEXIST' });
    }
    for (const [i, slot] of slots.entries()) {
      step = { what: 'skriva', path: slot.path };
      await fs.writeFile(slot.tmp, files[i]!.data);
    }
    for (const slot of slots) {
      step = { what: 'spara en säkerhetskopia av', path: slot.path };
      try {
        await fs.copyFile(slot.path, slot.backup);
        slot.backedUp = true;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
    for (const slot of slots) {
      step = { what: 'byta in', path: slot.path };
      await fs.rename(slot.tmp, slot.path);
      slot.swapped = true;
    }
  } catch (err) {
    const left = await rollBack(slots, fs);
    throw writeError(err as NodeJS.ErrnoException, step, left);
  }
  // Done: the backups are no longer needed (a leftover one is harmless and hidden).
  await Promise.all(slots.filter((s) => s.backedUp).map((s) => fs.rm(s.backup, { force: true }).catch(() => undefined)));
}

/** Puts every swapped file back as it was and removes temporary files; returns what could not be restored. */
async function rollBack(slots: readonly Slot[], fs: WriteFs): Promise<string[]> {
  const left: string[] = [];
  for (const slot of [...slots].reverse()) {
    try {
      if (slot.swapped && slot.backedUp) await fs.rename(slot.backup, slot.path);
      else if (slot.swapped) await fs.rm(slot.path, { force: true });
      else if (slot.backedUp) await fs.rm(slot.backup, { force: true });
    } catch {
      left.push(slot.swapped && slot.backedUp ? `${displayPath(slot.path)} (den tidigare finns kvar som ${displayPath(slot.backup)})` : displayPath(slot.path));
    }
    await fs.rm(slot.tmp, { force: true }).catch(() => left.push(displayPath(slot.tmp)));
  }
  return left;
}

/** What happened, in Swedish, by the system's error code; and what to do. */
function writeError(err: NodeJS.ErrnoException, step: { what: string; path: string }, left: readonly string[]): BuildError {
  const where = displayPath(step.path);
  const known: Record<string, [string, string]> = {
    EROFS: [`${where} ligger på en enhet som bara går att läsa (skrivskyddat filsystem).`, 'Välj en mapp som går att skriva till med --out, t.ex. en mapp i din hemkatalog.'],
    ENOSPC: ['Disken är full.', 'Frigör utrymme på disken (eller välj en annan mapp med --out) och bygg igen.'],
    EDQUOT: ['Ditt lagringsutrymme (kvot) på disken är slut.', 'Ta bort filer du inte behöver eller be IT om mer utrymme, och bygg igen.'],
    EFBIG: [`Filen ${where} blev större än filsystemet eller systemets gräns för filstorlek tillåter.`, 'Skriv till en annan disk med --out, eller be IT höja gränsen för filstorlek (ulimit -f).'],
    EISDIR: [`${where} är en mapp, men en fil med det namnet ska skrivas där.`, 'Byt namn på mappen eller flytta den, eller skriv till en annan mapp med --out.'],
    EEXIST: [`${where} finns redan och är inte en vanlig fil.`, 'Ta bort eller byt namn på det som ligger där, eller skriv till en annan mapp med --out.'],
    ENOTDIR: [`En del av sökvägen ${where} är en fil, inte en mapp.`, 'Kontrollera mappen du angav med --out.'],
    EACCES: [`Du saknar behörighet att ${step.what} ${where}.`, 'Kontrollera behörigheterna för mappen, eller skriv till en annan mapp med --out.'],
    EPERM: [`Systemet tillät inte att ${step.what} ${where}.`, 'Stäng programmet som har filen öppen (t.ex. en PDF-läsare eller Word) och kontrollera behörigheterna; bygg sedan igen.'],
    EBUSY: [`${where} används av ett annat program.`, 'Stäng filen i programmet som har den öppen (t.ex. en PDF-läsare eller Word) och bygg igen.'],
    EMFILE: ['För många filer är öppna samtidigt.', 'Stäng andra program eller bygg en rapport i taget med --report.'],
  };
  const [what, hint] = known[err.code ?? ''] ?? [`Kunde inte ${step.what} ${where}${err.code ? ` (${err.code})` : ''}.`, 'Kontrollera att mappen går att skriva till och att filen inte är öppen i ett annat program.'];
  const kept =
    left.length === 0
      ? ' Inga filer ändrades; de tidigare filerna ligger kvar som de var.'
      : ` Följande kunde inte återställas: ${left.join(', ')}.`;
  return new BuildError(`Kunde inte skriva utdata: ${what}${kept}`, ExitCode.writeFailed, hint);
}
