/**
 * The kommunrapport executable's subcommands and exit codes, as a user meets
 * them: help and version without loading the renderers, Swedish messages with
 * "Menade du …?" for a misspelt command, flag, value or report, plain progress
 * lines when the output is not a terminal, --quiet, and a missing template
 * that stops the build instead of writing an empty file.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { kommunrapport } from '../helpers/kommunrapport.ts';

const REPORT = 'oxelosund-von-verksamhetsplan-2024-2026';
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('kommunrapport without a subcommand', () => {
  it('--help lists the subcommands in Swedish', async () => {
    const { code, stdout } = await kommunrapport(['--help']);
    expect(code).toBe(0);
    for (const c of ['build', 'check', 'diff', 'preview', 'init']) expect(stdout).toMatch(new RegExp(`^  ${c} +\\S`, 'm'));
    expect(stdout).toContain('Användning: kommunrapport <kommando> [flaggor]');
  });

  it('-h and no arguments show the same help; --version the package version', async () => {
    const [h, none, v] = await Promise.all([kommunrapport(['-h']), kommunrapport([]), kommunrapport(['--version'])]);
    expect(h.stdout).toBe(none.stdout);
    expect(h.code).toBe(0);
    expect(v).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('a misspelt subcommand exits 2 with a suggestion', async () => {
    const { code, stderr } = await kommunrapport(['biuld']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^fel: okänt kommando "biuld"\. Menade du "build"\?/);
  });
});

describe('kommunrapport build and check', () => {
  it('a misspelt flag exits 2 with "Menade du" and the command help', async () => {
    const { code, stderr } = await kommunrapport(['build', '--formt', 'pdf']);
    expect(code).toBe(2);
    expect(stderr).toContain('fel: okänd flagga "--formt". Menade du "--format"?');
    expect(stderr).toContain('Användning: kommunrapport build [flaggor]');
  });

  it('a flag without its value, a misspelt format and a stray argument are Swedish usage errors', async () => {
    const [noValue, format, stray] = await Promise.all([
      kommunrapport(['check', '--report']),
      kommunrapport(['build', '--format', 'pfd', '--check']),
      kommunrapport(['check', REPORT]),
    ]);
    expect(noValue.code).toBe(2);
    expect(noValue.stderr).toContain('fel: flaggan --report behöver ett värde, till exempel --report <mapp>.');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('okänt format "pfd"; välj bland pdf, docx, html, granskning, json, xlsx. Menade du "pdf"?');
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain(`fel: oväntat argument "${REPORT}". Flaggor skrivs med två bindestreck, till exempel --report ${REPORT}.`);
  });

  it('a misspelt report name suggests the report that exists', async () => {
    const { code, stderr } = await kommunrapport(['check', '--report', 'oxelosund-von-verksamhetsplan-2024-2025']);
    expect(code).toBe(2);
    expect(stderr).toContain(`fel: det finns ingen rapport "oxelosund-von-verksamhetsplan-2024-2025" i content/. Menade du "${REPORT}"?`);
    expect(stderr).not.toContain('saknar index.md');
  });

  it('check prints a plain line per report when not on a terminal, and --quiet prints nothing on success', async () => {
    const [check, quiet] = await Promise.all([kommunrapport(['check', '--report', REPORT]), kommunrapport(['check', '--report', REPORT, '--quiet'])]);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(new RegExp(`^${REPORT}: innehållet kontrollerat \\(\\d+,\\d s\\)$`, 'm'));
    expect(check.stdout).toContain(`✓ ${REPORT}: innehållet är kontrollerat`);
    expect(check.stdout).not.toContain('\x1b[');
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('build lists one line of files per report, and every file with --verbose', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kommunrapport-bin-'));
    const AR = 'katrineholm-von-arsredovisning-2024'; // has overridden judgements to review
    const normal = await kommunrapport(['build', '--report', AR, '--format', 'html,json', '--out', out]);
    expect(normal.code).toBe(0);
    expect(normal.stdout).toMatch(new RegExp(`${AR}: HTML klar`));
    expect(normal.stdout).toMatch(new RegExp(`\\n    \\S*${AR}\\.html \\(\\d+ kB\\) · \\.modell\\.json\\n`));
    expect(normal.stdout).toMatch(/Att granska: \d+ saker .* Visa dem med --verbose\./);
    const verbose = await kommunrapport(['build', '--report', AR, '--format', 'html', '--out', out, '--verbose']);
    expect(verbose.stdout).toMatch(new RegExp(`\\n    \\S*${AR}\\.html \\(\\d+ kB\\)\\n`));
    expect(verbose.stdout).toMatch(/Att granska \(\d+\):/);
    expect(verbose.stdout).toContain('[åsidosatt-');
  });

  it('a missing template stops the build with exit code 4 and writes no file', async () => {
    // A copy of the installed program without its templates folder.
    const pkg = mkdtempSync(join(tmpdir(), 'kommunrapport-utan-mallar-'));
    for (const f of ['bin', 'dist', 'package.json', 'browser-candidates.cjs']) cpSync(f, join(pkg, f), { recursive: true });
    symlinkSync(resolve('node_modules'), join(pkg, 'node_modules'), 'dir');
    const out = join(pkg, 'ut');
    mkdirSync(out);
    const run = await kommunrapport(['build', '--content', resolve('content'), '--report', REPORT, '--format', 'html', '--out', out], { bin: join(pkg, 'bin/kommunrapport.js') });
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/^fel: Mallen för verksamhetsplan saknas: ingen layout\.hbs i /);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a clone without dist/ says how to build it', async () => {
    const pkg = mkdtempSync(join(tmpdir(), 'kommunrapport-utan-dist-'));
    cpSync('bin', join(pkg, 'bin'), { recursive: true });
    cpSync('package.json', join(pkg, 'package.json'));
    const run = await kommunrapport(['--help'], { bin: join(pkg, 'bin/kommunrapport.js') });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('fel: kommunrapport är inte färdigbyggt (mappen dist/ saknas).');
    expect(existsSync(join(pkg, 'dist'))).toBe(false);
  });
});

describe('kommunrapport diff, preview and init', () => {
  it('each has its own help, and a misspelt flag names the command', async () => {
    const [diff, preview, init] = await Promise.all([kommunrapport(['diff', '-h']), kommunrapport(['preview', '--help']), kommunrapport(['init', '--help'])]);
    expect(diff.stdout).toContain('Användning: kommunrapport diff');
    expect(preview.stdout).toContain('Användning: kommunrapport preview');
    expect(init.stdout).toContain('Användning: kommunrapport init');
    const bad = await kommunrapport(['preview', '--prot', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('fel: okänd flagga "--prot". Menade du "--port"?');
    const typ = await kommunrapport(['init', '--typ', 'arsredovisning']);
    expect(typ.code).toBe(2);
    expect(typ.stderr).toContain('okänt värde "arsredovisning" för --typ; välj bland verksamhetsplan, uppföljning, årsredovisning. Menade du "årsredovisning"?');
  });
});
