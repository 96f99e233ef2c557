/**
 * Writing outputs without ever leaving a half-written file: each file is
 * written next to its target under a temporary name and renamed into place,
 * and only after every format of the report has been rendered.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { BuildError, ExitCode } from '../diagnostics.ts';

export interface OutputFile {
  path: string;
  data: Uint8Array | string;
}

export async function writeAtomically(files: readonly OutputFile[]): Promise<void> {
  const staged: { tmp: string; path: string }[] = [];
  try {
    for (const f of files) {
      await mkdir(dirname(f.path), { recursive: true });
      const tmp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.tmp`);
      await writeFile(tmp, f.data);
      staged.push({ tmp, path: f.path });
    }
    for (const s of staged) await rename(s.tmp, s.path);
  } catch (err) {
    await Promise.all(staged.map((s) => rm(s.tmp, { force: true })));
    throw new BuildError(`Kunde inte skriva utdata: ${(err as Error).message}`, ExitCode.writeFailed, 'Kontrollera att mappen går att skriva till och att filen inte är öppen i ett annat program.');
  }
}
