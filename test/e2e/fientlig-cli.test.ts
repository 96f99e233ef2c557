/**
 * A few hostile cases through the whole command, as a user meets them (async
 * child processes): the exit code, the Swedish message on stderr with file and
 * line or with what to do, no JavaScript stack trace, and the earlier outputs
 * byte-identical afterwards.
 */
import { describe, expect, it } from 'vitest';
import { kommunrapport } from '../helpers/kommunrapport.ts';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { earlierOutput, hostileFolder } from '../helpers/hostile.ts';
import { section } from '../helpers/fixture.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The compiled kommunrapport command: "main" is the build (flags without a subcommand), "diff" the diff. */
async function run(script: 'main' | 'diff', args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const r = await kommunrapport(script === 'diff' ? ['diff', ...args] : args, { env });
  return { code: r.code ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const noStack = (r: Run) => expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at |Error:|node:internal/);

describe('the command line with hostile input', () => {
  it('content errors of several kinds: exit 1, every one in Swedish with file and line, earlier outputs untouched', async () => {
    const { root } = hostileFolder({
      files: {
        '01-a.md': Buffer.from('---\nrubrik: V\xe4rld\n---\n', 'latin1'),
        '02-b.md': section(`rubrik: B\nx: ${'['.repeat(5000)}${']'.repeat(5000)}`),
        '03-c.md': section('rubrik: C', '\n![Karta](karta%E0%A4%A.png)\n'),
      },
    });
    const { out, snapshot } = earlierOutput();
    const before = snapshot();
    const r = await run('main', ['--content', root, '--out', out, '--format', 'html,json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rapport\/01-a\.md:2: fel: Filen är inte sparad som UTF-8/);
    expect(r.stderr).toMatch(/rapport\/02-b\.md:3: fel: Front matter är nästlad i fler nivåer/);
    expect(r.stderr).toMatch(/rapport\/03-c\.md:5: fel: Bildens sökväg "[^"]+" har en trasig %-kod/);
    expect(r.stdout).toContain('✗ rapport: byggdes inte på grund av fel i innehållet');
    noStack(r);
    expect(snapshot()).toEqual(before);
  }, 240_000);

  it.each([
    ['main', ['--formt', 'pdf'], 'fel: okänd flagga "--formt". Menade du "--format"?'],
    ['main', ['--format', 'pfd'], 'fel: okänt format "pfd"; välj bland pdf, docx, html, granskning, json, xlsx. Menade du "pdf"?'],
    ['main', ['chek'], 'fel: okänt kommando "chek". Menade du "check"?'],
    ['diff', ['--htm', 'x.html'], 'fel: okänd flagga "--htm". Menade du "--html"?'],
  ] as const)('%s %s: exit 2 with a Swedish suggestion', async (script, args, message) => {
    const r = await run(script, [...args]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]!.startsWith(message)).toBe(true);
    expect(r.stderr).toContain('Användning:');
  }, 60_000);

  it('KOMMUNRAPPORT_BROWSER pointing at a missing file: exit 3, says so, builds nothing', async () => {
    const { root } = hostileFolder({ files: { '01-a.md': section('rubrik: A', 'Text.') } });
    const { out, snapshot } = earlierOutput();
    const before = snapshot();
    const r = await run('main', ['--content', root, '--out', out, '--format', 'pdf,html'], { KOMMUNRAPPORT_BROWSER: '/finns/inte/chrome' });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('fel: KOMMUNRAPPORT_BROWSER pekar på /finns/inte/chrome, men där finns ingen fil.');
    expect(r.stderr).toMatch(/→ Ange hela sökvägen till webbläsarens programfil/);
    noStack(r);
    expect(snapshot()).toEqual(before);
  }, 120_000);

  it('an output that cannot be written (a folder where a file goes): exit 5, Swedish, nothing of the report replaced', async () => {
    const { root } = hostileFolder({ files: { '01-a.md': section('rubrik: A', 'Text.') } });
    const { out, snapshot } = earlierOutput();
    rmSync(join(out, 'rapport.html'));
    mkdirSync(join(out, 'rapport.html'));
    const before = snapshot();
    const r = await run('main', ['--content', root, '--out', out, '--format', 'json,granskning,html']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/fel: Kunde inte skriva utdata: \S*rapport\.html är en mapp, men en fil med det namnet ska skrivas där\. Inga filer ändrades/);
    expect(r.stderr).toMatch(/→ Byt namn på mappen/);
    noStack(r);
    expect(snapshot()).toEqual(before);
  }, 120_000);
});
