/**
 * A clone after "git pull" or an edit: the kommunrapport command never runs the
 * code compiled before the change. It compiles again when a source is newer
 * than the last compilation, and starts at once when nothing changed.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { kommunrapport } from '../helpers/kommunrapport.ts';

const NOTICE = 'Koden i src/ har ändrats sedan den översattes';

describe('the command in a clone whose sources changed', () => {
  it('compiles again before it runs, once', async () => {
    const clone = mkdtempSync(join(tmpdir(), 'kommunrapport-klon-'));
    for (const item of ['bin', 'src', 'dist', 'templates', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'browser-candidates.cjs']) {
      cpSync(item, join(clone, item), { recursive: true, preserveTimestamps: true });
    }
    symlinkSync(resolve('node_modules'), join(clone, 'node_modules'), 'dir');
    const bin = join(clone, 'bin/kommunrapport.js');

    const before = await kommunrapport(['--help'], { bin });
    expect(before.code).toBe(0);
    expect(before.stderr).not.toContain(NOTICE);

    // An edit (as a pull brings): the help's first line says something new.
    const main = join(clone, 'src/cli/main.ts');
    writeFileSync(main, readFileSync(main, 'utf8').replace('nämndrapporter från textfiler', 'nämndrapporter (ny version) från textfiler'));
    const after = await kommunrapport(['--help'], { bin });
    expect(after.code).toBe(0);
    expect(after.stderr).toContain(NOTICE);
    expect(after.stdout).toContain('nämndrapporter (ny version) från textfiler');

    const again = await kommunrapport(['--help'], { bin });
    expect(again.stderr).not.toContain(NOTICE);
    expect(again.stdout).toContain('(ny version)');
  }, 120_000);
});
