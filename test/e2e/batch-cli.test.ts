/**
 * The batch flags and the unchanged-rebuild fast path through the compiled
 * command: a second build with nothing changed stops before building anything
 * and says so; a change rebuilds; --shard splits, --jobs is checked.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kommunrapport } from '../helpers/kommunrapport.ts';
import { contentFolder } from '../helpers/fixture.ts';
import { shardOf } from '../../src/batch/shard.ts';

function content(count: number): string {
  const { root, report } = contentFolder({ '01-a.md': '---\nrubrik: Avsnitt\n---\nText.\n' });
  for (let n = 2; n <= count; n++) cpSync(report, join(root, `rapport-${n}`), { recursive: true });
  return root;
}

describe('kommunrapport build, twice', () => {
  it('builds nothing the second time when nothing changed, and rebuilds after a change', async () => {
    const root = content(1);
    const out = mkdtempSync(join(tmpdir(), 'kommunrapport-igen-'));
    const args = ['build', '--content', root, '--out', out, '--format', 'html,json'];
    const first = await kommunrapport(args);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/rapport: klar på \d+,\d s, filerna skrivna/);
    const second = await kommunrapport(args);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Inget har ändrats sedan förra bygget; filerna är redan aktuella.');
    expect(second.stdout).toContain('✓ Provnämndens verksamhetsplan 2024–2026');
    expect(second.stdout).toMatch(/rapport\.html \(\d+ kB, oförändrad\)/);
    writeFileSync(join(root, 'rapport', '01-a.md'), '---\nrubrik: Avsnitt\n---\nNy text.\n');
    const third = await kommunrapport(args);
    expect(third.code).toBe(0);
    expect(third.stdout).not.toContain('Inget har ändrats');
    expect(third.stdout).toContain('rapport: klar på');
  }, 120_000);
});

describe('--shard and --jobs', () => {
  it('each shard builds its own reports; together they are all of them, none twice', async () => {
    const root = content(5);
    const built: string[] = [];
    for (const i of [1, 2, 3]) {
      const out = mkdtempSync(join(tmpdir(), 'kommunrapport-del-'));
      const r = await kommunrapport(['build', '--content', root, '--out', out, '--format', 'json', '--shard', `${i}/3`, '--jobs', '2']);
      expect(r.code, r.stderr).toBe(0);
      const here = readdirSync(out).filter((f) => f.endsWith('.modell.json')).map((f) => f.replace('.modell.json', ''));
      for (const id of here) expect(shardOf(id, 3)).toBe(i);
      built.push(...here);
    }
    expect(built.sort()).toEqual(['rapport', 'rapport-2', 'rapport-3', 'rapport-4', 'rapport-5']);
  }, 120_000);

  it('refuses a malformed --shard or --jobs with exit code 2', async () => {
    const shard = await kommunrapport(['build', '--shard', '4/3']);
    expect(shard.code).toBe(2);
    expect(shard.stderr).toContain('fel: --shard ska skrivas som del/antal, t.ex. 2/4 (del 1 till antal), inte "4/3".');
    const jobs = await kommunrapport(['build', '--jobs', '0']);
    expect(jobs.code).toBe(2);
    expect(jobs.stderr).toContain('fel: --jobs ska vara ett heltal från 1 och uppåt, inte "0".');
  }, 60_000);
});
