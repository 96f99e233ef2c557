/**
 * A report's outputs are written all or nothing: whichever file operation
 * fails (every step is made to fail in turn), the folder afterwards holds
 * exactly the files and bytes it held before, no temporary or backup file is
 * left, and the error says in Swedish what happened and what to do.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realFs, writeAtomically, type WriteFs } from '../../src/output/write.ts';
import { BuildError, ExitCode } from '../../src/diagnostics.ts';

function folderState(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'latin1')]));
}

/** realFs, but the n-th call (1-based, counting every operation) fails with `code`. */
function failingAt(n: number, code: string): { fs: WriteFs; calls: () => number } {
  let count = 0;
  const wrap =
    <A extends unknown[], R>(op: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      count++;
      if (count === n) throw Object.assign(new Error(`${code}: injected`), { code });
      return op(...args);
    };
  const fs: WriteFs = {
    mkdir: wrap(realFs.mkdir),
    // A write that fails half-way leaves half a file behind, as a full disk does.
    writeFile: async (path: string, data: Uint8Array | string) => {
      count++;
      if (count !== n) return realFs.writeFile(path, data);
      await realFs.writeFile(path, data.slice(0, 3));
      throw Object.assign(new Error(`${code}: injected`), { code });
    },
    rename: wrap(realFs.rename),
    copyFile: wrap(realFs.copyFile),
    rm: realFs.rm,
    lstat: wrap(realFs.lstat),
  };
  return { fs, calls: () => count };
}

function earlierBuild(): { dir: string; files: { path: string; data: string }[] } {
  const dir = mkdtempSync(join(tmpdir(), 'kommunrapport-skriv-'));
  writeFileSync(join(dir, 'r.html'), 'tidigare HTML');
  writeFileSync(join(dir, 'r.modell.json'), '{"tidigare":true}');
  writeFileSync(join(dir, 'annan.pdf'), 'en annan rapport');
  const files = ['r.html', 'r.modell.json', 'r.pdf', 'r.granskning.txt'].map((f) => ({ path: join(dir, f), data: `ny ${f} `.repeat(50) }));
  return { dir, files };
}

describe('writing a report all or nothing', () => {
  it('swaps in every file when nothing fails, leaving no temporary or backup file', async () => {
    const { dir, files } = earlierBuild();
    await writeAtomically(files);
    expect(readdirSync(dir).sort()).toEqual(['annan.pdf', 'r.granskning.txt', 'r.html', 'r.modell.json', 'r.pdf']);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toBe(files[0]!.data);
  });

  it('leaves the folder byte-identical when any single step fails, whatever the step', async () => {
    const probe = earlierBuild();
    const counting = failingAt(Number.POSITIVE_INFINITY, 'EIO');
    await writeAtomically(probe.files, counting.fs);
    const steps = counting.calls();
    expect(steps).toBeGreaterThan(12);
    for (let n = 1; n <= steps; n++) {
      const { dir, files } = earlierBuild();
      const before = folderState(dir);
      const error = await writeAtomically(files, failingAt(n, 'ENOSPC').fs).then(() => undefined, (e: unknown) => e);
      expect(error, `steg ${n}`).toBeInstanceOf(BuildError);
      expect((error as BuildError).exitCode).toBe(ExitCode.writeFailed);
      expect((error as BuildError).message).toContain('Disken är full.');
      expect((error as BuildError).message).toContain('Inga filer ändrades');
      expect(folderState(dir), `steg ${n}`).toEqual(before);
    }
  });

  it('refuses to replace a folder that has a report file name, and changes nothing', async () => {
    const { dir, files } = earlierBuild();
    mkdirSync(join(dir, 'r.pdf'));
    writeFileSync(join(dir, 'r.pdf', 'inuti.txt'), 'orörd');
    const before = readdirSync(dir).sort();
    const error = (await writeAtomically(files).catch((e: unknown) => e)) as BuildError;
    expect(error.message).toMatch(/r\.pdf är en mapp, men en fil med det namnet ska skrivas där\. Inga filer ändrades/);
    expect(error.hint).toMatch(/Byt namn på mappen/);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toBe('tidigare HTML');
    expect(readFileSync(join(dir, 'r.pdf', 'inuti.txt'), 'utf8')).toBe('orörd');
  });

  it.each([
    ['EROFS', /bara går att läsa/, /--out/],
    ['EFBIG', /gräns för filstorlek/, /ulimit/],
    ['EACCES', /saknar behörighet/, /behörigheterna/],
    ['EBUSY', /används av ett annat program/, /Stäng filen/],
    ['EXDEV', /Kunde inte skriva utdata: Kunde inte/, /går att skriva till/],
  ])('says in Swedish what %s means and what to do', async (code, message, hint) => {
    const { dir, files } = earlierBuild();
    const before = folderState(dir);
    const error = (await writeAtomically(files, failingAt(8, code).fs).catch((e: unknown) => e)) as BuildError;
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/injected/);
    expect(error.hint).toMatch(hint);
    expect(folderState(dir)).toEqual(before);
  });
});

describe('two writes of one file at once in one process (two builds sharing an output folder)', () => {
  it('never share a temporary file: both succeed and the file holds one of the two whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kommunrapport-samtidigt-'));
    const path = join(dir, '.kommunrapport-cache.json');
    const first = 'a'.repeat(200_000);
    const second = 'b'.repeat(200_000);
    await Promise.all(Array.from({ length: 8 }, (_, i) => writeAtomically([{ path, data: i % 2 ? first : second }])));
    expect([first, second]).toContain(readFileSync(path, 'utf8'));
    expect(readdirSync(dir)).toEqual(['.kommunrapport-cache.json']);
  });
});
