/**
 * kommunrapport init: a new report of each type, with a new municipality
 * profile, builds at once in every format without errors or warnings; an
 * existing profile is reused; an existing folder is never overwritten.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kommunrapport, type Run } from '../helpers/kommunrapport.ts';

const NÄMND = 'Barn- och utbildningsnämnden';
const folders = {
  verksamhetsplan: 'angsbro-barn-och-utbildningsnamnden-verksamhetsplan-2026-2028',
  uppföljning: 'angsbro-barn-och-utbildningsnamnden-uppfoljning-2026',
  årsredovisning: 'angsbro-barn-och-utbildningsnamnden-arsredovisning-2026',
};

describe('kommunrapport init', () => {
  let cwd: string;
  const runs: Record<string, Run> = {};

  beforeAll(async () => {
    cwd = mkdtempSync(join(tmpdir(), 'kommunrapport-init-'));
    // One after the other: the first creates the profile, the others reuse it.
    for (const typ of Object.keys(folders)) {
      runs[typ] = await kommunrapport(['init', '--typ', typ, '--kommun', 'Ängsbro kommun', '--nämnd', NÄMND, '--år', '2026'], { cwd });
    }
  });

  it('writes a report folder per type and the profile once', () => {
    expect(runs.verksamhetsplan!.code).toBe(0);
    expect(runs.verksamhetsplan!.stdout).toContain(`Skapade content/${folders.verksamhetsplan}/ och kommunprofilen content/kommuner/angsbro/:`);
    expect(runs.uppföljning!.stdout).toMatch(new RegExp(`^Skapade content/${folders.uppföljning}/:$`, 'm'));
    expect(readdirSync(join(cwd, 'content/kommuner/angsbro')).sort()).toEqual(['kommun.yaml', 'logotyp.svg']);
    expect(readFileSync(join(cwd, 'content/kommuner/angsbro/kommun.yaml'), 'utf8')).toContain('namn: Ängsbro kommun');
    for (const folder of Object.values(folders)) expect(readdirSync(join(cwd, 'content', folder))).toContain('index.md');
    const index = readFileSync(join(cwd, 'content', folders.verksamhetsplan, 'index.md'), 'utf8');
    expect(index).toContain('typ: verksamhetsplan\n');
    expect(index).toContain('period: "2026–2028"');
    expect(index).toMatch(/^# Rapportens uppgifter\./m);
  });

  it('builds at once, in every format, without errors or warnings', async () => {
    const run = await kommunrapport(['build'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\n0 fel, 0 varningar · /);
    for (const folder of Object.values(folders)) {
      for (const ext of ['pdf', 'docx', 'html', 'granskning.txt', 'modell.json']) {
        expect(statSync(join(cwd, 'output', `${folder}.${ext}`)).size).toBeGreaterThan(500);
      }
    }
    const html = readFileSync(join(cwd, 'output', `${folders.uppföljning}.html`), 'utf8');
    expect(html).toContain('Andel elever som känner sig trygga');
    expect(html).toContain('Ängsbro kommun');
  });

  it('refuses to overwrite an existing folder', async () => {
    const index = join(cwd, 'content', folders.årsredovisning, 'index.md');
    const before = readFileSync(index, 'utf8');
    const run = await kommunrapport(['init', '--typ', 'årsredovisning', '--kommun', 'angsbro', '--nämnd', NÄMND, '--år', '2026'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`fel: content/${folders.årsredovisning} finns redan och skrivs inte över.`);
    expect(readFileSync(index, 'utf8')).toBe(before);
  });

  it('asks for the missing answers only on a terminal, and names the flags otherwise', async () => {
    const run = await kommunrapport(['init', '--typ', 'uppföljning'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('fel: ange --kommun, --nämnd (kommandot frågar bara i en terminal).');
  });

  it('uses an existing profile by its id', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'kommunrapport-init-befintlig-'));
    cpSync('content/kommuner', join(copy, 'content/kommuner'), { recursive: true });
    const run = await kommunrapport(['init', '--typ', 'verksamhetsplan', '--kommun', 'oxelosund', '--nämnd', 'Kultur- och fritidsnämnden', '--år', '2026', '--mapp', 'kfn-vp-2026'], { cwd: copy });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('kommunprofilen');
    expect(readdirSync(join(copy, 'content/kommuner')).sort()).toEqual(['katrineholm', 'oxelosund']);
    expect(readFileSync(join(copy, 'content/kfn-vp-2026/index.md'), 'utf8')).toMatch(/^kommun: oxelosund /m);
    const check = await kommunrapport(['check'], { cwd: copy });
    expect(check.code).toBe(0);
    expect(existsSync(join(copy, 'output'))).toBe(false);
  });
});
