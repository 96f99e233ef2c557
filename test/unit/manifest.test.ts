/**
 * The unchanged-rebuild fast path decides "nothing to do" only when every
 * input, the code, the flags and every output are as the last build left
 * them; any change at all means a rebuild.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build, type Format } from '../../src/build.ts';
import { buildKey, codeFingerprintOf, manifestText, MANIFEST_FILE, unchangedBuild, type BuildSettings } from '../../src/output/manifest.ts';
import { contentFolder } from '../helpers/fixture.ts';

const formats: Format[] = ['html', 'json'];

/** A built content folder with its manifest, as the build command leaves it. */
async function built() {
  const { root, report } = contentFolder({ '01-a.md': '---\nrubrik: Avsnitt\n---\nText.\n' });
  const out = mkdtempSync(join(tmpdir(), 'kommunrapport-manifest-'));
  const settings: BuildSettings = { contentDir: root, reports: [], formats };
  const key = buildKey(settings, 'kod-1');
  const result = await build({ contentDir: root, outDir: out, formats });
  expect(result.ok).toBe(true);
  const reports = result.reports.map((r) => ({ id: r.id, title: r.title, files: r.written.map((f) => relative(out, f)) }));
  writeFileSync(join(out, MANIFEST_FILE), manifestText(out, key, reports, result.diagnostics));
  const unchanged = (s: Partial<BuildSettings> = {}, code = 'kod-1') => unchangedBuild(out, buildKey({ ...settings, ...s }, code));
  return { root, report, out, unchanged };
}

describe('the unchanged-rebuild manifest', () => {
  it('finds nothing changed when nothing did, and gives the reports and their files', async () => {
    const { unchanged } = await built();
    expect(unchanged()).toEqual({
      reports: [{ id: 'rapport', title: 'Provnämndens verksamhetsplan 2024–2026', files: ['rapport.html', 'rapport.modell.json'] }],
      diagnostics: expect.any(Array),
    });
  });

  it('rebuilds after a change to a content file, a new file, or a removed one', async () => {
    const a = await built();
    writeFileSync(join(a.report, '01-a.md'), '---\nrubrik: Avsnitt\n---\nText ändrad.\n');
    expect(a.unchanged()).toBeUndefined();
    const b = await built();
    writeFileSync(join(b.report, 'bild.png'), 'x');
    expect(b.unchanged()).toBeUndefined();
    const c = await built();
    rmSync(join(c.report, '01-a.md'));
    expect(c.unchanged()).toBeUndefined();
  });

  it('rebuilds after a change to the profile', async () => {
    const { root, unchanged } = await built();
    const file = join(root, 'kommuner', 'prov', 'kommun.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('#00507A', '#00507B'));
    expect(unchanged()).toBeUndefined();
  });

  it('rebuilds when a report folder is added', async () => {
    const { root, report, unchanged } = await built();
    cpSync(report, join(root, 'rapport-2'), { recursive: true });
    expect(unchanged()).toBeUndefined();
  });

  it('rebuilds for another code version, other formats or a shard', async () => {
    const { unchanged } = await built();
    expect(unchanged({}, 'kod-2')).toBeUndefined();
    expect(unchanged({ formats: ['html'] })).toBeUndefined();
    expect(unchanged({ shard: '1/1' })).toBeUndefined();
    // Naming the only report is the same build; the order formats are named in does not matter.
    expect(unchanged({ reports: ['rapport'] })).toBeDefined();
    expect(unchanged({ formats: ['json', 'html'] })).toBeDefined();
  });

  it('rebuilds when an output is missing or was changed', async () => {
    const a = await built();
    rmSync(join(a.out, 'rapport.html'));
    expect(a.unchanged()).toBeUndefined();
    const b = await built();
    writeFileSync(join(b.out, 'rapport.modell.json'), '{}');
    expect(b.unchanged()).toBeUndefined();
    const c = await built();
    writeFileSync(join(c.out, MANIFEST_FILE), 'inte json');
    expect(c.unchanged()).toBeUndefined();
  });

  it('the code fingerprint follows the code, the templates and package.json', () => {
    const pkg = mkdtempSync(join(tmpdir(), 'kommunrapport-paket-'));
    mkdirSync(join(pkg, 'dist', 'cli'), { recursive: true });
    mkdirSync(join(pkg, 'templates'));
    writeFileSync(join(pkg, 'package.json'), '{"version":"1.0.0","dependencies":{}}');
    writeFileSync(join(pkg, 'dist', 'cli', 'main.js'), 'a');
    writeFileSync(join(pkg, 'templates', 'report.hbs'), '<p>');
    const print = () => codeFingerprintOf(join(pkg, 'dist'), pkg);
    const first = print();
    expect(print()).toBe(first);
    writeFileSync(join(pkg, 'templates', 'report.hbs'), '<div>');
    const second = print();
    expect(second).not.toBe(first);
    writeFileSync(join(pkg, 'dist', 'cli', 'main.js'), 'b');
    const third = print();
    expect(third).not.toBe(second);
    writeFileSync(join(pkg, 'package.json'), '{"version":"1.0.1","dependencies":{}}');
    expect(print()).not.toBe(third);
  });
});
