/**
 * The corpus of hostile and broken content: each case is a content folder
 * made in a temporary directory (the fixture's profile "prov" and report
 * "rapport", with files added, replaced or linked), built in-process into an
 * output folder that already holds an earlier build. Helpers check what every
 * case must show: the message (Swedish, file, line, hint), nothing from
 * outside the folder in any output, and the earlier outputs byte for byte.
 */
import { expect } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build, type BuildResult, type Format } from '../../src/build.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { contentFolder } from './fixture.ts';

/** Text that lives outside every content folder; it must never appear in any output or message. */
export const SECRET = 'HEMLIG-UPPGIFT-4711';

export interface HostileCase {
  /** Files of the report folder (relative), as text or bytes. */
  files?: Record<string, string | Uint8Array>;
  index?: string;
  /** Replaces the profile's kommun.yaml or logotyp.svg. */
  profile?: string;
  logo?: string;
  /** Symbolic links to make: path relative to the content root → absolute target. */
  links?: Record<string, string>;
  /** Files of the report folder to delete before linking (so a link can take their place). */
  remove?: string[];
}

/** A folder outside the content root with a secret section, profile, image and logo in it. */
export function outsideFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kommunrapport-utanfor-'));
  writeFileSync(join(dir, 'hemlig.md'), `---\nrubrik: ${SECRET}\n---\n${SECRET}\n`);
  writeFileSync(join(dir, 'kommun.yaml'), `namn: ${SECRET}\nlogotyp: logotyp.svg\nfärger:\n  primär: "#00507A"\n  sekundär: "#00766C"\n`);
  writeFileSync(join(dir, 'logotyp.svg'), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>${SECRET}</title></svg>`);
  writeFileSync(join(dir, 'index.md'), `---\ntyp: verksamhetsplan\nkommun: prov\nnämnd: ${SECRET}\ntitel: ${SECRET}\nperiod: 2024\nstatus: utkast\ndatum: 2024-01-01\n---\n`);
  // A valid 1×1 PNG.
  writeFileSync(join(dir, 'bild.png'), Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'));
  mkdirSync(join(dir, 'profil'));
  writeFileSync(join(dir, 'profil', 'kommun.yaml'), readFileSync(join(dir, 'kommun.yaml')));
  writeFileSync(join(dir, 'profil', 'logotyp.svg'), readFileSync(join(dir, 'logotyp.svg')));
  return dir;
}

export function hostileFolder(c: HostileCase): { root: string; report: string } {
  const { root, report } = contentFolder({}, c.index ? { index: c.index } : {});
  const write = (path: string, data: string | Uint8Array) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  };
  for (const [name, data] of Object.entries(c.files ?? {})) write(join(report, name), data);
  if (c.profile) write(join(root, 'kommuner', 'prov', 'kommun.yaml'), c.profile);
  if (c.logo) write(join(root, 'kommuner', 'prov', 'logotyp.svg'), c.logo);
  for (const name of c.remove ?? []) rmSync(join(root, name), { recursive: true, force: true });
  for (const [name, target] of Object.entries(c.links ?? {})) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    symlinkSync(target, join(root, name));
  }
  return { root, report };
}

/** An output folder holding an earlier build of "rapport" (and of another report); returns a byte snapshot reader. */
export function earlierOutput(): { out: string; snapshot: () => Record<string, string> } {
  const out = mkdtempSync(join(tmpdir(), 'kommunrapport-ut-'));
  for (const ext of ['pdf', 'docx', 'html', 'granskning.txt', 'modell.json']) writeFileSync(join(out, `rapport.${ext}`), `tidigare rapport.${ext} \u00e5\u00e4\u00f6 ${ext}`);
  writeFileSync(join(out, 'annan.html'), 'en annan rapports HTML');
  const snapshot = () =>
    Object.fromEntries(
      readdirSync(out, { withFileTypes: true })
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((e) => [e.name, e.isDirectory() ? '(mapp)' : readFileSync(join(out, e.name), 'latin1')]),
    );
  return { out, snapshot };
}

export interface HostileRun {
  result: BuildResult;
  errors: Diagnostic[];
  /** Every output file's text (latin1, so bytes of any format can be searched). */
  outputs: Record<string, string>;
  before: Record<string, string>;
  after: Record<string, string>;
}

export async function buildHostile(c: HostileCase, formats: readonly Format[] = ['html', 'json', 'granskning', 'docx']): Promise<HostileRun> {
  const { root } = hostileFolder(c);
  const { out, snapshot } = earlierOutput();
  const before = snapshot();
  const result = await build({ contentDir: root, outDir: out, formats });
  const after = snapshot();
  return { result, errors: result.diagnostics.filter((d) => d.severity === 'fel'), outputs: after, before, after };
}

/** What every refused case must show: not built, earlier outputs untouched, the secret nowhere, and a helpful Swedish message. */
export function expectRefused(run: HostileRun, expected: { code: string; file: RegExp; line?: number; message: RegExp; hint?: RegExp; field?: string }): Diagnostic {
  expect(run.result.ok).toBe(false);
  expect(run.after).toEqual(run.before);
  expect(JSON.stringify(run.result)).not.toContain(SECRET);
  for (const text of Object.values(run.outputs)) expect(text).not.toContain(SECRET);
  const d = run.errors.find((e) => e.code === expected.code);
  expect(d, `${expected.code} in ${JSON.stringify(run.errors)}`).toBeDefined();
  expect(d!.file).toMatch(expected.file);
  if (expected.line !== undefined) expect(d!.line).toBe(expected.line);
  if (expected.field !== undefined) expect(d!.field).toBe(expected.field);
  expect(d!.message).toMatch(expected.message);
  expect(d!.hint ?? '').toMatch(expected.hint ?? /\S/);
  // Swedish, and no English system or parser text.
  expect(`${d!.message} ${d!.hint}`).not.toMatch(/\b(Error|exceeded|Unexpected|malformed|Invalid|undefined|Cannot|failed)\b/);
  return d!;
}
