/**
 * The command line as a user meets it, through the compiled executable
 * (bin/kommunrapport.js; flags without a subcommand mean build): a deliberately
 * broken copy of the example gives every problem at once, in Swedish, with file
 * and line, a non-zero exit code, and leaves the earlier outputs untouched.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kommunrapport } from '../helpers/kommunrapport.ts';

const REPORT = 'oxelosund-von-verksamhetsplan-2024-2026';

const cli = (...args: string[]) => kommunrapport(args);

/** 1-based line of the first line in `file` that contains `needle`. */
function lineOf(file: string, needle: string): number {
  const index = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle));
  if (index === -1) throw new Error(`"${needle}" not in ${file}`);
  return index + 1;
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`no change in ${file}`);
  writeFileSync(file, next);
}

describe('a broken copy of the example', () => {
  let root: string;
  let out: string;
  let result: Awaited<ReturnType<typeof cli>>;
  let dir: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kommunrapport-trasig-'));
    out = mkdtempSync(join(tmpdir(), 'kommunrapport-ut-'));
    cpSync('content', root, { recursive: true });
    dir = join(root, REPORT);
    // an earlier, good build
    writeFileSync(join(out, `${REPORT}.pdf`), 'tidigare PDF');
    writeFileSync(join(out, `${REPORT}.html`), 'tidigare HTML');

    const ekonomi = join(dir, '03-ekonomi.md');
    edit(ekonomi, 'namn: Miljö- och hälsoskydd, prognos-2023: -168,', 'namn: Miljö- och hälsoskydd, prognos-2023: ett hundra,');
    edit(ekonomi, 'budget-2024: -348937 }', 'budget-2024: -348938 }');
    edit(ekonomi, 'namn: Insatser enl LSS, prognos-2023: 3840,', 'namn: Insatser enl LSS, prognoss-2023: 3840,');
    edit(join(dir, '11-nyckeltal.md'), /^rubrik:/m, 'rubrik: Nyckeltal\n  felindrag: [\nx:');
    edit(join(dir, '01-inledning.md'), /$/, '\n\n![Organisationsschema för förvaltningen](organisation.png)\n');
    result = await cli('--content', root, '--out', out);
  });

  it('exits with code 1 and builds nothing', async () => {
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`✗ ${REPORT}: byggdes inte på grund av fel i innehållet`);
    expect(readFileSync(join(out, `${REPORT}.pdf`), 'utf8')).toBe('tidigare PDF');
    expect(readFileSync(join(out, `${REPORT}.html`), 'utf8')).toBe('tidigare HTML');
    expect(existsSync(join(out, `${REPORT}.docx`))).toBe(false);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reports text where a number belongs, at its line', () => {
    const file = `${REPORT}/03-ekonomi.md`;
    const line = lineOf(join(dir, '03-ekonomi.md'), 'prognos-2023: ett hundra');
    expect(result.stderr).toContain(`${file}:${line}:`);
    expect(result.stderr).toContain('fel: Förväntade ett tal i "prognos-2023", men fick texten "ett hundra".');
  });

  it('reports a misspelt column with the nearest one', () => {
    const line = lineOf(join(dir, '03-ekonomi.md'), 'prognoss-2023');
    expect(result.stderr).toMatch(new RegExp(`03-ekonomi\\.md:${line}:\\d+: fel: Okänd kolumn "prognoss-2023". Menade du "prognos-2023"\\?`));
  });

  it('reports broken YAML in another file in the same run', () => {
    expect(result.stderr).toMatch(/11-nyckeltal\.md:\d+:\d+: fel: YAML-fel/);
  });

  it('reports the missing image file', () => {
    const line = lineOf(join(dir, '01-inledning.md'), 'organisation.png');
    expect(result.stderr).toContain(`01-inledning.md:${line}: fel: Bilden "organisation.png" finns inte i rapportmappen.`);
  });

  it('ends with a count of the problems', () => {
    expect(result.stdout).toMatch(/\n[4-9] fel, 0 varningar/);
  });
});

describe('the sum check through the CLI', () => {
  it('names both values and the difference', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kommunrapport-summa-'));
    cpSync('content', root, { recursive: true });
    const file = join(root, REPORT, '03-ekonomi.md');
    edit(file, 'budget-2024: -348937 }', 'budget-2024: -348938 }');
    const { code, stderr } = await cli('--content', root, '--check');
    expect(code).toBe(1);
    const line = lineOf(file, 'budget-2024: -348938 }');
    expect(stderr).toContain(
      `${line}:`,
    );
    expect(stderr.replace(/\u00a0/g, ' ')).toContain('fel: Summaraden "S:a Nettokostnad", kolumn "M & B 2024": angivet −348 938 men raderna summerar till −348 937 (skillnad −1).');
  });
});

describe('flags', () => {
  it('--check validates the examples without writing anything', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kommunrapport-check-'));
    const { code, stdout } = await cli('--check', '--out', out);
    expect(code).toBe(0);
    expect(stdout).toContain(`✓ ${REPORT}: innehållet är kontrollerat`);
    expect(readdirSync(out)).toEqual([]);
  });

  it('--report and --format build one report in the chosen formats', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kommunrapport-html-'));
    const { code, stdout } = await cli('--report', REPORT, '--format', 'html', '--out', out);
    expect(code).toBe(0);
    // Beside the report: the manifest that lets an unchanged rebuild stop early (src/output/manifest.ts).
    expect(readdirSync(out).sort()).toEqual(['.kommunrapport-manifest.json', `${REPORT}.html`]);
    expect(stdout).toMatch(/0 fel, 0 varningar/);
  });

  it('refuses an unknown format with exit code 2', async () => {
    const { code, stderr } = await cli('--format', 'odt', '--check');
    expect(code).toBe(2);
    expect(stderr).toContain('okänt format "odt"');
  });
});
