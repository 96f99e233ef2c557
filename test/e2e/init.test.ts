/**
 * kommunrapport init: a new report of each type, with a new municipality
 * profile, builds at once in every format without errors or warnings; an
 * existing profile is reused; an existing folder is never overwritten.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, kommunrapport, type Run } from '../helpers/kommunrapport.ts';

/** init on a terminal (a pseudo-terminal from util-linux "script"), with the answers typed ahead. */
async function onTerminal(cwd: string, answers: string): Promise<Run> {
  const child = spawn('script', ['-qec', `"${process.execPath}" "${BIN}" init --år 2026`, '/dev/null'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stdin.end(answers);
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr: '' };
}

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

  it('asks on a terminal, and says so when the answers stop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kommunrapport-init-terminal-'));
    const asked = await onTerminal(dir, '5\nårsredovisning\nsolvik\nSocialnämnden\n');
    expect(asked.code).toBe(0);
    expect(asked.stdout).toContain('Rapporttyp (1 verksamhetsplan, 2 uppföljning, 3 årsredovisning):');
    expect(asked.stdout).toContain('Skriv 1, 2 eller 3.');
    expect(asked.stdout).toContain('Skapade content/solvik-socialnamnden-arsredovisning-2026/ och kommunprofilen content/kommuner/solvik/:');
    expect(readFileSync(join(dir, 'content/kommuner/solvik/kommun.yaml'), 'utf8')).toContain('namn: Solvik kommun');
    const aborted = await onTerminal(dir, '1\n');
    expect(aborted.code).toBe(2);
    expect(aborted.stdout).toContain('Kommun (befintliga: Solvik kommun [solvik]):');
    expect(aborted.stdout).toContain('init avbröts; inga filer skrevs.');
    expect(readdirSync(join(dir, 'content')).sort()).toEqual(['kommuner', 'solvik-socialnamnden-arsredovisning-2026']);
  });
});
